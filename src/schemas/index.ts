/**
 * The content model in one table: one entry per content type, and everything
 * else derives from it. `src/content.config.ts` makes the collections, the
 * gate reads the folders and cross-references, `src/lib/site/urls.ts` builds the
 * addresses, `src/lib/content/publishing.ts` schedules, `npm run new` scaffolds, the
 * share-image list draws the cards and the header lists the sections, all from
 * here. Adding a content type: see CONTRIBUTING.md.
 */
import type { z } from 'astro/zod';
import type { SchemaContext } from './context.ts';
import { baseSchema } from './bases.ts';
import { campaignSchema } from './campaigns.ts';
import { drugSchema } from './drugs.ts';
import { eventSchema } from './events.ts';
import { lectureSchema } from './lectures.ts';
import { letterSchema } from './letters.ts';
import { newsSchema } from './news.ts';
import { PAGE_IDS, pageSchema } from './pages.ts';
import { RESERVED_SERVICE_IDS, serviceSchema } from './services.ts';
import { topicSchema } from './topics.ts';

/** Path segments under /news/ that are listing pages, so no news file may take them. */
export const RESERVED_NEWS_IDS = ['page', 'archive', 'category', 'tags'] as const;

/** What a share card of an entry shows. */
export interface ShareCardText {
  title: string;
  /** The column line above the title. */
  column: string;
  /** `YYYY-MM-DD`, printed under the title. */
  date?: string;
}

/** Everything about one content type. `Data` is what its schema produces. */
export interface ContentType<Data = Record<string, unknown>> {
  schema: (ctx: SchemaContext) => z.ZodType;
  /** Whether the schema reads images (Astro then builds it per entry, with its `image()` helper). */
  images: boolean;
  names: {
    /** What staff call it, in messages and `npm run new`. */
    staff: string;
    /** The section as readers see it: navigation, breadcrumbs, the share card's column line. */
    section: string;
    /** The section's own page title. */
    title: string;
    /** The search filter's value (栏目). */
    search: string;
  };
  /**
   * Where it is published: `section` is the folder of its pages (`/news/`), and
   * an entry is a `page` of its own, an `anchor` on the section page, or `none`.
   * An empty section puts entry pages at the top (`/about/`).
   */
  route: { section: string; entry: 'page' | 'anchor' | 'none' };
  /** Whether `date` is a publication date: the entry appears from the first build on or after it. */
  schedules: boolean;
  /** Field name → content type its value must name. */
  refs: Record<string, string>;
  /** File names this type may use (a fixed set of pages). */
  onlyIds?: readonly string[];
  /** File names this type may not use (they are addresses of other pages). */
  reservedIds?: readonly string[];
  /**
   * What `npm run new` writes: the field the title fills, whether the file name starts with today, the body's prompt,
   * and values a new file starts with (YAML by field name, at any depth: a phone not yet known is `placeholder: true`).
   */
  scaffold?: { titleField: string; datedName: boolean; body: string; values?: Record<string, string> };
  /** The share card of an entry's page (types whose entries have pages). A method, so a table entry fits the loose `ContentType`. */
  share?(data: Data): ShareCardText;
  /** Place in the main navigation (types without one are not listed there). */
  navOrder?: number;
}

/** A table entry typed by its own schema, so `share` reads the fields it really has. */
const contentType = <Schema extends (ctx: SchemaContext) => z.ZodType>(
  spec: ContentType<z.output<ReturnType<Schema>>> & { schema: Schema },
) => spec;

