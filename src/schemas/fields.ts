/**
 * Field builders shared by every content schema. Each field carries a Chinese
 * label and an example in its metadata (`fieldInfo` reads them back), so an
 * error message can always tell staff what a correct value looks like, and
 * messages for value rules are written here, next to the rule.
 */
import { z } from 'astro/zod';
import { isIsoDateShape, isRealDate, isClockTime, lastDayOfMonth } from '#/lib/core/dates.ts';
import { isAsciiSlug } from '#/lib/core/slug.ts';
import { badFieldCharacter, badFieldMessage } from '#/lib/gate/characters.ts';
import { altTextFault, MIN_ALT_CHARACTERS } from '#/lib/content/alt-text.ts';
import { MOBILE_NUMBER } from '#/lib/privacy/detectors.ts';

export interface FieldInfo {
  /** What staff call the field, in Chinese: 发布日期. */
  label: string;
  /** A correct value, written as it appears in frontmatter: `"2024-03-01"`. */
  example: string;
}

const fieldInfoRegistry = z.registry<FieldInfo>();

/** Attach a Chinese label and an example to a field schema. */
export function describe<T extends z.ZodType>(schema: T, info: FieldInfo): T {
  fieldInfoRegistry.add(schema, info);
  return schema;
}

/** What a string field holds beyond "text", for the web editor's choice of input. */
export type FieldKind = 'date' | 'time' | 'entry-ref' | 'paragraph';

const fieldKindRegistry = z.registry<{ kind: FieldKind }>();

function ofKind<T extends z.ZodType>(schema: T, kind: FieldKind): T {
  fieldKindRegistry.add(schema, { kind });
  return schema;
}

/** The kind a field builder gave a field (`schemaAt` unwraps optional and default first). */
export function fieldKind(node: z.ZodType): FieldKind | undefined {
  return fieldKindRegistry.get(node)?.kind;
}

/**
 * The field schema at `path` in `schema` (looking through optional, default and
 * pipe wrappers), with the nearest label and example attached on the way.
 */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): { node?: z.ZodType; info?: FieldInfo } {
  let node: z.ZodType | undefined = schema;
  let info: FieldInfo | undefined;
  for (const key of [...path, undefined]) {
    for (;;) {
      if (!node) return { info };
      info = fieldInfoRegistry.get(node) ?? info;
      if (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault) {
        node = node.unwrap() as z.ZodType;
      } else if (node instanceof z.ZodPipe) {
        node = node.in as z.ZodType;
      } else break;
    }
    if (key === undefined) break;
    if (node instanceof z.ZodObject) node = (node.shape as Record<PropertyKey, z.ZodType>)[key];
    else if (node instanceof z.ZodArray && typeof key === 'number') node = node.element as z.ZodType;
    else return { info };
    info = undefined;
  }
  return { node, info };
}

/** The label and example of the field at `path`, if it has them. */
export function fieldInfo(schema: z.ZodType, path: readonly PropertyKey[]): FieldInfo | undefined {
  return schemaAt(schema, path).info;
}

/** The keys allowed in the object at `path`. */
export function objectKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const { node } = schemaAt(schema, path);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

const quoteHint = (example: string) => `（示例：${example}）`;

/** A character no one-line field may hold (invisible, direction-changing, not a character), as an issue. */
function refuseBadCharacter(ctx: z.core.ParsePayload<string>): boolean {
  const bad = badFieldCharacter(ctx.value);
  if (bad) ctx.issues.push({ code: 'custom', input: ctx.value, message: badFieldMessage(bad) });
  return bad !== undefined;
}

/** A required line of text, trimmed, within a length range (counted in characters). */
export function text(info: FieldInfo, { min = 1, max = 200 }: { min?: number; max?: number } = {}) {
  const field = describe(
    z.string().check((ctx) => {
      if (refuseBadCharacter(ctx)) return;
      const length = [...ctx.value.trim()].length;
      if (length === 0) ctx.issues.push({ code: 'custom', input: ctx.value, message: `不能为空${quoteHint(info.example)}` });
      else if (length < min) ctx.issues.push({ code: 'custom', input: ctx.value, message: `太短：至少 ${min} 个字，现在 ${length} 个字` });
      else if (length > max)
        ctx.issues.push({ code: 'custom', input: ctx.value, message: `太长：最多 ${max} 个字，现在 ${length} 个字，请删减` });
    }),
    info,
  );
  // A field for more than a line gets a text area in the web editor.
  return max > 80 ? ofKind(field, 'paragraph') : field;
}

/**
 * A calendar date written as a quoted `"YYYY-MM-DD"` string and checked to exist.
 * Unquoted YAML dates become Date objects (and impossible ones shift silently),
 * so anything but a string is refused.
 */
