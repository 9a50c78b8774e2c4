/**
 * The HTML site map (/sitemap/): every section in the navigation's order, then
 * the sections the navigation leaves out, each with its entries' own pages.
 * Built from the content table, so a new content type appears without code
 * here: an entry's title is the one its share card shows (`share`).
 * sitemap.xml is written from the pages the build produced; a site test checks
 * that every section and entry page listed there is listed here too.
 */
import { getCollection } from 'astro:content';
import { isPublic } from '#/lib/content/publishing.ts';
import { entryPath, sectionLink } from '#/lib/site/urls.ts';
import { COLLECTION_NAMES, NAV_TYPES, contentTypeOf, type CollectionName } from '#/schemas/index.ts';
import { today } from './build-day.ts';

export interface SiteMapSection {
  label: string;
  href: string;
  entries: { title: string; href: string; date?: string }[];
}

/** Content types in the order the site map lists them: the navigation's, then the rest that have a section page. */
const ORDER: CollectionName[] = [
  ...NAV_TYPES,
  ...COLLECTION_NAMES.filter((name) => !NAV_TYPES.includes(name) && contentTypeOf(name).route.section !== ''),
];

export async function siteMapSections(): Promise<SiteMapSection[]> {
  // One section per folder: events share the campaigns' section and have no pages of their own.
  const sections: SiteMapSection[] = [];
  for (const name of ORDER) {
    const type = contentTypeOf(name);
    const { label, href } = sectionLink(name);
    const entries: SiteMapSection['entries'] = [];
    if (type.route.entry === 'page' && type.share) {
      const all = await getCollection(name, ({ data }) => isPublic(name, data as { draft?: boolean; date?: string }, today));
      for (const { id, data } of all) {
        const { title, date } = type.share(data as Record<string, unknown>);
        entries.push({ title, href: entryPath(name, id)!, date });
      }
      // Dated entries newest first (as their sections list them); the others by title.
      entries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title, 'zh-CN'));
    }
    const existing = sections.find((s) => s.href === href);
    if (existing) existing.entries.push(...entries);
    else sections.push({ label, href, entries });
  }
  return sections;
}
