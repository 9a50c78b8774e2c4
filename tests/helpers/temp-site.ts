/**
 * A temp copy of the other-city fixture for gate tests: write files into it,
 * then read the gate's problems as staff see them (paths relative to the copy).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { checkContent, type ContentCheck } from '#/lib/gate/check-content.ts';
import { formatProblem } from '#/lib/gate/problem.ts';
import { loadSettings } from '#/lib/site/settings.ts';

const FIXTURE = path.resolve('tests/fixtures/other-city');

/** The build day the gate tests run on. */
export const BUILD_DAY = '2026-11-28';

export interface TempSite {
  /** The content folder (inside `root`, which also holds files outside it, and `public/`: write `../public/x`). */
  dir: string;
  root: string;
  write(relative: string, text: string | Buffer): string;
  check(): ContentCheck;
  /** Every problem, formatted, paths relative to the content folder. */
  report(): string[];
}

/** A fresh copy before each test, removed after it. */
export function useTempSite(): TempSite {
  const site: TempSite = {
    dir: '',
    root: '',
    write(relative, text) {
      const file = path.resolve(site.dir, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    check: () =>
      checkContent(site.dir, loadSettings(site.dir, {}), {
        env: { SITE_BUILD_DATE: BUILD_DAY, SITE_PUBLIC_DIR: path.join(site.root, 'public') },
      }),
    report: () => site.check().problems.map((p) => formatProblem({ ...p, file: path.relative(site.dir, path.resolve(p.file)) })),
  };
  beforeEach(() => {
    site.root = mkdtempSync(path.join(tmpdir(), 'gate-'));
    site.dir = path.join(site.root, 'content');
    cpSync(FIXTURE, site.dir, { recursive: true });
  });
  afterEach(() => rmSync(site.root, { recursive: true, force: true }));
  return site;
}

/** A news file with valid frontmatter (fields may be replaced or, with '', left out) and a body. */
export function news(fields: Record<string, string> = {}, body = '正文。'): string {
  const all = {
    title: '城关镇开展禁毒宣传活动',
    date: '"2025-04-01"',
    category: '宣传教育',
    outlets: '[本站]',
    summary: '城关镇在集市上设点宣传禁毒知识，发放宣传资料。',
    ...fields,
  };
  const lines = Object.entries(all)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}
