/**
 * The web editor's page script: loads Decap CMS from the site's own origin,
 * teaches it to write frontmatter the way the content gate reads it, names new
 * files as `npm run new` does, and starts it with the generated configuration.
 */
import yaml from 'js-yaml';
import { parseDocument, visit, type Document } from 'yaml';
import { editorFormat, FILE_NAME_KEY, type EditorConfig, type EditorField } from '#/lib/content/editor-config.ts';
import { newEntryName } from '#/lib/content/new-entry.ts';
import { dateInZone } from '#/lib/core/dates.ts';
import { IMAGE_FILE_NAME } from '#/lib/gate/image-bytes.ts';
import { editorProblems, type EditorCheckContext } from '#/lib/content/editor-checks.ts';
import type { CollectionName } from '#/schemas/index.ts';
import { contentTypeOf } from '#/schemas/index.ts';

/** The parts of Decap's Immutable.js maps this script reads and writes. */
interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
}

/** What a preview template receives: the entry, its fields as rendered widgets. */
interface PreviewProps {
  entry: ImmutableMap;
  widgetFor(name: string): unknown;
}

interface DecapCms {
  init(options: { config: EditorConfig }): void;
  registerPreviewStyle(style: string, options?: { raw: boolean }): void;
  registerPreviewTemplate(collection: string, component: (props: PreviewProps) => unknown): void;
  registerCustomFormat(
    name: string,
    extension: string,
    format: { fromFile(text: string): Record<string, unknown>; toFile(data: Record<string, unknown>): string },
  ): void;
  registerEventListener(listener: { name: 'preSave'; handler(event: { entry: ImmutableMap }): ImmutableMap }): void;
}

/** Decap's maps can give their plain value. */
interface ImmutableData extends ImmutableMap {
  toJS(): Record<string, unknown>;
}

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: DecapCms;
    /** React's createElement, which Decap's bundle exposes for preview templates. */
    h?: (type: string, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;
  }
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** The entry data key that carries the frontmatter as it was read, so a save changes only what was edited. */
const SOURCE_KEY = '__frontmatter';

/** A file as data: its frontmatter's fields and its body, read with js-yaml as Astro reads them. */
function fromFile(text: string): Record<string, unknown> {
  const match = FRONTMATTER.exec(text);
  if (!match) return { body: text };
  const data = (yaml.load(match[1]!) ?? {}) as Record<string, unknown>;
  return { ...data, body: text.slice(match[0].length).replace(/^\r?\n/, ''), [SOURCE_KEY]: match[1] };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** A string YAML would read as something else (a date, a number, true) is written in double quotes. */
function quoteAmbiguous(doc: Document) {
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && yaml.load(node.value) !== node.value) node.type = 'QUOTE_DOUBLE';
    },
  });
}

/**
 * An edited entry's frontmatter: the file as it was, with only the fields whose
 * values changed rewritten (comments, list style and quoting elsewhere kept), so
 * a save changes the file's bytes only where the edit was.
 */
function patched(source: string, wanted: Record<string, unknown>, fields: readonly EditorField[]): string {
  const doc = parseDocument(source);
  const before = (doc.toJS() ?? {}) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(before), ...Object.keys(wanted)])) {
    if (sameValue(cleaned(before[key], fields.find((f) => f.name === key)?.fields), wanted[key])) continue;
    if (wanted[key] === undefined) doc.delete(key);
    else doc.set(key, doc.createNode(wanted[key]));
  }
  quoteAmbiguous(doc);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** An image the editor saved beside the entry (`photo.jpg`) is written as a path relative to it (`./photo.jpg`). */
const relativeImage = (value: unknown) =>
  typeof value === 'string' && IMAGE_FILE_NAME.test(value) && !/[/:]/.test(value) ? `./${value}` : value;

/**
 * Data as the file should hold it: keys in the form's (the schema's) order, and
 * empty optional inputs ('', null, an empty list) left out, as a person writing
 * the file would.
 */
