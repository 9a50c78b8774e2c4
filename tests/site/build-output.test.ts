/**
 * The real site, built from content/ with a fixed build day, read back as HTML.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseCsv } from '#/lib/tally/event-import.ts';
import { parse, type HTMLElement } from 'node-html-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { paths } from '#/lib/site/urls.ts';
import { ELDER_MODE_SCRIPT } from '#/lib/site/elder-mode.ts';
import { BUILD_DATE, SITES, builtPages, pageExists, readPage } from '../helpers/sites.ts';

const site = SITES.main;
const html = (urlPath: string): HTMLElement => parse(readPage(site, urlPath));
const pages = builtPages(site);
const { entries } = checkContent(site.contentDir, loadSettings(site.contentDir, {}));
const ofCollection = (name: string) => entries.filter((e) => e.collection === name);
const news = ofCollection('news').sort((a, b) => String(b.data.date).localeCompare(String(a.data.date)) || a.id.localeCompare(b.id));

describe('every page type renders', () => {
  const samples = {
    home: paths.home(),
    newsList: paths.newsList(),
    newsItem: paths.news(news[0]!.id),
    newsYear: paths.newsYear(2024),
    newsArchive: paths.newsArchive(),
    newsCategory: paths.newsCategory('校园禁毒'),
    newsTags: paths.newsTags(),
    newsTag: paths.newsTag((news.find((n) => (n.data.tags as string[]).length > 0)!.data.tags as string[])[0]!),
    lectures: paths.lectures(),
    letters: paths.letters(),
    letter: paths.letter(ofCollection('letters')[0]!.id),
    bases: paths.bases(),
    base: paths.base(ofCollection('bases')[0]!.id),
    topics: paths.topics(),
    topic: paths.topic(ofCollection('topics')[0]!.id),
    campaigns: paths.campaigns(),
    campaign: paths.campaign(ofCollection('campaigns')[0]!.id),
    about: paths.about(),
    contact: paths.contact(),
    help: paths.help(),
  };

  it.each(Object.entries(samples))('%s (%s) has a title, one h1 and a main landmark', (_, urlPath) => {
    const doc = html(urlPath);
    expect(doc.querySelector('title')?.text).toMatch(/琼海禁毒/);
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelectorAll('main')).toHaveLength(1);
    expect(doc.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
  });

  it('builds a 404 page kept out of search engines', () => {
    const doc = parse(readPage(site, '/404.html'));
    expect(doc.querySelector('h1')?.text).toBe('找不到这个页面');
    expect(doc.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex');
  });
});

describe('every HTML page', () => {
  it('is Simplified Chinese with a canonical URL on the production host', () => {
    expect(pages.length).toBeGreaterThan(40);
    for (const page of pages) {
      const doc = parse(readPage(site, page));
      expect(doc.querySelector('html')?.getAttribute('lang'), page).toBe('zh-CN');
      if (page !== '/404.html') {
        expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href'), page).toBe(new URL(page, site.siteUrl).href);
      }
    }
  });

  it('loads nothing from another host and ships no script but the elder-mode one (and search on /search/, print and copy on letters)', () => {
    const withModule = new Set([paths.search(), ...ofCollection('letters').map((l) => paths.letter(l.id))]);
    for (const page of pages) {
      const doc = parse(readPage(site, page));
      for (const el of doc.querySelectorAll('script[src], link[rel=stylesheet], img, iframe')) {
        const url = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
        expect(url.startsWith('/'), `${page}: ${url}`).toBe(true);
      }
      // The search page also runs its search module, a letter its print and copy controls.
      const scripts = doc.querySelectorAll('script:not([type=module])');
      expect(
        scripts.map((s) => s.text),
        page,
      ).toEqual([ELDER_MODE_SCRIPT]);
      expect(doc.querySelectorAll('script[type=module]').length, page).toBe(withModule.has(page) ? 1 : 0);
    }
  });

  it('carries a CSP that allows the inline elder-mode script by hash', () => {
    const csp = html(paths.home()).querySelector('meta[http-equiv=content-security-policy]')?.getAttribute('content') ?? '';
    expect(csp).toMatch(/script-src[^;]*'sha256-/);
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('news', () => {
  it('lists published news newest first on the first page', () => {
    const titles = html(paths.newsList())
      .querySelectorAll('main .item-list h2')
      .map((h) => h.text.trim());
    expect(titles).toEqual(news.slice(0, 15).map((n) => n.data.title));
  });

  it('shows outlets, reposts, date and neighbours on an article', () => {
    const reposted = news.find((n) => (n.data.reposts as string[]).length > 0)!;
    const doc = html(paths.news(reposted.id));
    const badges = doc.querySelectorAll('.outlets .badge').map((b) => b.text);
    expect(badges).toEqual([...(reposted.data.outlets as string[]), ...(reposted.data.reposts as string[])]);
    expect(doc.querySelector('time')?.getAttribute('datetime')).toBe(reposted.data.date);
    const i = news.indexOf(reposted);
    const neighbours = doc.querySelectorAll('.prev-next a').map((a) => a.getAttribute('href'));
    expect(neighbours).toEqual([news[i - 1], news[i + 1]].filter(Boolean).map((n) => paths.news(n!.id)));
  });

  it('renders the Markdown body', () => {
    const doc = html(paths.news(news[0]!.id));
    expect(doc.querySelector('.article-body')?.text.trim().length).toBeGreaterThan(200);
  });

  /** Item links on a listing and on the pages after it (following rel=next). */
  const listedAcrossPages = (first: string) => {
    const links: string[] = [];
    for (let url: string | undefined = first; url;) {
      const doc = html(url);
      links.push(...doc.querySelectorAll('main .item-list h2 a').map((a) => a.getAttribute('href')!));
      url = doc.querySelector('.pagination a[rel=next]')?.getAttribute('href');
    }
    return links;
  };

  it('files every item under its year and its category, across pages', () => {
    const byDate = (list: typeof news) =>
      [...list].sort((a, b) => String(b.data.date).localeCompare(String(a.data.date)) || a.id.localeCompare(b.id));
    for (const year of new Set(news.map((n) => String(n.data.date).slice(0, 4)))) {
      const expected = byDate(news.filter((n) => String(n.data.date).startsWith(year))).map((n) => paths.news(n.id));
      expect(listedAcrossPages(paths.newsYear(Number(year)))).toEqual(expected);
    }
    expect(listedAcrossPages(paths.newsList())).toHaveLength(news.length);
    const campus = news.filter((n) => n.data.category === '校园禁毒');
    expect(listedAcrossPages(paths.newsCategory('校园禁毒')).sort()).toEqual(campus.map((n) => paths.news(n.id)).sort());
  });

  it('serves a cover photo through the image pipeline: resized WebP with its alt text', () => {
    const withCover = news.find((n) => n.data.cover)!;
    const img = html(paths.news(withCover.id)).querySelector('.cover img')!;
    expect(img.getAttribute('alt')).toBe((withCover.data.cover as { alt: string }).alt);
    expect(img.getAttribute('src')).toMatch(/^\/_astro\/.+\.webp$/);
    expect(img.getAttribute('srcset')?.split(',')).toHaveLength(3);
    expect(readdirSync(`${site.outDir}/_astro`).filter((f) => /\.jpe?g$/i.test(f))).toEqual([]);
  });

  it('marks sample items with a visible notice', () => {
    const sample = news.find((n) => n.data.sample)!;
    expect(html(paths.news(sample.id)).querySelector('.notice')?.text).toContain('示例数据');
  });
});

