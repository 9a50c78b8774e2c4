/**
 * How the gate reads the content folder: every entry by `lstat`, never through
 * a link, and every file opened without following links or waiting on a pipe,
 * within a size limit; text as strict UTF-8. A merged file must not make the
 * build read outside the folder, hang, or publish mojibake.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import { badFieldCharacter } from './characters.ts';
import { confineMessage } from './confine.ts';
import { IMAGE_FILE_NAME } from './image-bytes.ts';
import type { Problem } from './problem.ts';

/** A Markdown file or a settings file is a few KB; a quarter of a megabyte is far beyond any real one. */
export const TEXT_MAX_BYTES = 256 * 1024;

/** content/news/2025/05/x.md is as deep as anyone files things. */
const MAX_DEPTH = 6;

export interface ContentWalk {
  /** Absolute paths of the regular files, sorted. */
  files: string[];
  /** Links, pipes, unreadable folders and unusable names, one problem each. */
  problems: Problem[];
}

/**
 * Every regular file under `dir` (names starting with a dot are not content and
 * are left out, as Astro leaves them out). Nothing is followed: a link to a
 * file or folder, or a link loop, is a problem, not a path.
 */
export function walkContent(dir: string, shown: (abs: string) => string): ContentWalk {
  const files: string[] = [];
  const problems: Problem[] = [];
  const refuse = (abs: string, message: string) => problems.push({ file: shown(abs), message, severity: 'error' });
  const pending: { folder: string; depth: number }[] = [{ folder: dir, depth: 0 }];
  while (pending.length > 0) {
    const { folder, depth } = pending.pop()!;
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      refuse(folder, '无法读取这个文件夹（请检查权限）');
      continue;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue;
      const abs = path.join(folder, name);
      const bad = badFieldCharacter(name);
      if (bad) {
        refuse(abs, `文件名里有不允许的字符 ${bad.code}（${bad.what}）：请重新输入文件名`);
        continue;
      }
      let stat;
      try {
        stat = lstatSync(abs);
      } catch {
        refuse(abs, '无法读取这个文件（请检查权限）');
        continue;
      }
      if (stat.isSymbolicLink()) refuse(abs, confineMessage('symlink', name, roleOf(name)));
      else if (stat.isDirectory()) {
        if (depth + 1 > MAX_DEPTH) refuse(abs, `文件夹嵌套超过 ${MAX_DEPTH} 层，请把文件放在栏目文件夹里`);
        else pending.push({ folder: abs, depth: depth + 1 });
      } else if (stat.isFile()) files.push(abs);
      else refuse(abs, `${name} 不是普通文件（可能是管道或设备文件）：内容文件夹里只能放文稿和图片，请删除它`);
    }
  }
  return { files: files.sort(), problems };
}

/** How a message names a file: by what it is for. */
const roleOf = (name: string) => (/\.md$/i.test(name) ? '文稿' : IMAGE_FILE_NAME.test(name) ? '图片' : '文件');

export type ReadFailure = 'missing' | 'symlink' | 'not-file' | 'unreadable' | 'too-large';

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; reason: ReadFailure; size?: number };

/**
 * The bytes of a regular file, at most `maxBytes`. The file is opened without
 * following a link and without blocking, then checked by its descriptor: what
 * was checked is what is read, even if the path changes in between.
 */
export function readRegularFile(abs: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing' };
    if (code === 'ELOOP') return { ok: false, reason: 'symlink' };
    if (code === 'EISDIR') return { ok: false, reason: 'not-file' };
    return { ok: false, reason: 'unreadable' };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, bytes: bytes.subarray(0, read) };
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** What to tell staff when a file cannot be read (`what` names its role: 文稿, 网站设置文件). */
export function readFailureMessage(failure: Extract<ReadResult, { ok: false }>, written: string, what: string, maxBytes: number): string {
  switch (failure.reason) {
    case 'missing':
    case 'symlink':
    case 'not-file':
      return confineMessage(failure.reason, written, what);
    case 'unreadable':
      return `无法读取${what} ${written}（请检查文件权限）`;
    case 'too-large':
      return `${what}太大（${Math.ceil((failure.size ?? 0) / 1024)} KB，上限 ${Math.round(maxBytes / 1024)} KB）：一篇文稿通常只有几 KB，请检查是否粘贴了不该有的内容，或把长文拆成几篇`;
  }
}

/** Control characters other than tab and line ends: no text file holds them, and they confuse every parser after. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Text as strict UTF-8 (a byte-order mark is allowed and dropped), or why not,
 * with the encoding it probably is: GBK is what Windows Notepad long saved by default.
 */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string; line?: number } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: '文件是 UTF-16（Unicode）编码：请用记事本“另存为”，编码选 UTF-8 后重新提交' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const line = lossy.slice(0, lossy.indexOf('\ufffd')).split('\n').length;
    let gbk = false;
    try {
      new TextDecoder('gbk', { fatal: true }).decode(bytes);
      gbk = true;
    } catch {
      // neither UTF-8 nor GBK: say only that it is not UTF-8
    }
    const what = gbk ? '文件是 GBK（ANSI）编码，网站会显示成乱码' : '文件不是 UTF-8 编码，里面有无法识别的字节';
    return { ok: false, line, message: `${what}：请用记事本或编辑器“另存为”，编码选 UTF-8 后重新提交` };
  }
  const control = CONTROL.exec(text);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      ok: false,
      line: text.slice(0, control.index).split('\n').length,
      message: `文件里有控制字符 ${code}，它不是文字（文件可能已损坏，或不是文本文件）：请删掉这个字符，或重新输入这一行`,
    };
  }
  return { ok: true, text };
}

/** A text file read under all the rules above; `problem` says in Chinese what is wrong with it. */
export function readTextFile(
  abs: string,
  file: string,
  what: string,
  maxBytes = TEXT_MAX_BYTES,
): { ok: true; text: string } | { ok: false; problem: Problem; missing: boolean } {
  const read = readRegularFile(abs, maxBytes);
  if (!read.ok) {
    const problem: Problem = { file, message: readFailureMessage(read, path.basename(abs), what, maxBytes), severity: 'error' };
    return { ok: false, problem, missing: read.reason === 'missing' };
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return { ok: false, problem: { file, line: decoded.line, message: decoded.message, severity: 'error' }, missing: false };
  return decoded;
}
