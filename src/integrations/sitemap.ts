/**
 * Writes sitemap.xml and robots.txt after the build, from the pages Astro
 * reports it wrote, so the sitemap can never miss a page or list one that is gone.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { renderRobots, renderSitemap } from '../lib/sitemap.ts';
import { paths } from '../lib/urls.ts';

export function sitemap(siteUrl: string): AstroIntegration {
  return {
    name: 'jindu:sitemap',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const pathnames = pages.map((p) => (p.pathname === '' ? '/' : `/${p.pathname}`));
        const xml = renderSitemap(pathnames, siteUrl);
        await writeFile(new URL(paths.sitemap().slice(1), dir), xml);
        await writeFile(new URL('robots.txt', dir), renderRobots(siteUrl, paths.sitemap()));
        logger.info(`sitemap.xml：${xml.match(/<url>/g)?.length ?? 0} 个页面`);
      },
    },
  };
}
