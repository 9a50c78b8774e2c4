/**
 * Builds into a staging folder next to the output folder and swaps it in only
 * when every step (including the checks after the build, and the work left
 * running beside them) has passed. A failed build leaves the previous site
 * exactly as it was.
 *
 * The site that was replaced stays in `.<out>-previous/` as a one-step rollback
 * until the next build, which deletes it in the background while it works.
 * With the swap, the build writes its stamp (the commit it built) beside the
 * output: `npm run deploy` uploads nothing else (src/lib/build/build-stamp.ts).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger, HookParameters } from 'astro';
import { gitHead, writeStamp } from '#/lib/build/build-stamp.ts';
import { backgroundDone, type SiteBuild } from './site-build.ts';

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

/** Where a build writes and what it replaces: decided as the build starts. */
export interface Staging {
  outDir: string;
  staging: string;
  /** Deleting the previous rollback copy, in the background during the build. */
  clearing: Promise<void>;
  /** The commit being built (null outside a Git checkout), for the stamp. */
  commit: string | null;
}

/** Points Astro at an empty staging folder next to the output and starts clearing the old rollback copy. */
export function stageOutput({ config, updateConfig }: HookParameters<'astro:config:setup'>): Staging {
  const outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
  const staging = stagingDirFor(outDir);
  rmSync(staging, { recursive: true, force: true });
  const clearing = rm(previousDirFor(outDir), { recursive: true, force: true });
  clearing.catch(() => {}); // awaited (and reported) before the swap
  updateConfig({ outDir: pathToFileURL(`${staging}/`) });
  return { outDir, staging, clearing, commit: gitHead(fileURLToPath(config.root)) };
}

/** Swaps the staging folder in, once everything left running has finished. Must be the build's last step. */
export async function publish(
  build: SiteBuild,
  { outDir, staging, clearing, commit }: Staging,
  logger: AstroIntegrationLogger,
): Promise<void> {
  await backgroundDone(build);
  await clearing;
  swapIn(staging, outDir, previousDirFor(outDir));
  writeStamp(outDir, { commit, day: build.today, builtAt: new Date().toISOString() });
  logger.info(
    `已发布到 ${path.relative(process.cwd(), outDir) || outDir}（上一版保留在 ${path.basename(previousDirFor(outDir))}，可用于回滚）`,
  );
}
