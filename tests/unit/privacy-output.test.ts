/**
 * The built-page scan reads every attribute value (entity- and
 * percent-decoded) and the text with entities decoded, so a number hidden
 * in `tel:&#49;…`, a title, aria-label, data-* or an input value is found,
 * also when it comes from Markdown rendered by the parser Astro uses.
 */
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { pageProblems } from '#/lib/build/output-checks.ts';

const options = { allow: new Set<string>(), latestYear: 2026 };
const page = (main: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>禁毒新闻</title></head>` +
  `<body><main><h1>标题</h1>${main}</main></body></html>`;
const kinds = (html: string) => pageProblems(html, '/news/x/', options).map((p) => /（(.+?)：/.exec(p.message)?.[1]);

describe('built-page scan', () => {
  it.each([
    ['an entity-encoded tel: link', '<a href="tel:&#49;3876543210">电话</a>'],
    ['a hex entity in the text', '<p>电话&#x31;3876543210</p>'],
    ['a percent-encoded tel: link', '<a href="tel:%2B86%20138%207654%203210">电话</a>'],
    ['a mailto: link', '<a href="mailto:13876543210@example.com">邮件</a>'],
    ['a title', '<a href="/a/" title="&#49;38 7654&nbsp;3210">联系</a>'],
    ['an aria-label', '<button aria-label="拨打138-7654-3210">拨打</button>'],
    ['a data-* attribute', '<div data-phone="13876543210">联系</div>'],
    ['an input value', '<input value="138.7654.3210">'],
    ['a malformed percent sign', '<a href="tel:13876543210?x=100%">电话</a>'],
  ])('finds a mobile in %s', (_where, main) => {
    expect(kinds(page(main))).toEqual(['手机号']);
  });

  it('finds a name in an alt text and a title attribute', () => {
    expect(kinds(page('<img src="/a.jpg" alt="吸毒人员王海明接受尿检">'))).toEqual(['涉毒人员的姓名']);
    expect(kinds(page('<a href="/a/" title="社区戒毒人员&#31526;海明近日报到">详情</a>'))).toEqual(['涉毒人员的姓名']);
  });

  it('finds what Markdown puts into attributes after rendering', () => {
    const { html } = markdownToHtml('[x](tel:&#49;3876543210 "&#49;38 7654 3210")\n\n![吸毒人员王海明接受尿检](./a.jpg)\n');
    expect(html).toContain('tel:');
    expect(kinds(page(html!))).toEqual(['手机号', '手机号', '涉毒人员的姓名']);
  });

  it('stays quiet on ordinary attributes', () => {
    const main =
      '<a href="/news/2024-03-01-hui-yi/" class="astro-j7pv25f6" data-pagefind-filter="年份:2024">会议</a>' +
      '<img src="/_astro/photo.B1a2C3d4.webp" alt="禁毒宣传活动现场" width="1600" height="900">' +
      '<time datetime="2024-03-01T09:30:00+08:00">3月1日</time><a href="tel:0898-62812345">举报电话</a>';
    expect(kinds(page(main))).toEqual([]);
  });
});
