import type { SchemaContext } from './context.ts';
import { clockTime, count, draftFlag, entry, entryRef, isoDate, oneOf, sampleFlag, text } from './fields.ts';

export function lectureSchema(ctx: SchemaContext) {
  return entry({
    /** The school where the lecture is given. */
    school: text({ label: '学校', example: '"第三中学"' }, { max: 40 }),
    town: oneOf(ctx.towns, { label: ctx.townLabel, example: ctx.towns[0] }),
    date: isoDate({ label: '日期', example: '"2024-03-12"' }),
    start: clockTime({ label: '开始时间', example: '"09:00"' }),
    end: clockTime({ label: '结束时间', example: '"10:30"' }),
    /** Where in the school: hall, sports ground… */
    venue: text({ label: '地点', example: '"学校报告厅"' }, { max: 40 }),
    /** Who speaks: the lecture team and its units. */
    team: text({ label: '宣讲团队', example: '"学校毒品预防教育宣讲团"' }, { max: 60 }),
    topic: text({ label: '主题', example: '"珍爱生命 远离毒品"' }, { max: 60 }),
    /** Grades or groups attending. */
    audience: text({ label: '听众', example: '"初一、初二年级学生"' }, { max: 60 }),
    /** Expected number of listeners, if known. */
    expected: count({ label: '预计人数', example: '600' }).optional(),
    /** File name of the news item that reported on the lecture. */
    report: entryRef({ label: '相关报道', example: '2024-02-27-xiao-yuan-xuan-jiang' }).optional(),
    sample: sampleFlag(),
    draft: draftFlag(),
  }).refine((d) => d.end > d.start, { message: '结束时间应晚于开始时间', path: ['end'] });
}
