/** Help services, in the order of their kinds, then of the settings' towns (region-wide ones first), drafts left out. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublic } from '#/lib/content/publishing.ts';
import { SERVICE_KINDS } from '#/schemas/services.ts';
import { site } from '#/site.ts';
import { today } from './build-day.ts';

export type ServiceEntry = CollectionEntry<'services'>;

const kindOrder = (kind: string) => SERVICE_KINDS.findIndex((k) => k.name === kind);
const townOrder = (town: string | undefined) => (town === undefined ? -1 : site.towns.indexOf(town));

export async function services(): Promise<ServiceEntry[]> {
  return (await getCollection('services', ({ data }) => isPublic('services', data, today))).sort(
    (a, b) =>
      kindOrder(a.data.kind) - kindOrder(b.data.kind) ||
      townOrder(a.data.town) - townOrder(b.data.town) ||
      a.data.name.localeCompare(b.data.name, 'zh-CN'),
  );
}
