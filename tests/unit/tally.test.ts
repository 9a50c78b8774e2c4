import { describe, expect, it } from 'vitest';
import {
  audienceAgrees,
  breakdown,
  compareWithReported,
  median,
  qualityProblems,
  summarySentence,
  totalsOf,
  type CampaignRecord,
  type EventRecord,
} from '#/lib/tally/tally.ts';
import { alignTable, campaignReport, eventsCsv, renderReports } from '#/lib/tally/report.ts';
import { displayWidth } from '#/lib/core/text-width.ts';
import { wan } from '#/lib/core/format.ts';
import { parseCsv } from '#/lib/tally/event-import.ts';

const campaign: CampaignRecord = {
  id: 'spring',
  file: 'content/campaigns/spring.md',
  name: '春季流动课堂',
  start: '2024-03-01',
  end: '2024-05-31',
  reported: { events: 3, leaflets: 300, audience: 1000 },
};

const event = (id: string, over: Partial<EventRecord> = {}): EventRecord => ({
  id,
  file: `content/events/${id}.md`,
  campaign: 'spring',
  date: '2024-03-05',
  town: '甲镇',
  organizer: '甲镇禁毒办',
  venue: `${id}广场`,
  format: '讲座',
  leaflets: 100,
  audience: 300,
  ...over,
});

describe('rounding people reached, as the office reports them', () => {
  it.each([
    [52_499, '5.2万'],
    [52_500, '5.3万'],
    [53_012, '5.3万'],
    [53_499, '5.3万'],
    [53_500, '5.4万'],
    [10_000, '1万'],
    [9_999, '9999'],
    [120_000, '12万'],
  ])('%i → %s', (n, text) => expect(wan(n, String)).toBe(text));

  it('accepts a reported figure that reads the same once rounded', () => {
    expect(audienceAgrees(53_000, 53_012)).toBe(true);
    expect(audienceAgrees(53_000, 52_499)).toBe(false);
  });

  it('writes a summary sentence with exact counts and rounded people', () => {
    expect(summarySentence('春季禁毒流动课堂', { events: 113, leaflets: 13569, audience: 53012 })).toBe(
      '春季禁毒流动课堂共开展活动113场，发放宣传资料13569份，受教育群众约5.3万人次。',
    );
    expect(summarySentence('小活动', { events: 2, leaflets: 10, audience: 800 })).toBe(
      '小活动共开展活动2场，发放宣传资料10份，受教育群众800人次。',
    );
  });
});

describe('totals and breakdowns', () => {
  const events = [
    event('a', { town: '乙镇', date: '2024-04-02', format: '展览' }),
    event('b', { audience: 200 }),
    event('c', { town: '丙镇', date: '2024-03-20' }),
  ];

  it('adds up events, leaflets and audience', () => {
    expect(totalsOf(events)).toEqual({ events: 3, leaflets: 300, audience: 800 });
  });

  it('breaks down by town in the settings order, and by month in time order', () => {
    expect(breakdown(events, 'town', ['甲镇', '乙镇', '丙镇']).map((r) => [r.key, r.events, r.audience])).toEqual([
      ['甲镇', 1, 200],
      ['乙镇', 1, 300],
      ['丙镇', 1, 300],
    ]);
    expect(breakdown(events, 'month').map((r) => [r.key, r.events])).toEqual([
      ['2024-03', 2],
      ['2024-04', 1],
    ]);
    expect(breakdown(events, 'format')[0]).toMatchObject({ key: '讲座', events: 2 });
  });

  it('compares with what was reported', () => {
    expect(compareWithReported(campaign.reported, { events: 3, leaflets: 300, audience: 1000 })).toEqual([]);
    expect(compareWithReported(campaign.reported, { events: 4, leaflets: 299, audience: 1001 })).toEqual([
      { figure: 'events', label: '活动场次', reported: 3, computed: 4 },
      { figure: 'leaflets', label: '发放资料份数', reported: 300, computed: 299 },
      { figure: 'audience', label: '受教育人次', reported: 1000, computed: 1001 },
    ]);
  });
});

