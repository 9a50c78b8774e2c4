/**
 * Turns zod issues into Chinese problems with the file line, the field, what is
 * wrong and (from the field's metadata) an example of a correct value.
 */
import { z } from 'astro/zod';
import { fieldInfo, objectKeys } from '#/schemas/fields.ts';
import { fieldPath, type Problem } from './problem.ts';

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表（每项一行，以 - 开头）',
  object: '一组子字段',
  date: '日期',
};

function typeOf(value: unknown): string {
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (value instanceof Date) return '日期';
  return TYPE_NAMES[typeof value] ?? typeof value;
}

/** Messages for the generic cases; field builders word their own rules. */
export const zhErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少必填项';
      return `类型不对：应为${TYPE_NAMES[issue.expected] ?? issue.expected}，现在是${typeOf(issue.input)}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'too_small':
      if (issue.origin === 'array') return `至少需要 ${issue.minimum} 项`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
      return undefined;
    default:
      return undefined;
  }
};

/** Parse options that give Chinese messages and keep each issue's input for the formatter. */
export const PARSE_PARAMS = { error: zhErrorMap, reportInput: true } as const;

export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  firstLine = 1,
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      const allowed = objectKeys(schema, issue.path);
      return issue.keys.map((key) => ({
        file,
        line: lineOf([...issue.path, key]) ?? firstLine,
        field: fieldPath([...issue.path, key]),
        message: `不认识的字段“${key}”（可能拼写错了；此处可用的字段有：${allowed.join('、')}）`,
        severity: 'error',
      }));
    }
    const path = issue.path as PropertyKey[];
    const info = fieldInfo(schema, path);
    let message = issue.message;
    // Parsed with `reportInput: true`, so a missing field shows as an undefined input.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
      const key = String(path[path.length - 1] ?? '');
      message = info ? `缺少必填项“${info.label}”，请添加一行，如 ${key}: ${info.example}` : `缺少必填项“${key}”`;
    } else if (info && !message.includes('示例') && !message.includes('如 ')) {
      message = `${message}（${info.label}，示例：${info.example}）`;
    }
    return [{ file, line: lineOf(path) ?? firstLine, field: fieldPath(path) || undefined, message, severity: 'error' }];
  });
}
