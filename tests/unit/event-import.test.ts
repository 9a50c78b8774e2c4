/**
 * Reading staff spreadsheets: encodings, header variants, cell formats, and
 * row-by-row validation with the events schema.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decodeText,
  eventMarkdown,
  mapHeaders,
  normalizeCount,
  normalizeDate,
  parseCsv,
  planImport,
  readSheet,
} from '#/lib/tally/event-import.ts';
import { imagePath, schemaContext } from '#/schemas/context.ts';
import { eventSchema } from '#/schemas/events.ts';
import { parseMarkdown } from '#/lib/gate/frontmatter.ts';
import { loadSettings } from '#/lib/site/settings.ts';

const work = mkdtempSync(path.join(tmpdir(), 'import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const settings = loadSettings(path.resolve('tests/fixtures/other-city'), {});
const schema = eventSchema(schemaContext(settings, imagePath));
const HEADER = '日期,镇区,承办单位,地点,形式,资料份数,受众人数';
const ROWS = [
  '2025-04-01,城关镇,城关镇禁毒办,城关镇文化广场,展览,120,450',
  '2025/4/8,河西乡,河西乡禁毒办,"河西乡中学, 礼堂",讲座,"1,200",300',
];

/** GBK bytes of a string (what Excel on Chinese Windows writes), via a reverse table of the decoder. */
function toGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const char = decoder.decode(new Uint8Array([hi, lo]));
      if (char.length === 1 && !table.has(char)) table.set(char, [hi, lo]);
    }
  }
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}

describe('reading files', () => {
  it('detects UTF-8, UTF-8 with BOM and GBK', () => {
    const text = `${HEADER}\n`;
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(toGbk(text))).toEqual({ text, encoding: 'gbk' });
  });

  it('parses CSV with quotes, doubled quotes, commas and CRLF', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3\r\n\r\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });

  it('reads a GBK CSV file', async () => {
    const file = path.join(work, 'gbk.csv');
    writeFileSync(file, toGbk([HEADER, ...ROWS].join('\r\n')));
    const sheet = await readSheet(file);
    expect(sheet.encoding).toBe('gbk');
    expect(sheet.rows[2]).toEqual(['2025/4/8', '河西乡', '河西乡禁毒办', '河西乡中学, 礼堂', '讲座', '1,200', '300']);
  });

  it('reads an XLSX made by Excel-like software, with date and number cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('三月');
    sheet.addRow(['活动日期', '镇（区）', '组织单位', '活动地点', '活动形式', '发放资料（份）', '参与人数（人）']);
    sheet.addRow([new Date(Date.UTC(2025, 3, 1)), '城关镇', '城关镇禁毒办', '城关镇文化广场', '展览', 120, 450]);
    sheet.addRow(['2025年4月8日', '河西乡', '河西乡禁毒办', '河西乡中学', '讲座', { formula: '100+20', result: 120 }, 300]);
    const file = path.join(work, 'events.xlsx');
    await workbook.xlsx.writeFile(file);
    const read = await readSheet(file);
    expect(read.name).toBe('events.xlsx“三月”');
    const { records, problems } = planImport(read, 'spring', schema);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.row, r.data.date, r.data.leaflets, r.data.audience])).toEqual([
      [2, '2025-04-01', 120, 450],
      [3, '2025-04-08', 120, 300],
    ]);
  });
});

describe('headers and cells', () => {
  it('maps header variants, full-width brackets and units', () => {
    expect(mapHeaders(['时间', '乡镇', '主办单位', '场所', '类型', '宣传资料份数', '受教育人数']).missing).toEqual([]);
    expect(mapHeaders(['日期', '镇 区', '单位', '地点', '形式', '资料份数(份)', '受众人数（人次）']).missing).toEqual([]);
    expect(mapHeaders(['日期', '地点']).missing).toEqual(['town', 'organizer', 'format', 'leaflets', 'audience']);
  });

  it('normalises dates and counts, and leaves bad values for the schema to refuse', () => {
    expect(normalizeDate('2024/3/5')).toBe('2024-03-05');
    expect(normalizeDate('2024年3月5日')).toBe('2024-03-05');
    expect(normalizeDate('2024-02-30')).toBeUndefined();
    expect(normalizeCount('1,200')).toBe(1200);
    expect(normalizeCount('３００')).toBe(300);
    expect(normalizeCount('约120')).toBe('约120');
    expect(normalizeCount('-5')).toBe(-5);
    expect(normalizeCount('12.5')).toBe(12.5);
  });
});

describe('planning records', () => {
  const sheet = (rows: string[]) => ({ name: 'log.csv', rows: parseCsv([HEADER, ...rows].join('\n')) });

  it('plans one record per valid row, with a readable file name', () => {
    const { records, problems } = planImport(sheet(ROWS), 'spring', schema);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.fileName)).toEqual([
      '2025-04-01-cheng-guan-cheng-guan-zhen-wen-hua-guang-chang',
      '2025-04-08-he-xi-he-xi-xiang-zhong-xue-li-tang',
    ]);
    const written = parseMarkdown(eventMarkdown(records[1]!.data));
    expect(schema.safeParse(written.plain).success).toBe(true);
    expect(written.plain).toMatchObject({ venue: '河西乡中学, 礼堂', leaflets: 1200, date: '2025-04-08' });
  });

  it('names the sheet row and column of every bad cell', () => {
    const { records, problems } = planImport(
      sheet(['2025-02-30,城关镇,城关镇禁毒办,广场,展览,120,450', '2025-04-02,火星镇,x办,广场,跳舞,约120,-5']),
      'spring',
      schema,
    );
    expect(records).toEqual([]);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'log.csv:2 第 2 行 A 列（日期）：日期不存在：2025-02-30（请使用真实日期，如 2025-02-28）',
      expect.stringMatching(/^log\.csv:3 第 3 行 B 列（镇区）：只能是以下之一：城关镇、河西乡、北山镇/),
      expect.stringMatching(/^log\.csv:3 第 3 行 E 列（形式）：只能是以下之一：讲座/),
      expect.stringMatching(/^log\.csv:3 第 3 行 F 列（资料份数）：应为不带引号的整数/),
      expect.stringMatching(/^log\.csv:3 第 3 行 G 列（受众人数）：不能是负数/),
    ]);
  });

  it('refuses a sheet without the needed columns', () => {
    const { problems } = planImport({ name: 'x.csv', rows: [['日期', '地点']] }, 'spring', schema);
    expect(problems[0]!.message).toContain('第 1 行（表头）缺少这些列：乡镇、单位、形式、资料份数、受众人数');
  });
});
