/**
 * A new content file for staff, written from the schema itself: every field
 * appears with its Chinese meaning; required ones carry a valid example value,
 * optional ones are commented out. The file starts as a draft, so example
 * values can never reach the site before someone has replaced them.
 */
import { z } from 'astro/zod';
import { COLLECTION_NAMES, contentTypeOf, type CollectionName, type ContentType } from '#/schemas/index.ts';
import type { SchemaContext } from '#/schemas/context.ts';
import { schemaAt } from '#/schemas/fields.ts';
import { isAsciiSlug, slugify } from '#/lib/core/slug.ts';
import { displayWidth } from '#/lib/core/text-width.ts';

/** Content types `npm run new` creates: those with a scaffold in the content model. */
export const NEW_TYPES = COLLECTION_NAMES.filter((name) => contentTypeOf(name).scaffold);

/** What `npm run new` writes for a type that has a scaffold. */
export function scaffoldOf(type: CollectionName): NonNullable<ContentType['scaffold']> {
  const scaffold = contentTypeOf(type).scaffold;
  if (!scaffold) throw new RangeError(`no scaffold for ${type}`);
  return scaffold;
}

/** A required date field (its example is a quoted date) is filled with today. */
const DATE_EXAMPLE = /^"\d{4}-\d{2}-\d{2}"$/;

const unwrapDefault = (node: z.ZodType | undefined) => (node instanceof z.ZodDefault ? (node.unwrap() as z.ZodType) : node);

function isOptional(node: z.ZodType): boolean {
  return node instanceof z.ZodOptional || node instanceof z.ZodDefault;
}

/** YAML for a plain string value, quoted when YAML could misread it. */
function yamlString(text: string): string {
  return /^[\p{Script=Han}\p{L}\d（）、，。·“”—《》][^:#]*$/u.test(text) && !/^(true|false|null|\d)/i.test(text)
    ? text
    : JSON.stringify(text);
}

interface Line {
  text: string;
  comment?: string;
}

function fieldLines(schema: z.ZodType, path: string[], indent: string, values: Record<string, string>, commented: boolean): Line[] {
  const { node: objectNode } = schemaAt(schema, path);
  if (!(objectNode instanceof z.ZodObject)) return [];
  const lines: Line[] = [];
  for (const [key, raw] of Object.entries(objectNode.shape as Record<string, z.ZodType>)) {
    const fieldPath = [...path, key];
    const { node, info } = schemaAt(schema, fieldPath);
    const optional = isOptional(raw);
    const off = commented || (optional && !(key in values) && key !== 'draft');
    const prefix = `${indent}${off ? '# ' : ''}`;
    const meaning = `${info?.label ?? ''}${optional ? '（可不填）' : '（必填）'}`;
    if (node instanceof z.ZodObject && !(key in values)) {
      lines.push({ text: `${prefix}${key}:`, comment: meaning });
      lines.push(...fieldLines(schema, fieldPath, `${indent}  `, values, off));
      continue;
    }
    const value =
      key in values ? values[key]! : key === 'draft' ? 'true' : (info?.example ?? (unwrapDefault(raw) instanceof z.ZodArray ? '[]' : '""'));
    lines.push({ text: `${prefix}${key}: ${value}`, comment: meaning });
  }
  return lines;
}

export interface NewEntryOptions {
  type: CollectionName;
  title: string;
  /** `YYYY-MM-DD`, in the site's time zone. */
  today: string;
  ctx: SchemaContext;
  /** Values for other fields, already written as YAML (an event's campaign). */
  values?: Record<string, string>;
}

/** The Markdown text of a new entry. */
export function newEntryText({ type, title, today, ctx, values: given = {} }: NewEntryOptions): string {
  const spec = scaffoldOf(type);
  const schema = contentTypeOf(type).schema(ctx);
  const values: Record<string, string> = { ...spec.values, ...given, [spec.titleField]: yamlString(title) };
  const { node } = schemaAt(schema, []);
  for (const [key, field] of Object.entries((node as z.ZodObject).shape as Record<string, z.ZodType>)) {
    if (!isOptional(field) && DATE_EXAMPLE.test(schemaAt(schema, [key]).info?.example ?? '')) values[key] = `"${today}"`;
  }
  const lines = fieldLines(schema, [], '', values, false);
  const width = Math.max(...lines.map((l) => displayWidth(l.text)));
  const frontmatter = lines.map((l) => (l.comment ? `${l.text}${' '.repeat(width - displayWidth(l.text) + 2)}# ${l.comment}` : l.text));
  return [
    '---',
    '# 新建的文件先是草稿（draft: true），不会发布。把示例内容换成真实内容，',
    '# 去掉行首的 # 可以启用可选项；写好后把 draft 改为 false，运行 npm run check 检查。',
    ...frontmatter,
    '---',
    '',
    ...(spec.body ? [spec.body, ''] : []),
  ].join('\n');
}

/** A readable ASCII file name for `title`, unique among `taken` (adds -2, -3…). */
export function newEntryName(type: CollectionName, title: string, today: string, taken: ReadonlySet<string>): string {
  const words = slugify(title).split('-').slice(0, 12).join('-') || type;
  const base = scaffoldOf(type).datedName ? `${today}-${words}` : words;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  if (!isAsciiSlug(name)) throw new Error(`not a slug: ${name}`);
  return name;
}