describe('feeds and indexes', () => {
  it('has an RSS feed that a feed reader parses, with absolute links to built pages', async () => {
    const feed = await new Parser().parseString(readPage(site, paths.rss()));
    expect(feed.title).toContain('琼海禁毒');
    expect(readPage(site, paths.rss())).toContain('<language>zh-CN</language>');
    expect(feed.items).toHaveLength(Math.min(50, news.length)); // the feed carries the 50 newest
    for (const item of feed.items) {
      const url = new URL(item.link!);
      expect(url.origin).toBe(site.siteUrl);
      expect(pageExists(site, url.pathname), url.pathname).toBe(true);
      expect(item.pubDate).toBeTruthy();
    }
    expect(feed.items[0]!.title).toBe(news[0]!.data.title);
  });

  it('has a sitemap listing every page and nothing else', () => {
    const xml = readPage(site, paths.sitemap());
    const listed = [...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).sort();
    expect(listed).toEqual(pages.filter((p) => p !== '/404.html').sort());
  });

  it('has robots.txt pointing at the sitemap', () => {
    expect(readPage(site, '/robots.txt')).toContain(`Sitemap: ${site.siteUrl}/sitemap.xml`);
  });
});

describe('lectures', () => {
  const lectures = ofCollection('lectures');
  const upcoming = lectures.filter((l) => String(l.data.date) >= BUILD_DATE);

  it('splits upcoming from past on the build day', () => {
    const doc = html(paths.lectures());
    const [upcomingTable, pastTable] = doc.querySelectorAll('main table');
    expect(
      upcomingTable!
        .querySelectorAll('tbody tr')
        .map((tr) => tr.id)
        .sort(),
    ).toEqual(upcoming.map((l) => l.id).sort());
    expect(pastTable!.querySelectorAll('tbody tr')).toHaveLength(lectures.length - upcoming.length);
    expect(upcoming.length).toBeGreaterThan(0);
  });

  it('publishes an iCalendar file with one event per lecture', () => {
    const ics = readPage(site, paths.lecturesCalendar());
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(lectures.length);
    expect(ics).toContain(`X-WR-TIMEZONE:Asia/Shanghai`);
  });

  it('links every reported lecture to its news report', () => {
    const reported = lectures.filter((l) => l.data.report);
    expect(reported.length).toBeGreaterThanOrEqual(7);
    const doc = html(paths.lectures());
    for (const l of reported) {
      const row = doc.querySelector(`tr#${l.id}`)!;
      expect(
        row.querySelectorAll('a').map((a) => a.getAttribute('href')),
        l.id,
      ).toContain(paths.news(String(l.data.report)));
    }
  });
});

