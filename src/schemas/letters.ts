import { z } from 'astro/zod';
import { isRealDate } from '#/lib/core/dates.ts';
import { count, describe, draftFlag, entry, isoDate, oneOf, sampleFlag, text } from './fields.ts';

export const LETTER_OCCASIONS = ['寒假', '暑假', '开学', '国际禁毒日', '其他'] as const;

export function letterSchema() {
  return entry({
    title: text({ label: '标题', example: '"寒假毒品预防教育致家长的一封信"' }, { max: 40 }),
    /** Date printed under the issuer's name. */
    date: isoDate({ label: '落款日期', example: '"2024-01-20"' }),
    occasion: oneOf(LETTER_OCCASIONS, { label: '时段', example: '寒假' }),
    /** Issuing office(s), as printed at the end of the letter. */
    issuer: text({ label: '落款单位', example: '"某某县禁毒办　某某县教育局"' }, { max: 60 }),
    /** Opening line of the letter. */
    salutation: text({ label: '称呼', example: '"尊敬的家长朋友："' }, { max: 30 }).default('尊敬的家长朋友：'),
    /** Who receives it, in words. */
    recipients: text({ label: '发送对象', example: '"全县中小学学生家长"' }, { max: 60 }),
    /** How many schools passed it on, when known. */
    schoolCount: count({ label: '学校数', example: '47' }).optional(),
    /** Named schools, when the letter went to a few. */
    schools: z.array(text({ label: '学校', example: '第三中学' }, { max: 40 })).default([]),
    summary: text({ label: '摘要', example: '"假期将至，请家长留意孩子的交友和上网情况。"' }, { min: 15, max: 150 }),
    /** Reply slip (回执) printed below a tear-off line. */
    replySlip: describe(
      entry({
        title: text({ label: '回执标题', example: '"回执"' }, { max: 30 }).default('回执'),
        /** Blanks for the family to fill in. */
        fields: describe(z.array(text({ label: '回执栏目', example: '"学生姓名"' }, { max: 20 })).min(1), {
          label: '回执栏目',
          example: '[学生姓名, 班级, 家长签名]',
        }),
        /** A sentence the parent signs under. */
        pledge: text({ label: '承诺语', example: '"我已认真阅读此信，将配合学校做好孩子的禁毒教育。"' }, { max: 100 }).optional(),
        returnBy: isoDate({ label: '交回日期', example: '"2024-01-26"' }).optional(),
      }),
      { label: '回执', example: '' },
    ).optional(),
    sample: sampleFlag(),
    draft: draftFlag(),
  }).check((ctx) => {
    // The slip goes home with the letter: it cannot be due back before the letter is dated.
    const { date, replySlip } = ctx.value;
    if (replySlip?.returnBy && isRealDate(date) && isRealDate(replySlip.returnBy) && replySlip.returnBy < date) {
      ctx.issues.push({
        code: 'custom',
        input: replySlip.returnBy,
        path: ['replySlip', 'returnBy'],
        message: `交回日期 ${replySlip.returnBy} 早于信的落款日期 ${date}：请核对两个日期，交回日期应在落款日期当天或之后，如 ${date}`,
      });
    }
  });
}
