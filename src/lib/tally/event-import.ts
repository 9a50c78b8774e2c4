/**
 * Staff keep event logs in Excel. This reads a sheet (.xlsx, or .csv in UTF-8,
 * UTF-8 with BOM or GBK), maps its Chinese headers to the event fields,
 * validates every row with the events schema, and plans one Markdown record per
 * row. Pure except for reading the file; writing is the caller's choice.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { z } from 'astro/zod';
import { restoreCell } from '#/lib/formats/csv.ts';
import { isRealDate } from '#/lib/core/dates.ts';
import { placeStem, townWord } from '#/lib/site/place.ts';
import { fieldInfo } from '#/schemas/fields.ts';
import { issuesToProblems, PARSE_PARAMS } from '#/lib/gate/zod-messages.ts';
import type { Problem } from '#/lib/gate/problem.ts';
import { slugify } from '#/lib/core/slug.ts';

/** Event fields and the header words staff use for them (compared after dropping spaces and units in brackets). */
export const HEADER_NAMES = {
  date: ['日期', '活动日期', '时间', '活动时间'],
  // Any office's word for its towns also names this column (TOWN_HEADER).
  town: ['镇区', '镇(区)', '镇', '乡镇', '所属镇区', '镇区名称'],
  organizer: ['单位', '承办单位', '组织单位', '主办单位', '责任单位'],
  venue: ['地点', '活动地点', '场所', '地址'],
  format: ['形式', '活动形式', '类型', '活动类型'],
  leaflets: ['资料份数', '发放资料', '宣传资料', '资料', '发放份数', '发放资料份数', '宣传资料份数'],
  audience: ['受众人数', '受众', '人数', '参与人数', '受教育人数', '参加人数', '受教育群众'],
} as const;

export type EventField = keyof typeof HEADER_NAMES;

/** A town column under any office's word for its towns: 乡, 街道, 镇(街道), 所属乡镇, 街道名称… */
const TOWN_HEADER = /^(?:所属)?(?:镇|乡|区|街道)+(?:名称)?$/;

/** `资料份数（份）` → `资料份数`; full-width folded, spaces dropped. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((份|人|人次|场|个)\)$/, '');
}

export function mapHeaders(headers: readonly string[]): { columns: Partial<Record<EventField, number>>; missing: EventField[] } {
  const columns: Partial<Record<EventField, number>> = {};
  headers.forEach((header, index) => {
    const name = normalizeHeader(header);
    for (const [field, names] of Object.entries(HEADER_NAMES) as [EventField, readonly string[]][]) {
      const known = names.some((n) => normalizeHeader(n) === name) || (field === 'town' && TOWN_HEADER.test(name.replace(/[()]/g, '')));
      if (columns[field] === undefined && known) columns[field] = index;
    }
  });
  const missing = (Object.keys(HEADER_NAMES) as EventField[]).filter((f) => columns[f] === undefined);
  return { columns, missing };
}

/** Text of a byte buffer: UTF-8 (with or without BOM) if it decodes cleanly, else GBK. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

export interface Sheet {
  name: string;
  /** Cell values as read: strings, numbers, or dates from Excel date cells. */
  rows: unknown[][];
  encoding?: string;
}

export async function readSheet(file: string): Promise<Sheet> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    const { text, encoding } = decodeText(await readFile(file));
    return { name: path.basename(file), rows: parseCsv(text), encoding };
  }
  if (ext === '.xlsx') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    if (!sheet) return { name: path.basename(file), rows: [] };
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as unknown[];
      rows.push(values.slice(1).map(cellValue));
    });
    return { name: `${path.basename(file)}“${sheet.name}”`, rows };
  }
  throw new Error(`不支持的文件类型 ${ext}：请另存为 .xlsx 或 .csv`);
}

/** Formula cells give their result; rich text its plain text. */
function cellValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: string };
    if (v.result !== undefined) return v.result;
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if (v.text !== undefined) return v.text;
  }
  return value;
}

/** `2024/3/5`, `2024年3月5日`, `2024-03-05` or an Excel date cell → `2024-03-05`. */
export function normalizeDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10); // Excel dates carry no zone: read as UTC
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(String(value ?? ''));
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isRealDate(date) ? date : undefined;
}

