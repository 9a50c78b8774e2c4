/** Education bases, by town in the settings' order, drafts left out (grouped by kind in src/lib/site/place.ts). */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublic } from '#/lib/content/publishing.ts';
import { site } from '#/site.ts';
import { today } from './build-day.ts';

export type BaseEntry = CollectionEntry<'bases'>;

export async function bases(): Promise<BaseEntry[]> {
  return (await getCollection('bases', ({ data }) => isPublic('bases', data, today))).sort(
    (a, b) => site.towns.indexOf(a.data.town) - site.towns.indexOf(b.data.town) || a.data.name.localeCompare(b.data.name, 'zh-CN'),
  );
}
