/**
 * The reply slip's wording, one home for the letter page (ReplySlip.astro) and
 * the long image (src/og/letter-inputs.ts), so parents read the same
 * instructions on paper and in a chat group.
 */
import { formatChineseDate } from '#/lib/core/dates.ts';

/** A letter's `replySlip` as staff write it. */
export interface ReplySlipSource {
  title: string;
  fields: readonly string[];
  pledge?: string;
  returnBy?: string;
}

export interface ReplySlipText {
  /** Printed on the dashed line the slip is cut along. */
  cutLabel: string;
  title: string;
  /** What the parent confirms: receipt of the letter, then the pledge if there is one. */
  lines: string[];
  /** Blanks to fill in. */
  fields: string[];
  /** When it is due back, if the letter says. */
  dueLine?: string;
}

const RETURN_TO = '班主任';

export function replySlipText(slip: ReplySlipSource, letterTitle: string): ReplySlipText {
  return {
    cutLabel: `沿此线剪下，交回${RETURN_TO}`,
    title: slip.title,
    lines: [`我已收到《${letterTitle}》。`, ...(slip.pledge ? [slip.pledge] : [])],
    fields: [...slip.fields],
    ...(slip.returnBy ? { dueLine: `请于${formatChineseDate(slip.returnBy)}前交回${RETURN_TO}。` } : {}),
  };
}

/**
 * For a slip seen in a chat group rather than on paper: how to return it without a printer.
 *
 * @example slipWithoutPrinter({ title: '回执', fields: ['学生姓名', '家长签名'] }, '寒假致家长的一封信')
 * // → '不方便打印的，请在一张纸上写明“已收到《寒假致家长的一封信》”和学生姓名、家长签名，由孩子交回班主任。'
 */
export function slipWithoutPrinter(slip: ReplySlipSource, letterTitle: string): string {
  return `不方便打印的，请在一张纸上写明“已收到《${letterTitle}》”和${slip.fields.join('、')}，由孩子交回${RETURN_TO}。`;
}
