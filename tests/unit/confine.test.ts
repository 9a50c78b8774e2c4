/** Every file read on behalf of content stays in its folder: written paths, links and loops. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confineFile, confineMessage } from '#/lib/gate/confine.ts';

let base: string;
let root: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'confine-'));
  root = path.join(base, 'content');
  mkdirSync(path.join(root, 'news'), { recursive: true });
  writeFileSync(path.join(root, 'news', 'a.png'), 'x');
  writeFileSync(path.join(base, 'secret.txt'), 'x');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('confineFile', () => {
  it('accepts a regular file inside, relative or absolute', () => {
    expect(confineFile(root, 'news/a.png')).toEqual({ ok: true, abs: path.join(root, 'news', 'a.png') });
    expect(confineFile(root, path.join(root, 'news/./a.png')).ok).toBe(true);
  });

  it.each(['../secret.txt', 'news/../../secret.txt', '/etc/passwd', '../../../../proc/self/environ'])('refuses %s as outside', (p) => {
    expect(confineFile(root, p)).toEqual({ ok: false, reason: 'outside' });
  });

  it('refuses links to files, to folders, and loops, wherever they stand', () => {
    symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'news', 'out.png'));
    symlinkSync(path.join(root, 'news', 'a.png'), path.join(root, 'news', 'in.png'));
    symlinkSync(base, path.join(root, 'up'));
    symlinkSync(path.join(root, 'loop'), path.join(root, 'loop'));
    expect(confineFile(root, 'news/out.png')).toEqual({ ok: false, reason: 'symlink' });
    expect(confineFile(root, 'news/in.png')).toEqual({ ok: false, reason: 'symlink' });
    expect(confineFile(root, 'up/secret.txt')).toEqual({ ok: false, reason: 'symlink' });
    expect(confineFile(root, 'loop')).toEqual({ ok: false, reason: 'symlink' });
  });

  it('tells a missing file from a folder', () => {
    expect(confineFile(root, 'news/none.png')).toEqual({ ok: false, reason: 'missing' });
    expect(confineFile(root, 'news')).toEqual({ ok: false, reason: 'not-file' });
    expect(confineFile(root, '.')).toEqual({ ok: false, reason: 'not-file' });
  });

  it('says each failure in Chinese, naming the file', () => {
    for (const reason of ['missing', 'outside', 'symlink', 'not-file'] as const) {
      expect(confineMessage(reason, './x.png', '图片')).toMatch(/^[^A-Za-z]*\.\/x\.png[^A-Za-z]*$/);
    }
  });
});
