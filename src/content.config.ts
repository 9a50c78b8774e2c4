import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { imagePath, schemaContext } from './schemas/context.ts';
import { COLLECTIONS, ENTRY_PATTERN, entryIdFromPath, type CollectionName } from './schemas/index.ts';
import { baseSchema } from './schemas/bases.ts';
import { newsSchema } from './schemas/news.ts';
import { contentDir } from './lib/settings.ts';
import { site } from './site.ts';

/** Every collection reads `<content>/<name>/`; an entry's id is its file name. */
const loader = (name: CollectionName) =>
  glob({
    pattern: ENTRY_PATTERN,
    base: `${contentDir()}/${name}`,
    generateId: ({ entry }) => entryIdFromPath(entry),
  });

/** For collections without images. */
const plain = schemaContext(site, imagePath);

export const collections = {
  news: defineCollection({ loader: loader('news'), schema: ({ image }) => newsSchema(schemaContext(site, image)) }),
  bases: defineCollection({ loader: loader('bases'), schema: ({ image }) => baseSchema(schemaContext(site, image)) }),
  lectures: defineCollection({ loader: loader('lectures'), schema: COLLECTIONS.lectures.schema(plain) }),
  letters: defineCollection({ loader: loader('letters'), schema: COLLECTIONS.letters.schema() }),
  campaigns: defineCollection({ loader: loader('campaigns'), schema: COLLECTIONS.campaigns.schema() }),
  events: defineCollection({ loader: loader('events'), schema: COLLECTIONS.events.schema(plain) }),
  topics: defineCollection({ loader: loader('topics'), schema: COLLECTIONS.topics.schema() }),
  pages: defineCollection({ loader: loader('pages'), schema: COLLECTIONS.pages.schema() }),
};
