/**
 * The queries in `src/queries`, on a small content folder read by the gate
 * (`astro:content` mocked, as Starlight does): what is public on the build
 * day, in which order, grouped how, and which figures a campaign adds up to.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const { dir } = await vi.hoisted(async () => {
  const { cpSync, mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { news } = await import('../helpers/temp-site.ts');
  const root = mkdtempSync(path.join(tmpdir(), 'queries-'));
  const dir = path.join(root, 'content');
  cpSync(path.resolve('tests/fixtures/other-city'), dir, { recursive: true });
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const md = (fields: Record<string, string | number>, body = '') =>
    `---\n${Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n')}\n---\n\n${body}\n`;
  // News: two on one day (ids break the tie), a draft, one dated after the build day, tags shared unevenly.
  write('news/2024-03-05-b.md', news({ date: '"2024-03-05"', title: '城关镇开展春季禁毒宣传', tags: '[流动课堂, 禁毒宣传]' }));
  write('news/2024-03-05-a.md', news({ date: '"2024-03-05"', title: '北山镇开展春季禁毒宣传', tags: '[流动课堂]', category: '校园禁毒' }));
  write('news/2026-01-09-draft.md', news({ date: '"2026-01-09"', title: '尚未定稿的禁毒新闻稿', draft: 'true' }));
  write('news/2026-12-05-later.md', news({ date: '"2026-12-05"', title: '定在下月发布的禁毒新闻' }));
  // Lectures: two on one upcoming day (the earlier start first), one on the build day itself.
  const lecture = (date: string, start: string, school: string) =>
    md({
      school,
      town: '北山镇',
      date: `"${date}"`,
      start: `"${start}"`,
      end: '"11:00"',
      venue: '礼堂',
      team: '县禁毒宣讲队',
      topic: '认识毒品',
      audience: '学生',
      expected: 300,
    });
  write('lectures/late.md', lecture('2026-12-03', '10:00', '北山镇中学'));
  write('lectures/early.md', lecture('2026-12-03', '08:00', '北山镇小学'));
  write('lectures/today.md', lecture('2026-11-28', '09:00', '城关镇中学'));
  // A campaign with three events, one a draft, and an event of another campaign.
  const campaign = (start: string, end: string, name: string) =>
    md({
      name,
      start: `"${start}"`,
      end: `"${end}"`,
      organizer: '县禁毒办',
      summary: '宣讲队走进各乡镇的村居和学校，开展禁毒宣传活动。',
      reported: '\n  events: 2\n  leaflets: 300\n  audience: 500',
    });
  write('campaigns/spring-2025.md', campaign('2025-03-01', '2025-04-30', '春季禁毒宣传月'));
  write('campaigns/autumn-2025.md', campaign('2025-09-01', '2025-09-30', '秋季禁毒宣传月'));
  const event = (camp: string, date: string, town: string, leaflets: number, audience: number, extra: Record<string, string> = {}) =>
    md({
      campaign: camp,
      date: `"${date}"`,
      town,
      organizer: `${town}禁毒办`,
      venue: `${town}文化站`,
      format: '讲座',
      leaflets,
      audience,
      ...extra,
    });
  write('events/2025-03-02-chengguan.md', event('spring-2025', '2025-03-02', '城关镇', 100, 200));
  write('events/2025-04-10-hexi.md', event('spring-2025', '2025-04-10', '河西乡', 200, 300));
  write('events/2025-04-11-draft.md', event('spring-2025', '2025-04-11', '北山镇', 999, 999, { draft: 'true' }));
  write('events/2025-09-03-beishan.md', event('autumn-2025', '2025-09-03', '北山镇', 50, 60));
  // Drugs: the fixture's three, one filed past a Greek prefix, and a draft.
  const drug = (name: string, extra = '') =>
    `---\nname: "${name}"\nkind: 麻醉药品和精神药品\nsummary: "${name}的摘要，写给查询这一条目的读者看。"\nappearance: 白色粉末\n` +
    `legal:\n  status: 列入国家管制目录\nwhatToDo: [拨打 110 举报]\nsources:\n  - title: 某公告\n    issuer: 公安部\nupdated: "2025-05-01"\n${extra}---\n\n正文。\n`;
  write('drugs/qiang-ding-suan.md', drug('γ-羟丁酸', 'aliases: [GHB]\n'));
  write('drugs/draft.md', drug('草稿毒品', 'draft: true\n'));
  // A help service not yet ready, beside the fixture's three.
  write(
    'services/draft.md',
    md({
      name: '北山镇社区戒毒社区康复工作站',
      kind: '社区戒毒社区康复工作站',
      town: '北山镇',
      placeholder: 'true',
      offers: '[家属咨询]',
      draft: 'true',
    }),
  );
  process.env.SITE_CONTENT_DIR = dir;
  process.env.SITE_BUILD_DATE = '2026-11-28';
  return { dir };
});

afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

vi.mock('astro:content', async () => (await import('../helpers/astro-content.ts')).astroContentFrom(dir));

const { newsCatalog } = await import('#/queries/news.ts');
const { lectureSchedule } = await import('#/queries/lectures.ts');
const { campaignsWithFigures } = await import('#/queries/campaigns.ts');
const { bases } = await import('#/queries/bases.ts');
const { letters } = await import('#/queries/letters.ts');
const { sitePage } = await import('#/queries/pages.ts');
const { services } = await import('#/queries/services.ts');
const { shareCardFor } = await import('#/queries/share.ts');
const { drugIndex, drugsNamedInText } = await import('#/queries/drugs.ts');

describe('news', async () => {
  const catalog = await newsCatalog();

  it('leaves out drafts and items dated after the build day, newest first, ids breaking ties', () => {
    expect(catalog.all.map((n) => n.id)).toEqual(['2025-05-10-chengguan-jindu-zhan-lan', '2024-03-05-a', '2024-03-05-b']);
  });

  it('groups by year, by category in the schema order (empty ones kept), and by tag, the most used first (then by slug)', () => {
    expect(catalog.years.map((y) => [y.year, y.items.length])).toEqual([
      [2025, 1],
      [2024, 2],
    ]);
    expect(catalog.categories.map((c) => [c.label, c.items.length])).toEqual([
      ['工作动态', 0],
      ['宣传教育', 2],
      ['校园禁毒', 1],
      ['打击整治', 0],
      ['戒毒康复', 0],
      ['执法司法', 0],
    ]);
    expect(catalog.tags.map((t) => [t.tag, t.slug, t.items.length])).toEqual([
      ['流动课堂', 'liu-dong-ke-tang', 2],
      ['禁毒宣传', 'jin-du-xuan-chuan', 1],
      ['图片展', 'tu-pian-zhan', 1],
    ]);
  });

  it('gives neighbours in that order, and related items that share tags, never the item itself', () => {
    expect(catalog.neighbours('2024-03-05-a')).toEqual({
      newer: catalog.byId.get('2025-05-10-chengguan-jindu-zhan-lan'),
      older: catalog.byId.get('2024-03-05-b'),
    });
    expect(catalog.neighbours('2026-12-05-later')).toEqual({});
    expect(catalog.related('2024-03-05-a').map((n) => n.id)).toContain('2024-03-05-b');
    expect(catalog.related('2024-03-05-a').map((n) => n.id)).not.toContain('2024-03-05-a');
  });
});

describe('lectures', () => {
  it('counts the build day as upcoming, soonest first by date and start; past ones latest first', async () => {
    const { upcoming, past } = await lectureSchedule();
    expect(upcoming.map((l) => l.id)).toEqual(['today', 'early', 'late']);
    expect(past.map((l) => l.id)).toEqual(['hexi-zhongxue-2025-06']);
  });
});

describe('campaigns', () => {
  it('adds up each campaign from its own published events, newest campaign first', async () => {
    const campaigns = await campaignsWithFigures();
    expect(campaigns.map((c) => c.campaign.id)).toEqual(['autumn-2025', 'spring-2025']);
    const spring = campaigns[1]!;
    expect(spring.events.map((e) => e.id)).toEqual(['2025-03-02-chengguan', '2025-04-10-hexi']);
    expect(spring.computed).toMatchObject({ events: 2, leaflets: 300, audience: 500 });
    expect(spring.byTown.map((r) => [r.key, r.events])).toEqual([
      ['城关镇', 1],
      ['河西乡', 1],
    ]);
    expect(campaigns[0]!.computed).toMatchObject({ events: 1, leaflets: 50, audience: 60 });
  });
});

describe('drugs', () => {
  it('files entries under the pinyin initial of their names, A–Z, and by kind in the official order, drafts left out', async () => {
    const { all, letters, kinds } = await drugIndex();
    expect(all.map((d) => d.id)).toEqual(['bing-du', 'qiang-ding-suan', 'xiao-qi', 'yi-tuo-mi-zhi']);
    expect(letters.map(({ letter, items }) => [letter, items.map((d) => d.id)])).toEqual([
      ['B', ['bing-du']],
      ['Q', ['qiang-ding-suan']],
      ['X', ['xiao-qi']],
      ['Y', ['yi-tuo-mi-zhi']],
    ]);
    expect(kinds.map(({ kind, items }) => [kind, items.length])).toEqual([
      ['合成毒品', 1],
      ['麻醉药品和精神药品', 2],
      ['其他成瘾性物质', 1],
    ]);
  });

  it('finds the drugs a text names by name, alias or street name, in the order it names them', async () => {
    expect((await drugsNamedInText('有人把烟粉加进电子烟，还有人吸笑气、喝含GHB的饮料')).map((d) => d.id)).toEqual([
      'yi-tuo-mi-zhi',
      'xiao-qi',
      'qiang-ding-suan',
    ]);
    expect(await drugsNamedInText('禁毒宣传')).toEqual([]);
  });
});

describe('the other collections', () => {
  it('orders bases by the towns in site.yaml, letters newest first', async () => {
    expect((await bases()).map((b) => b.data.town)).toEqual(['城关镇', '河西乡']);
    expect((await letters()).map((l) => l.id)).toEqual(['shu-jia-xin-2025']);
  });

  it('orders help services by kind, as the help page lists them, drafts left out', async () => {
    expect((await services()).map((s) => s.id)).toEqual(['xin-li-yuan-zhu-12356', 'xian-jie-du-zhi-liao-ke', 'chengguan-she-jie-she-kang']);
  });

  it('finds a site page only when the office wrote one', async () => {
    expect(await sitePage('about')).toBeUndefined();
  });

  it('points a page at its own share card when one is built, and at the home card otherwise', async () => {
    expect(await shareCardFor('/news/2024-03-05-a/')).toBe('/og/news/2024-03-05-a/card.png');
    expect(await shareCardFor('/search/')).toBe('/og/search/card.png');
    expect(await shareCardFor('/news/archive/')).toBe('/og/home/card.png');
  });
});
