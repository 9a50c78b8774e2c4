/**
 * Files the build writes from content, other than pages, read back with the
 * parsers their readers use: the feed (rss-parser), the calendar (ical.js),
 * the CSV and JSON downloads. The other-city fixture's summary and lecture
 * topic hold the characters each format must escape.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { parse } from 'node-html-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { restoreCell } from '#/lib/formats/csv.ts';
import { parseCsv } from '#/lib/tally/event-import.ts';
import { checkContent } from '#/lib/gate/check-content.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { paths } from '#/lib/site/urls.ts';
import { SITES, readPage, type SiteUnderTest } from '../helpers/sites.ts';

const entriesOf = (site: SiteUnderTest, collection: string) =>
  checkContent(site.contentDir, loadSettings(site.contentDir, {})).entries.filter((e) => e.collection === collection);

describe('the feed', () => {
  const site = SITES.otherCity;
  const [item] = entriesOf(site, 'news');

  it('holds text that needs escaping (the fixture is not a no-op)', () => {
    expect(item!.data.summary).toMatch(/<b>.*&amp;/);
  });

  it('gives a feed reader the title, summary and tags exactly as written', async () => {
    const feed = await new Parser().parseString(readPage(site, paths.rss()));
    const read = feed.items.find((i) => i.link?.endsWith(paths.news(item!.id)))!;
    expect(read.title).toBe(item!.data.title);
    expect(read.content).toBe(item!.data.summary);
    expect(read.categories).toEqual([item!.data.category, ...(item!.data.tags as string[])]);
  });

  it('gives the page the same summary in its description', () => {
    const doc = parse(readPage(site, paths.news(item!.id)));
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(item!.data.summary);
  });
});

describe('the lecture calendar', () => {
  it.each([SITES.otherCity, SITES.main])('reads back in a calendar parser with every lecture as written ($name)', (site) => {
    const lectures = entriesOf(site, 'lectures');
    const calendar = new ICAL.Component(ICAL.parse(readPage(site, paths.lecturesCalendar())));
    const events = new Map(calendar.getAllSubcomponents('vevent').map((e) => [String(e.getFirstPropertyValue('uid')).split('@')[0], e]));
    expect(events.size).toBe(lectures.length);
    for (const { id, data } of lectures) {
      const event = events.get(id)!;
      expect(event.getFirstPropertyValue('summary')).toBe(`禁毒宣讲：${data.topic}（${data.school}）`);
      expect(event.getFirstPropertyValue('location')).toBe(`${data.school} ${data.venue}`);
    }
  });
});

describe('the campaign downloads', () => {
  const site = SITES.main;
  const campaigns = readdirSync(path.join(site.outDir, 'campaigns')).filter((f) => !f.includes('.'));

  it.each(campaigns)('writes events.csv for %s with no cell a spreadsheet would run, matching events.json', (id) => {
    const [header, ...rows] = parseCsv(readPage(site, paths.campaignEvents(id, 'csv')).replace(/^\ufeff/, ''));
    const json = JSON.parse(readPage(site, paths.campaignEvents(id, 'json'))) as { events: Record<string, string | number>[] };
    expect(header).toEqual(['日期', '镇区', '承办单位', '地点', '形式', '资料份数', '受众人数']);
    for (const cell of rows.flat()) expect(/^[=+\-@\t\r\n＝＋－＠]/.test(cell) && !/^-?\d+$/.test(cell), cell).toBe(false);
    const fields = ['date', 'town', 'organizer', 'venue', 'format', 'leaflets', 'audience'];
    expect(rows.map((r) => r.map(restoreCell))).toEqual(json.events.map((e) => fields.map((f) => String(e[f]))));
  });
});
