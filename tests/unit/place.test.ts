/** Words and groupings built from a site's settings: lists, the town word, bases by kind, place stems, the search hint, the icon. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapHeaders } from '#/lib/tally/event-import.ts';
import { faviconSvg } from '#/lib/site/favicon.ts';
import { imageMetadataProblems } from '#/lib/build/output-images.ts';
import { basesByKindAndTown, basesTitle, listInChinese, placeStem, townWord } from '#/lib/site/place.ts';
import { searchHint } from '#/lib/content/search-hint.ts';

const KINDS = [
  { name: '禁毒教育馆', slug: 'guan', description: '县里的禁毒教育展馆' },
  { name: '村级禁毒宣传点', slug: 'cun-dian', description: '设在村委会的宣传角' },
  { name: '禁毒主题公园', slug: 'park', description: '公园里的禁毒宣传栏' },
];

describe('place words', () => {
  it('lists items as Chinese prose does', () => {
    expect(listInChinese([])).toBe('');
    expect(listInChinese(['甲'])).toBe('甲');
    expect(listInChinese(['甲', '乙'])).toBe('甲和乙');
    expect(listInChinese(['甲', '乙', '丙'])).toBe('甲、乙和丙');
  });

  it('titles the bases page with the kinds', () => {
    expect(basesTitle(KINDS.slice(0, 2))).toBe('禁毒教育馆和村级禁毒宣传点');
    expect(basesTitle(KINDS)).toBe('禁毒教育馆、村级禁毒宣传点和禁毒主题公园');
  });

  it('makes one word of the town label', () => {
    expect(townWord('镇（区）')).toBe('镇区');
    expect(townWord('乡镇')).toBe('乡镇');
    expect(townWord('镇(街道)')).toBe('镇街道');
  });

  it('takes the ending off a place name, never down to one character', () => {
    expect(placeStem('城关镇')).toBe('城关');
    expect(placeStem('河西乡')).toBe('河西');
    expect(placeStem('东城街道')).toBe('东城');
    expect(placeStem('东城街道办事处')).toBe('东城');
    expect(placeStem('青山华侨经济区')).toBe('青山');
    expect(placeStem('红旗农场')).toBe('红旗');
    expect(placeStem('ＸＹ镇')).toBe('XY');
    expect(placeStem('城区')).toBe('城区');
    expect(placeStem('石桥')).toBe('石桥');
  });

  it('groups bases by kind in the settings order, then by town, leaving out empty groups', () => {
    const entry = (id: string, kind: string, town: string) => ({ id, data: { kind, town } });
    const entries = [entry('a', '禁毒主题公园', '河西乡'), entry('b', '禁毒教育馆', '北山镇'), entry('c', '禁毒教育馆', '城关镇')];
    const groups = basesByKindAndTown(entries, KINDS, ['城关镇', '河西乡', '北山镇']);
    expect(groups.map((g) => [g.slug, g.count, g.towns.map((t) => [t.town, t.items.map((i) => i.id)])])).toEqual([
      [
        'guan',
        2,
        [
          ['城关镇', ['c']],
          ['北山镇', ['b']],
        ],
      ],
      ['park', 1, [['河西乡', ['a']]]],
    ]);
    expect(groups[0]).toMatchObject({ name: '禁毒教育馆', description: '县里的禁毒教育展馆' });
  });
});

describe('the search hint', () => {
  it("gives three words from the site's own content", () => {
    const hint = searchHint({
      tags: ['新型毒品', '校园禁毒'],
      schools: ['河西乡中学'],
      letterOccasions: ['其他', '寒假'],
      towns: ['城关镇'],
    });
    expect(hint).toBe('请输入要搜索的词，如“新型毒品”“河西乡中学”“寒假家长信”。');
  });

  it('tops up with towns when content is thin, and never repeats a word', () => {
    expect(searchHint({ tags: [], schools: [], letterOccasions: [], towns: ['城关镇', '河西乡', '北山镇', '南湖镇'] })).toBe(
      '请输入要搜索的词，如“城关镇”“河西乡”“北山镇”。',
    );
    expect(searchHint({ tags: ['城关镇'], schools: [], letterOccasions: [], towns: ['城关镇'] })).toBe('请输入要搜索的词，如“城关镇”。');
    expect(searchHint({ tags: [], schools: [], letterOccasions: [], towns: [] })).toBe('请输入要搜索的词。');
  });
});

describe('the site icon', () => {
  it("is drawn in the site's primary colour", () => {
    expect(faviconSvg('#2e6b3a')).toContain('<path fill="#2e6b3a"');
    expect(faviconSvg('#1f5f8b')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 64 64">.*<\/svg>\n$/);
  });

  it('takes only a #rrggbb colour into its markup', () => {
    expect(() => faviconSvg('red"/><script>alert(1)</script><path fill="#000')).toThrow(/#rrggbb/);
  });

  it('passes the output checks for SVG', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icon-'));
    try {
      writeFileSync(path.join(dir, 'favicon.svg'), faviconSvg('#8a3b12'));
      expect(await imageMetadataProblems(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a spreadsheet's town column", () => {
  it.each(['镇区', '乡镇', '乡', '街道', '镇（街道）', '乡镇(街道)', '所属乡镇', '街道名称'])('is found under %s', (header) => {
    expect(mapHeaders(['日期', header, '承办单位', '地点', '形式', '资料份数', '受众人数']).columns.town).toBe(1);
  });

  it('is not any column that merely mentions a town', () => {
    expect(mapHeaders(['日期', '镇长', '承办单位', '地点', '形式', '资料份数', '受众人数']).missing).toEqual(['town']);
  });
});
