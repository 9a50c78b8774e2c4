/**
 * The build has no state outside the build: `astro build` runs twice in one
 * process through Astro's API, and the second build publishes the second
 * content, with its own gate result, share images and checks.
 */
import { build } from 'astro';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { ROOT, SITES } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'in-process-'));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(work, { recursive: true, force: true });
});

it('builds twice in one process, the second time from changed content', async () => {
  const content = path.join(work, 'content');
  const out = path.join(work, 'dist');
  cpSync(SITES.otherCity.contentDir, content, { recursive: true });
  for (const [name, value] of Object.entries({
    SITE_CONTENT_DIR: content,
    SITE_OUT_DIR: out,
    SITE_CACHE_DIR: path.join(work, 'cache'),
    SITE_BUILD_DATE: '2026-11-28',
    SITE_URL: 'https://county.example',
  })) {
    vi.stubEnv(name, value);
  }
  const page = path.join(out, 'news/2025-05-10-chengguan-jindu-zhan-lan/index.html');
  await build({ root: ROOT, logLevel: 'error' });
  const first = readFileSync(page, 'utf8');

  const file = path.join(content, 'news/2025-05-10-chengguan-jindu-zhan-lan.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: $1（修订）'));
  await build({ root: ROOT, logLevel: 'error' });
  const second = readFileSync(page, 'utf8');

  expect(first).not.toContain('（修订）');
  expect(second).toContain('（修订）</h1>');
  // The second build drew the changed card, checked the pages and published with its own rollback copy.
  expect(existsSync(path.join(out, 'og/news/2025-05-10-chengguan-jindu-zhan-lan/card.png'))).toBe(true);
  expect(readFileSync(path.join(path.dirname(out), '.dist-previous/news/2025-05-10-chengguan-jindu-zhan-lan/index.html'), 'utf8')).toBe(
    first,
  );
}, 180_000);
