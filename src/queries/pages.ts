/** The site's own pages (关于本站, 联系我们, 求助): the office's words for them, when it wrote any. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { PAGE_IDS } from '#/schemas/pages.ts';

export type SitePageEntry = CollectionEntry<'pages'>;

/** The entry for `id`, or undefined: an office without its own text for a page is normal, not a warning (so not getEntry). */
export async function sitePage(id: (typeof PAGE_IDS)[number]): Promise<SitePageEntry | undefined> {
  return (await getCollection('pages')).find((page) => page.id === id);
}
