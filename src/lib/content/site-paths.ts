/**
 * The set of pages a build will have, computed from the content alone, so the
 * content gate can check internal links before anything renders. It follows the
 * routes in src/pages/; the built-site link check in the tests is the backstop.
 */
import { yearOf } from '#/lib/core/dates.ts';
import { NEWS_PAGE_SIZE } from '#/lib/core/pagination.ts';
import { isPublic } from './publishing.ts';
import { COLLECTION_NAMES, CONTENT_TYPES } from '#/schemas/index.ts';
import { validEntries, type CheckedEntry } from '#/lib/gate/entries.ts';
import { entryPath, paths, sectionPath } from '#/lib/site/urls.ts';

const pageCount = (items: number) => Math.max(1, Math.ceil(items / NEWS_PAGE_SIZE));
const pagesOf = (items: number, url: (page: number) => string) => Array.from({ length: pageCount(items) }, (_, i) => url(i + 1));

export function knownPaths(entries: readonly CheckedEntry[], today: string): Set<string> {
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
  const news = validEntries(visible, 'news');
  const count = new Map<string, number>();
  const bump = (key: string) => count.set(key, (count.get(key) ?? 0) + 1);
  for (const { data } of news) {
    bump(`year:${yearOf(data.date)}`);
    bump(`category:${data.category}`);
    for (const tag of data.tags) bump(`tag:${tag}`);
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
    if (page && !page.includes('#')) known.add(page); // rows and cards are anchors, checked separately
  }
  return known;
}

/** Entries published as a row or card on their section page (`/lectures/#id`, `/help/#id`). */
export function knownAnchors(entries: readonly CheckedEntry[], today: string): Set<string> {
  return new Set(
    entries
      .filter((e) => CONTENT_TYPES[e.collection].route.entry === 'anchor' && isPublic(e.collection, e.data, today))
      .map((e) => entryPath(e.collection, e.id)!),
  );
}
