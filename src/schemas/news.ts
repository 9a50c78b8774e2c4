import { z } from 'astro/zod';
import type { SchemaContext } from './context.ts';
import { altText, describe, draftFlag, entry, isoDate, oneOf, sampleFlag, text } from './fields.ts';

/** News categories: Chinese label for staff and readers, ASCII slug for URLs. */
export const NEWS_CATEGORIES = [
  { label: '工作动态', slug: 'work' },
  { label: '宣传教育', slug: 'education' },
  { label: '校园禁毒', slug: 'campus' },
  { label: '打击整治', slug: 'enforcement' },
  { label: '戒毒康复', slug: 'rehab' },
  { label: '执法司法', slug: 'justice' },
] as const;

export type NewsCategory = (typeof NEWS_CATEGORIES)[number]['label'];
const categoryLabels = NEWS_CATEGORIES.map((c) => c.label) as [NewsCategory, ...NewsCategory[]];

const tagInfo = { label: '标签', example: '流动课堂' };
const tag = describe(
  text(tagInfo, { max: 12 }).check((ctx) => {
    const name = ctx.value.trim();
    if ((categoryLabels as readonly string[]).includes(name))
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `“${name}”是栏目名，不用再写成标签：选了这个栏目的新闻已列在栏目页上，请删去这个标签`,
      });
  }),
  tagInfo,
);

/** Every field but the cover photo's file, which needs the per-file image() helper. */
function fieldsBesideCover(ctx: Omit<SchemaContext, 'image'>) {
  return {
    /** Headline as a newspaper would print it. */
    title: text({ label: '标题', example: `"春季禁毒流动课堂在${ctx.towns[0]}启动"` }, { min: 6, max: 60 }),
    /** Publication date. */
    date: isoDate({ label: '发布日期', example: '"2024-03-01"' }),
    /** Date of the last substantive correction, if any. */
    updated: isoDate({ label: '更新日期', example: '"2024-03-05"' }).optional(),
    category: oneOf(categoryLabels, { label: '栏目', example: '宣传教育' }),
    /** Media where the item ran (at least one). */
    outlets: describe(
      z
        .array(oneOf(ctx.outlets, { label: '发布媒体', example: ctx.outlets[0] }))
        .min(1, { message: `至少填写一个发布媒体，如 [${ctx.outlets[0]}]` }),
      { label: '发布媒体', example: `[${ctx.outlets[0]}]` },
    ),
    /** Channels that reposted it. */
    reposts: describe(z.array(oneOf(ctx.reposts as [string, ...string[]], { label: '转载渠道', example: ctx.reposts[0] ?? '' })), {
      label: '转载渠道',
      example: `[${ctx.reposts[0] ?? ''}]`,
    }).default([]),
    /** One or two sentences shown in lists, feeds and shared links. */
    summary: text(
      { label: '摘要', example: `"3月1日起，${ctx.officeShort}组织宣讲队走进学校和社区开展禁毒宣传。"` },
      { min: 15, max: 150 },
    ),
    /** Topics across categories; a category's name as a tag would be a second, differently counted list. */
    tags: describe(z.array(tag), {
      label: '标签',
      example: '[流动课堂, 禁毒宣讲]',
    }).default([]),
    /** The town the item is about, if one. */
    town: oneOf(ctx.towns, { label: ctx.townLabel, example: ctx.towns[0] }).optional(),
    coverAlt: altText(),
    /** Sample record written for the site, not an official item. */
    sample: sampleFlag(),
    /** Drafts never appear anywhere on the site. */
    draft: draftFlag(),
  };
}

/**
 * Astro asks for the schema once per news file (each gets its own image()
 * helper), and building every field took 0.3 ms each time: the fields that do
 * not depend on the file are built once per site.
 */
const builtFields = new Map<string, ReturnType<typeof fieldsBesideCover>>();

export function newsSchema(ctx: SchemaContext) {
  const key = JSON.stringify([ctx.towns, ctx.townLabel, ctx.outlets, ctx.reposts, ctx.officeShort]);
  let fields = builtFields.get(key);
  if (!fields) builtFields.set(key, (fields = fieldsBesideCover(ctx)));
  const { coverAlt, sample, draft, ...rest } = fields;
  return entry({
    ...rest,
    cover: describe(entry({ src: describe(ctx.image(), { label: '封面图片', example: './cover.jpg' }), alt: coverAlt }), {
      label: '封面照片（照片放在文稿旁边）',
      example: '',
    }).optional(),
    sample,
    draft,
  }).refine((d) => !d.updated || d.updated >= d.date, {
    message: '更新日期不能早于发布日期',
    path: ['updated'],
  });
}
