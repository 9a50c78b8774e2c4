/**
 * The set of pages a build will have, computed from the content alone, so the
 * content gate can check internal links before anything renders. It follows the
 * routes in src/pages/; the built-site link check in the tests is the backstop.
 */
import { yearOf } from '#/lib/core/dates.ts';
import { NEWS_PAGE_SIZE } from '#/lib/core/pagination.ts';
import { isPublic } from './publishing.ts';
import { COLLECTION_NAMES, type CollectionName } from '#/schemas/index.ts';
import { entryPath, paths, sectionPath } from '#/lib/site/urls.ts';

export interface PathEntry {
  collection: CollectionName;
  id: string;
  data: Record<string, unknown>;
}

const pageCount = (items: number) => Math.max(1, Math.ceil(items / NEWS_PAGE_SIZE));
const pagesOf = (items: number, url: (page: number) => string) => Array.from({ length: pageCount(items) }, (_, i) => url(i + 1));

export function knownPaths(entries: readonly PathEntry[], today: string): Set<string> {
  const known = new Set<string>([
    // Every content type's section page (the pages type's is the home page), and the pages no type makes.
    ...COLLECTION_NAMES.map(sectionPath),
    paths.newsArchive(),
    paths.newsTags(),
    paths.lecturesCalendar(),
    paths.search(),
    paths.about(),
    paths.contact(),
    paths.help(),
    paths.rss(),
    paths.sitemap(),
    paths.siteMapPage(),
  ]);
  const visible = entries.filter((e) => isPublic(e.collection, e.data, today));
  const news = visible.filter((e) => e.collection === 'news');
  const count = new Map<string, number>();
  const bump = (key: string) => count.set(key, (count.get(key) ?? 0) + 1);
  for (const { data } of news) {
    bump(`year:${yearOf(String(data.date))}`);
    bump(`category:${String(data.category)}`);
    for (const tag of (data.tags as string[] | undefined) ?? []) bump(`tag:${tag}`);
  }
  for (const url of pagesOf(news.length, paths.newsList)) known.add(url);
  for (const [key, items] of count) {
    const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const url =
      kind === 'year'
        ? (p: number) => paths.newsYear(Number(value), p)
        : kind === 'category'
          ? (p: number) => paths.newsCategory(value, p)
          : (p: number) => paths.newsTag(value, p);
    for (const page of pagesOf(items, url)) known.add(page);
  }
  for (const { collection, id } of visible) {
    const page = entryPath(collection, id);
    if (page && !page.includes('#')) known.add(page); // lecture rows are anchors, checked separately
  }
  return known;
}

/** Lecture anchors on the schedule page (`/lectures/#id`). */
export function knownAnchors(entries: readonly PathEntry[], today: string): Set<string> {
  return new Set(entries.filter((e) => e.collection === 'lectures' && isPublic('lectures', e.data, today)).map((e) => paths.lecture(e.id)));
}
