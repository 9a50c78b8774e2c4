/**
 * Every URL on the site is built here, and nowhere else: pages, feeds, the
 * sitemap and tests all ask this module, so a link can never disagree with the
 * page it points to. Paths end with `/` (the site is built as directories).
 */
import { NEWS_CATEGORIES } from '../schemas/news.ts';
import { slugify } from './slug.ts';

export const paths = {
  home: () => '/',
  newsList: (page = 1) => (page <= 1 ? '/news/' : `/news/page/${page}/`),
  news: (id: string) => `/news/${id}/`,
  newsYear: (year: number, page = 1) => (page <= 1 ? `/news/archive/${year}/` : `/news/archive/${year}/page/${page}/`),
  newsArchive: () => '/news/archive/',
  newsCategory: (label: string, page = 1) => {
    const slug = categorySlug(label);
    return page <= 1 ? `/news/category/${slug}/` : `/news/category/${slug}/page/${page}/`;
  },
  newsTags: () => '/news/tags/',
  newsTag: (tag: string, page = 1) => (page <= 1 ? `/news/tags/${tagSlug(tag)}/` : `/news/tags/${tagSlug(tag)}/page/${page}/`),
  lectures: () => '/lectures/',
  lecture: (id: string) => `/lectures/#${id}`,
  lecturesCalendar: () => '/lectures/lectures.ics',
  letters: () => '/letters/',
  letter: (id: string) => `/letters/${id}/`,
  bases: () => '/bases/',
  base: (id: string) => `/bases/${id}/`,
  topics: () => '/topics/',
  topic: (id: string) => `/topics/${id}/`,
  campaigns: () => '/campaigns/',
  campaign: (id: string) => `/campaigns/${id}/`,
  campaignEvents: (id: string, format: 'csv' | 'json') => `/campaigns/${id}/events.${format}`,
  search: (query?: string) => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/'),
  about: () => '/about/',
  contact: () => '/contact/',
  help: () => '/help/',
  rss: () => '/rss.xml',
  /** The 1200×630 share card of a page (`/` → /og/home/card.png). */
  shareCard: (pagePath: string) => `/og${pagePath === '/' ? '/home/' : pagePath}card.png`,
  /** The square image chat apps pick up, one per column. */
  leadTile: (column: string) => `/og/tiles/${column}.png`,
  letterImage: (id: string) => `/og/letters/${id}/letter.png`,
  lecturePoster: (id: string) => `/og/lectures/${id}/poster.png`,
  /** Build-internal: the list of share images the build writes out after the pages (not published). */
  shareImageList: () => '/og/share-images.json',
  sitemap: () => '/sitemap.xml',
  /** The city's logo as drawn at build time; the name carries a hash of its bytes. */
  logo: (name: string) => `/${name}.png`,
} as const;

/**
 * Where an entry is published: its own page, or for a lecture its row in the
 * schedule. Undefined for records without a page of their own (events).
 */
export function entryPath(collection: string, id: string): string | undefined {
  switch (collection) {
    case 'news':
      return paths.news(id);
    case 'letters':
      return paths.letter(id);
    case 'bases':
      return paths.base(id);
    case 'topics':
      return paths.topic(id);
    case 'campaigns':
      return paths.campaign(id);
    case 'lectures':
      return paths.lecture(id);
    case 'pages':
      return `/${id}/`;
    default:
      return undefined;
  }
}

/** ASCII slug of a category label: 校园禁毒 → campus. */
export function categorySlug(label: string): string {
  const category = NEWS_CATEGORIES.find((c) => c.label === label);
  if (!category) throw new RangeError(`unknown news category: ${label}`);
  return category.slug;
}

const tagSlugs = new Map<string, string>();

/** ASCII slug of a free-form Chinese tag, through pinyin: 流动课堂 → liu-dong-ke-tang. */
export function tagSlug(tag: string): string {
  // Tags repeat on thousands of items, and pinyin is slow: remember each one.
  let slug = tagSlugs.get(tag);
  if (slug === undefined) tagSlugs.set(tag, (slug = slugify(tag) || 'tag'));
  return slug;
}

/** Absolute URL for feeds, sitemaps and share tags. */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, `${siteUrl.replace(/\/+$/, '')}/`).href;
}
