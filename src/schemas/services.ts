import { z } from 'astro/zod';
import type { SchemaContext } from './context.ts';
import { describe, draftFlag, entry, officePhone, oneOf, sampleFlag, text } from './fields.ts';

/**
 * The kinds of help, in the words of the laws and the national bodies that run
 * them (《戒毒条例》, 国家卫生健康委, 共青团中央), in the order the help page lists
 * them. `first`: offered on the help page's "不想报警，想先咨询" path;
 * `emergency`: listed beside the police number; `town: 'must'`: an entry serves
 * one town and names it (a station).
 */
export const SERVICE_KINDS = [
  {
    name: '急救电话',
    slug: 'emergency',
    first: false,
    emergency: true,
    town: 'may',
    description: '有人用药后昏迷、抽搐、呼吸困难时，先打急救电话',
  },
  {
    name: '心理援助热线',
    emergency: false,
    slug: 'counselling',
    first: true,
    town: 'may',
    description: '心里难受、家里有人吸毒不知怎么办，可以先打电话说一说',
  },
  {
    name: '青少年服务热线',
    emergency: false,
    slug: 'youth',
    first: true,
    town: 'may',
    description: '孩子和家长遇到成长、心理、法律方面的困扰时咨询',
  },
  {
    name: '自愿戒毒医疗机构',
    emergency: false,
    slug: 'treatment',
    first: true,
    town: 'may',
    description: '经批准开展戒毒治疗的医院，本人或家属可以直接去咨询、就诊',
  },
  {
    name: '戒毒药物维持治疗门诊',
    emergency: false,
    slug: 'maintenance',
    first: false,
    town: 'may',
    description: '符合条件的戒毒人员本人申请，经登记后参加药物维持治疗',
  },
  {
    name: '社区戒毒社区康复工作站',
    slug: 'community',
    first: true,
    emergency: false,
    town: 'must',
    description: '设在镇（街道），为戒毒康复人员和家属提供咨询、帮扶和转介',
  },
] as const;

export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** The help page's own anchors (its panels and sections, besides one per kind): a service's file name, its card's anchor, may not take them. */
export const HELP_ANCHORS = { urgent: 'urgent', askFirst: 'ask-first', finder: 'finder', byTown: 'by-town' } as const;

export const RESERVED_SERVICE_IDS = [...Object.values(HELP_ANCHORS), ...SERVICE_KINDS.map((k) => k.slug), 'main'];

const KIND_NAMES = SERVICE_KINDS.map((k) => k.name) as unknown as readonly [ServiceKind['name'], ...ServiceKind['name'][]];

export const serviceKind = (name: string): ServiceKind | undefined => SERVICE_KINDS.find((k) => k.name === name);

export function serviceSchema(ctx: SchemaContext) {
  return entry({
    name: text({ label: '名称', example: '"某某镇社区戒毒社区康复工作站"' }, { max: 40 }),
    kind: oneOf(KIND_NAMES, { label: '类型', example: '心理援助热线' }),
    /** A number the whole country dials (120, 12356): it has no town and no address. */
    national: describe(z.boolean(), { label: '全国统一号码（true：全国都拨这个号码）', example: 'true' }).default(false),
    /** Leave out for a service of the whole region or country; required for a town's station. */
    town: oneOf(ctx.towns, { label: ctx.townLabel, example: ctx.towns[0] }).optional(),
    /** Where to go; a telephone line has none. */
    address: text({ label: '地址', example: '"某某镇综合服务中心二楼"' }, { max: 80 }).optional(),
    /** A public number only: an office landline or a short national line, never a mobile. */
    phone: officePhone({ label: '电话', example: '"12356"' }).optional(),
    hours: text({ label: '服务时间', example: '"工作日 8:00–12:00，14:30–17:30"' }, { max: 60 }).optional(),
    offers: describe(z.array(text({ label: '能提供什么', example: '"心理疏导"' }, { max: 60 })).min(1), {
      label: '能提供什么',
      example: '[心理疏导, 戒毒咨询]',
    }),
    /** What callers can count on, only as the rule or the body that grants it says (left out when no source says). */
    confidential: text({ label: '保密说明', example: '"可以匿名拨打，不必说出姓名"' }, { max: 150 }).optional(),
    /** The official body (and page) a national number and what is said of it rest on. */
    source: describe(
      entry({
        publisher: text({ label: '来源单位', example: '"国家卫生健康委员会"' }, { max: 40 }),
        url: describe(z.url({ protocol: /^https?$/, message: '网址应以 https:// 或 http:// 开头（示例：https://www.nhc.gov.cn/）' }), {
          label: '来源网址',
          example: 'https://www.nhc.gov.cn/',
        }).optional(),
      }),
      { label: '信息来源', example: '{ publisher: 国家卫生健康委员会, url: https://www.nhc.gov.cn/ }' },
    ).optional(),
    /** true while the name, address or phone is not yet published: the page says 待公布 and dials nothing. */
    placeholder: describe(z.boolean(), { label: '待公布（true：名称、地址或电话还没有正式公布）', example: 'true' }).default(false),
    sample: sampleFlag(),
    draft: draftFlag(),
  }).superRefine((s, issue) => {
    const kind = serviceKind(s.kind);
    if (kind?.town === 'must' && !s.town) {
      issue.addIssue({ code: 'custom', path: ['town'], input: s.town, message: `「${s.kind}」要写所在的${ctx.townLabel}（town）` });
    }
    if (s.national && (s.town || s.address)) {
      issue.addIssue({
        code: 'custom',
        path: [s.town ? 'town' : 'address'],
        input: s.town ?? s.address,
        message: `全国统一号码（national: true）不写${ctx.townLabel}和地址，请删掉这一行`,
      });
    }
    if (!s.phone && !s.placeholder) {
      issue.addIssue({
        code: 'custom',
        path: ['phone'],
        input: s.phone,
        message: '请填写公开的办公电话（如 "0000-1234567"）；电话还没公布时，加一行 placeholder: true',
      });
    }
  });
}
