/**
 * Builds into a staging folder next to the output folder and swaps it in only
 * when every step (including the checks after the build) has passed. A failed
 * build leaves the previous site exactly as it was. Must be the last integration.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

export function stagingDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-staging`);
}

/** Replace `outDir` with `staging`; the old output is removed only after the new one is in place. */
export function swapIn(staging: string, outDir: string): void {
  const old = path.join(path.dirname(outDir), `.${path.basename(outDir)}-previous`);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
}

export function atomicPublish(): AstroIntegration {
  let outDir = '';
  let staging = '';
  return {
    name: 'jindu:atomic-publish',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        staging = stagingDirFor(outDir);
        rmSync(staging, { recursive: true, force: true });
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
      'astro:build:done': ({ logger }) => {
        swapIn(staging, outDir);
        logger.info(`已发布到 ${path.relative(process.cwd(), outDir) || outDir}`);
      },
    },
  };
}
