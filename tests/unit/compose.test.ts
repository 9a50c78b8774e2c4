/**
 * The share-image composer pastes pre-rasterised text onto a frame; what it
 * draws must look like the same layout rendered whole by satori and sharp,
 * and it must refuse what it cannot paste rather than draw it wrong.
 */
import satori from 'satori';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { boldWidth, drawPngs, splitSvg, type Drawing } from '#/og/compose.ts';
import { h } from '#/og/element.ts';
import { FONT_FAMILY, ogFonts } from '#/og/fonts.ts';
import { indexedPng } from '#/og/png.ts';
import { leadTile, lecturePoster, shareCard } from '#/og/templates.ts';

const brand = { siteName: '青禾禁毒', publisher: '青禾县禁毒委员会办公室', primary: '#2e6b3a', accent: '#8a3b12' };
const POOL =
  '禁毒宣传教育进校园社区乡镇街道活动讲座展览志愿服务青少年家长学校新型毒品识别防范戒毒康复打击整治案件2025年度第1234567890期ABCDEFGabcdefg“”（），、。：；！？';
const qr = Array.from({ length: 21 }, (_, y) => Array.from({ length: 21 }, (_, x) => (x * 7 + y * 3) % 5 < 2));

/** The old way: the whole SVG, glyph outlines included, rasterised by sharp. */
async function renderedWhole(drawing: Drawing): Promise<Buffer> {
  const svg = await satori(drawing.element as never, { width: drawing.width, height: drawing.height!, fonts: ogFonts().fonts });
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).removeAlpha().raw().toBuffer();
}

const pixels = (png: Buffer) => sharp(png).removeAlpha().raw().toBuffer();

