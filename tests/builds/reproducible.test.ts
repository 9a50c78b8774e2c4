/**
 * Reproducible output: the shared build of the real content (made in this
 * machine's zone, its cache warm from earlier runs) and a clean build of the
 * same content in another zone, into another folder, give the same bytes.
 * Dates are always read and written in the site's zone.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { filesUnder } from '#/lib/build/output-checks.ts';
import { astroBuild, buildEnv, SITES } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const manifest = (outDir: string) =>
  filesUnder(outDir, () => true)
    .map((file) => `${createHash('sha256').update(readFileSync(file)).digest('hex')}  ${path.relative(outDir, file)}`)
    .join('\n');

/** A clean build of the real content (no cache) with the machine set to `tz`. */
function cleanBuild(tz: string): string {
  const outDir = path.join(work, 'dist');
  const env: NodeJS.ProcessEnv = { ...buildEnv({ ...SITES.main, name: 'repro', outDir }), TZ: tz };
  rmSync(env.SITE_CACHE_DIR!, { recursive: true, force: true });
  const result = astroBuild(env);
  if (result.status !== 0) throw new Error(result.output);
  return outDir;
}

it('gives the same bytes in another time zone, built clean', () => {
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const other = here === 'Asia/Shanghai' ? 'UTC' : 'Asia/Shanghai';
  const shared = manifest(SITES.main.outDir);
  expect(shared.split('\n').length).toBeGreaterThan(50);
  expect(manifest(cleanBuild(other))).toBe(shared);
}, 120_000);
