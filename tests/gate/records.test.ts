/**
 * Rules across records in the gate: an event outside its campaign, recorded
 * twice or still to come fails the check (and so the build), because it would
 * be counted in the published totals; dates that come in pairs stay in order.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import { jinduSite } from '#/integrations/index.ts';
import { ContentProblemsError } from '#/lib/gate/problem.ts';
import { tallyRecords } from '#/lib/tally/records.ts';
import { totalsOf } from '#/lib/tally/tally.ts';
import { BUILD_DAY, news, useTempSite } from '../helpers/temp-site.ts';

const site = useTempSite();

const campaign = (id: string, name: string, start: string, end: string) =>
  site.write(
    `campaigns/${id}.md`,
    `---\nname: ${name}\nstart: "${start}"\nend: "${end}"\norganizer: 县禁毒办\nsummary: 在各乡镇开展禁毒宣传活动，进村入户。\nreported:\n  events: 1\n  leaflets: 1\n  audience: 1\n---\n`,
  );

/** An event record; `date` is on line 3, `venue` on 6, `audience` on 9. */
const event = (file: string, over: Partial<Record<'campaign' | 'date' | 'organizer' | 'venue' | 'audience' | 'draft', string>> = {}) => {
  const fields = {
    campaign: 'spring',
    date: '"2025-04-02"',
    town: '城关镇',
    organizer: '城关镇禁毒办',
    venue: '文化站',
    format: '讲座',
    leaflets: '100',
    audience: '300',
    ...over,
  };
  site.write(
    `events/${file}.md`,
    `---\n${Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n')}\n---\n`,
  );
};

const errors = () => site.check().problems.filter((p) => p.severity === 'error');

describe('events against their campaign', () => {
  it.each([
    ['the day before it starts', '2025-03-31'],
    ['the day after it ends', '2025-05-01'],
    ['another year', '2024-04-10'],
  ])('refuses an event dated %s, at the line of its date', (_, date) => {
    campaign('spring', '春季宣传月', '2025-04-01', '2025-04-30');
    event('a', { date: `"${date}"` });
    expect(site.report()).toEqual([
      `events/a.md:3 date 日期 ${date} 不在“春季宣传月”的活动期间（2025-04-01 至 2025-04-30）内：请核对日期，或归入正确的活动`,
    ]);
  });

  it('accepts the first and the last day', () => {
    campaign('spring', '春季宣传月', '2025-04-01', '2025-04-30');
    event('a', { date: '"2025-04-01"' });
    event('b', { date: '"2025-04-30"' });
    expect(site.report()).toEqual([]);
  });

  it('refuses an event still to come in a campaign that is running', () => {
    campaign('winter', '冬季宣传月', '2026-11-01', '2026-12-31');
    event('later', { campaign: 'winter', date: '"2026-12-05"' });
    event('today', { campaign: 'winter', date: `"${BUILD_DAY}"`, venue: '广场' });
    expect(site.report()).toEqual([
      `events/later.md:3 date 日期 2026-12-05 还没到（今天是 ${BUILD_DAY}）：活动记录只记已经开展的活动，请核对日期，活动结束后再录入`,
    ]);
  });
});

describe('an event and the site settings', () => {
  it('refuses a town that is not in site.yaml, at its line', () => {
    campaign('spring', '春季宣传月', '2025-04-01', '2025-04-30');
    site.write(
      'events/a.md',
      '---\ncampaign: spring\ndate: "2025-04-02"\ntown: 火星镇\norganizer: 城关镇禁毒办\nvenue: 文化站\nformat: 讲座\nleaflets: 1\naudience: 1\n---\n',
    );
    expect(site.report()).toEqual(['events/a.md:4 town 只能是以下之一：城关镇、河西乡、北山镇（乡镇，示例：城关镇）']);
  });
});