describe('composed share images', () => {
  it.each([
    [
      'a link card with a clamped three-line title, digits and punctuation',
      true,
      shareCard(
        {
          brand,
          title: '“6·26”国际禁毒日：青禾县2025年禁毒宣传月启动，师生与家长共上一堂课，'.repeat(2),
          column: '禁毒新闻',
          date: '2025年6月26日',
        },
        boldWidth,
      ),
    ],
    ['a lead tile (white text on colour)', true, leadTile({ brand, column: '致家长的信' })],
    [
      'a lecture poster with a QR code',
      true,
      lecturePoster(
        {
          brand,
          topic: '识别新型毒品 守护健康成长',
          school: '河西中学',
          dateText: '2025年6月12日 星期四',
          time: '09:30–11:00',
          venue: '学校报告厅',
          audience: '初一、初二学生',
          team: '县禁毒宣讲团',
          qr,
        },
        boldWidth,
      ),
    ],
    // A gradient has more than 256 colours: drawn in RGB instead of to a palette.
    [
      'text on a gradient',
      false,
      {
        width: 400,
        height: 200,
        element: h(
          'div',
          {
            width: 400,
            height: 200,
            backgroundImage: 'linear-gradient(90deg, #2e6b3a, #8a3b12)',
            color: '#ffffff',
            fontSize: 40,
            fontFamily: FONT_FAMILY,
          },
          '渐变背景上的字',
        ),
      },
    ],
  ])('looks like the layout rendered whole: %s', async (_name, palette, drawing) => {
    const [png] = await drawPngs([drawing]);
    const meta = await sharp(png!).metadata();
    expect([meta.width, meta.height, meta.format, Boolean(meta.isPalette)]).toEqual([drawing.width, drawing.height, 'png', palette]);
    const [ours, whole] = await Promise.all([pixels(png!), renderedWhole(drawing)]);
    let sum = 0;
    let far = 0;
    for (let i = 0; i < ours.length; i++) {
      const d = Math.abs(ours[i]! - whole[i]!);
      sum += d;
      if (d > 96) far++;
    }
    // Glyph edges may differ by a fraction of a pixel; nothing may be missing, moved or recoloured.
    expect(sum / ours.length).toBeLessThan(1);
    expect(far / ours.length).toBeLessThan(0.001);
  });

  it('draws the same bytes for the same inputs, alone or in a batch with others (text rasterised on different sheets)', async () => {
    const cards = [
      shareCard({ brand, title: '一个很长很长的标题'.repeat(6), column: '禁毒新闻', date: '2025年5月10日' }, boldWidth),
      shareCard(
        {
          brand,
          title: '青禾县开展“6·26”禁毒宣传，长标题里有引号、数字2025和英文Drug',
          column: '禁毒新闻',
          date: '2025年6月26日',
        },
        boldWidth,
      ),
      shareCard({ brand, title: '另一篇新闻，字不一样', column: '预防知识' }, boldWidth),
      leadTile({ brand, column: '校园宣讲' }),
      // Titles from a shuffled pool of characters, so runs land at many places on many sheet rows.
      ...Array.from({ length: 8 }, (_, n) =>
        shareCard(
          {
            brand,
            title: [...POOL].filter((_, i) => (i * 7 + n * 13) % 5 === 0).join(''),
            column: '禁毒新闻',
            date: `2025年${n + 1}月${n + 10}日`,
          },
          boldWidth,
        ),
      ),
    ];
    // A fresh module each time, so nothing rasterised for one drawing is reused by the next.
    const freshDrawPngs = async () => {
      vi.resetModules();
      return (await import('#/og/compose.ts')).drawPngs;
    };
    const together = await (await freshDrawPngs())(cards);
    for (const [i, card] of cards.entries()) {
      const [alone] = await (await freshDrawPngs())([card]);
      expect(alone!.equals(together[i]!), `image ${i}`).toBe(true);
    }
  });

  it('reads text runs with their size, weight, colour and escaped characters', () => {
    const svg =
      '<svg width="100" height="50" viewBox="0 0 100 50" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="100" height="50" fill="#fff"/><text x="4.5" y="30" width="40" height="20" font-weight="700" font-style="normal" font-size="20" font-family="noto sans sc" fill="#2e6b3a">A&amp;B&#x4e00;</text></svg>';
    const { frame, runs, width, height } = splitSvg(svg);
    expect([width, height]).toEqual([100, 50]);
    expect(frame).not.toContain('<text');
    expect(frame).toContain('<rect');
    expect(runs).toEqual([{ x: 4.5, y: 30, size: 20, weight: 700, rgb: [0x2e, 0x6b, 0x3a], text: 'A&B一' }]);
  });

  it('refuses text it cannot paste faithfully: clipped, transformed, italic, in a weight not shipped, or not in #rgb/#rrggbb', async () => {
    const text = (attrs: string) => `<text x="0" y="10" font-size="10" font-family="f" ${attrs}>字</text>`;
    const svg = (body: string) => `<svg width="10" height="10" viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
    expect(() => splitSvg(svg(`<g clip-path="url(#c)">${text('fill="#000000"')}</g>`))).toThrow(/group/);
    expect(() => splitSvg(svg(text('fill="#000000" transform="rotate(5)"')))).toThrow(/unsupported/);
    expect(() => splitSvg(svg(text('fill="#000000" font-style="italic"')))).toThrow(/unsupported/);
    expect(() => splitSvg(svg(text('fill="#000000" font-weight="500"')))).toThrow(/unsupported/);
    expect(splitSvg(svg(text('fill="#fff"'))).runs[0]!.rgb).toEqual([255, 255, 255]);
    expect(() => splitSvg(svg(text('fill="rgba(0,0,0,0.5)"')))).toThrow(/#rrggbb/);
    // And a template that asks for one of these fails loudly instead of drawing something else.
    const italic = {
      width: 200,
      height: 60,
      element: h('div', { width: 200, height: 60, fontFamily: FONT_FAMILY, fontSize: 20, fontStyle: 'italic' }, '斜体'),
    };
    await expect(drawPngs([italic])).rejects.toThrow();
  });
});

describe('palette PNG', () => {
  it('decodes to the colours it was given, row by row', async () => {
    const [width, height] = [5, 3];
    const palette = [0xffffff, 0x2e6b3a, 0x8a3b12];
    const indices = [0, 1, 2, 1, 0, 2, 2, 2, 0, 1, 1, 0, 0, 0, 2];
    const rows = new Uint8Array((width + 1) * height);
    indices.forEach((index, i) => (rows[Math.floor(i / width) * (width + 1) + 1 + (i % width)] = index));
    const png = indexedPng({ width, height, palette, rows });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([width, height, 3]);
    expect([...data]).toEqual(indices.flatMap((index) => [palette[index]! >> 16, (palette[index]! >> 8) & 255, palette[index]! & 255]));
  });

  it('refuses more than 256 colours and rows of the wrong size', () => {
    const rows = new Uint8Array(4);
    expect(() => indexedPng({ width: 1, height: 2, palette: Array.from({ length: 257 }, (_, i) => i), rows })).toThrow(RangeError);
    expect(() => indexedPng({ width: 2, height: 2, palette: [0], rows })).toThrow(RangeError);
  });
});
