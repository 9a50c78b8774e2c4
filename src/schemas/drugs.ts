import { z } from 'astro/zod';
import { describe, draftFlag, entry, isoDate, oneOf, text, type FieldInfo } from './fields.ts';

/** Kinds as the national anti-drug office groups them; 其他成瘾性物质 is for substances not listed as drugs (笑气). */
export const DRUG_KINDS = ['传统毒品', '合成毒品', '新精神活性物质', '麻醉药品和精神药品', '其他成瘾性物质'] as const;

const textList = (info: FieldInfo, item: FieldInfo, max: number, min = 0) =>
  describe(z.array(text(item, { max })).min(min, { message: `至少写 ${min} 条（示例：${info.example}）` }), info);

/** One official document a drug page rests on. */
const sourceSchema = entry({
  title: text(
    { label: '文件或文章标题', example: '"关于将芬太尼类物质列入《非药用类麻醉药品和精神药品管制品种增补目录》的公告"' },
    { max: 120 },
  ),
  issuer: text({ label: '发布机关', example: '"公安部、国家卫生健康委员会、国家药品监督管理局"' }, { max: 60 }),
  /** Date the document was issued (not when it took effect). */
  date: isoDate({ label: '发布日期', example: '"2019-04-01"' }).optional(),
  /** Shown as plain text, never fetched: the build makes no remote request. */
  url: text({ label: '网址（只显示，不链接）', example: '"www.nncc626.com"' }, { max: 200 }).optional(),
});

export function drugSchema() {
  return entry({
    /** The common Chinese name; its first letter in pinyin places it in the A–Z index. */
    name: text({ label: '名称', example: '"氯胺酮"' }, { max: 20 }),
    /** Scientific and other names (学名、别名); searchable. */
    aliases: textList({ label: '学名和别名', example: '["甲基苯丙胺"]' }, { label: '学名或别名', example: '"甲基苯丙胺"' }, 40).default([]),
    /** Street names (俗称); searchable, so “K粉” finds 氯胺酮. */
    streetNames: textList({ label: '俗称', example: '["K粉", "K仔"]' }, { label: '俗称', example: '"K粉"' }, 20).default([]),
    kind: oneOf(DRUG_KINDS, { label: '类别', example: '合成毒品' }),
    summary: text({ label: '摘要', example: '"氯胺酮俗称K粉，是一种白色粉末，滥用会严重损害泌尿系统和大脑。"' }, { min: 15, max: 150 }),
    appearance: text({ label: '外观', example: '"白色结晶性粉末"' }, { max: 150 }),
    /** What it is passed off as: drinks, sweets, e-cigarettes. */
    disguises: textList({ label: '常见伪装', example: '["奶茶粉", "电子烟油"]' }, { label: '常见伪装', example: '"奶茶粉"' }, 40).default(
      [],
    ),
    legal: describe(
      entry({
        /** What the law makes of it, in one sentence. */
        status: text({ label: '法律地位', example: '"列入《精神药品品种目录》，属于毒品"' }, { max: 150 }),
        /** false for a substance no drug list names (笑气): the page says so instead of a date. */
        controlled: describe(z.boolean(), { label: '已列入毒品管制（false：未列管）', example: 'false' }).default(true),
        /** The date the rule now in force took effect; left out when no official text confirms it (the page then says 待核实). */
        since: isoDate({ label: '现行规定施行日期', example: '"2019-05-01"' }).optional(),
        /** true while the status or date still awaits an official source: the page marks it 待核实. */
        placeholder: describe(z.boolean(), { label: '待核实（true：页面标注“待核实”）', example: 'true' }).default(false),
      }),
      { label: '法律规定', example: '' },
    ),
    /** What a reader should do: refuse, call for help, report. */
    whatToDo: textList(
      { label: '遇到怎么办', example: '["有人兜售，拨打110举报"]' },
      { label: '怎么办', example: '"有人兜售，拨打110举报"' },
      80,
      1,
    ),
    sources: describe(z.array(sourceSchema).min(1, { message: '至少列出一份官方来源（标题、发布机关）' }), {
      label: '官方来源',
      example: '[{ title: "…的公告", issuer: "公安部", date: "2019-04-01" }]',
    }),
    /** Date of the last review of the text. */
    updated: isoDate({ label: '审核日期', example: '"2024-06-01"' }),
    draft: draftFlag(),
  });
}
