import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio } from '#/lib/core/color.ts';
import { approxWan, groupDigits, wan } from '#/lib/core/format.ts';
import { paginate, pageParam } from '#/lib/core/pagination.ts';
import { buildDate, isPublished, isUpcoming } from '#/lib/content/publishing.ts';
import { buildRelatedIndex, relatedIds, type Relatable } from '#/lib/content/related.ts';
import { renderRobots, renderSitemap } from '#/lib/formats/sitemap.ts';
import { totalsOf } from '#/lib/tally/tally.ts';

describe('pagination', () => {
  const urlOf = (n: number) => (n === 1 ? '/news/' : `/news/page/${n}/`);

  it('splits into pages with neighbours', () => {
    const pages = paginate(
      Array.from({ length: 31 }, (_, i) => i),
      15,
      urlOf,
    );
    expect(pages.map((p) => p.items.length)).toEqual([15, 15, 1]);
    expect(pages[0]).toMatchObject({ number: 1, total: 3, url: '/news/', prevUrl: undefined, nextUrl: '/news/page/2/' });
    expect(pages[2]).toMatchObject({ prevUrl: '/news/page/2/', nextUrl: undefined });
  });

  it('always has a first page', () => {
    expect(paginate([], 10, urlOf)).toHaveLength(1);
    expect(() => paginate([1], 0, urlOf)).toThrow(RangeError);
  });

  it('names the route parameter', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(4)).toBe('page/4');
  });
});

describe('publishing', () => {
  it('hides drafts and items dated after the build day', () => {
    expect(isPublished({ date: '2024-03-01' }, '2024-03-01')).toBe(true);
    expect(isPublished({ date: '2024-03-02' }, '2024-03-01')).toBe(false);
    expect(isPublished({ date: '2024-03-01', draft: true }, '2025-01-01')).toBe(false);
    expect(isPublished({}, '2025-01-01')).toBe(true);
  });

  it('counts a lecture as upcoming through its own day', () => {
    expect(isUpcoming('2026-11-28', '2026-11-28')).toBe(true);
    expect(isUpcoming('2026-11-27', '2026-11-28')).toBe(false);
  });

  it('takes the build day from SITE_BUILD_DATE or the clock in the site zone', () => {
    expect(buildDate('Asia/Shanghai', { SITE_BUILD_DATE: '2024-05-01' })).toBe('2024-05-01');
    expect(buildDate('Asia/Shanghai', {}, new Date('2024-04-30T16:30:00Z'))).toBe('2024-05-01');
    expect(() => buildDate('Asia/Shanghai', { SITE_BUILD_DATE: '2024-02-30' })).toThrow();
  });
});

describe('related items', () => {
  const items: Relatable[] = [
    { id: 'e', date: '2024-05-01', tags: ['流动课堂'], category: '宣传教育' },
    { id: 'd', date: '2024-04-01', tags: ['毛发检测'], category: '戒毒康复' },
    { id: 'c', date: '2024-03-01', tags: ['流动课堂', '校园'], category: '校园禁毒' },
    { id: 'b', date: '2024-02-01', tags: ['校园'], category: '校园禁毒' },
    { id: 'a', date: '2024-01-01', tags: [], category: '工作动态' },
  ];
  const index = buildRelatedIndex(items);

  it('ranks shared tags above shared category', () => {
    expect(relatedIds(index, items[2]!)).toEqual(['b', 'e']);
  });

  it('never lists the item itself and may find nothing', () => {
    expect(relatedIds(index, items[4]!)).toEqual([]);
    expect(relatedIds(index, items[0]!)).not.toContain('e');
  });

  it('looks only at a window of neighbours', () => {
    const many: Relatable[] = Array.from({ length: 100 }, (_, i) => ({
      id: `n${String(i).padStart(3, '0')}`,
      date: `2024-01-01`,
      tags: ['同一标签'],
      category: '工作动态',
    }));
    const ids = relatedIds(buildRelatedIndex(many), many[50]!, 20, 3);
    expect(ids.sort()).toEqual(['n047', 'n048', 'n049', 'n051', 'n052', 'n053']);
  });
});

describe('numbers', () => {
  it('formats counts as the office reports them', () => {
    expect(groupDigits(13569)).toBe('13,569');
    expect(wan(53000)).toBe('5.3万');
    expect(wan(50000)).toBe('5万');
    expect(wan(9999)).toBe('9,999');
  });

  it.each([
    [53_012, '约5.3万'],
    [53_000, '5.3万'],
    [50_000, '5万'],
    [13_569, '约1.4万'],
    [9_800, '9,800'],
  ])('puts 约 only before a count rounding changed: %i → %s', (n, text) => expect(approxWan(n)).toBe(text));

  it('adds up event records', () => {
    expect(
      totalsOf([
        { leaflets: 100, audience: 300 },
        { leaflets: 20, audience: 5 },
      ]),
    ).toEqual({ events: 2, leaflets: 120, audience: 305 });
    expect(totalsOf([])).toEqual({ events: 0, leaflets: 0, audience: 0 });
  });

  it('measures contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#1f5f8b', '#ffffff')).toBeGreaterThan(AA_TEXT);
    expect(contrastRatio('#99ccff', '#ffffff')).toBeLessThan(AA_TEXT);
  });
});

describe('sitemap', () => {
  it('lists HTML pages only, absolute, sorted, without 404', () => {
    const xml = renderSitemap(['/news/', '/', '/404/', '/rss.xml', '/news/'], 'https://a.example');
    expect(xml.match(/<loc>(.*?)<\/loc>/g)).toEqual(['<loc>https://a.example/</loc>', '<loc>https://a.example/news/</loc>']);
  });

  it('points robots.txt at the sitemap', () => {
    expect(renderRobots('https://a.example', '/sitemap.xml')).toContain('Sitemap: https://a.example/sitemap.xml');
    expect(renderRobots('https://a.example', '/sitemap.xml', ['/admin/'])).toBe(
      'User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: https://a.example/sitemap.xml\n',
    );
  });
});
