/** Education bases, by town in the settings' order, drafts left out. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { BASE_KINDS } from '../schemas/bases.ts';
import { isPublic } from '../lib/publishing.ts';
import { site } from '../site.ts';
import { today } from './build-day.ts';

export type BaseEntry = CollectionEntry<'bases'>;

export async function bases(): Promise<BaseEntry[]> {
  return (await getCollection('bases', ({ data }) => isPublic('bases', data, today))).sort(
    (a, b) =>
      site.towns.indexOf(a.data.town) - site.towns.indexOf(b.data.town) ||
      a.data.name.localeCompare(b.data.name, 'zh-CN'),
  );
}

/** Bases grouped by kind, then by town in the settings' order. */
export async function basesByKindAndTown() {
  const all = await bases();
  return BASE_KINDS.map((kind) => {
    const ofKind = all.filter((b) => b.data.kind === kind.label);
    const towns = site.towns
      .map((town) => ({ town, items: ofKind.filter((b) => b.data.town === town) }))
      .filter((t) => t.items.length > 0);
    return { ...kind, count: ofKind.length, towns };
  }).filter((k) => k.count > 0);
}
