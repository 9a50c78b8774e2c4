/**
 * Lets the steps after the build skip work whose inputs have not changed since
 * the last build. A key is the sha256 of everything a result depends on,
 * including the source code of the step itself, so changing a check re-runs it.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** Where the build keeps what it may reuse: Astro's cache folder (`SITE_CACHE_DIR`, as astro.config.mjs sets it). */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.SITE_CACHE_DIR || 'node_modules/.astro');
}

export function digest(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** A digest of source files and folders: part of a key, so a code change invalidates it. */
export function sourceDigest(paths: readonly string[]): string {
  const files = paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p, { recursive: true, withFileTypes: true })
          .filter((d) => d.isFile())
          .map((d) => path.join(d.parentPath, d.name))
          .sort()
      : [p],
  );
  return digest(...files.flatMap((file) => [file, readFileSync(file)]));
}

/**
 * Keys of inputs that passed a check in the last build. Only this build's keys
 * are saved, so the file does not grow with old versions of pages.
 */
export class PassedKeys {
  private readonly file: string;
  private readonly before: ReadonlySet<string>;
  private readonly now = new Set<string>();

  constructor(file: string) {
    this.file = file;
    let keys: string[] = [];
    try {
      keys = JSON.parse(readFileSync(file, 'utf8')) as string[];
    } catch {
      // no cache yet, or an unreadable one: everything is checked
    }
    this.before = new Set(keys);
  }

  /** Whether `key` passed last time; either way it is remembered as passing now, unless `save` is not called. */
  passedBefore(key: string): boolean {
    this.now.add(key);
    return this.before.has(key);
  }

  /** Call only when every check passed. */
  save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify([...this.now].sort()));
    renameSync(temporary, this.file);
  }
}

/** Errors that mean "no hard link here" (another file system, or one without links), not a real failure. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP']);

/**
 * Puts `from` at `to` as a hard link, or a copy where links are not possible.
 * Safe because cached files are never rewritten in place (new versions are
 * written beside them and renamed), and neither are the built files.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if (!NO_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(from, to);
  }
}

/** `linkOrCopy` for every file under a folder. */
export function linkOrCopyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) linkOrCopyTree(source, path.join(to, entry.name));
    else linkOrCopy(source, path.join(to, entry.name));
  }
}

/**
 * Fills `target` with the folder a step produced for `key` last time, or runs
 * `produce` to write it and keeps a copy under `cacheRoot` (only the latest key).
 * Returns whether the cached copy was used.
 */
export async function reuseOrProduceDir(
  { cacheRoot, key, target }: { cacheRoot: string; key: string; target: string },
  produce: () => Promise<void>,
): Promise<boolean> {
  const cached = path.join(cacheRoot, key);
  if (existsSync(cached)) {
    linkOrCopyTree(cached, target);
    return true;
  }
  await produce();
  rmSync(cacheRoot, { recursive: true, force: true });
  mkdirSync(cacheRoot, { recursive: true });
  const temporary = `${cached}.${process.pid}.tmp`;
  linkOrCopyTree(target, temporary);
  renameSync(temporary, cached);
  return false;
}
