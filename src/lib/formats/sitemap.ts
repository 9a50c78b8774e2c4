/** sitemap.xml from the list of pages the build actually wrote. */
import { absoluteUrl } from '#/lib/site/urls.ts';
import { escapeXml } from './xml.ts';

/**
 * Keeps HTML pages only (not feeds, calendars or the 404 page), sorted, one
 * `<url>` each, as absolute URLs.
 */
export function renderSitemap(pathnames: readonly string[], siteUrl: string): string {
  const pages = [...new Set(pathnames.map((p) => (p.startsWith('/') ? p : `/${p}`)))]
    .filter((p) => p.endsWith('/') && !/^\/404\/?$/.test(p))
    .sort();
  const urls = pages.map((p) => `<url><loc>${escapeXml(absoluteUrl(p, siteUrl))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function renderRobots(siteUrl: string, sitemapPath: string, disallow: readonly string[] = []): string {
  const rules = ['Allow: /', ...disallow.map((p) => `Disallow: ${p}`)].join('\n');
  return `User-agent: *\n${rules}\n\nSitemap: ${absoluteUrl(sitemapPath, siteUrl)}\n`;
}
