/**
 * A staff mistake stops `astro build` with the gate's Chinese message, and the
 * site already published stays as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT, SITES, buildEnv } from './sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'bad-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('fails with every problem listed, no stack trace, and leaves the published site alone', () => {
  const contentDir = path.join(work, 'content');
  const outDir = path.join(work, 'dist');
  cpSync(SITES.otherCity.contentDir, contentDir, { recursive: true });
  writeFileSync(
    path.join(contentDir, 'news/2025-06-01-bad.md'),
    '---\ntitle: 北山镇开展禁毒宣传活动\ndate: "2025-02-30"\ncategory: 新闻\noutlets: [本站]\nsummary: 北山镇在集市上设点宣传禁毒知识，发放宣传资料。\n---\n正文\n',
  );
  mkdirSync(outDir);
  writeFileSync(path.join(outDir, 'index.html'), 'published');

  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env: buildEnv({ name: 'bad', contentDir, outDir, siteUrl: 'https://bad.example' }),
    encoding: 'utf8',
  });
  const output = result.stdout + result.stderr;

  expect(result.status).not.toBe(0);
  expect(output).toContain('内容检查发现 2 处错误，网站没有生成');
  expect(output).toContain('news/2025-06-01-bad.md:3 date 日期不存在：2025-02-30（请使用真实日期，如 2025-02-28）');
  expect(output).toContain('news/2025-06-01-bad.md:4 category 只能是以下之一');
  expect(output).not.toContain('Stack trace');
  expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('published');
});
