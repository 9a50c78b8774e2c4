/**
 * Site settings (`content/site.yaml`): everything that makes the generator one
 * city's site. Nothing city-specific lives in `src/`.
 */
import { z } from 'astro/zod';
import { AA_TEXT, contrastRatio, isHexColor } from '../lib/color.ts';
import { describe, entry, text } from './fields.ts';

/** A value that must be replaced before launch; the footer shows it as a placeholder. */
const maybePlaceholder = (label: string, example: string) =>
  entry({
    value: text({ label, example }),
    /** true until the office fills in the real value: the page then says so. */
    placeholder: z.boolean().default(false),
  });

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Digits in groups joined by single hyphens: `110`, `12355`, `0898-62842110`, `400-123-4567`. */
const isPhoneNumber = (value: string) => /^\d+(?:-\d+)*$/.test(value) && value.replace(/-/g, '').length >= 3;

const hotline = entry({
  label: text({ label: '热线名称', example: '报警电话' }),
  number: text({ label: '号码', example: '"0898-62842110"' }, { max: 20 }),
  note: text({ label: '说明', example: '遇到涉毒违法犯罪，立即报警' }).optional(),
  /** true while the number is not yet published: `number` may then say so in words (待公布). */
  placeholder: z.boolean().default(false),
}).superRefine((h, ctx) => {
  if (!h.placeholder && typeof h.number === 'string' && !isPhoneNumber(h.number.trim())) {
    ctx.addIssue({
      code: 'custom',
      path: ['number'],
      input: h.number,
      message: '电话号码只能由数字和连字符（-）组成，如 "110"、"12355"、"0898-62842110"；号码还没公布时请加一行 placeholder: true',
    });
  }
});

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** A path inside the content folder: no URL, no control character (the logo module checks the file itself). */
const isPlainPath = (value: string) => value.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(value);

const color = (label: string, example: string) =>
  describe(
    z.string().refine(isHexColor, { message: `颜色应写成 "#rrggbb"（示例：${example}）` }),
    { label, example },
  );

export const siteSchema = entry({
  /** The site's name as shown in the header and in titles. */
  name: text({ label: '网站名称', example: '某市禁毒' }, { max: 20 }),
  /** The city or county the office serves. */
  region: text({ label: '地区', example: '某某市' }, { max: 20 }),
  /** One sentence for search engines and shared links. */
  description: text({ label: '网站简介', example: '某某市禁毒委员会办公室主办的禁毒宣传教育网站' }, { max: 120 }),
  /** The office that runs the site (主办单位). */
  publisher: text({ label: '主办单位', example: '某某市禁毒委员会办公室' }, { max: 40 }),
  /** Production URL; the SITE_URL environment variable overrides it. */
  url: describe(z.url({ protocol: /^https?$/, message: '网址应以 https:// 开头（示例：https://jindu.example.gov.cn）' }), {
    label: '网站网址',
    example: 'https://jindu.example.gov.cn',
  }),
  /** IANA time zone in which content dates are read. */
  timeZone: describe(z.string().refine(isTimeZone, { message: '不是有效的时区名称（示例：Asia/Shanghai）' }), {
    label: '时区',
    example: 'Asia/Shanghai',
  }).default(DEFAULT_TIME_ZONE),
  /** The towns and districts (镇/区); content may only name these. */
  towns: z.array(text({ label: '镇（区）', example: '某某镇' }, { max: 20 })).min(1),
  /** Media where news items can be placed. */
  outlets: z.array(text({ label: '发布媒体', example: '本站' }, { max: 30 })).min(1),
  /** Channels that can repost an item. */
  reposts: z.array(text({ label: '转载渠道', example: '"中国禁毒"微信公众号' }, { max: 30 })).default([]),
  hotlines: z.array(hotline).min(1),
  contact: entry({
    address: text({ label: '办公地址', example: '某市某路1号' }, { max: 80 }),
    hours: text({ label: '办公时间', example: '工作日 8:00–12:00，14:30–17:30' }, { max: 60 }),
    email: z.email({ message: '电子邮箱格式不对' }).optional(),
    placeholder: z.boolean().default(false),
  }),
  footer: entry({
    siteCode: maybePlaceholder('网站标识码', '4690020001'),
    icp: maybePlaceholder('ICP备案号', 'X ICP备00000000号'),
    police: maybePlaceholder('公安备案号', 'X公网安备00000000000000号'),
  }),
  theme: entry({
    /** Header, links and buttons; must read as AA text on white. */
    primary: color('主色', '"#1f5f8b"'),
    /** Highlights (figures, badges); also AA on white. */
    accent: color('强调色', '"#a4262c"'),
  }).refine(
    // zod runs this even when a colour is malformed (that has its own error): only measure real colours.
    (t) => [t.primary, t.accent].every((c) => !isHexColor(c) || contrastRatio(c, '#ffffff') >= AA_TEXT),
    {
      message: `主色和强调色与白色的对比度须不低于 ${AA_TEXT}:1，请换深一些的颜色`,
    },
  ),
  /** Optional logo (SVG, PNG, JPEG or WebP), relative to the content folder; src/lib/logo.ts checks and redraws it. */
  logo: describe(z.string().refine(isPlainPath, { message: '应填写内容文件夹里的图片文件名（示例：logo.svg）' }), {
    label: '网站标志',
    example: 'logo.svg',
  }).optional(),
  /** When true, pages built from sample records carry a visible notice. */
  sampleData: z.boolean().default(false),
});

export type SiteSettings = z.infer<typeof siteSchema>;