export function isoDate(info: FieldInfo) {
  return ofKind(
    describe(
      z
        .string({
          error: (issue) => (issue.input === undefined ? undefined : `日期要写成带英文引号的 "YYYY-MM-DD"${quoteHint(info.example)}`),
        })
        .check((ctx) => {
          const value = ctx.value;
          if (!isIsoDateShape(value)) {
            ctx.issues.push({
              code: 'custom',
              input: value,
              message: `日期格式不对：${value}（应为 YYYY-MM-DD，月、日补足两位，如 ${info.example}）`,
            });
          } else if (!isRealDate(value)) {
            const suggestion = lastDayOfMonth(value);
            ctx.issues.push({
              code: 'custom',
              input: value,
              message: suggestion
                ? `日期不存在：${value}（请使用真实日期，如 ${suggestion}）`
                : `日期不存在：${value}（月份应为 01–12，如 ${info.example}）`,
            });
          }
        }),
      info,
    ),
    'date',
  );
}

/** A 24-hour clock time `"HH:MM"`. */
export function clockTime(info: FieldInfo) {
  return ofKind(
    describe(
      z
        .string({ error: (issue) => (issue.input === undefined ? undefined : `时间要写成带引号的 "HH:MM"${quoteHint(info.example)}`) })
        .refine(isClockTime, { message: `时间格式不对：应为 24 小时制 "HH:MM"${quoteHint(info.example)}` }),
      info,
    ),
    'time',
  );
}

/** A whole, non-negative number written without quotes: counts of people, leaflets, events. */
export function count(info: FieldInfo) {
  return describe(
    z
      .number({ error: (issue) => (issue.input === undefined ? undefined : `应为不带引号的整数${quoteHint(info.example)}`) })
      .int({ message: `应为整数，不能有小数${quoteHint(info.example)}` })
      .nonnegative({ message: `不能是负数${quoteHint(info.example)}` }),
    info,
  );
}

/** One value from a closed list; the message lists every allowed value. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, info: FieldInfo) {
  return describe(
    z.enum(values, {
      error: (issue) => (issue.input === undefined ? undefined : `只能是以下之一：${values.join('、')}`),
    }),
    info,
  );
}

/** The file name (without `.md`) of another entry, checked to exist by the content gate. */
export function entryRef(info: FieldInfo) {
  return ofKind(
    describe(
      z.string().refine(isAsciiSlug, {
        message: `应填写被引用文件的文件名（不含 .md），只含小写字母、数字和连字符${quoteHint(info.example)}`,
      }),
      info,
    ),
    'entry-ref',
  );
}

/** Text a reader sees in place of a picture: required, and not a file name. */
export function altText(info: FieldInfo = { label: '图片说明', example: '"学生在禁毒教育基地参观展板"' }) {
  return describe(
    z.string().check((ctx) => {
      if (refuseBadCharacter(ctx)) return;
      const value = ctx.value.trim();
      const fault = altTextFault(value);
      if (fault === 'too-short') {
        ctx.issues.push({
          code: 'custom',
          input: value,
          message: `请用至少 ${MIN_ALT_CHARACTERS} 个字描述图片内容${quoteHint(info.example)}`,
        });
      } else if (fault === 'file-name') {
        ctx.issues.push({ code: 'custom', input: value, message: `图片说明应描述图片内容，不能只写文件名${quoteHint(info.example)}` });
      }
    }),
    info,
  );
}

/** A public office phone number (landline or short hotline); personal mobiles are refused. */
export function officePhone(info: FieldInfo) {
  return describe(
    z.string().check((ctx) => {
      const value = ctx.value.trim();
      if (MOBILE_NUMBER.test(value.replace(/[\s-]/g, ''))) {
        ctx.issues.push({ code: 'custom', input: value, message: '不能填写个人手机号，请填写单位办公电话' + quoteHint(info.example) });
      } else if (!/^(0\d{2,3}-\d{7,8}|\d{3,5}|400-?\d{3}-?\d{4})$/.test(value)) {
        ctx.issues.push({ code: 'custom', input: value, message: `电话格式不对，应为带区号的座机或服务热线${quoteHint(info.example)}` });
      }
    }),
    info,
  );
}

/** Frontmatter keys are closed: a misspelt key is an error, not a silently ignored field. */
export const entry = z.strictObject;

/** Marks a record as sample data written for the site (a notice is shown on its page). */
export const sampleFlag = () =>
  describe(z.boolean(), { label: '示例数据（true：细节为示例，页面会显示提示）', example: 'true' }).default(false);

/** A draft never appears anywhere on the site, in feeds, search or statistics. */
export const draftFlag = () => describe(z.boolean(), { label: '草稿（true：暂不发布）', example: 'true' }).default(false);
