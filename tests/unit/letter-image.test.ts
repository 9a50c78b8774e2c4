/**
 * A letter's long image carries the reply slip the letter asks for, in the
 * page's own wording, and says how to return it without a printer; the QR
 * geometry the page and the images share decodes to what it encodes.
 */
import path from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { replySlipText, slipWithoutPrinter } from '#/lib/content/reply-slip.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import type { OgChild } from '#/og/element.ts';
import { letterInputs, type LetterSource } from '#/og/letter-inputs.ts';
import { qrDataUrl, qrGeometry, qrModules } from '#/og/qr.ts';
import { letterImage } from '#/og/templates.ts';

const settings = loadSettings(path.resolve('tests/fixtures/other-city'), {});

const slip = { title: '回执', fields: ['学生姓名', '班级', '家长签名'], pledge: '我会和孩子一起学习禁毒知识。', returnBy: '2025-07-10' };
const letter: LetterSource = {
  id: 'shu-jia-xin-2025',
  data: { title: '暑假致家长的一封信', salutation: '尊敬的家长：', issuer: '县禁毒办', date: '2025-07-01', replySlip: slip },
  body: '暑假到了。\n\n## 请您留意\n\n- 不碰来历不明的东西\n\n请填写下方回执。\n',
};

/** Every text an image element tree draws, in order. */
function textsOf(child: OgChild): string[] {
  if (typeof child === 'string') return child ? [child] : [];
  const children = child.props.children ?? [];
  return (Array.isArray(children) ? children : [children]).flatMap(textsOf);
}

describe('the reply slip', () => {
  it('reads the same on the page and in the image: cut line, receipt, pledge, blanks, due date', () => {
    expect(replySlipText(slip, letter.data.title)).toEqual({
      cutLabel: '沿此线剪下，交回班主任',
      title: '回执',
      lines: ['我已收到《暑假致家长的一封信》。', '我会和孩子一起学习禁毒知识。'],
      fields: ['学生姓名', '班级', '家长签名'],
      dueLine: '请于2025年7月10日前交回班主任。',
    });
    expect(replySlipText({ title: '回执', fields: ['学生姓名'] }, '信')).not.toHaveProperty('dueLine');
  });

  it('says how to return it without a printer', () => {
    expect(slipWithoutPrinter(slip, letter.data.title)).toBe(
      '不方便打印的，请在一张纸上写明“已收到《暑假致家长的一封信》”和学生姓名、班级、家长签名，由孩子交回班主任。',
    );
  });

  it('is drawn on the long image, after the signature and before the QR code', () => {
    const texts = textsOf(letterImage(letterInputs(letter, settings)).element);
    const text = replySlipText(slip, letter.data.title);
    const expected = [
      text.cutLabel,
      ...text.lines,
      ...text.fields.map((f) => `${f}：`),
      text.dueLine!,
      slipWithoutPrinter(slip, letter.data.title),
    ];
    for (const t of expected) expect(texts, t).toContain(t);
    const at = (t: string) => texts.indexOf(t);
    expect(at('县禁毒办')).toBeLessThan(at(text.cutLabel));
    expect(at(slipWithoutPrinter(slip, letter.data.title))).toBeLessThan(at('微信扫一扫，查看原文、打印回执'));
  });

  it('leaves the image without a slip when the letter has none', () => {
    const { title, salutation, issuer, date } = letter.data;
    const texts = textsOf(letterImage(letterInputs({ ...letter, data: { title, salutation, issuer, date } }, settings)).element);
    expect(texts).not.toContain('沿此线剪下，交回班主任');
  });
});

describe('QR codes', () => {
  it('decodes, drawn from its geometry (one run of dark modules per rectangle)', async () => {
    const address = 'https://jindu.other-city.example/letters/shu-jia-xin-2025/';
    const modules = qrModules(address);
    const { side, path: d } = qrGeometry(modules);
    expect(side).toBe(modules.length + 8);
    const runs = modules.flatMap((row) => row.join('').match(/(true,?)+/g) ?? []);
    expect(d.match(/M/g)).toHaveLength(runs.length);
    const svg = Buffer.from(qrDataUrl(modules, 300).split(',')[1]!, 'base64');
    const { data, info } = await sharp(svg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(address);
  });
});
