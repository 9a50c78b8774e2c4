import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digest, linkOrCopy, linkOrCopyTree, PassedKeys, reuseOrProduceDir, sourceDigest } from '#/lib/build/build-cache.ts';

const work = mkdtempSync(path.join(tmpdir(), 'build-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('digest', () => {
  it('separates its parts, so moving text between them changes the key', () => {
    expect(digest('ab', 'c')).not.toBe(digest('a', 'bc'));
    expect(digest('a', Buffer.from('b'))).toBe(digest('a', 'b'));
  });

  it('changes with any file in a source folder', () => {
    const dir = path.join(work, 'src');
    mkdirSync(path.join(dir, 'nested'), { recursive: true });
    writeFileSync(path.join(dir, 'nested/a.ts'), 'export const a = 1;');
    const before = sourceDigest([dir]);
    expect(sourceDigest([dir])).toBe(before);
    writeFileSync(path.join(dir, 'nested/a.ts'), 'export const a = 2;');
    expect(sourceDigest([dir])).not.toBe(before);
  });
});

describe('PassedKeys', () => {
  it('remembers only the keys of the last passing run', () => {
    const file = path.join(work, 'passed/keys.json');
    const first = new PassedKeys(file);
    expect([first.passedBefore('a'), first.passedBefore('b')]).toEqual([false, false]);
    first.save();
    const second = new PassedKeys(file);
    expect([second.passedBefore('a'), second.passedBefore('c')]).toEqual([true, false]);
    second.save();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(['a', 'c']);
  });

  it('forgets nothing it was not told to save: a failed run leaves the last passing keys', () => {
    const file = path.join(work, 'passed/failed.json');
    const ok = new PassedKeys(file);
    ok.passedBefore('a');
    ok.save();
    new PassedKeys(file).passedBefore('bad'); // no save: the run failed
    expect(new PassedKeys(file).passedBefore('bad')).toBe(false);
  });

  it('treats an unreadable cache as empty', () => {
    const file = path.join(work, 'passed/broken.json');
    writeFileSync(file, '{not json');
    expect(new PassedKeys(file).passedBefore('a')).toBe(false);
  });
});

describe('reuseOrProduceDir', () => {
  const cacheRoot = path.join(work, 'dir-cache');
  const produceInto = (target: string, text: string) => async () => {
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, 'index.txt'), text);
  };

  it('produces once, reuses the copy for the same key, and keeps only the latest key', async () => {
    const a = path.join(work, 'out-a');
    expect(await reuseOrProduceDir({ cacheRoot, key: 'k1', target: a }, produceInto(a, 'one'))).toBe(false);
    const b = path.join(work, 'out-b');
    let ran = false;
    expect(await reuseOrProduceDir({ cacheRoot, key: 'k1', target: b }, async () => void (ran = true))).toBe(true);
    expect(ran).toBe(false);
    expect(readFileSync(path.join(b, 'index.txt'), 'utf8')).toBe('one');
    const c = path.join(work, 'out-c');
    expect(await reuseOrProduceDir({ cacheRoot, key: 'k2', target: c }, produceInto(c, 'two'))).toBe(false);
    expect(readdirSync(cacheRoot)).toEqual(['k2']);
  });

  it('keeps nothing when producing fails', async () => {
    const root = path.join(work, 'dir-cache-failing');
    const target = path.join(work, 'out-failing');
    await expect(reuseOrProduceDir({ cacheRoot: root, key: 'k', target }, async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(existsSync(path.join(root, 'k'))).toBe(false);
  });
});

describe('linkOrCopy', () => {
  it('links a whole tree on one file system, so no bytes are copied', () => {
    const from = path.join(work, 'tree');
    mkdirSync(path.join(from, 'a/b'), { recursive: true });
    writeFileSync(path.join(from, 'a/b/c.txt'), 'c');
    linkOrCopyTree(from, path.join(work, 'tree-linked'));
    expect(readFileSync(path.join(work, 'tree-linked/a/b/c.txt'), 'utf8')).toBe('c');
    expect(statSync(path.join(from, 'a/b/c.txt')).nlink).toBe(2);
  });

  // /dev/shm is usually another file system than the temporary folder: links fail there, copies must not.
  const otherDevice = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(work).dev;
  it.runIf(otherDevice)('copies across file systems', () => {
    const from = mkdtempSync('/dev/shm/link-or-copy-');
    writeFileSync(path.join(from, 'x.txt'), 'x');
    linkOrCopy(path.join(from, 'x.txt'), path.join(work, 'x.txt'));
    expect(readFileSync(path.join(work, 'x.txt'), 'utf8')).toBe('x');
    expect(statSync(path.join(work, 'x.txt')).nlink).toBe(1);
    rmSync(from, { recursive: true, force: true });
  });
});
