/**
 * `astro:content` for unit tests of `src/queries`, as Starlight tests its own
 * queries: collections are the entries the content gate reads from a content
 * folder with the same schemas Astro uses, so a query runs on real data
 * without a build. Use with `vi.mock('astro:content', () => astroContentFrom(dir))`.
 */
import { checkContent } from '#/lib/gate/check-content.ts';
import type { CheckedEntry } from '#/lib/gate/entries.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import type { CollectionName } from '#/schemas/index.ts';

interface MockEntry {
  id: string;
  collection: CollectionName;
  data: Record<string, unknown>;
  body: string;
  filePath: string;
}

const toEntry = (e: CheckedEntry): MockEntry => ({ id: e.id, collection: e.collection, data: e.data, body: e.body, filePath: e.file });

export function astroContentFrom(dir: string) {
  const { entries, problems } = checkContent(dir, loadSettings(dir, {}));
  if (problems.length > 0) throw new Error(`the query fixture has problems: ${problems.map((p) => `${p.file} ${p.message}`).join('; ')}`);
  const byCollection = Map.groupBy(entries.map(toEntry), (e) => e.collection);
  return {
    async getCollection(name: CollectionName, filter?: (entry: MockEntry) => unknown) {
      const all = byCollection.get(name) ?? [];
      return filter ? all.filter(filter) : all;
    },
    async getEntry(name: CollectionName, id: string) {
      return byCollection.get(name)?.find((e) => e.id === id);
    },
  };
}
