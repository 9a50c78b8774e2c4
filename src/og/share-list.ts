/**
 * Every share image a site has, as a pure function of its entries: the build
 * computes it from Astro's collections (src/queries/share.ts) and, before any
 * page renders, from the content gate's entries, so the images can be drawn
 * while the pages are (src/integrations/share-images/).
 */
import { chineseWeekday, formatChineseDate } from '#/lib/core/dates.ts';
import { validEntries, type CheckedEntry } from '#/lib/gate/entries.ts';
import { isPublic, isUpcoming } from '#/lib/content/publishing.ts';
import { SITE_PAGES } from '#/lib/site/site-pages.ts';
import { absoluteUrl, entryPath, paths } from '#/lib/site/urls.ts';
import {
  COLLECTION_NAMES,
  CONTENT_TYPES,
  contentTypeOf,
  type CollectionName,
  type EntryData,
  type ShareCardText,
} from '#/schemas/index.ts';
import type { SiteSettings } from '#/schemas/site.ts';
import { brandOf, letterInputs } from './letter-inputs.ts';
import { qrModules } from './qr.ts';
import type { ShareDrawing } from './templates.ts';

/** A share image: its URL path, its kind and everything it shows (which is also its cache key). Plain data. */
export type ShareImage = ShareDrawing & {
  path: string;
};

/** Sections whose pages carry a lead tile (a square image chat apps pick up); the tile shows the section's name. */
export const TILE_TYPES = ['news', 'letters', 'lectures'] as const satisfies CollectionName[];

export type TileType = (typeof TILE_TYPES)[number];

/** An entry as the images need it: Astro's entries and the gate's both fit. */
interface ShareEntry<Name extends CollectionName> {
  id: string;
  data: EntryData<Name>;
  body?: string;
}

/** The entries the images are drawn from, by content type. */
export type ShareSources = { [Name in CollectionName]: readonly ShareEntry<Name>[] };

/** The content gate's valid entries as sources: the same schemas parsed them as Astro's. */
export function sourcesFromGate(entries: readonly CheckedEntry[]): ShareSources {
  const of = (collection: CollectionName) => validEntries(entries, collection).map(({ id, data, body }) => ({ id, data, body }));
  // Object.fromEntries forgets which name holds which entries; each list is validEntries(name)'s own.
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, of(name)])) as unknown as ShareSources;
}

/** The images of the site built on `today`: one card per page, the lead tiles, letters' long images, upcoming lectures' posters. */
export function shareImagesOf(sources: ShareSources, site: SiteSettings, today: string): ShareImage[] {
  const brand = brandOf(site);
  const shown = <Name extends CollectionName>(collection: Name) =>
    sources[collection].filter((e) => isPublic(collection, e.data as { draft?: boolean; date?: string }, today));
  const card = (pagePath: string, { title, column, date }: ShareCardText): ShareImage => ({
    path: paths.shareCard(pagePath),
    kind: 'card',
    inputs: { brand, title, column, date: date ? formatChineseDate(date) : undefined },
  });
  const letters = shown('letters');
  const images: ShareImage[] = [
    card(paths.home(), { title: site.description, column: site.name }),
    card(paths.lectures(), { title: CONTENT_TYPES.lectures.names.title, column: CONTENT_TYPES.lectures.names.section }),
  ];
  // 关于本站, 联系我们, 求助, 站内搜索, 网站地图: each its own card, under the title the office gave it if it wrote one.
  const written = new Map(sources.pages.map((p) => [p.id, p.data.title]));
  for (const [id, { title, column, path }] of Object.entries(SITE_PAGES)) {
    images.push(card(path, { title: written.get(id) ?? title, column }));
  }
  // Every entry with a page of its own gets the card its content type describes.
  for (const collection of COLLECTION_NAMES) {
    const type = contentTypeOf(collection);
    if (!type.share || type.route.entry !== 'page') continue;
    for (const e of shown(collection)) images.push(card(entryPath(collection, e.id)!, type.share(e.data as Record<string, unknown>)));
  }
  for (const type of TILE_TYPES) {
    images.push({ path: paths.leadTile(type), kind: 'tile', inputs: { brand, column: CONTENT_TYPES[type].names.section } });
  }
  for (const l of letters) {
    images.push({
      path: paths.letterImage(l.id),
      kind: 'letter',
      inputs: letterInputs({ id: l.id, data: l.data, body: l.body ?? '' }, site),
    });
  }
  for (const { id, data } of shown('lectures').filter((l) => isUpcoming(l.data.date, today))) {
    const inputs = {
      brand,
      topic: data.topic,
      school: data.school,
      dateText: `${formatChineseDate(data.date)} ${chineseWeekday(data.date)}`,
      time: `${data.start}–${data.end}`,
      venue: data.venue,
      audience: data.audience,
      team: data.team,
      qr: qrModules(absoluteUrl(paths.lecture(id), site.url)),
    };
    images.push({ path: paths.lecturePoster(id), kind: 'poster', inputs });
  }
  return images;
}
