/**
 * A new content file for staff, written from the schema itself: every field
 * appears with its Chinese meaning; required ones carry a valid example value,
 * optional ones are commented out. The file starts as a draft, so example
 * values can never reach the site before someone has replaced them.
 */
import { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import type { SchemaContext } from '../schemas/context.ts';
import { schemaAt } from '../schemas/fields.ts';
import { isAsciiSlug, slugify } from './slug.ts';
import { displayWidth } from './text-width.ts';

/** Content types `npm run new` creates, and the field the title given on the command line fills. */
export const NEW_TYPES = {
  news: { titleField: 'title', datedName: true, body: '在这里写正文。先写时间、地点、单位和事情，再写细节。段落之间空一行；小标题写成“## 小标题”。' },
  lectures: { titleField: 'topic', datedName: false, body: '' },
  letters: { titleField: 'title', datedName: false, body: '在这里写信的正文。段落之间空一行；小标题写成“## 一、……”。' },
  bases: { titleField: 'name', datedName: false, body: '在这里介绍参观者能看到什么、建议的参观路线和时长、学校怎样预约。' },
  campaigns: { titleField: 'name', datedName: false, body: '在这里介绍活动的目的、时间和主要形式。' },
  events: { titleField: 'venue', datedName: true, body: '' },
  topics: { titleField: 'title', datedName: false, body: '在这里写正文。用“## 小标题”分段，多用短句和列表。' },
} as const satisfies Partial<Record<CollectionName, { titleField: string; datedName: boolean; body: string }>>;

export type NewType = keyof typeof NEW_TYPES;

/** A required date field (its example is a quoted date) is filled with today. */
const DATE_EXAMPLE = /^"\d{4}-\d{2}-\d{2}"$/;

const unwrapDefault = (node: z.ZodType | undefined) => (node instanceof z.ZodDefault ? (node.unwrap() as z.ZodType) : node);

function isOptional(node: z.ZodType): boolean {
  return node instanceof z.ZodOptional || node instanceof z.ZodDefault;
}

/** YAML for a plain string value, quoted when YAML could misread it. */
function yamlString(text: string): string {
  return /^[\p{Script=Han}\p{L}\d（）、，。·“”—《》][^:#]*$/u.test(text) && !/^(true|false|null|\d)/i.test(text) ? text : JSON.stringify(text);
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
    const value = key in values ? values[key]! : key === 'draft' ? 'true' : (info?.example ?? (unwrapDefault(raw) instanceof z.ZodArray ? '[]' : '""'));
    lines.push({ text: `${prefix}${key}: ${value}`, comment: meaning });
  }
  return lines;
}

export interface NewEntryOptions {
  type: NewType;
  title: string;
  /** `YYYY-MM-DD`, in the site's time zone. */
  today: string;
  ctx: SchemaContext;
  /** Values for other fields, already written as YAML (an event's campaign). */
  values?: Record<string, string>;
}

/** The Markdown text of a new entry. */
export function newEntryText({ type, title, today, ctx, values: given = {} }: NewEntryOptions): string {
  const spec = NEW_TYPES[type];
  const schema = COLLECTIONS[type].schema(ctx) as z.ZodType;
  const values: Record<string, string> = { ...given, [spec.titleField]: yamlString(title) };
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
export function newEntryName(type: NewType, title: string, today: string, taken: ReadonlySet<string>): string {
  const words = slugify(title).split('-').slice(0, 12).join('-') || type;
  const base = NEW_TYPES[type].datedName ? `${today}-${words}` : words;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  if (!isAsciiSlug(name)) throw new Error(`not a slug: ${name}`);
  return name;
}
