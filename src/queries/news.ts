/**
 * Published news, sorted once per build, with the indexes every news page
 * needs (years, categories, tags, neighbours, related items). Pages look items
 * up here instead of re-reading and re-sorting the collection each time.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { yearOf } from '#/lib/core/dates.ts';
import { isPublic } from '#/lib/content/publishing.ts';
import { buildRelatedIndex, relatedIds } from '#/lib/content/related.ts';
import { tagSlug } from '#/lib/site/urls.ts';
import { NEWS_CATEGORIES } from '#/schemas/news.ts';
import { today } from './build-day.ts';

export type NewsEntry = CollectionEntry<'news'>;

export interface NewsCatalog {
  /** Newest first. */
  all: NewsEntry[];
  byId: Map<string, NewsEntry>;
  years: { year: number; items: NewsEntry[] }[];
  categories: { label: string; slug: string; items: NewsEntry[] }[];
  tags: { tag: string; slug: string; items: NewsEntry[] }[];
  /** Older and newer neighbours of an item in `all`. */
  neighbours(id: string): { older?: NewsEntry; newer?: NewsEntry };
  related(id: string): NewsEntry[];
}

const byDateDesc = (a: NewsEntry, b: NewsEntry) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id);

function groupBy<K>(items: NewsEntry[], keysOf: (item: NewsEntry) => K[]): Map<K, NewsEntry[]> {
  const groups = new Map<K, NewsEntry[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

async function loadCatalog(): Promise<NewsCatalog> {
  const all = (await getCollection('news', ({ data }) => isPublic('news', data, today))).sort(byDateDesc);
  const byId = new Map(all.map((n) => [n.id, n]));
  const position = new Map(all.map((n, i) => [n.id, i]));

  const years = [...groupBy(all, (n) => [yearOf(n.data.date)])].map(([year, items]) => ({ year, items }));
  const byCategory = groupBy(all, (n) => [n.data.category]);
  const categories = NEWS_CATEGORIES.map((c) => ({ ...c, items: byCategory.get(c.label) ?? [] }));
  const tags = [...groupBy(all, (n) => n.data.tags)]
    .map(([tag, items]) => ({ tag, slug: tagSlug(tag), items }))
    .sort((a, b) => b.items.length - a.items.length || a.slug.localeCompare(b.slug));

  const relatedIndex = buildRelatedIndex(all.map((n) => ({ id: n.id, ...n.data })));
  return {
    all,
    byId,
    years,
    categories,
    tags,
    neighbours(id) {
      const i = position.get(id);
      if (i === undefined) return {};
      return { newer: all[i - 1], older: all[i + 1] };
    },
    related(id) {
      const item = byId.get(id);
      if (!item) return [];
      return relatedIds(relatedIndex, { id, ...item.data }).map((r) => byId.get(r)!);
    },
  };
}

let catalog: Promise<NewsCatalog> | undefined;

export function newsCatalog(): Promise<NewsCatalog> {
  catalog ??= loadCatalog();
  return catalog;
}
