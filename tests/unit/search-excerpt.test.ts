import { describe, expect, it } from 'vitest';
import { parseExcerpt, readableExcerpt, type ExcerptPart } from '#/lib/core/search-excerpt.ts';

/** Parts as text with [marked] words. */
const show = (parts: ExcerptPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

// Pagefind's content of a base page: the title, then its text; headings end with ". ".
const content =
  '阳江镇禁毒宣传教育基地. 位于镇综合文化站一楼，以禁毒历史图片和人体器官模型为特色，适合中小学生研学时顺路参观。 ' +
  '预约和无障碍. 学校请提前3个工作日与阳江镇禁毒办联系，说明年级和人数。展厅在一楼，入口有坡道。 ' +
  '宣传和禁毒普法“同台” 活动现场设置了多个咨询台，展板写着禁毒法第三条。';
const source = { content, title: '阳江镇禁毒宣传教育基地', headings: ['预约和无障碍', '宣传和禁毒普法“同台”'] };

describe('parseExcerpt', () => {
  it('merges adjacent marks and decodes Pagefind’s escapes, keeping other tags as text', () => {
    expect(parseExcerpt('<mark>禁</mark><mark>毒</mark>&amp;法&lt;b&gt;')).toEqual([
      { text: '禁毒', mark: true },
      { text: '&法<b>', mark: false },
    ]);
  });
});

describe('readableExcerpt', () => {
  it('starts at the sentence, not at Pagefind’s cut (and drops the title the result shows)', () => {
    const excerpt = '江镇<mark>禁</mark><mark>毒</mark>宣传教育基地. 位于镇综合文化站一楼，以<mark>禁</mark><mark>毒</mark>历史图片';
    expect(show(readableExcerpt({ ...source, excerpt }))).toBe(
      '位于镇综合文化站一楼，以[禁毒]历史图片和人体器官模型为特色，适合中小学生研学时顺路参观。',
    );
  });

  it('never starts with a stray comma: it goes back to the sentence', () => {
    const excerpt = '，说明年级和人数。展厅在一楼';
    expect(show(readableExcerpt({ ...source, excerpt }))).toBe(
      '学校请提前3个工作日与阳江镇禁毒办联系，说明年级和人数。展厅在一楼，入口有坡道。',
    );
  });

  it('joins a heading to its text with Chinese punctuation, not ". "', () => {
    const excerpt = '预约和无障碍. 学校请提前3个工作日与阳江镇<mark>禁毒</mark>办联系，说明年级和人数。';
    expect(show(readableExcerpt({ ...source, excerpt }))).toBe('预约和无障碍。学校请提前3个工作日与阳江镇[禁毒]办联系，说明年级和人数。');
  });

  it('knows where a heading joined by a space starts and ends', () => {
    const excerpt = '普法“同台” 活动现场设置了多个咨询台，展板写着<mark>禁毒</mark>法第三条。';
    expect(show(readableExcerpt({ ...source, excerpt }))).toBe('宣传和禁毒普法“同台” 活动现场设置了多个咨询台，展板写着[禁毒]法第三条。');
  });

  it('says where it is cut when no sentence boundary is near', () => {
    const long = `${'很长的一句话没有标点'.repeat(10)}禁毒${'后面也很长没有句号'.repeat(6)}`;
    const parts = readableExcerpt({ content: long, excerpt: '没有标点<mark>禁毒</mark>后面也很长', title: 'x' });
    expect(show(parts)).toMatch(/^……没有标点\[禁毒\]后面也很长.*……$/);
  });

  it('keeps to about four lines on a phone, ending at a sentence after the match', () => {
    const rest = '第二句很长很长很长很长很长很长。'.repeat(12);
    const parts = readableExcerpt({
      content: `开头一句有禁毒二字。${rest}`,
      excerpt: `开头一句有<mark>禁毒</mark>二字。${rest}`,
      title: 'x',
    });
    const shown = show(parts);
    expect([...shown.replace(/[[\]]/g, '')].length).toBeLessThanOrEqual(110);
    expect(shown).toMatch(/^开头一句有\[禁毒\]二字。(第二句很长很长很长很长很长很长。)+$/);
  });

  it('falls back to Pagefind’s words, cleaned, when they are not in the content', () => {
    expect(show(readableExcerpt({ content: '别的内容。', excerpt: '，不在正文里的<mark>词</mark>', title: 'x' }))).toBe(
      '……不在正文里的[词]……',
    );
  });
});
