/**
 * Every URL on the site is built here, and nowhere else: pages, feeds, the
 * sitemap and tests all ask this module, so a link can never disagree with the
 * page it points to. Paths end with `/` (the site is built as directories).
 */
import { CONTENT_TYPES, type CollectionName } from '#/schemas/index.ts';
import { NEWS_CATEGORIES } from '#/schemas/news.ts';
import { HELP_ANCHORS } from '#/schemas/services.ts';
import { slugify } from '#/lib/core/slug.ts';

/** A content type's section page (`/news/`, `/`), from the content model's route. */
export function sectionPath(collection: CollectionName): string {
  const { section } = CONTENT_TYPES[collection].route;
  return section ? `/${section}/` : '/';
}

/**
 * Where an entry is published: its own page, or its row on the section page
 * (a lecture). Undefined for records without a place of their own (events).
 */
export function entryPath(collection: CollectionName, id: string): string | undefined {
  const { entry } = CONTENT_TYPES[collection].route;
  if (entry === 'none') return undefined;
  return entry === 'anchor' ? `${sectionPath(collection)}#${id}` : `${sectionPath(collection)}${id}/`;
}

/** A link to a content type's section, by its reader-facing name: breadcrumbs, navigation. */
export function sectionLink(collection: CollectionName): { label: string; href: string } {
  return { label: CONTENT_TYPES[collection].names.section, href: sectionPath(collection) };
}

/** The entry path of a type whose entries always have one. */
const pageOf = (collection: CollectionName) => (id: string) => entryPath(collection, id)!;

export const paths = {
  home: () => '/',
  newsList: (page = 1) => (page <= 1 ? sectionPath('news') : `/news/page/${page}/`),
  news: pageOf('news'),
  newsYear: (year: number, page = 1) => (page <= 1 ? `/news/archive/${year}/` : `/news/archive/${year}/page/${page}/`),
  newsArchive: () => '/news/archive/',
  newsCategory: (label: string, page = 1) => {
    const slug = categorySlug(label);
    return page <= 1 ? `/news/category/${slug}/` : `/news/category/${slug}/page/${page}/`;
  },
  newsTags: () => '/news/tags/',
  newsTag: (tag: string, page = 1) => (page <= 1 ? `/news/tags/${tagSlug(tag)}/` : `/news/tags/${tagSlug(tag)}/page/${page}/`),
  lectures: () => sectionPath('lectures'),
  lecture: pageOf('lectures'),
  lecturesCalendar: () => '/lectures/lectures.ics',
  letters: () => sectionPath('letters'),
  letter: pageOf('letters'),
  bases: () => sectionPath('bases'),
  base: pageOf('bases'),
  topics: () => sectionPath('topics'),
  topic: pageOf('topics'),
  drugs: () => sectionPath('drugs'),
  drug: pageOf('drugs'),
  /** An index letter's place on the A–Z page (`#` files names that start with neither). */
  drugLetter: (letter: string) => `${sectionPath('drugs')}#letter-${letter === '#' ? 'other' : letter.toLowerCase()}`,
  /** A kind's place on the A–Z page: 合成毒品 → /drugs/#kind-he-cheng-du-pin. */
  drugKind: (kind: string) => `${sectionPath('drugs')}#kind-${slugify(kind)}`,
  campaigns: () => sectionPath('campaigns'),
  campaign: pageOf('campaigns'),
  campaignEvents: (id: string, format: 'csv' | 'json') => `/campaigns/${id}/events.${format}`,
  search: (query?: string) => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/'),
  about: () => pageOf('pages')('about'),
  contact: () => pageOf('pages')('contact'),
  help: () => pageOf('pages')('help'),
  /** The help page's way to ask for help without calling the police. */
  askFirst: () => `${pageOf('pages')('help')}#${HELP_ANCHORS.askFirst}`,
  /** A help service's card on the help page. */
  service: pageOf('services'),
  rss: () => '/rss.xml',
  /** The 1200×630 share card of a page (`/` → /og/home/card.png). */
  shareCard: (pagePath: string) => `/og${pagePath === '/' ? '/home/' : pagePath}card.png`,
  /** The square image chat apps pick up, one per column. */
  leadTile: (column: string) => `/og/tiles/${column}.png`,
  letterImage: (id: string) => `/og/letters/${id}/letter.png`,
  lecturePoster: (id: string) => `/og/lectures/${id}/poster.png`,
  /** Build-internal: the list of share images the build writes out after the pages (not published). */
  shareImageList: () => '/og/share-images.json',
  /** The sitemap for crawlers; readers get the HTML site map (`siteMapPage`). */
  sitemap: () => '/sitemap.xml',
  /** The web editor for staff, and Decap CMS's own script (its chunks load from beside it). */
  admin: () => '/admin/',
  editorBundle: () => '/admin/decap/decap-cms.js',
  siteMapPage: () => '/sitemap/',
  /** An image site.yaml names (the logo, the 党政机关网站标识) as drawn at build time; the name carries a hash of its bytes. */
  logo: (name: string) => `/${name}.png`,
  /** The ICP record search (工业和信息化部). */
  icpRecord: () => 'https://beian.miit.gov.cn/',
  /** A 公安备案 record on the ministry's platform, by the digits of its number (琼公网安备46900202000123号 → code=46900202000123). */
  /** 我为政府网站找错 for one page: the form's address from site.yaml, with the page it is about (as the official button adds it). */
  errorReport: (form: string, pageUrl: string) => {
    const url = new URL(form);
    url.searchParams.set('url', pageUrl);
    return url.href;
  },
  policeRecord: (record: string) => `https://beian.mps.gov.cn/#/query/webSearch?code=${record.replace(/\D/g, '')}`,
} as const;

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
