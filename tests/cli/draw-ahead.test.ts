/**
 * Share images drawn in a child process while the build goes on: the images
 * land in the cache, and a build that has nothing left to do but wait for the
 * drawing waits for it rather than exiting half done (a 5,000-item build once
 * ended silently while its drawing thread was still at work).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFile } from '#/og/render.ts';
import type { ShareImage } from '#/og/share-list.ts';

const cacheDir = mkdtempSync(path.join(tmpdir(), 'draw-ahead-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const brand = { siteName: '青禾禁毒', publisher: '青禾县禁毒委员会办公室', primary: '#2e6b3a', accent: '#8a3b12' };
const images: ShareImage[] = ['春季禁毒宣传进校园', '社区禁毒知识讲座', '禁毒教育基地开放日'].map((title, i) => ({
  path: `/og/news/item-${i}.png`,
  kind: 'card',
  inputs: { brand, title, column: '禁毒新闻', date: `2025年3月${i + 1}日` },
}));

/** Runs drawAhead(...).finished() in a fresh process whose only pending work is the drawing. */
function drawInChild() {
  const script = path.join(cacheDir, 'draw.mjs');
  writeFileSync(
    script,
    `import { drawAhead } from ${JSON.stringify(pathToFileURL(path.resolve('src/integrations/share-images/draw-ahead.ts')).href)};
const [images, cacheDir] = JSON.parse(process.argv[2]);
const { files, failure } = await drawAhead(images, cacheDir).finished();
console.log(JSON.stringify({ drawn: files.size, failure }));
`,
  );
  return spawnSync(process.execPath, [script, JSON.stringify([images, cacheDir])], { encoding: 'utf8' });
}

describe('drawing ahead', () => {
  it('draws the missing images in a child process, and the build process waits for it', () => {
    const child = drawInChild();
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ drawn: 3 });
    for (const image of images) expect(existsSync(cacheFile(image, cacheDir))).toBe(true);
  }, 60_000);

  it('starts no process when every image is in the cache', () => {
    const child = drawInChild();
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ drawn: 0 });
  }, 60_000);
});
