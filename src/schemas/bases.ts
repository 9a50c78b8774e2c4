import { z } from 'astro/zod';
import type { SchemaContext } from './context.ts';
import { altText, count, describe, draftFlag, entry, isoDate, officePhone, oneOf, sampleFlag, text } from './fields.ts';

export const INSPECTION_RESULTS = ['优秀', '良好', '合格', '限期整改'] as const;

const coordinate = (label: string, min: number, max: number, example: string) =>
  describe(
    z
      .number({ error: (i) => (i.input === undefined ? undefined : `应为不带引号的数字（示例：${example}）`) })
      .min(min, { message: `${label}应在 ${min} 到 ${max} 之间` })
      .max(max, { message: `${label}应在 ${min} 到 ${max} 之间` }),
    { label, example },
  );

export function baseSchema(ctx: SchemaContext) {
  return entry({
    name: text({ label: '名称', example: '"某某镇禁毒宣传教育基地"' }, { max: 40 }),
    /** One of the kinds site.yaml lists under `baseKinds`. */
    kind: oneOf(ctx.baseKinds, { label: '类型', example: ctx.baseKinds[0] }),
    town: oneOf(ctx.towns, { label: ctx.townLabel, example: ctx.towns[0] }),
    /** Street address of the place (an institution, never a person's home). */
    address: text({ label: '地址', example: '"某某镇文化站二楼"' }, { max: 80 }),
    /** WGS-84 coordinates, for a map link. */
    coordinates: describe(
      entry({
        lat: coordinate('纬度', 3, 54, '30.5'),
        lng: coordinate('经度', 73, 136, '115.5'),
      }),
      { label: '地图坐标', example: '' },
    ).optional(),
    hours: text({ label: '开放时间', example: '"周二至周日 9:00–17:00"' }, { max: 60 }),
    /** How a school or group books a visit: everything a teacher needs before calling. */
    booking: describe(
      entry({
        /** Who takes the booking: an office, never a person. */
        unit: text({ label: '预约单位', example: '"某某镇禁毒办"' }, { max: 30 }),
        /** Public office phone only. */
        phone: officePhone({ label: '预约电话', example: '"0000-1234567"' }).optional(),
        /** true while the booking phone is not yet published: the page says 待公布. */
        placeholder: describe(z.boolean(), { label: '电话待公布（true：预约电话还没有公布）', example: 'true' }).default(false),
        who: text({ label: '谁可以预约', example: '"学校、社区和单位；个人可直接前往"' }, { max: 60 }),
        groupSize: describe(count({ label: '每批最多人数', example: '50' }).min(1, { message: '每批至少 1 人（示例：50）' }), {
          label: '每批最多人数',
          example: '50',
        }),
        notice: text({ label: '需提前多久', example: '"3个工作日"' }, { max: 20 }),
        cost: text({ label: '费用', example: '"免费"' }, { max: 40 }),
        /** Steps, lifts, toilets: what a visitor in a wheelchair or with a pram needs to know. */
        accessibility: text({ label: '无障碍情况', example: '"展厅在一楼，门口有坡道"' }, { max: 80 }),
        note: text({ label: '其他说明', example: '"可安排讲解，约40分钟"' }, { max: 120 }).optional(),
      }).refine((b) => b.phone !== undefined || b.placeholder, {
        message: '请填写预约电话（单位座机，如 "0000-1234567"）；电话还没公布时，加一行 placeholder: true',
        path: ['phone'],
      }),
      { label: '预约参观', example: '' },
    ),
    /** What a visitor sees. */
    exhibits: describe(z.array(text({ label: '展陈内容', example: '"毒品仿真样品展柜"' }, { max: 60 })).min(1), {
      label: '展陈内容',
      example: '["毒品仿真样品展柜", "禁毒知识展板"]',
    }),
    inspection: describe(
      entry({
        date: isoDate({ label: '检查日期', example: '"2024-03-15"' }),
        result: oneOf(INSPECTION_RESULTS, { label: '检查结果', example: '良好' }),
        note: text({ label: '检查说明', example: '"展板内容已更新至 2024 年"' }, { max: 120 }).optional(),
      }),
      { label: '最近一次检查', example: '' },
    ).optional(),
    summary: text({ label: '简介', example: '"位于镇文化站二楼，面向中小学生开放。"' }, { min: 15, max: 150 }),
    photos: describe(z.array(entry({ src: describe(ctx.image(), { label: '照片', example: './hall.jpg' }), alt: altText() })), {
      label: '照片（放在文稿旁边）',
      example: '',
    }).default([]),
    sample: sampleFlag(),
    draft: draftFlag(),
  });
}