describe('the same event recorded twice', () => {
  const duplicate =
    /^events\/b\.md 与 .*events\/a\.md 重复（同一天、同一地点、同一承办单位）：同一场活动只能记录一次，请删除其中一个，或改正日期、地点$/;

  it.each([
    ['written the same way', '文化站', {}],
    ['with spaces in the venue', '文化站', { venue: '" 文化 站 "' }],
    ['with full-width letters', '文化站A区', { venue: '文化站Ａ区' }],
    ['with another case', '文化站A区', { venue: '文化站a区' }],
    ['with spaces in the organiser', '文化站', { organizer: '"城关镇 禁毒办"' }],
  ])('is refused %s', (_, firstVenue, over) => {
    campaign('spring', '春季宣传月', '2025-04-01', '2025-04-30');
    event('a', { venue: firstVenue });
    event('b', over);
    expect(site.report()).toEqual([expect.stringMatching(duplicate)]);
  });

  it('is refused across two campaigns, where it would be counted in both', () => {
    campaign('spring', '春季宣传月', '2025-04-01', '2025-04-30');
    campaign('youth', '青少年禁毒月', '2025-04-01', '2025-05-31');
    event('a');
    event('b', { campaign: 'youth' });
    expect(site.report()).toEqual([expect.stringMatching(duplicate)]);
  });

  it('is not a duplicate at another venue, on another day, or as a draft', () => {
    campaign('spring', '春季宣传月', '2025-04-01', '2025-04-30');
    event('a');
    event('b', { venue: '广场' });
    event('c', { date: '"2025-04-03"' });
    event('d', { draft: 'true' });
    expect(site.report()).toEqual([]);
  });

  it('fails the build, so a flagged record is never counted in a published total', () => {
    campaign('spring', '春季宣传月', '2025-04-01', '2025-04-30');
    event('a');
    event('b');
    // What the totals would have been: the gate is all that stands between the duplicate and the page.
    expect(totalsOf(tallyRecords(site.check().entries).events).events).toBe(2);
    vi.stubEnv('SITE_CONTENT_DIR', site.dir);
    vi.stubEnv('SITE_BUILD_DATE', BUILD_DAY);
    try {
      const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
      const logger = { ...log, fork: () => log } as unknown as AstroIntegrationLogger;
      const setup = jinduSite().hooks['astro:config:setup'] as (options: unknown) => void;
      const config = { publicDir: pathToFileURL(path.join(site.root, 'public/')), outDir: pathToFileURL(path.join(site.root, 'dist/')) };
      const options = { command: 'build', config, logger };
      expect(() => setup(options)).toThrow(ContentProblemsError);
      expect(() => setup(options)).toThrow(/内容检查发现 1 处错误，网站没有生成。[\s\S]*events\/b\.md 与 .*events\/a\.md 重复/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('reminders that do not stop the build', () => {
  it('warns about an audience ten times the usual, without an error', () => {
    campaign('spring', '春季宣传月', '2025-04-01', '2025-04-30');
    event('a');
    event('b', { venue: '广场' });
    event('c', { venue: '集市' });
    event('d', { venue: '学校', audience: '3001' });
    expect(errors()).toEqual([]);
    expect(site.report()).toEqual([
      'events/d.md:9 audience 【提醒】受众 3001 人，是本活动通常规模（中位数 300 人）的 10 倍以上：请核对是否多写了一个 0',
    ]);
  });
});

describe('dates that come in pairs or record something done', () => {
  const letter = (returnBy: string) =>
    site.write(
      'letters/slip.md',
      `---\ntitle: 寒假致家长的一封信\ndate: "2025-01-10"\noccasion: 寒假\nissuer: 县禁毒办\nrecipients: 全县家长\nsummary: 寒假期间，请家长多陪伴孩子，留意孩子的交友情况。\nreplySlip:\n  fields: [学生姓名]\n  returnBy: "${returnBy}"\n---\n`,
    );

  it('refuses a reply slip due back before the letter is dated, at the line of returnBy', () => {
    letter('2025-01-09');
    expect(site.report()).toEqual([
      'letters/slip.md:10 replySlip.returnBy 交回日期 2025-01-09 早于信的落款日期 2025-01-10：请核对两个日期，交回日期应在落款日期当天或之后，如 2025-01-10',
    ]);
    letter('2024-12-31');
    expect(site.report()[0]).toMatch(/^letters\/slip\.md:10 replySlip\.returnBy 交回日期 2024-12-31 早于/);
    letter('2025-01-10');
    expect(site.report()).toEqual([]);
  });

  const lecture = (date: string) =>
    site.write(
      'lectures/hexi-zhongxue-2025-06.md',
      `---\nschool: 河西乡中学\ntown: 河西乡\ndate: "${date}"\nstart: "14:30"\nend: "15:30"\nvenue: 学校礼堂\nteam: 县禁毒宣讲队\ntopic: 认识毒品 守护青春\naudience: 全校学生\nreport: 2025-05-10-chengguan-jindu-zhan-lan\n---\n`,
    );

  it('refuses a lecture report dated before the lecture', () => {
    lecture('2025-06-12');
    expect(site.report()).toEqual([
      'lectures/hexi-zhongxue-2025-06.md:11 report 相关报道“2025-05-10-chengguan-jindu-zhan-lan”的日期 2025-05-10 早于这场宣讲的日期 2025-06-12：报道只能是宣讲当天或之后的新闻，请核对宣讲日期或换成正确的报道',
    ]);
    lecture('2025-05-10');
    expect(site.report()).toEqual([]);
  });

  it.each([
    [
      'an inspection',
      'bases/jidi.md',
      '---\nname: 城关镇禁毒教育基地\nkind: 禁毒教育馆\ntown: 城关镇\naddress: 城关镇文化站\nhours: 工作日开放\nbooking:\n  unit: 城关镇禁毒办\n  phone: "0999-1234567"\n  who: 学校\n  groupSize: 40\n  notice: 3个工作日\n  cost: 免费\n  accessibility: 展厅在一楼\nexhibits: [展板]\ninspection:\n  date: "2026-12-01"\n  result: 良好\nsummary: 基地设在城关镇文化站，周末面向学生开放。\n---\n',
      'bases/jidi.md:17 inspection.date 检查日期 2026-12-01 还没到',
    ],
    [
      'a review',
      'topics/zhi-shi.md',
      '---\ntitle: 认识新型毒品\nkind: 毒品知识\nsummary: 新型毒品外观多变，常见的有奶茶粉、跳跳糖等样子。\nupdated: "2027-01-01"\n---\n',
      'topics/zhi-shi.md:5 updated 审核日期 2027-01-01 还没到',
    ],
    ['a correction', 'news/gai.md', news({ updated: '"2026-11-29"' }), 'news/gai.md:7 updated 更新日期 2026-11-29 还没到'],
  ])('refuses %s dated after the build day', (_, file, text, start) => {
    site.write(file, text);
    expect(site.report()).toEqual([`${start}（今天是 ${BUILD_DAY}）：这里应填已经发生的日期，请核对`]);
  });
});