function cleaned(value: unknown, fields: readonly EditorField[] | undefined): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => cleaned(item, fields));
    return items.length > 0 ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const data = value as Record<string, unknown>;
    const order = fields?.map((f) => f.name) ?? [];
    const keys = [...order.filter((k) => k in data), ...Object.keys(data).filter((k) => !order.includes(k))];
    const entries = keys.flatMap((key) => {
      const c = cleaned(data[key], fields?.find((f) => f.name === key)?.fields);
      return c === undefined ? [] : [[key, c] as const];
    });
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  if (value === '' || value === null || value === undefined) return undefined;
  return relativeImage(value);
}

/**
 * Data as a file. js-yaml quotes any string YAML would read as something else,
 * so a date stays the quoted "YYYY-MM-DD" the gate requires (Decap's own format
 * writes it bare, and YAML then makes it a Date).
 */
function toFile(data: Record<string, unknown>, fields: readonly EditorField[]): string {
  const { body = '', [SOURCE_KEY]: source, ...values } = data;
  // The file's name is the file's name, not one of its fields.
  delete values[FILE_NAME_KEY];
  const wanted = (cleaned(values, fields) ?? {}) as Record<string, unknown>;
  const frontmatter =
    typeof source === 'string' ? patched(source, wanted, fields) : yaml.dump(wanted, { quotingType: '"', lineWidth: -1, noRefs: true });
  return `---\n${frontmatter}---\n\n${String(body).trim()}\n`;
}

/**
 * Before every save: the gate's checks, whose messages stop the save and tell
 * staff what to fix (Decap shows a listener's error), then a new entry's file
 * name from its title's pinyin (Decap would refuse an all-Chinese title).
 */
function beforeSave({ entry }: { entry: ImmutableMap }): ImmutableMap {
  const data = entry.get('data') as ImmutableData;
  const type = entry.get('collection') as CollectionName;
  const today = dateInZone(new Date(), timeZone);
  const { body = '', ...values } = data.toJS();
  delete values[FILE_NAME_KEY];
  delete values[SOURCE_KEY];
  const fields = cleaned(values, config.collections.find((c) => c.name === type)?.fields) ?? {};
  const problems = editorProblems(type, fields as Record<string, unknown>, String(body), String(entry.get('path') ?? type), checks, today);
  if (problems.length > 0) {
    throw new Error(
      [
        '保存前检查发现问题，请改好后再保存：',
        ...problems.map((p) => `· ${p.field ? `${p.field}：` : ''}${p.line ? `正文第 ${p.line} 行：` : ''}${p.message}`),
      ].join('\n'),
    );
  }
  if (!entry.get('newRecord')) return data;
  const titleField = contentTypeOf(type).scaffold?.titleField ?? 'title';
  const title = String(data.get(titleField) ?? '');
  return data.set(FILE_NAME_KEY, newEntryName(type, title, String(data.get('date') ?? today), new Set()));
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`编辑器文件加载失败：${src}`));
    document.head.append(script);
  });
}

const configElement = document.getElementById('editor-config')!;
const config = JSON.parse(configElement.textContent!) as EditorConfig;
const timeZone = configElement.dataset.timeZone!;
const checks = JSON.parse(document.getElementById('editor-checks')!.textContent!) as EditorCheckContext;
const bundle = document.querySelector<HTMLMetaElement>('meta[name="editor-bundle"]')!.content;
window.CMS_MANUAL_INIT = true;
await loadScript(bundle);
const cms = window.CMS!;
for (const collection of config.collections) {
  cms.registerCustomFormat(editorFormat(collection.name), 'md', { fromFile, toFile: (data) => toFile(data, collection.fields) });
}
cms.registerEventListener({ name: 'preSave', handler: beforeSave });
// The preview is the site's own article layout, in its own stylesheet and colours.
const preview = document.querySelector<HTMLMetaElement>('meta[name="preview-style"]')!;
cms.registerPreviewStyle(preview.content);
cms.registerPreviewStyle(preview.dataset.theme!, { raw: true });
const h = window.h!;
for (const collection of config.collections) {
  cms.registerPreviewTemplate(collection.name, ({ entry, widgetFor }) => {
    const data = entry.get('data') as ImmutableMap;
    return h(
      'main',
      { id: 'main' },
      h(
        'article',
        { className: 'prose' },
        h('h1', null, String(data.get(collection.identifier_field) ?? '')),
        h('div', { className: 'article-body' }, widgetFor('body')),
      ),
    );
  });
}
cms.init({ config });
