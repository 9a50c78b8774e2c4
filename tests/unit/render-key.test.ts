import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderKey, type RenderInputs } from '#/lib/build/render-key.ts';

const work = mkdtempSync(path.join(tmpdir(), 'render-key-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh content folder and source folder for each case, so the cases cannot disturb one another. */
function inputs(name: string): RenderInputs {
  const root = path.join(work, name);
  mkdirSync(path.join(root, 'content/news'), { recursive: true });
  mkdirSync(path.join(root, 'src'), { recursive: true });
  writeFileSync(path.join(root, 'content/site.yaml'), 'name: 某县禁毒\n');
  writeFileSync(path.join(root, 'content/news/a.md'), '---\ntitle: 甲\n---\n正文\n');
  writeFileSync(path.join(root, 'content/logo.svg'), '<svg/>');
  writeFileSync(path.join(root, 'src/plugin.ts'), 'export const x = 1;');
  return {
    contentDir: path.join(root, 'content'),
    code: [path.join(root, 'src')],
    buildDay: '2026-11-28',
    settings: { url: 'https://a.example' },
  };
}

describe('renderKey', () => {
  it('is the same for the same inputs', () => {
    const a = inputs('same');
    expect(renderKey(a)).toBe(renderKey({ ...a }));
  });

  it.each([
    ['a news item’s text', (i: RenderInputs) => writeFileSync(path.join(i.contentDir, 'news/a.md'), '---\ntitle: 甲\n---\n改过的正文\n')],
    ['site.yaml', (i: RenderInputs) => writeFileSync(path.join(i.contentDir, 'site.yaml'), 'name: 另一县禁毒\n')],
    ['a photo or the logo (bytes only)', (i: RenderInputs) => writeFileSync(path.join(i.contentDir, 'logo.svg'), '<svg></svg>')],
    ['a new content file', (i: RenderInputs) => writeFileSync(path.join(i.contentDir, 'news/b.md'), '---\ntitle: 乙\n---\n')],
    ['a deleted content file', (i: RenderInputs) => rmSync(path.join(i.contentDir, 'news/a.md'))],
    ['a renamed content file', (i: RenderInputs) => renameSync(path.join(i.contentDir, 'news/a.md'), path.join(i.contentDir, 'news/c.md'))],
    ['our source code', (i: RenderInputs) => writeFileSync(path.join(i.code[0]!, 'plugin.ts'), 'export const x = 2;')],
  ])('changes with %s', (name, change) => {
    const i = inputs(name.replace(/\W+/g, '-'));
    const before = renderKey(i);
    change(i);
    expect(renderKey(i)).not.toBe(before);
  });

  it('changes with the build day and with settings overridden from the environment', () => {
    const i = inputs('day');
    const before = renderKey(i);
    expect(renderKey({ ...i, buildDay: '2026-11-29' })).not.toBe(before);
    expect(renderKey({ ...i, settings: { url: 'https://b.example' } })).not.toBe(before);
  });
});
