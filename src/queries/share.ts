/**
 * Every share image the site builds, in one list: the build writes exactly
 * these, and pages point only at images found here, so no page can point at
 * an image that was not built.
 */
import { getCollection } from 'astro:content';
import { shareImagesOf, type ShareImage, type ShareSources } from '#/og/share-list.ts';
import { COLLECTION_NAMES } from '#/schemas/index.ts';
import { paths } from '#/lib/site/urls.ts';
import { site } from '#/site.ts';
import { today } from './build-day.ts';

async function loadShareImages(): Promise<ShareImage[]> {
  const entries = await Promise.all(COLLECTION_NAMES.map(async (name) => [name, await getCollection(name)] as const));
  // Object.fromEntries forgets which name holds which entries; each list is getCollection(name)'s own.
  return shareImagesOf(Object.fromEntries(entries) as unknown as ShareSources, site, today);
}

let cache: Promise<ShareImage[]> | undefined;
let built: Promise<Set<string>> | undefined;

export function shareImages(): Promise<ShareImage[]> {
  cache ??= loadShareImages();
  return cache;
}

/** The share card of a page, or the home page's card for pages without their own. */
export async function shareCardFor(pagePath: string): Promise<string> {
  built ??= shareImages().then((images) => new Set(images.map((i) => i.path)));
  const own = paths.shareCard(pagePath);
  return (await built).has(own) ? own : paths.shareCard(paths.home());
}
