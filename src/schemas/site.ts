/**
 * Site settings (`content/site.yaml`): everything that makes the generator one
 * city's site. Nothing city-specific lives in `src/`.
 */
import { z } from 'astro/zod';
import { AA_TEXT, contrastRatio, isHexColor } from '#/lib/core/color.ts';
import { isAsciiSlug } from '#/lib/core/slug.ts';
import { describe, entry, officePhone, oneOf, text } from './fields.ts';

/** A value that must be replaced before launch; the footer shows it as a placeholder. */
const maybePlaceholder = (label: string, example: string) =>
  entry({
    value: text({ label, example }),
    /** true until the office fills in the real value: the page then says so. */
    placeholder: z.boolean().default(false),
  });

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Digits in groups joined by single hyphens: `110`, `12355`, `0000-1234567`, `400-123-4567`. */
const isPhoneNumber = (value: string) => /^\d+(?:-\d+)*$/.test(value) && value.replace(/-/g, '').length >= 3;

const hotline = entry({
  label: text({ label: '热线名称', example: '报警电话' }),
  number: text({ label: '号码', example: '"0000-1234567"' }, { max: 20 }),
  note: text({ label: '说明', example: '遇到涉毒违法犯罪，立即报警' }).optional(),
  /** true while the number is not yet published: `number` may then say so in words (待公布). */
  placeholder: z.boolean().default(false),
}).superRefine((h, ctx) => {
  if (!h.placeholder && typeof h.number === 'string' && !isPhoneNumber(h.number.trim())) {
    ctx.addIssue({
      code: 'custom',
      path: ['number'],
      input: h.number,
      message: '电话号码只能由数字和连字符（-）组成，如 "110"、"12355"、"0000-1234567"；号码还没公布时请加一行 placeholder: true',
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

/** The word for the kind of region an office serves: pages say 全市/本县/全区 with it. */
export const REGION_UNITS = ['市', '县', '区', '旗'] as const;

/** Git hosts the web editor can commit to (self-hosted on a government network). */
export const EDITOR_BACKENDS = ['gitea', 'gitlab'] as const;

/** One kind of place listed on the bases page (禁毒宣传教育基地, 禁毒主题公园…). */
const baseKind = entry({
  /** What staff write in a base's `kind:` and what the bases page calls the group. */
  name: text({ label: '类型名称', example: '禁毒宣传教育基地' }, { max: 20 }),
  /** The group's anchor on the bases page (/bases/#slug). */
  slug: describe(z.string().refine(isAsciiSlug, { message: '只能用小写英文字母、数字和连字符（示例：jiaoyu-jidi）' }), {
    label: '网址片段',
    example: 'jiaoyu-jidi',
  }),
  /** One line under the group's heading: what this kind of place is for. */
  description: text({ label: '一句话介绍', example: '展陈禁毒知识，供学校、社区和单位预约参观' }, { min: 6, max: 60 }),
});

/** Each name and each slug once: a base's kind and an anchor must name one group. */
const baseKinds = describe(
  z
    .array(baseKind)
    .min(1)
    .superRefine((kinds, ctx) => {
      for (const [key, what] of [
        ['name', '名称'],
        ['slug', '网址片段'],
      ] as const) {
        const seen = new Set<string>();
        kinds.forEach((kind, i) => {
          const value: unknown = kind[key];
          // zod runs this even when an item is malformed (that has its own error).
          if (typeof value !== 'string') return;
          if (seen.has(value))
            ctx.addIssue({ code: 'custom', path: [i, key], input: value, message: `“${value}”重复了：每种基地类型的${what}都要不同` });
          seen.add(value);
        });
      }
    }),
  { label: '基地类型', example: '[{ name: 禁毒宣传教育基地, slug: jiaoyu-jidi, description: 展陈禁毒知识，供学校和社区预约参观 }]' },
);

/** An https address on another site (a page the footer links to). */
const httpsUrl = (label: string, example: string) =>
  describe(z.url({ protocol: /^https$/, message: `网址应以 https:// 开头（示例：${example}）` }), { label, example });

const color = (label: string, example: string) =>
  describe(z.string().refine(isHexColor, { message: `颜色应写成 "#rrggbb"（示例：${example}）` }), { label, example });

export const siteSchema = entry({
  /** The site's name as shown in the header and in titles. */
  name: text({ label: '网站名称', example: '某市禁毒' }, { max: 20 }),
  /** The city or county the office serves. */
  region: text({ label: '地区', example: '某某市' }, { max: 20 }),
  /** One sentence for search engines and shared links. */
  description: text({ label: '网站简介', example: '某某市禁毒委员会办公室主办的禁毒宣传教育网站' }, { max: 120 }),
  /** The office that runs the site (主办单位). */
  publisher: text({ label: '主办单位', example: '某某市禁毒委员会办公室' }, { max: 40 }),
  /** 市, 县, 区 or 旗: pages say 全市, 本县… with it. */
  regionUnit: oneOf(REGION_UNITS, { label: '地区称谓', example: '县' }),
  /** The office's short name as pages say it: 市禁毒办, 县禁毒办. */
  officeShort: text({ label: '单位简称', example: '县禁毒办' }, { max: 12 }),
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
  /** What the towns are called as a group, in field labels, filters and headings: 镇（区）, 乡镇, 街道. */
  townLabel: text({ label: '乡镇一级的称呼', example: '乡镇' }, { max: 8 }),
  /** The towns, townships or subdistricts; content may only name these. */
  towns: z.array(text({ label: '乡镇（街道）', example: '某某镇' }, { max: 20 })).min(1),
  /** The kinds of place on the bases page; a base's `kind` is one of their names. */
  baseKinds,
  /** Media where news items can be placed. */
  outlets: z.array(text({ label: '发布媒体', example: '本站' }, { max: 30 })).min(1),
  /** Channels that can repost an item. */
  reposts: z.array(text({ label: '转载渠道', example: '"中国禁毒"微信公众号' }, { max: 30 })).default([]),
  hotlines: z.array(hotline).min(1),
  contact: entry({
    address: text({ label: '办公地址', example: '某市某路1号' }, { max: 80 }),
    /** The office's public landline; left out while it is not published (with `placeholder: true`). */
    phone: officePhone({ label: '办公电话', example: '"0000-1234567"' }).optional(),
    hours: text({ label: '办公时间', example: '工作日 8:00–12:00，14:30–17:30' }, { max: 60 }),
    email: z.email({ message: '电子邮箱格式不对' }).optional(),
    placeholder: z.boolean().default(false),
  }),
  /** An online form where schools book a base visit, for an office that has one: each base page links to it. */
  bookingUrl: describe(z.url({ protocol: /^https$/, message: '网址应以 https:// 开头（示例：https://jindu.example.gov.cn/yuyue）' }), {
    label: '网上预约参观',
    example: 'https://jindu.example.gov.cn/yuyue',
  }).optional(),
  footer: entry({
    siteCode: maybePlaceholder('网站标识码', '4690020001'),
    icp: maybePlaceholder('ICP备案号', 'X ICP备00000000号'),
    /** Linked to its record on beian.mps.gov.cn (the number's digits) once it is no placeholder. */
    police: maybePlaceholder('公安备案号', 'X公网安备00000000000000号'),
    /**
     * 党政机关网站标识: the image the office received (a file in the content folder, redrawn like the
     * logo) and the address of its certificate page; shown in the footer only when set.
     */
    govMark: entry({
      image: describe(z.string().refine(isPlainPath, { message: '应填写内容文件夹里的图片文件名（示例：dangzheng-biaoshi.png）' }), {
        label: '党政机关网站标识图片',
        example: 'dangzheng-biaoshi.png',
      }),
      url: httpsUrl('党政机关网站标识链接', 'https://bszs.conac.cn/sitename?method=show&id=0000000000000000'),
    }).optional(),
    /** 我为政府网站找错: the correction form's address with the site's code; each page's footer links it with its own address added. */
    errorReport: httpsUrl('“我为政府网站找错”链接', 'https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4690020001').optional(),
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
  /** Optional logo (SVG, PNG, JPEG or WebP), relative to the content folder; src/lib/site/logo.ts checks and redraws it. */
  logo: describe(z.string().refine(isPlainPath, { message: '应填写内容文件夹里的图片文件名（示例：logo.svg）' }), {
    label: '网站标志',
    example: 'logo.svg',
  }).optional(),
  /** When true, pages built from sample records carry a visible notice. */
  sampleData: z.boolean().default(false),
  /**
   * The web editor at /admin/: the office's own Git host, where staff's changes
   * are committed. Without it, /admin/ works only in local mode (a checkout on a
   * staff PC, `npm run editor`).
   */
  editor: entry({
    backend: oneOf(EDITOR_BACKENDS, { label: '代码托管平台', example: 'gitea' }),
    url: describe(z.url({ protocol: /^https$/, message: '应填写以 https:// 开头的代码托管平台地址（示例：https://git.example.gov.cn）' }), {
      label: '代码托管平台地址',
      example: 'https://git.example.gov.cn',
    }),
    repo: describe(z.string().regex(/^[\w.-]+\/[\w.-]+$/, { message: '应写成“所有者/仓库名”（示例：jinduban/jindu-site）' }), {
      label: '仓库',
      example: 'jinduban/jindu-site',
    }),
    branch: text({ label: '分支', example: 'main' }, { max: 60 }).default('main'),
    appId: text({ label: 'OAuth 应用的客户端 ID', example: '"3f2a…"' }, { max: 100 }),
  }).optional(),
});

export type SiteSettings = z.infer<typeof siteSchema>;