/**
 * Numbers as typed in a sheet (`1,200`, `３００`, `-5`, `12.5`) become numbers, so the schema
 * can say exactly what is wrong with them; text such as `约120` stays text and is refused.
 */
export function normalizeCount(value: unknown): unknown {
  if (typeof value === 'number') return value;
  const text = String(value ?? '')
    .trim()
    .normalize('NFKC');
  return /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text) ? Number(text.replace(/,/g, '')) : text;
}

export interface PlannedRecord {
  /** 1-based row in the sheet. */
  row: number;
  data: Record<string, unknown>;
  fileName: string;
}

const columnLetter = (index: number) => {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/**
 * Validate every row and plan its record. Problems name the sheet row and
 * column (`第 5 行 G 列（受众人数）`).
 */
export function planImport(sheet: Sheet, campaign: string, schema: z.ZodType): { records: PlannedRecord[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const [header = [], ...body] = sheet.rows;
  const headers = header.map((h) => String(h ?? ''));
  const { columns, missing } = mapHeaders(headers);
  if (missing.length > 0) {
    // The town column as staff know it: the schema's label for towns (the site's townLabel), as one word.
    const townLabel = fieldInfo(schema, ['town'])?.label;
    const columnName = (f: EventField) => (f === 'town' && townLabel ? townWord(townLabel) : HEADER_NAMES[f][0]);
    const want = missing.map(columnName).join('、');
    const all = (Object.keys(HEADER_NAMES) as EventField[]).map(columnName).join('、');
    return {
      records: [],
      problems: [{ file: sheet.name, line: 1, message: `第 1 行（表头）缺少这些列：${want}。表头应包含：${all}`, severity: 'error' }],
    };
  }
  const records: PlannedRecord[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    // Our own CSV download guards formula-like cells with a `'`; reading it back takes that off.
    const cell = (f: EventField) => restoreCell(cells[columns[f]!]);
    const where = (f: EventField) => `第 ${row} 行 ${columnLetter(columns[f]!)} 列（${headers[columns[f]!]}）`;
    const date = normalizeDate(cell('date'));
    const data: Record<string, unknown> = {
      campaign,
      date: date ?? String(cell('date') ?? ''),
      town: String(cell('town') ?? '').trim(),
      organizer: String(cell('organizer') ?? '').trim(),
      venue: String(cell('venue') ?? '').trim(),
      format: String(cell('format') ?? '').trim(),
      leaflets: normalizeCount(cell('leaflets')),
      audience: normalizeCount(cell('audience')),
    };
    const result = schema.safeParse(data, PARSE_PARAMS);
    if (!result.success) {
      for (const p of issuesToProblems(result.error.issues, schema, sheet.name, () => row)) {
        const field = p.field as EventField | undefined;
        problems.push({
          ...p,
          field: undefined,
          message: `${field && columns[field] !== undefined ? where(field) : `第 ${row} 行`}：${p.message}`,
        });
      }
      return;
    }
    const town = slugify(placeStem(String(data.town)));
    records.push({
      row,
      data: result.data as Record<string, unknown>,
      fileName: `${data.date}-${town}-${slugify(String(data.venue)).slice(0, 40).replace(/-+$/, '')}`,
    });
  });
  return { records, problems };
}

/** The Markdown of one event record. */
export function eventMarkdown(data: Record<string, unknown>): string {
  const order = ['campaign', 'date', 'town', 'organizer', 'venue', 'format', 'leaflets', 'audience', 'news'];
  const yamlValue = (key: string, value: unknown) => {
    if (typeof value === 'number') return String(value);
    const text = String(value);
    // Dates are always quoted (the content rule); other text only when YAML would misread it.
    return key === 'date' || /[:#[\]{},"'&*!|>%@`]|^\s|\s$|^(true|false|null|~|-?\d)/i.test(text) ? JSON.stringify(text) : text;
  };
  const lines = order.filter((k) => data[k] !== undefined).map((k) => `${k}: ${yamlValue(k, data[k])}`);
  return `---\n${lines.join('\n')}\n---\n`;
}
