/**
 * Reproducible output: two clean builds of the same content, one on a machine
 * set to UTC and one set to Asia/Shanghai, into different folders, give the
 * same bytes. Dates are always read and written in the site's zone.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { filesUnder } from '#/lib/build/output-checks.ts';
import { ROOT, SITES, buildEnv } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function manifest(tz: string): string {
  const outDir = path.join(work, tz.replace('/', '-'), 'dist');
  const env: NodeJS.ProcessEnv = { ...buildEnv({ ...SITES.main, name: `repro-${tz.replace('/', '-')}`, outDir }), TZ: tz };
  rmSync(env.SITE_CACHE_DIR!, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stdout + result.stderr);
  return filesUnder(outDir, () => true)
    .map((file) => `${createHash('sha256').update(readFileSync(file)).digest('hex')}  ${path.relative(outDir, file)}`)
    .join('\n');
}

it('gives byte-identical output with TZ=UTC and TZ=Asia/Shanghai', () => {
  const utc = manifest('UTC');
  const shanghai = manifest('Asia/Shanghai');
  expect(utc.split('\n').length).toBeGreaterThan(50);
  expect(shanghai).toBe(utc);
}, 120_000);
