/**
 * Vitest global setup of the `site` and `browser` projects: build both test
 * sites once per run, one after the other (they share the project's `.astro/`).
 * Global setup runs in Vitest's main process, once per project that names it,
 * so the first call builds and later ones reuse its promise.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SITES, buildEnv } from './sites.ts';

const BUILT = Symbol.for('jindu.tests.sharedBuilds');
const state = globalThis as { [BUILT]?: Promise<void> };

export default function setup(): Promise<void> {
  state[BUILT] ??= buildSharedSites();
  return state[BUILT];
}

async function buildSharedSites() {
  for (const site of Object.values(SITES)) {
    rmSync(site.outDir, { recursive: true, force: true });
    const started = Date.now();
    // process.execPath is the project's Node 24: Astro 7 refuses older versions.
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env: buildEnv(site),
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`building the ${site.name} site failed:\n${result.stdout}\n${result.stderr}`);
    }
    console.log(`built ${site.name} site in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
