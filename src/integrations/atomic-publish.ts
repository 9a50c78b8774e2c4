/**
 * Builds into a staging folder next to the output folder and swaps it in only
 * when every step (including the checks after the build, and the work left
 * running beside them) has passed. A failed build leaves the previous site
 * exactly as it was. Must be the last integration.
 *
 * The site that was replaced stays in `.<out>-previous/` as a one-step rollback
 * until the next build, which deletes it in the background while it works.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { backgroundWorkDone } from './background-work.ts';

export function stagingDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-staging`);
}

function previousDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-previous`);
}

/** Replace `outDir` with `staging`, keeping the old output as `previous` (which must not exist). */
export function swapIn(staging: string, outDir: string, previous: string): void {
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
}

export function atomicPublish(): AstroIntegration {
  let outDir = '';
  let staging = '';
  let clearing: Promise<void> = Promise.resolve();
  return {
    name: 'jindu:atomic-publish',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        staging = stagingDirFor(outDir);
        rmSync(staging, { recursive: true, force: true });
        clearing = rm(previousDirFor(outDir), { recursive: true, force: true });
        clearing.catch(() => {}); // awaited (and reported) before the swap
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
      'astro:build:done': async ({ logger }) => {
        await backgroundWorkDone();
        await clearing;
        swapIn(staging, outDir, previousDirFor(outDir));
        logger.info(`已发布到 ${path.relative(process.cwd(), outDir) || outDir}（上一版保留在 ${path.basename(previousDirFor(outDir))}，可用于回滚）`);
      },
    },
  };
}
