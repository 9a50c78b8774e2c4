import type { SchemaContext } from './context.ts';
import { count, draftFlag, entry, entryRef, isoDate, oneOf, text } from './fields.ts';

export const EVENT_FORMATS = ['讲座', '展览', '互动体验', '文艺演出', '知识竞赛', '宣传咨询'] as const;

export function eventSchema(ctx: SchemaContext) {
  return entry({
    /** File name of the campaign this event belongs to. */
    campaign: entryRef({ label: '所属活动', example: 'spring-campaign-2024' }),
    date: isoDate({ label: '日期', example: '"2024-03-12"' }),
    town: oneOf(ctx.towns, { label: ctx.townLabel, example: ctx.towns[0] }),
    organizer: text({ label: '承办单位', example: '"某某镇禁毒办"' }, { max: 40 }),
    venue: text({ label: '地点', example: '"镇文化广场"' }, { max: 60 }),
    format: oneOf(EVENT_FORMATS, { label: '形式', example: '讲座' }),
    leaflets: count({ label: '发放资料份数', example: '120' }),
    audience: count({ label: '受众人数', example: '450' }),
    /** File name of a news item about this event. */
    news: entryRef({ label: '相关报道', example: '2024-03-05-huo-dong-qi-dong' }).optional(),
    /** A draft record is left out of every total until it is checked. */
    draft: draftFlag(),
  });
}