describe('letters, bases, campaign', () => {
  it('prints a letter with its reply slip', () => {
    const letter = ofCollection('letters').find((l) => l.data.replySlip)!;
    const doc = html(paths.letter(letter.id));
    expect(doc.querySelector('.reply-slip h2')?.text).toBe('回执');
    const slip = letter.data.replySlip as { fields: string[] };
    expect(doc.querySelectorAll('.reply-slip dt').map((d) => d.text.replace('：', ''))).toEqual(slip.fields);
    expect(doc.querySelector('.letter__signature')?.text).toContain(String(letter.data.issuer));
  });

  it('groups bases by kind and town', () => {
    const doc = html(paths.bases());
    const headings = doc.querySelectorAll('main h2').map((h) => h.text);
    expect(headings.some((h) => h.startsWith('禁毒宣传教育基地'))).toBe(true);
    expect(headings.some((h) => h.startsWith('海岸线驿站'))).toBe(true);
    expect(doc.querySelectorAll('main .item-list a')).toHaveLength(ofCollection('bases').length);
  });

  it('shows the same figures as `npm run tally`, on the campaign page and the home page', () => {
    const [report] = JSON.parse(
      execFileSync(process.execPath, ['scripts/tally.ts', '--format', 'json', '--by', 'town', '--by', 'month'], {
        encoding: 'utf8',
        env: { ...process.env, SITE_CONTENT_DIR: site.contentDir },
      }),
    );
    const expected = [
      `${report.computed.events} 场`,
      `${report.computed.leaflets.toLocaleString('en-US')} 份`,
      `${report.audienceRounded} 人次`,
    ];
    const campaignPage = html(paths.campaign(report.campaign.id));
    expect(campaignPage.querySelectorAll('.figures dd').map((d) => d.text)).toEqual(expected);
    expect(
      html(paths.home())
        .querySelectorAll('.figures dd')
        .map((d) => d.text),
    ).toEqual(expected);
    const townTable = campaignPage
      .querySelectorAll('#by-town-title ~ details tbody tr')
      .map((tr) => [tr.querySelector('th')!.text, tr.querySelector('td')!.text]);
    expect(townTable).toEqual(
      report.breakdowns.town.map((r: { key: string; audience: number }) => [r.key, r.audience.toLocaleString('en-US')]),
    );
    expect(campaignPage.querySelectorAll('svg[role=img] rect')).toHaveLength(
      report.breakdowns.town.length + report.breakdowns.month.length,
    );
  });

  it('groups the records by town, each group collapsed and summed, in 人次, with 约 only before rounded figures', () => {
    const campaign = ofCollection('campaigns')[0]!;
    const events = ofCollection('events').filter((e) => e.data.campaign === campaign.id);
    const doc = html(paths.campaign(campaign.id));
    const groups = doc.querySelectorAll('#event-records details');
    expect(groups.length).toBe(new Set(events.map((e) => e.data.town)).size);
    for (const group of groups) {
      expect(group.hasAttribute('open')).toBe(false);
      const town = group.querySelector('.event-group__name')!.text;
      const own = events.filter((e) => e.data.town === town);
      const audience = own.reduce((sum, e) => sum + Number(e.data.audience), 0);
      expect(group.querySelectorAll('tbody tr')).toHaveLength(own.length);
      expect(group.querySelector('summary')!.text).toContain(`${own.length} 场`);
      expect(group.querySelector('summary')!.text).toContain(`受众 ${audience.toLocaleString('en-US')} 人次`);
    }
    const text = doc.querySelector('main')!.text;
    expect(text).not.toMatch(/受众（人）|部分场次/);
    expect(text).toContain(`本页列出的全部 ${events.length} 场活动记录`);
    // 约 only before a figure that was rounded (5.3万), never before an exact count.
    expect(text).not.toMatch(/约\s*[\d,]+(?![\d,.]*万)/);
    expect(doc.querySelector('.back-to-top a')?.getAttribute('href')).toBe('#top');
  });

  it('offers the records as CSV and JSON downloads', () => {
    const campaign = ofCollection('campaigns')[0]!;
    const events = ofCollection('events').filter((e) => e.data.campaign === campaign.id);
    const rows = parseCsv(readPage(site, paths.campaignEvents(campaign.id, 'csv')).replace(/^\ufeff/, ''));
    expect(rows).toHaveLength(events.length + 1);
    const json = JSON.parse(readPage(site, paths.campaignEvents(campaign.id, 'json')));
    expect(json.events).toHaveLength(events.length);
    expect(json.totals.leaflets).toBe(events.reduce((sum, e) => sum + Number(e.data.leaflets), 0));
  });

  it('shows campaign figures added up from the event records', () => {
    const campaign = ofCollection('campaigns')[0]!;
    const events = ofCollection('events').filter((e) => e.data.campaign === campaign.id);
    const leaflets = events.reduce((sum, e) => sum + Number(e.data.leaflets), 0);
    const figures = html(paths.campaign(campaign.id))
      .querySelectorAll('.figures dd')
      .map((d) => d.text);
    expect(figures[0]).toBe(`${events.length} 场`);
    expect(figures[1]).toBe(`${leaflets.toLocaleString('en-US')} 份`);
    expect(html(paths.campaign(campaign.id)).querySelectorAll('#event-records tbody tr')).toHaveLength(events.length);
  });
});

