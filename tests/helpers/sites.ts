/**
 * The sites the build tests read: the real content and a second city's
 * fixture, built with the same code into tests/.output/. The build day is fixed
 * so "upcoming" and scheduled items do not depend on when the tests run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { paths } from '#/lib/site/urls.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUTPUT = path.join(ROOT, 'tests/.output');

const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

/**
 * `astro build` in a Node process of its own, as CI runs it (process.execPath is the project's Node 24; Astro 7 refuses older).
 * `cwd` runs it from another folder (a checkout's copy, so messages name `content/…` as they do in CI), with this project as its root.
 */
export function astroBuild(env: NodeJS.ProcessEnv, cwd = ROOT): { status: number | null; stdout: string; output: string } {
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--root', ROOT], { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, output: result.stdout + result.stderr };
}

export const BUILD_DATE = '2026-11-28';

export interface SiteUnderTest {
  name: string;
  contentDir: string;
  outDir: string;
  siteUrl: string;
}

export const SITES = {
  main: {
    name: 'main',
    contentDir: path.join(ROOT, 'content'),
    outDir: path.join(OUTPUT, 'main'),
    siteUrl: 'https://jindu.test.example',
  },
  otherCity: {
    name: 'other-city',
    contentDir: path.join(ROOT, 'tests/fixtures/other-city'),
    outDir: path.join(OUTPUT, 'other-city'),
    siteUrl: 'https://jindu.other-city.example',
  },
} satisfies Record<string, SiteUnderTest>;

export function buildEnv(site: SiteUnderTest): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SITE_CONTENT_DIR: site.contentDir,
    SITE_OUT_DIR: site.outDir,
    SITE_CACHE_DIR: path.join(OUTPUT, `.cache-${site.name}`),
    SITE_URL: site.siteUrl,
    SITE_BUILD_DATE: BUILD_DATE,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

/** Read a built file by its URL path: `/news/` → news/index.html. */
export function readPage(site: SiteUnderTest, urlPath: string): string {
  const file = urlPath.endsWith('/') ? path.join(site.outDir, urlPath, 'index.html') : path.join(site.outDir, urlPath);
  if (!existsSync(file)) throw new Error(`not built: ${urlPath} (${file})`);
  return readFileSync(file, 'utf8');
}

export function pageExists(site: SiteUnderTest, urlPath: string): boolean {
  const file = urlPath.endsWith('/') ? path.join(site.outDir, urlPath, 'index.html') : path.join(site.outDir, urlPath);
  return existsSync(file);
}

/**
 * Every page for readers in a built site, by URL path: every HTML file but the
 * web editor's, an application for staff with rules of its own
 * (tests/site/editor.test.ts, tests/browser/editor.test.ts).
 */
export function builtPages(site: SiteUnderTest): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (name.endsWith('.html')) {
        const rel = path.relative(site.outDir, abs).split(path.sep).join('/');
        out.push(rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`);
      }
    }
  };
  walk(site.outDir);
  return out.filter((page) => page !== paths.admin()).sort();
}
