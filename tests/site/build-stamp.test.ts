/**
 * The build's stamp, which `npm run deploy` requires: written beside the
 * output folder (never inside it, so it is not served) by the build that
 * published it, naming the commit checked out and the build day.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { gitHead, stampPathFor } from '#/lib/build/build-stamp.ts';
import { BUILD_DATE, ROOT, SITES } from '../helpers/sites.ts';

it('stamps the published output with the commit and the build day, beside the folder', () => {
  const file = stampPathFor(SITES.main.outDir);
  expect(path.dirname(file)).toBe(path.dirname(SITES.main.outDir));
  expect(existsSync(file)).toBe(true);
  const stamp = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  expect(stamp.commit).toBe(gitHead(ROOT));
  expect(stamp.day).toBe(BUILD_DATE);
  expect(Date.now() - Date.parse(stamp.builtAt!)).toBeLessThan(24 * 3600 * 1000);
  expect(readdirSync(SITES.main.outDir, { recursive: true }).filter((name) => String(name).endsWith('-build.json'))).toEqual([]);
});
