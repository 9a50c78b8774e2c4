import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { imagePath, schemaContext } from './schemas/context.ts';
import { COLLECTION_NAMES, CONTENT_TYPES, ENTRY_PATTERN, entryIdFromPath, type CollectionName } from './schemas/index.ts';
import { contentDir } from './lib/site/settings.ts';
import { site } from './site.ts';

/** Every collection reads `<content>/<name>/`; an entry's id is its file name. */
const loader = (name: CollectionName) =>
  glob({
    pattern: ENTRY_PATTERN,
    base: `${contentDir()}/${name}`,
    generateId: ({ entry }) => entryIdFromPath(entry),
  });

/** For collections without images: the schema is built once, not once per entry. */
const plain = schemaContext(site, imagePath);

function collection(name: CollectionName) {
  const { schema, images } = CONTENT_TYPES[name];
  return defineCollection({
    loader: loader(name),
    schema: images ? ({ image }) => schema(schemaContext(site, image)) : schema(plain),
  });
}

/** Entry types come from each content type's own schema (what Astro infers from `schema`). */
type Collections = {
  [Name in CollectionName]: Omit<ReturnType<typeof collection>, 'schema'> & { schema: ReturnType<(typeof CONTENT_TYPES)[Name]['schema']> };
};

export const collections = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, collection(name)])) as Collections;
