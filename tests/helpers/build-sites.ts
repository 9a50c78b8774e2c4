/**
 * Vitest global setup of the `site` and `browser` projects: build both test
 * sites once per run, one after the other (they share the project's `.astro/`).
 * Global setup runs in Vitest's main process, once per project that names it,
 * so the first call builds and later ones reuse its promise.
 */
import { rmSync } from 'node:fs';
import { astroBuild, buildEnv, SITES } from './sites.ts';

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
    const result = astroBuild(buildEnv(site));
    if (result.status !== 0) throw new Error(`building the ${site.name} site failed:\n${result.output}`);
    console.log(`built ${site.name} site in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
