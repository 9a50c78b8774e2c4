/**
 * Every share image a site has, as a pure function of its entries: the build
 * computes it from Astro's collections (src/queries/share.ts) and, before any
 * page renders, from the content gate's entries, so the images can be drawn
 * while the pages are (src/integrations/share-images/).
 */
import { chineseWeekday, formatChineseDate } from '../lib/dates.ts';
import type { CheckedEntry } from '../lib/gate/check-content.ts';
import { isPublic, isUpcoming } from '../lib/publishing.ts';
import { absoluteUrl, paths } from '../lib/urls.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { brandOf, letterInputs } from './letter-inputs.ts';
import { qrModules } from './qr.ts';
import type { ShareDrawing } from './templates.ts';

/** A share image: its URL path, its kind and everything it shows (which is also its cache key). Plain data. */
export type ShareImage = ShareDrawing & {
  path: string;
};

/** Columns with a lead tile, by URL slug. */
export const TILE_COLUMNS = { news: '禁毒新闻', letters: '致家长的信', lectures: '校园宣讲' } as const;

interface Entry<Data> {
  id: string;
  data: Data & { draft?: boolean };
  body?: string;
}

/** The fields the images show, by collection: Astro's entries and the gate's both fit. */
export interface ShareSources {
  news: Entry<{ title: string; date: string }>[];
  topics: Entry<{ title: string }>[];
  letters: Entry<{ title: string; date: string; salutation: string; issuer: string }>[];
  bases: Entry<{ name: string; kind: string }>[];
  campaigns: Entry<{ name: string; start: string }>[];
  lectures: Entry<{ topic: string; school: string; date: string; start: string; end: string; venue: string; audience: string; team: string }>[];
}

const SOURCES = ['news', 'topics', 'letters', 'bases', 'campaigns', 'lectures'] as const satisfies (keyof ShareSources)[];

/** The content gate's valid entries as sources: the same schemas parsed them as Astro's. */
export function sourcesFromGate(entries: readonly CheckedEntry[]): ShareSources {
  const of = (collection: keyof ShareSources) =>
    entries.filter((e) => e.valid && e.collection === collection).map(({ id, data, body }) => ({ id, data, body }));
  return Object.fromEntries(SOURCES.map((c) => [c, of(c)])) as unknown as ShareSources;
}

/** The images of the site built on `today`: one card per page, the lead tiles, letters' long images, upcoming lectures' posters. */
export function shareImagesOf(sources: ShareSources, site: SiteSettings, today: string): ShareImage[] {
  const brand = brandOf(site);
  const shown = <K extends keyof ShareSources>(collection: K) =>
    (sources[collection] as ShareSources[K][number][]).filter((e) => isPublic(collection, e.data, today)) as ShareSources[K];
  const card = (pagePath: string, title: string, column: string, date?: string): ShareImage => ({
    path: paths.shareCard(pagePath),
    kind: 'card',
    inputs: { brand, title, column, date: date ? formatChineseDate(date) : undefined },
  });
  const letters = shown('letters');
  const images: ShareImage[] = [
    card(paths.home(), site.description, site.name),
    card(paths.lectures(), '校园禁毒宣讲安排', TILE_COLUMNS.lectures),
    ...shown('news').map((n) => card(paths.news(n.id), n.data.title, TILE_COLUMNS.news, n.data.date)),
    ...shown('topics').map((t) => card(paths.topic(t.id), t.data.title, '预防知识')),
    ...letters.map((l) => card(paths.letter(l.id), l.data.title, TILE_COLUMNS.letters, l.data.date)),
    ...shown('bases').map((b) => card(paths.base(b.id), b.data.name, b.data.kind)),
    ...shown('campaigns').map((c) => card(paths.campaign(c.id), c.data.name, '专项活动', c.data.start)),
  ];
  for (const [slug, column] of Object.entries(TILE_COLUMNS)) {
    images.push({ path: paths.leadTile(slug), kind: 'tile', inputs: { brand, column } });
  }
  for (const l of letters) {
    images.push({ path: paths.letterImage(l.id), kind: 'letter', inputs: letterInputs({ id: l.id, ...l.data, body: l.body ?? '' }, site) });
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
