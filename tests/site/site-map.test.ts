/**
 * The HTML site map and the footer: the map lists what sitemap.xml lists (bar
 * the paged listings), the footer reaches it, and the footer's settings (公安备案
 * link, 我为政府网站找错, 党政机关网站标识) show only when set. The pages without a
 * content type have share cards of their own.
 */
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { SITE_PAGES } from '#/lib/site/site-pages.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { absoluteUrl, paths } from '#/lib/site/urls.ts';
import { shareImagesOf, sourcesFromGate } from '#/og/share-list.ts';
import { BUILD_DATE, SITES, builtPages, pageExists, readPage } from '../helpers/sites.ts';
import path from 'node:path';

/** Listing pages the map reaches through their first page: later pages, years, categories and tags. */
const LISTING = /\/page\/\d+\/$|^\/news\/(archive|category|tags)\/.+/;

const linksOf = (html: string, selector: string) =>
  parse(html)
    .querySelectorAll(selector)
    .map((a) => a.getAttribute('href')!);

describe.each(Object.values(SITES))('$name site', (site) => {
  const xmlPaths = [...readPage(site, paths.sitemap()).matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const mapLinks = linksOf(readPage(site, paths.siteMapPage()), 'main a');

  it('lists on /sitemap/ every section and entry page that sitemap.xml lists', () => {
    const missing = xmlPaths.filter((p) => !LISTING.test(p) && !mapLinks.includes(p) && p !== paths.siteMapPage());
    expect(missing).toEqual([]);
    expect(xmlPaths).toContain(paths.siteMapPage());
  });

  it('links from /sitemap/ only to pages that exist', () => {
    const internal = mapLinks.filter((href) => href.startsWith('/'));
    expect(internal.filter((href) => !pageExists(site, href))).toEqual([]);
    // Each page once in the lists.
    const listed = linksOf(readPage(site, paths.siteMapPage()), 'main h2 a, main li a');
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('reaches the site map from every page’s footer; crawlers keep sitemap.xml', () => {
    for (const page of builtPages(site).filter((p) => p.endsWith('/'))) {
      expect(
        linksOf(readPage(site, page), 'footer a').filter((href) => href === paths.siteMapPage()),
        page,
      ).toHaveLength(1);
    }
    expect(readPage(site, '/robots.txt')).toContain(absoluteUrl(paths.sitemap(), site.siteUrl));
  });

  it('gives help, about, contact, search and the site map share cards of their own, titled in full', () => {
    const settings = loadSettings(site.contentDir, {});
    const images = shareImagesOf(sourcesFromGate(checkContent(site.contentDir, settings).entries), settings, BUILD_DATE);
    for (const { path: pagePath } of Object.values(SITE_PAGES)) {
      const doc = parse(readPage(site, pagePath));
      const image = doc.querySelector('meta[property="og:image"]')!.getAttribute('content')!;
      expect(new URL(image).pathname, pagePath).toBe(paths.shareCard(pagePath));
      expect(pageExists(site, paths.shareCard(pagePath)), pagePath).toBe(true);
      const card = images.find((i) => i.path === paths.shareCard(pagePath));
      const title = doc.querySelector('main h1')!.text.trim();
      expect(card?.inputs, pagePath).toMatchObject({ title });
      // The card draws three lines of 16 characters: a title of 48 or fewer is never cut with “…”.
      expect([...title].length).toBeLessThanOrEqual(48);
    }
  });
});

describe('footer settings', () => {
  const footerOf = (site: (typeof SITES)[keyof typeof SITES], page: string) => parse(readPage(site, page)).querySelector('footer')!;

  it('shows a placeholder 公安备案 number unlinked, and no 标识 or 找错 link the office has not set', () => {
    const footer = footerOf(SITES.main, paths.home());
    expect(footer.text).toContain('琼公网安备00000000000000号');
    expect(footer.querySelector('[data-police-record]')).toBeNull();
    expect(footer.querySelector('[data-gov-mark]')).toBeNull();
    expect(footer.querySelector('[data-error-report]')).toBeNull();
  });

  it('links the 公安备案 number to its record, 找错 with the page’s own address, and shows the 党政机关网站标识', async () => {
    const site = SITES.otherCity;
    const footer = footerOf(site, paths.home());
    const police = footer.querySelector('[data-police-record]')!;
    expect(police.text.trim()).toBe('青公网安备99990000000001号');
    expect(police.getAttribute('href')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=99990000000001');

    for (const page of [paths.home(), paths.about()]) {
      const report = new URL(footerOf(site, page).querySelector('[data-error-report]')!.getAttribute('href')!);
      expect(report.origin + report.pathname).toBe('https://zfwzgl.www.gov.cn/exposure/jiucuo.html');
      expect(report.searchParams.get('site_code')).toBe('9999000001');
      expect(report.searchParams.get('url')).toBe(absoluteUrl(page, site.siteUrl));
      expect(footerOf(site, page).querySelector('[data-error-report]')!.text.trim()).toBe('我为政府网站找错');
    }

    const mark = footer.querySelector('[data-gov-mark]')!;
    expect(mark.getAttribute('href')).toBe('https://bszs.conac.cn/sitename?method=show&id=0000000000000001');
    const img = mark.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('党政机关网站标识');
    // Redrawn like the logo: a PNG of the site's own, never the file as written.
    const src = img.getAttribute('src')!;
    expect(src).toMatch(/^\/gov-mark-[0-9a-f]{12}\.png$/);
    const { format, width } = await sharp(path.join(site.outDir, src)).metadata();
    expect({ format, width }).toEqual({ format: 'png', width: 96 });
  });
});
