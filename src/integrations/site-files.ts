/**
 * Writes the files that describe the site to crawlers and hosts after the
 * build: sitemap.xml (from the pages Astro reports it wrote, so it can never
 * miss a page or list one that is gone), robots.txt and the `_headers` file.
 */
import { writeFile } from 'node:fs/promises';
import type { HookParameters } from 'astro';
import { renderHeadersFile } from '#/lib/build/security-headers.ts';
import { renderRobots, renderSitemap } from '#/lib/formats/sitemap.ts';
import { paths } from '#/lib/site/urls.ts';
import { editorOrigin } from '#/lib/content/editor-config.ts';
import type { SiteSettings } from '#/schemas/site.ts';

export async function writeSiteFiles({ dir, pages, logger }: HookParameters<'astro:build:done'>, settings: SiteSettings): Promise<void> {
  const siteUrl = settings.url;
  // The web editor is a tool for staff, not a page for readers or crawlers.
  const pathnames = pages.map((p) => (p.pathname === '' ? '/' : `/${p.pathname}`)).filter((p) => p !== paths.admin());
  const xml = renderSitemap(pathnames, siteUrl);
  await writeFile(new URL(paths.sitemap().slice(1), dir), xml);
  await writeFile(new URL('robots.txt', dir), renderRobots(siteUrl, paths.sitemap(), [paths.admin()]));
  await writeFile(new URL('_headers', dir), renderHeadersFile(editorOrigin(settings)));
  logger.info(`sitemap.xml：${xml.match(/<url>/g)?.length ?? 0} 个页面`);
}