describe('page weight', () => {
  const gzipped = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
  const weight = (page: string) => {
    const doc = parse(readPage(site, page));
    const css = doc.querySelectorAll('link[rel=stylesheet]').map((l) => readFileSync(`${site.outDir}${l.getAttribute('href')}`));
    return gzipped(readPage(site, page)) + css.reduce((sum, c) => sum + gzipped(c), 0);
  };

  it('keeps every news page under 30 KB and the home page under 50 KB (HTML + CSS, gzip)', () => {
    for (const n of news) expect(weight(paths.news(n.id)), n.id).toBeLessThanOrEqual(30 * 1024);
    expect(weight(paths.home())).toBeLessThanOrEqual(50 * 1024);
  });

  it('ships no script file, only the inline 长辈模式 script (under 1 KB), on content pages', () => {
    const doc = parse(readPage(site, paths.news(news[0]!.id)));
    expect(doc.querySelectorAll('script[src]')).toHaveLength(0);
    const inline = doc.querySelectorAll('script').map((s) => Buffer.byteLength(s.text));
    expect(inline).toHaveLength(1);
    expect(inline[0]).toBeLessThan(1024);
  });

  it('sizes every image (no layout shift) and lazy-loads content photos', () => {
    for (const page of pages) {
      for (const img of parse(readPage(site, page)).querySelectorAll('img')) {
        expect(Number(img.getAttribute('width')) > 0 && Number(img.getAttribute('height')) > 0, `${page} ${img.getAttribute('src')}`).toBe(
          true,
        );
        if (img.closest('.cover, [data-body]')) expect(img.getAttribute('loading'), page).toBe('lazy');
      }
    }
  });

  it('keeps the stylesheet small and the same on every page', () => {
    const links = new Set(pages.map((p) => parse(readPage(site, p)).querySelector('link[rel=stylesheet]')?.getAttribute('href')));
    expect(links.size).toBe(1);
    const css = readFileSync(`${site.outDir}${[...links][0]}`);
    expect(css.length).toBeLessThan(20_000);
  });
});
