/**
 * The content model in one table: each collection, its folder under
 * `content/`, its schema and the fields that name entries of other collections.
 * `src/content.config.ts` wires it into Astro; the content gate and scripts
 * read it without Astro.
 */
import type { z } from 'astro/zod';
import type { SchemaContext } from './context.ts';
import { baseSchema } from './bases.ts';
import { campaignSchema } from './campaigns.ts';
import { eventSchema } from './events.ts';
import { lectureSchema } from './lectures.ts';
import { letterSchema } from './letters.ts';
import { newsSchema } from './news.ts';
import { PAGE_IDS, pageSchema } from './pages.ts';
import { topicSchema } from './topics.ts';

/** Path segments under /news/ that are listing pages, so no news file may take them. */
export const RESERVED_NEWS_IDS = ['page', 'archive', 'category', 'tags'] as const;

export interface CollectionSpec {
  /** What staff call it. */
  label: string;
  schema: (ctx: SchemaContext) => z.ZodType;
  /** Field name → collection that the field's value must name. */
  refs: Record<string, string>;
  /** File names this collection may use (when it is a fixed set of pages). */
  onlyIds?: readonly string[];
  /** File names this collection may not use (they are addresses of other pages). */
  reservedIds?: readonly string[];
}

export const COLLECTIONS = {
  news: { label: '新闻', schema: newsSchema, refs: {}, reservedIds: RESERVED_NEWS_IDS },
  lectures: { label: '宣讲安排', schema: lectureSchema, refs: { report: 'news' } },
  letters: { label: '致家长的信', schema: letterSchema, refs: {} },
  bases: { label: '教育基地', schema: baseSchema, refs: {} },
  campaigns: { label: '专项活动', schema: campaignSchema, refs: {} },
  events: { label: '活动记录', schema: eventSchema, refs: { campaign: 'campaigns', news: 'news' } },
  topics: { label: '预防知识', schema: topicSchema, refs: {} },
  pages: { label: '栏目说明页', schema: pageSchema, refs: {}, onlyIds: PAGE_IDS },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

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
