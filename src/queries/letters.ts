/** Letters to parents, newest first, drafts and scheduled ones left out. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublic } from '#/lib/content/publishing.ts';
import { today } from './build-day.ts';

export type LetterEntry = CollectionEntry<'letters'>;

/** Newest first. */
export async function letters(): Promise<LetterEntry[]> {
  return (await getCollection('letters', ({ data }) => isPublic('letters', data, today))).sort(
    (a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id),
  );
}