describe('data quality', () => {
  const TODAY = '2026-11-28';

  it('finds duplicates and dates outside the campaign', () => {
    const problems = qualityProblems(
      [event('a'), event('a-again', { venue: 'a广场' }), event('late', { date: '2024-06-01', venue: '晚' })],
      [campaign],
      TODAY,
    );
    const lines = problems.map((p) => `${p.file} ${p.field ?? ''} ${p.message}`);
    expect(lines).toEqual([
      expect.stringMatching(/^content\/events\/a-again\.md {2}与 content\/events\/a\.md 重复（同一天、同一地点、同一承办单位）/),
      expect.stringMatching(/^content\/events\/late\.md date 日期 2024-06-01 不在“春季流动课堂”的活动期间（2024-03-01 至 2024-05-31）内/),
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('reads venue and organiser as one name whatever the spacing, width or case', () => {
    const problems = qualityProblems(
      [event('a', { venue: 'A区广场' }), event('b', { venue: ' Ａ区 广场', organizer: '甲镇 禁毒办' }), event('c', { venue: 'a区广场' })],
      [campaign],
      TODAY,
    );
    expect(problems.map((p) => p.file)).toEqual(['content/events/b.md', 'content/events/c.md']);
  });

  it('refuses an event after the build day, even inside its campaign', () => {
    const running = { ...campaign, end: '2026-12-31' };
    const [problem] = qualityProblems([event('later', { date: '2026-11-29' }), event('today', { date: TODAY })], [running], TODAY);
    expect(problem).toMatchObject({ file: 'content/events/later.md', field: 'date', severity: 'error' });
    expect(problem!.message).toBe(`日期 2026-11-29 还没到（今天是 ${TODAY}）：活动记录只记已经开展的活动，请核对日期，活动结束后再录入`);
    expect(qualityProblems([event('today', { date: TODAY })], [running], TODAY)).toEqual([]);
  });

  it('warns about an audience more than ten times the usual', () => {
    const events = [event('a'), event('b', { venue: 'b' }), event('c', { venue: 'c' }), event('big', { venue: 'd', audience: 3001 })];
    expect(median(events.map((e) => e.audience))).toBe(300);
    const [warning] = qualityProblems(events, [campaign], TODAY);
    expect(warning).toMatchObject({ file: 'content/events/big.md', field: 'audience', severity: 'warning' });
    expect(warning!.message).toContain('中位数 300 人');
    expect(qualityProblems([...events.slice(0, 3), event('ok', { venue: 'd', audience: 3000 })], [campaign], TODAY)).toEqual([]);
  });
});

describe('output formats', () => {
  const events = [event('a'), event('b', { town: '乙镇', venue: 'b' })];
  const report = campaignReport(campaign, events, ['town'], ['甲镇', '乙镇']);

  it('measures Chinese characters as two columns and aligns them', () => {
    expect(displayWidth('嘉积镇 12')).toBe(9);
    expect(
      alignTable([
        ['镇', '场次'],
        ['彬村山华侨经济区', '5'],
      ]).split('\n'),
    ).toEqual(['镇                场次', '彬村山华侨经济区     5']);
  });

  it('renders table, JSON, CSV and Markdown', () => {
    expect(renderReports([report], 'table', '镇（区）')).toContain('春季流动课堂共开展活动2场');
    expect(JSON.parse(renderReports([report], 'json', '镇（区）'))[0].computed).toEqual({ events: 2, leaflets: 200, audience: 600 });
    const csv = parseCsv(renderReports([report], 'csv', '镇（区）').replace(/^\ufeff/, ''));
    expect(csv[0]).toEqual(['活动', '分类', '项目', '场次', '资料（份）', '受众（人次）']);
    expect(csv).toContainEqual(['春季流动课堂', '镇（区）', '乙镇', '1', '100', '300']);
    expect(renderReports([report], 'md', '镇（区）')).toContain('| 乙镇 | 1 | 100 | 300 |');
  });

  it("heads the town breakdown with the site's own word for its towns", () => {
    expect(renderReports([report], 'md', '乡镇')).toContain('### 按乡镇\n\n| 乡镇 | 场次 |');
    expect(renderReports([report], 'table', '街道')).toContain('\n按街道\n街道');
  });

  it('exports records with the headers the import reads', () => {
    const rows = parseCsv(eventsCsv(events, '镇（区）').replace(/^\ufeff/, ''));
    expect(rows[0]).toEqual(['日期', '镇区', '承办单位', '地点', '形式', '资料份数', '受众人数']);
    expect(rows).toHaveLength(3);
    expect(parseCsv(eventsCsv(events, '乡镇').replace(/^\ufeff/, ''))[0]![1]).toBe('乡镇');
  });
});
