/**
 * Big titles on share images break between words: never "守护健康成 / 长",
 * never an opening quote at a line's end, and the poster as satori lays it out
 * shows the lines the rule chose.
 */
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { boldWidth, splitSvg } from '#/og/compose.ts';
import { ogFonts } from '#/og/fonts.ts';
import { lecturePoster, shareCard } from '#/og/templates.ts';
import { fitTitle, titleLines, titleWords, type Measure } from '#/og/title-lines.ts';

const brand = { siteName: '青禾禁毒', publisher: '青禾县禁毒委员会办公室', primary: '#2e6b3a', accent: '#8a3b12' };
const POSTER = { width: 920, size: 76, maxLines: 3 };
const CARD = { width: 1056, size: 66, maxLines: 3 };
// CJK characters are one em wide in the share font; Latin and digits narrower.
const ems: Measure = (text, size) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x2000 ? 0.55 : 1), 0) * size;

/** The title text lines of an image as satori lays it out (runs of one size, grouped by baseline). */
async function linesDrawn(drawing: { element: unknown; width: number; height?: number }, size: number): Promise<string[]> {
  const svg = await satori(drawing.element as never, {
    width: drawing.width,
    height: drawing.height!,
    fonts: ogFonts().fonts,
    embedFont: false,
  });
  const lines = new Map<number, string>();
  for (const run of splitSvg(svg).runs.filter((r) => r.size === size)) lines.set(run.y, (lines.get(run.y) ?? '') + run.text);
  return [...lines.keys()].sort((a, b) => a - b).map((y) => lines.get(y)!.trim());
}

describe('title lines', () => {
  it('keeps words whole and punctuation with its word', () => {
    expect(titleWords('珍爱生命远离毒品——护航青春不“毒”行')).toEqual([
      '珍爱',
      '生命',
      '远离',
      '毒品——',
      '护航',
      '青春',
      '不',
      '“毒”',
      '行',
    ]);
    expect(titleWords('识别新型毒品　守护健康成长')).toEqual(['识别', '新型', '毒品　', '守', '护', '健康', '成长']);
  });

  it('breaks at the space of a two-phrase topic rather than before its last character', () => {
    expect(titleLines('识别新型毒品　守护健康成长', POSTER, ems)).toEqual(['识别新型毒品', '守护健康成长']);
  });

  it('uses one line when the title fits, and never leaves an opening quote at a line end', () => {
    expect(titleLines('春季禁毒流动课堂启动', CARD, ems)).toEqual(['春季禁毒流动课堂启动']);
    const lines = titleLines('珍爱生命远离毒品——护航青春不“毒”行', CARD, ems);
    expect(lines.join('')).toBe('珍爱生命远离毒品——护航青春不“毒”行');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toMatch(/“$|^[”，。、—]/);
  });

  it('cuts a title too long for three lines with an ellipsis that fits', () => {
    const lines = titleLines('我市召开禁毒工作推进会部署下半年重点任务'.repeat(4), CARD, ems);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/…$/);
    for (const line of lines) expect(ems(line, CARD.size)).toBeLessThanOrEqual(CARD.width);
  });

  it('splits a single word wider than the box between characters rather than overflowing', () => {
    const lines = titleLines('ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ', { width: 300, size: 40, maxLines: 5 }, ems);
    for (const line of lines) expect(ems(line, 40)).toBeLessThanOrEqual(300);
    expect(lines.join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ');
  });

  it('draws the poster and the card with the lines chosen, measured with the real font', async () => {
    const poster = lecturePoster(
      {
        brand,
        topic: '识别新型毒品　守护健康成长',
        school: '河西中学',
        dateText: '2025年6月12日 星期四',
        time: '09:30–11:00',
        venue: '学校报告厅',
        audience: '初一、初二学生',
        team: '县禁毒宣讲团',
        qr: [[true]],
      },
      boldWidth,
    );
    expect(await linesDrawn(poster, 76)).toEqual(['识别新型毒品', '守护健康成长']);
    const card = shareCard({ brand, title: '校园宣讲：珍爱生命远离毒品——护航青春不“毒”行', column: '校园宣讲' }, boldWidth);
    const drawn = await linesDrawn(card, 66);
    expect(drawn.join('')).toBe('校园宣讲：珍爱生命远离毒品——护航青春不“毒”行');
    for (const line of drawn) expect(line).not.toMatch(/“$|^[”，。、：—]/);
  });
});

describe('a title too long for the box', () => {
  const description = '琼海市禁毒委员会办公室主办的禁毒宣传教育网站：禁毒新闻、校园宣讲、致家长的信、教育基地和预防知识。';
  const card = { ...CARD, minSize: 50 };

  it('is set smaller, whole, when a smaller size down to minSize fits it', () => {
    expect(titleLines(description, CARD, ems).at(-1)).toMatch(/…$/);
    const { lines, size } = fitTitle(description, card, ems);
    expect(size).toBeLessThan(CARD.size);
    expect(size).toBeGreaterThanOrEqual(50);
    expect(lines.join('')).toBe(description);
    expect(lines.length).toBeLessThanOrEqual(3);
  });

  it('keeps its size when it fits, and is cut at minSize when nothing fits', () => {
    expect(fitTitle('春季禁毒宣传进校园', card, ems)).toEqual({ lines: ['春季禁毒宣传进校园'], size: 66 });
    const { lines, size } = fitTitle(description.repeat(3), card, ems);
    expect(size).toBe(50);
    expect(lines.at(-1)).toMatch(/…$/);
  });

  it('draws the home card of a site with a long description whole', async () => {
    const drawing = shareCard({ brand, title: description, column: '琼海禁毒' }, boldWidth);
    const { size } = fitTitle(description, card, boldWidth);
    expect((await linesDrawn(drawing, size)).join('')).toBe(description);
  });
});
