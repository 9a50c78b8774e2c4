import { describe, expect, it } from 'vitest';
import { isAsciiSlug, slugify } from '#/lib/core/slug.ts';
import { absoluteUrl, categorySlug, paths, tagSlug } from '#/lib/site/urls.ts';
import { NEWS_CATEGORIES } from '#/schemas/news.ts';

describe('slugs', () => {
  it('accepts only lower-case ASCII with single hyphens', () => {
    expect(isAsciiSlug('2024-03-01-chun-ji')).toBe(true);
    for (const bad of ['中文', 'Upper', 'a--b', '-a', 'a-', 'a_b', 'a b', '']) expect(isAsciiSlug(bad)).toBe(false);
  });

  it('turns Chinese into readable pinyin', () => {
    expect(slugify('禁毒宣传月')).toBe('jin-du-xuan-chuan-yue');
    expect(slugify('6·26 国际禁毒日')).toBe('6-26-guo-ji-jin-du-ri');
    expect(slugify('ＡＰＰ使用')).toBe('app-shi-yong'); // full-width letters are normalised
  });

  it('always produces a valid slug', () => {
    for (const text of ['流动课堂', '椰风送暖 App', '“中国禁毒”微信公众号', '2024春夏攻势']) {
      expect(isAsciiSlug(slugify(text)), text).toBe(true);
    }
  });
});

describe('urls', () => {
  it('builds every path with a trailing slash and ASCII only', () => {
    const built = [
      paths.home(),
      paths.newsList(),
      paths.newsList(3),
      paths.news('a-b'),
      paths.newsYear(2024),
      paths.newsYear(2024, 2),
      paths.newsCategory('校园禁毒'),
      paths.newsTag('流动课堂'),
      paths.newsTag('流动课堂', 2),
      paths.letter('x'),
      paths.base('y'),
      paths.topic('z'),
      paths.campaign('c'),
    ];
    for (const p of built) {
      expect(p).toMatch(/^\/([a-z0-9-]+\/)*$/);
    }
    expect(paths.newsList(1)).toBe('/news/');
    expect(paths.newsList(2)).toBe('/news/page/2/');
    expect(paths.newsTag('流动课堂')).toBe('/news/tags/liu-dong-ke-tang/');
  });

  it('maps every category to its own slug', () => {
    const slugs = NEWS_CATEGORIES.map((c) => categorySlug(c.label));
    expect(new Set(slugs).size).toBe(NEWS_CATEGORIES.length);
    expect(() => categorySlug('不存在')).toThrow();
  });

  it('gives tags a slug even when pinyin has nothing', () => {
    expect(tagSlug('···')).toBe('tag');
  });

  it('makes absolute URLs against the site URL', () => {
    expect(absoluteUrl('/news/x/', 'https://a.example')).toBe('https://a.example/news/x/');
    expect(absoluteUrl('/news/x/', 'https://a.example/')).toBe('https://a.example/news/x/');
    expect(absoluteUrl('/rss.xml', 'https://a.example/sub')).toBe('https://a.example/rss.xml');
  });

  it('links a 公安备案 number to its record by its digits, and 找错 to the form with the page', () => {
    expect(paths.policeRecord('琼公网安备46900202000123号')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=46900202000123');
    const form = 'https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4690020001';
    expect(paths.errorReport(form, 'https://a.example/news/x/')).toBe(`${form}&url=https%3A%2F%2Fa.example%2Fnews%2Fx%2F`);
  });
});
