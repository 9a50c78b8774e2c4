/**
 * The one rule for every file the build reads on behalf of content: it is a
 * regular file, not a symbolic link, and it resolves inside the folder it
 * belongs to. A merged file must never make the build read (and publish)
 * anything else on the machine: `../../etc/passwd`, a link to a home folder,
 * a link loop.
 */
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

export type ConfineFailure = 'missing' | 'outside' | 'symlink' | 'not-file';

export type Confined = { ok: true; abs: string } | { ok: false; reason: ConfineFailure };

const isInside = (root: string, target: string) => {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * `target` (absolute, or relative to `root`) checked against `root`: inside it
 * both as written and once resolved, with no symbolic link on the way.
 */
export function confineFile(root: string, target: string): Confined {
  const realRoot = realpathSync(root);
  const abs = path.resolve(root, target);
  if (!isInside(path.resolve(root), abs)) return { ok: false, reason: 'outside' };
  // Each step below the root must exist and be no link: a linked folder would lead out as surely as a linked file.
  const steps = path.relative(path.resolve(root), abs).split(path.sep).filter(Boolean);
  let at = path.resolve(root);
  for (const [i, step] of steps.entries()) {
    at = path.join(at, step);
    let stat;
    try {
      stat = lstatSync(at);
    } catch {
      return { ok: false, reason: 'missing' };
    }
    if (stat.isSymbolicLink()) return { ok: false, reason: 'symlink' };
    if (i === steps.length - 1 && !stat.isFile()) return { ok: false, reason: 'not-file' };
  }
  if (steps.length === 0) return { ok: false, reason: 'not-file' };
  let real;
  try {
    real = realpathSync(abs);
  } catch {
    return { ok: false, reason: 'missing' };
  }
  return isInside(realRoot, real) ? { ok: true, abs } : { ok: false, reason: 'outside' };
}

/** What to tell staff, in Chinese, for each failure (`what` names the file's role: 图片, 标志). */
export function confineMessage(reason: ConfineFailure, written: string, what = '文件'): string {
  switch (reason) {
    case 'missing':
      return `找不到${what} ${written}（请检查文件名和大小写）`;
    case 'outside':
      return `${what} ${written} 不在内容文件夹里：只能使用内容文件夹里的文件，请把它复制到文稿旁边，写成 ./文件名`;
    case 'symlink':
      return `${what} ${written} 是一个符号链接（快捷方式）：内容文件夹里不能使用链接，请放入真正的文件`;
    case 'not-file':
      return `${what} ${written} 不是一个文件（可能是文件夹），请写出具体的文件名`;
  }
}
