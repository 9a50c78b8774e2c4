/**
 * Every share image the site builds, in one list: the build writes exactly
 * these, and pages point only at images found here, so no page can point at
 * an image that was not built.
 */
import { chineseWeekday, formatChineseDate } from '../lib/dates.ts';
import { absoluteUrl, paths } from '../lib/urls.ts';
import { brandOf, letterInputs } from '../og/letter-inputs.ts';
import { qrModules } from '../og/qr.ts';
import type { ShareDrawing } from '../og/templates.ts';
import { site } from '../site.ts';
import { campaignsWithFigures } from './campaigns.ts';
import { lectureSchedule } from './lectures.ts';
import { newsCatalog } from './news.ts';
import { bases, letters, topics } from './pages.ts';

/** A share image: its URL path, its kind and everything it shows (which is also its cache key). Plain data. */
export type ShareImage = ShareDrawing & {
  path: string;
};

const brand = brandOf(site);

/** Columns with a lead tile, by URL slug. */
export const TILE_COLUMNS = { news: '禁毒新闻', letters: '致家长的信', lectures: '校园宣讲' } as const;

function card(pagePath: string, title: string, column: string, date?: string): ShareImage {
  const inputs = { brand, title, column, date: date ? formatChineseDate(date) : undefined };
  return { path: paths.shareCard(pagePath), kind: 'card', inputs };
}

async function loadShareImages(): Promise<ShareImage[]> {
  const [{ all: news }, letterList, topicList, baseList, campaigns, { upcoming }] = await Promise.all([
    newsCatalog(),
    letters(),
    topics(),
    bases(),
    campaignsWithFigures(),
    lectureSchedule(),
  ]);
  const images: ShareImage[] = [
    card(paths.home(), site.description, site.name),
    card(paths.lectures(), '校园禁毒宣讲安排', TILE_COLUMNS.lectures),
    ...news.map((n) => card(paths.news(n.id), n.data.title, TILE_COLUMNS.news, n.data.date)),
    ...topicList.map((t) => card(paths.topic(t.id), t.data.title, '预防知识')),
    ...letterList.map((l) => card(paths.letter(l.id), l.data.title, TILE_COLUMNS.letters, l.data.date)),
    ...baseList.map((b) => card(paths.base(b.id), b.data.name, b.data.kind)),
    ...campaigns.map((c) => card(paths.campaign(c.campaign.id), c.campaign.data.name, '专项活动', c.campaign.data.start)),
  ];
  for (const [slug, column] of Object.entries(TILE_COLUMNS)) {
    const inputs = { brand, column };
    images.push({ path: paths.leadTile(slug), kind: 'tile', inputs });
  }
  for (const l of letterList) {
    const inputs = letterInputs({ id: l.id, ...l.data, body: l.body ?? '' }, site);
    images.push({ path: paths.letterImage(l.id), kind: 'letter', inputs });
  }
  for (const { id, data } of upcoming) {
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
