/** Letters, bases, topics: small collections listed whole, drafts left out. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { BASE_KINDS } from '../schemas/bases.ts';
import { TOPIC_KINDS } from '../schemas/topics.ts';
import { isPublic } from '../lib/publishing.ts';
import { site } from '../site.ts';
import { today } from './build-day.ts';

export type LetterEntry = CollectionEntry<'letters'>;
export type BaseEntry = CollectionEntry<'bases'>;
export type TopicEntry = CollectionEntry<'topics'>;

/** Newest first. */
export async function letters(): Promise<LetterEntry[]> {
  return (await getCollection('letters', ({ data }) => isPublic('letters', data, today))).sort(
    (a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id),
  );
}

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

export async function topics(): Promise<TopicEntry[]> {
  return (await getCollection('topics', ({ data }) => isPublic('topics', data, today))).sort(
    (a, b) =>
      TOPIC_KINDS.indexOf(a.data.kind) - TOPIC_KINDS.indexOf(b.data.kind) ||
      a.data.order - b.data.order ||
      a.id.localeCompare(b.id),
  );
}

export async function topicsByKind() {
  const all = await topics();
  return TOPIC_KINDS.map((kind) => ({ kind, items: all.filter((t) => t.data.kind === kind) })).filter(
    (k) => k.items.length > 0,
  );
}
