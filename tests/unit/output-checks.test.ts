/** The checks on each built page read its title, text, alt texts and meta contents, and find an empty <main> or body. */
import { describe, expect, it } from 'vitest';
import type { CheckedEntry } from '#/lib/gate/entries.ts';
import { pageProblems } from '#/lib/build/output-checks.ts';

const options = { allow: new Set<string>(), latestYear: 2026 };
const entry = { file: 'content/news/x.md', bodyLine: 8, body: '正文' } as CheckedEntry;
const page = ({ title = '禁毒新闻', head = '', main = '<h1>标题</h1><div class="prose" data-body><p>正文</p></div>', after = '' } = {}) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><header><a href="/">首页</a></header><main>${main}</main>${after}</body></html>`;
const messages = (html: string, withEntry = false) =>
  pageProblems(html, '/news/x/', options, withEntry ? entry : undefined).map((p) => p.message);

describe('page checks', () => {
  it('pass a page with content', () => {
    expect(messages(page(), true)).toEqual([]);
  });

  it.each([
    ['the title', page({ title: '联系人手机13800138000' })],
    ['a meta description', page({ head: '<meta name="description" content="联系人手机13800138000">' })],
    ['an image’s alt text', page({ main: '<h1>标题</h1><div data-body><p>正文</p><img src="/a.jpg" alt="联系人手机13800138000"></div>' })],
    ['text outside <main>', page({ after: '<footer>联系人手机13800138000</footer>' })],
  ])('find personal data in %s', (_where, html) => {
    expect(messages(html)).toEqual([expect.stringMatching(/^生成的页面中疑似个人信息（手机号/)]);
  });

  it('find an empty <main>, and an empty body where the entry has one', () => {
    expect(messages(page({ main: ' ' }))).toEqual([expect.stringContaining('页面主体（<main>）是空的')]);
    expect(messages(page({ main: '<h1>标题</h1><div data-body> </div><nav>上一篇</nav>' }), true)).toEqual([
      expect.stringContaining('正文在生成的页面 /news/x/ 里是空的'),
    ]);
    // Only the first [data-body] counts, as in document order.
    expect(messages(page({ main: '<h1>标题</h1><div data-body></div><div data-body><p>别处的字</p></div>' }), true)).toHaveLength(1);
  });
});
