/** Prevention topics, by kind then the order staff gave them, drafts left out. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { TOPIC_KINDS } from '#/schemas/topics.ts';
import { isPublic } from '#/lib/content/publishing.ts';
import { today } from './build-day.ts';

export type TopicEntry = CollectionEntry<'topics'>;

export async function topics(): Promise<TopicEntry[]> {
  return (await getCollection('topics', ({ data }) => isPublic('topics', data, today))).sort(
    (a, b) =>
      TOPIC_KINDS.indexOf(a.data.kind) - TOPIC_KINDS.indexOf(b.data.kind) || a.data.order - b.data.order || a.id.localeCompare(b.id),
  );
}

export async function topicsByKind() {
  const all = await topics();
  return TOPIC_KINDS.map((kind) => ({ kind, items: all.filter((t) => t.data.kind === kind) })).filter((k) => k.items.length > 0);
}
