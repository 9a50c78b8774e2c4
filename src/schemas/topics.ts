import { count, draftFlag, entry, isoDate, oneOf, text } from './fields.ts';

export const TOPIC_KINDS = ['毒品知识', '误区与真相', '求助指南', '家长指南', '教师指南'] as const;

export function topicSchema() {
  return entry({
    title: text({ label: '标题', example: '"认识新型毒品"' }, { max: 40 }),
    kind: oneOf(TOPIC_KINDS, { label: '类别', example: '毒品知识' }),
    summary: text({ label: '摘要', example: '"新型毒品常伪装成饮料、零食，家长和孩子都要会辨认。"' }, { min: 15, max: 150 }),
    /** Position within its kind; smaller comes first. */
    order: count({ label: '排序', example: '1' }).default(100),
    /** Date of the last review of the text. */
    updated: isoDate({ label: '审核日期', example: '"2024-06-01"' }),
    draft: draftFlag(),
  });
}