export const CONTENT_TYPES = {
  news: contentType({
    schema: newsSchema,
    images: true,
    names: { staff: '新闻', section: '禁毒新闻', title: '禁毒新闻', search: '新闻' },
    route: { section: 'news', entry: 'page' },
    schedules: true,
    refs: {},
    reservedIds: RESERVED_NEWS_IDS,
    scaffold: {
      titleField: 'title',
      datedName: true,
      body: '在这里写正文。先写时间、地点、单位和事情，再写细节。段落之间空一行；小标题写成“## 小标题”。',
    },
    share: (data) => ({ title: data.title, column: '禁毒新闻', date: data.date }),
    navOrder: 1,
  }),
  lectures: contentType({
    schema: lectureSchema,
    images: false,
    names: { staff: '宣讲安排', section: '校园宣讲', title: '校园禁毒宣讲安排', search: '宣讲安排' },
    route: { section: 'lectures', entry: 'anchor' },
    schedules: false,
    refs: { report: 'news' },
    scaffold: { titleField: 'topic', datedName: false, body: '' },
    navOrder: 2,
  }),
  letters: contentType({
    schema: letterSchema,
    images: false,
    names: { staff: '致家长的信', section: '致家长的信', title: '致家长的信', search: '致家长的信' },
    route: { section: 'letters', entry: 'page' },
    schedules: true,
    refs: {},
    scaffold: { titleField: 'title', datedName: false, body: '在这里写信的正文。段落之间空一行；小标题写成“## 一、……”。' },
    share: (data) => ({ title: data.title, column: '致家长的信', date: data.date }),
    navOrder: 3,
  }),
  bases: contentType({
    schema: baseSchema,
    images: true,
    names: { staff: '教育基地', section: '教育基地', title: '教育基地', search: '教育基地' },
    route: { section: 'bases', entry: 'page' },
    schedules: false,
    refs: {},
    scaffold: {
      titleField: 'name',
      datedName: false,
      body: '在这里介绍参观者能看到什么、建议的参观路线和时长、学校怎样预约。',
      values: { placeholder: 'true' },
    },
    share: (data) => ({ title: data.name, column: data.kind }),
    navOrder: 4,
  }),
  campaigns: contentType({
    schema: campaignSchema,
    images: false,
    names: { staff: '专项活动', section: '专项活动', title: '专项活动', search: '专项活动' },
    route: { section: 'campaigns', entry: 'page' },
    schedules: false,
    refs: {},
    scaffold: { titleField: 'name', datedName: false, body: '在这里介绍活动的目的、时间和主要形式。' },
    share: (data) => ({ title: data.name, column: '专项活动', date: data.start }),
    navOrder: 6,
  }),
  events: contentType({
    schema: eventSchema,
    images: false,
    names: { staff: '活动记录', section: '专项活动', title: '活动记录', search: '专项活动' },
    route: { section: 'campaigns', entry: 'none' },
    schedules: false,
    refs: { campaign: 'campaigns', news: 'news' },
    scaffold: { titleField: 'venue', datedName: true, body: '' },
  }),
  topics: contentType({
    schema: topicSchema,
    images: false,
    names: { staff: '预防知识', section: '预防知识', title: '预防知识', search: '预防知识' },
    route: { section: 'topics', entry: 'page' },
    schedules: false,
    refs: {},
    scaffold: { titleField: 'title', datedName: false, body: '在这里写正文。用“## 小标题”分段，多用短句和列表。' },
    share: (data) => ({ title: data.title, column: '预防知识' }),
    navOrder: 5,
  }),
  drugs: contentType({
    schema: drugSchema,
    images: false,
    names: { staff: '毒品条目', section: '认识毒品', title: '认识毒品：常见毒品 A–Z', search: '认识毒品' },
    route: { section: 'drugs', entry: 'page' },
    schedules: false,
    refs: {},
    scaffold: {
      titleField: 'name',
      datedName: false,
      body: '在这里写它对身体和生活的危害。用“## 小标题”分段，多用短句；不写用量和用法。',
    },
    share: (data) => ({ title: data.name, column: '认识毒品' }),
    // Right after 预防知识: readers look a drug up beside the prevention topics.
    navOrder: 5.5,
  }),
  services: contentType({
    schema: serviceSchema,
    images: false,
    names: { staff: '求助服务', section: '求助', title: '求助', search: '求助服务' },
    // Every service is a card on the help page (/help/#id), which the help page entry of `pages` titles.
    route: { section: 'help', entry: 'anchor' },
    schedules: false,
    refs: {},
    reservedIds: RESERVED_SERVICE_IDS,
    scaffold: { titleField: 'name', datedName: false, body: '', values: { placeholder: 'true' } },
  }),
  pages: contentType({
    schema: pageSchema,
    images: false,
    names: { staff: '栏目说明页', section: '本站信息', title: '本站信息', search: '本站信息' },
    route: { section: '', entry: 'page' },
    schedules: false,
    refs: {},
    onlyIds: PAGE_IDS,
  }),
};

export type CollectionName = keyof typeof CONTENT_TYPES;

export const COLLECTION_NAMES = Object.keys(CONTENT_TYPES) as CollectionName[];

/** What the schema of `name` produces (dates as `YYYY-MM-DD` strings; image fields as the context reads them). */
export type EntryData<Name extends CollectionName> = z.output<ReturnType<(typeof CONTENT_TYPES)[Name]['schema']>>;

/** The table entry of `name`, typed loosely, for code that treats every type alike. */
export const contentTypeOf = (name: CollectionName): ContentType => CONTENT_TYPES[name];

/** Content types in the main navigation, in order. */
export const NAV_TYPES = COLLECTION_NAMES.filter((name) => CONTENT_TYPES[name].navOrder !== undefined).sort(
  (a, b) => CONTENT_TYPES[a].navOrder! - CONTENT_TYPES[b].navOrder!,
);

/**
 * The search filter's sections (栏目), each once, in the order readers meet them: the main
 * navigation's, then types it does not list (本站信息).
 */
export const SEARCH_SECTIONS = [
  ...new Set(
    [...NAV_TYPES, ...COLLECTION_NAMES.filter((name) => !NAV_TYPES.includes(name))].map((name) => CONTENT_TYPES[name].names.search),
  ),
];

/**
 * Files a collection reads, relative to its folder. Staff content is plain
 * Markdown only: MDX runs code at build time, so MDX pages are made by
 * developers in src/pages/, where they are reviewed as code.
 */
export const ENTRY_PATTERN = '**/*.md';

/** An entry's id (and URL slug) is its file name without extension, wherever it sits in the folder. */
export function entryIdFromPath(relativePath: string): string {
  const base = relativePath.split(/[\\/]/).pop() ?? relativePath;
  return base.replace(/\.md$/i, '');
}
