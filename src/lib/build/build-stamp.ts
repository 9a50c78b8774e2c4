/**
 * The build stamp: a small file next to the output folder (never inside it, so
 * nothing new is served) that only a build which passed every step writes, as
 * it swaps its output in. `npm run deploy` uploads an output folder only when
 * its stamp names the commit checked out now, so a failed build (which removes
 * the stamp as it starts) or an output left from another commit never goes live.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface BuildStamp {
  /** `git rev-parse HEAD` when the build ran, or null outside a Git checkout. */
  commit: string | null;
  /** The site's build day (`YYYY-MM-DD`, what "today" was for scheduling). */
  day: string;
  /** When the output was published, as an ISO time in UTC. */
  builtAt: string;
}

export function stampPathFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-build.json`);
}

/** The commit checked out in `dir`, or null when it is no Git checkout. */
export function gitHead(dir: string): string | null {
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: dir, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Written through a temporary file and a rename, so a reader never sees half a stamp. */
export function writeStamp(outDir: string, stamp: BuildStamp): void {
  const file = stampPathFor(outDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(stamp, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** As a build starts: until it passes, its output folder is not one to deploy. */
export function clearStamp(outDir: string): void {
  rmSync(stampPathFor(outDir), { force: true });
}

/** The stamp of `outDir`, or a Chinese sentence saying why it cannot be deployed. */
export function readStamp(outDir: string, head: string | null): BuildStamp | string {
  const file = stampPathFor(outDir);
  const shown = path.relative(process.cwd(), file) || file;
  if (!existsSync(outDir)) return `没有找到生成结果 ${outDir}：请先运行 npm run build。`;
  if (!existsSync(file)) {
    return `${outDir} 没有生成成功的标记（${shown}）：最近一次生成没有完成或失败了。请先运行 npm run build，成功后再部署。`;
  }
  let stamp: BuildStamp;
  try {
    stamp = JSON.parse(readFileSync(file, 'utf8')) as BuildStamp;
  } catch {
    return `生成标记 ${shown} 无法读取：请重新运行 npm run build。`;
  }
  if (stamp.commit !== head) {
    return `${outDir} 是提交 ${stamp.commit?.slice(0, 12) ?? '（无）'} 生成的，而当前检出的是 ${head?.slice(0, 12) ?? '（无）'}：请先运行 npm run build，再部署。`;
  }
  return stamp;
}
