/** The A–Z letter of a name, and which drugs a text names (src/lib/core/index-letter.ts, src/lib/content/drug-names.ts). */
import { describe, expect, it } from 'vitest';
import { indexLetter, OTHER_LETTER } from '#/lib/core/index-letter.ts';
import { drugsNamedIn } from '#/lib/content/drug-names.ts';

describe('indexLetter', () => {
  it('takes the first pinyin letter of a Chinese name, polyphones by their usual reading', () => {
    expect(['氯胺酮', '冰毒', '曲马多', '卡西酮类物质', '吗啡', '罂粟壳', '含可待因止咳水'].map(indexLetter)).toEqual([
      'L',
      'B',
      'Q',
      'K',
      'M',
      'Y',
      'H',
    ]);
  });

  it('takes a Latin first letter as it is, full-width too, and skips a Greek prefix', () => {
    expect(indexLetter('LSD（麦角酰二乙胺）')).toBe('L');
    expect(indexLetter('ｋ粉')).toBe('K');
    expect(indexLetter('γ-羟丁酸')).toBe('Q');
    expect(indexLetter('4-甲基甲卡西酮')).toBe('J');
  });

  it('files a name with neither letters nor Chinese under #', () => {
    expect(indexLetter('1,4-')).toBe(OTHER_LETTER);
    expect(indexLetter('')).toBe(OTHER_LETTER);
  });
});

describe('drugsNamedIn', () => {
  const drugs = [
    { id: 'da-ma', names: ['大麻', '叶子'] },
    { id: 'he-cheng-da-ma-su', names: ['合成大麻素', '香料'] },
    { id: 'bing-du', names: ['冰毒', '冰'] },
    { id: 'lv-an-tong', names: ['氯胺酮', 'K粉'] },
  ];

  it('finds names, aliases and street names, in the order the text first uses them, each drug once', () => {
    expect(drugsNamedIn('K粉就是氯胺酮，冰毒和K粉都是毒品', drugs)).toEqual(['lv-an-tong', 'bing-du']);
  });

  it('lets the longest name win where names overlap', () => {
    expect(drugsNamedIn('合成大麻素不是大麻的替代品', drugs)).toEqual(['he-cheng-da-ma-su', 'da-ma']);
    expect(drugsNamedIn('认识合成大麻素', drugs)).toEqual(['he-cheng-da-ma-su']);
  });

  it('ignores one-character names, which match ordinary words', () => {
    expect(drugsNamedIn('冰箱里的冰块', drugs)).toEqual([]);
  });
});
