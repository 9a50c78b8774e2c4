import { count, describe, draftFlag, entry, isoDate, sampleFlag, text } from './fields.ts';

export function campaignSchema() {
  return entry({
    name: text({ label: '活动名称', example: '"春季禁毒流动课堂"' }, { max: 40 }),
    /** Slogan or theme, if the campaign has one. */
    theme: text({ label: '主题', example: '"珍爱生命 远离毒品"' }, { max: 60 }).optional(),
    start: isoDate({ label: '开始日期', example: '"2024-03-01"' }),
    end: isoDate({ label: '结束日期', example: '"2024-05-31"' }),
    organizer: text({ label: '主办单位', example: '"某某县禁毒办"' }, { max: 60 }),
    summary: text({ label: '简介', example: '"宣讲队进镇、进村、进校园，开展讲座和展览。"' }, { min: 15, max: 200 }),
    /** The totals the office reported, compared against the event records. */
    reported: describe(
      entry({
        events: count({ label: '上报活动场次', example: '113' }),
        leaflets: count({ label: '上报发放资料份数', example: '13569' }),
        audience: count({ label: '上报受教育人次', example: '53000' }),
      }),
      { label: '上报的数字', example: '' },
    ),
    sample: sampleFlag(),
    draft: draftFlag(),
  }).refine((d) => d.end >= d.start, { message: '结束日期不能早于开始日期', path: ['end'] });
}
