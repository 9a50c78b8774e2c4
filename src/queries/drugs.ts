/** The drug A–Z: entries sorted by pinyin, grouped by index letter and by kind, and found by the names a text uses. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { DRUG_KINDS } from '#/schemas/drugs.ts';
import { indexLetter } from '#/lib/core/index-letter.ts';
import { slugify } from '#/lib/core/slug.ts';
import { drugsNamedIn } from '#/lib/content/drug-names.ts';
import { isPublic } from '#/lib/content/publishing.ts';
import { today } from './build-day.ts';
import { topics, type TopicEntry } from './topics.ts';

export type DrugEntry = CollectionEntry<'drugs'>;

/** Every name a reader may know the drug by. */
export const namesOf = ({ data }: DrugEntry) => [data.name, ...data.aliases, ...data.streetNames];

/** Public entries in A–Z order of their names read in pinyin. */
export async function drugs(): Promise<DrugEntry[]> {
  const all = await getCollection('drugs', ({ data }) => isPublic('drugs', data, today));
  const key = new Map(all.map((d) => [d.id, slugify(d.data.name)]));
  return all.sort((a, b) => key.get(a.id)!.localeCompare(key.get(b.id)!) || a.id.localeCompare(b.id));
}

/** The index page's two views: by pinyin letter (letters in order) and by kind (in the official order). */
export async function drugIndex() {
  const all = await drugs();
  const byLetter = Map.groupBy(all, (d) => indexLetter(d.data.name));
  return {
    all,
    letters: [...byLetter].sort(([a], [b]) => a.localeCompare(b)).map(([letter, items]) => ({ letter, items })),
    kinds: DRUG_KINDS.map((kind) => ({ kind, items: all.filter((d) => d.data.kind === kind) })).filter((k) => k.items.length > 0),
  };
}

/** The drugs a text (a topic, a news tag) names, in the order it names them. */
export async function drugsNamedInText(text: string): Promise<DrugEntry[]> {
  const all = await drugs();
  const byId = new Map(all.map((d) => [d.id, d]));
  return drugsNamedIn(
    text,
    all.map((d) => ({ id: d.id, names: namesOf(d) })),
  ).map((id) => byId.get(id)!);
}

/** The text of a topic that may name a drug: title, summary and body. */
const topicText = ({ data, body }: TopicEntry) => `${data.title}\n${data.summary}\n${body ?? ''}`;

/** The prevention topics that name a drug, in the topics' own order: the drug page's further reading. */
export async function topicsNaming(drugId: string): Promise<TopicEntry[]> {
  const named = await Promise.all((await topics()).map(async (t) => ({ t, ids: (await drugsNamedInText(topicText(t))).map((d) => d.id) })));
  return named.filter(({ ids }) => ids.includes(drugId)).map(({ t }) => t);
}

/** The drugs a prevention topic names. */
export const drugsNamedInTopic = (topic: TopicEntry) => drugsNamedInText(topicText(topic));
