/**
 * The web editor's page in both built sites: its configuration is the one
 * generated from that site's settings and content model, its files are served
 * from the site itself, it is the only page allowed eval, and readers and
 * crawlers are not sent to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorConfig } from '#/lib/content/editor-config.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { paths } from '#/lib/site/urls.ts';
import { ROOT, SITES, builtPages, readPage } from '../helpers/sites.ts';

const dataBlock = (html: string, id: string) =>
  JSON.parse(new RegExp(`<script type="application/json" id="${id}"[^>]*>(.*?)</script>`, 's').exec(html)![1]!);

describe.each(Object.values(SITES))('the $name site', (site) => {
  const html = readPage(site, paths.admin());

  it('carries the configuration generated for this site, content folder and all', () => {
    const folder = path.relative(ROOT, site.contentDir);
    expect(dataBlock(html, 'editor-config')).toEqual(editorConfig(loadSettings(site.contentDir, { SITE_URL: site.siteUrl }), folder));
    expect(dataBlock(html, 'editor-checks').settings.towns).toEqual(loadSettings(site.contentDir, {}).towns);
  });

  it('loads Decap CMS from the site itself, nothing from another host', () => {
    const bundle = /<meta name="editor-bundle" content="([^"]+)"/.exec(html)![1]!;
    expect(bundle).toBe(paths.editorBundle());
    expect(existsSync(path.join(site.outDir, bundle))).toBe(true);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(readFileSync(path.join(site.outDir, bundle), 'utf8')).not.toMatch(/unpkg\.com|jsdelivr|cdnjs/);
  });

  it('is the only page whose policy allows eval', () => {
    const csp = (page: string) => /http-equiv="content-security-policy" content="([^"]+)"/.exec(readPage(site, page))![1]!;
    expect(csp(paths.admin())).toContain("'unsafe-eval'");
    for (const page of builtPages(site)) expect(csp(page), page).not.toContain("'unsafe-eval'");
  });

  it('keeps readers and crawlers away: noindex, not in either site map, disallowed in robots.txt', () => {
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(readPage(site, paths.sitemap())).not.toContain(paths.admin());
    expect(readPage(site, paths.siteMapPage())).not.toContain(`href="${paths.admin()}"`);
    expect(readPage(site, '/robots.txt')).toContain(`Disallow: ${paths.admin()}`);
  });
});
