/**
 * The share images, as pure functions of plain data (which is also their
 * cache key): the 1200×630 link card, the square lead tile WeChat picks up,
 * the 1080-wide long image of a parent letter, and the 1080×1440 lecture poster.
 */
import { h, img, type OgChild, type OgElement } from './element.ts';
import { FONT_FAMILY } from './fonts.ts';
import { fitTitle, type Measure, type TitleBox } from './title-lines.ts';
import { qrDataUrl } from './qr.ts';
import type { ReplySlipText } from '#/lib/content/reply-slip.ts';

export interface Brand {
  siteName: string;
  publisher: string;
  primary: string;
  accent: string;
}

const INK = '#1f2328';
const MUTED = '#555d66';
const BORDER = '#d5dbe1';

/** A big title set line by line, each line broken between words (src/og/title-lines.ts). */
const title = (text: string, box: TitleBox, measure: Measure, style: Record<string, string | number>): OgElement => {
  const { lines, size } = fitTitle(text, box, measure);
  return h(
    'div',
    { flexDirection: 'column', fontSize: size, fontWeight: 700, ...style },
    ...lines.map((line) => h('div', { whiteSpace: 'nowrap' }, line)),
  );
};

const page = (width: number, height: number | undefined, brand: Brand, ...children: OgChild[]): OgElement =>
  h(
    'div',
    {
      width,
      ...(height ? { height } : {}),
      flexDirection: 'column',
      backgroundColor: '#ffffff',
      color: INK,
      fontFamily: FONT_FAMILY,
      boxSizing: 'border-box',
      borderTop: `16px solid ${brand.primary}`,
    },
    ...children,
  );

export interface CardInput {
  brand: Brand;
  title: string;
  /** The column: 禁毒新闻, 预防知识, 致家长的信… */
  column: string;
  date?: string;
}

/** 1200×630 link card: column, title (three lines at most, ellipsis), date, site name. */
export function shareCard({ brand, title: heading, column, date }: CardInput, measure: Measure) {
  return {
    width: 1200,
    height: 630,
    element: page(
      1200,
      630,
      brand,
      h(
        'div',
        { flexDirection: 'column', justifyContent: 'space-between', padding: '56px 72px 48px', flexGrow: 1 },
        h('div', { fontSize: 34, fontWeight: 700, color: brand.primary }, column),
        title(heading, { width: 1200 - 2 * 72, size: 66, minSize: 50, maxLines: 3 }, measure, { lineHeight: 1.3 }),
        h(
          'div',
          { justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 30, color: MUTED },
          h('div', {}, date ?? ''),
          h(
            'div',
            { flexDirection: 'column', alignItems: 'flex-end' },
            h('div', { fontWeight: 700, color: INK }, brand.siteName),
            h('div', { fontSize: 24 }, brand.publisher),
          ),
        ),
      ),
    ),
  };
}

export interface TileInput {
  brand: Brand;
  column: string;
}

/** 480×480 square near the top of a page, for chat apps that take the first large image. */
export function leadTile({ brand, column }: TileInput) {
  return {
    width: 480,
    height: 480,
    element: h(
      'div',
      {
        width: 480,
        height: 480,
        flexDirection: 'column',
        justifyContent: 'center',
        alignItems: 'center',
        backgroundColor: brand.primary,
        color: '#ffffff',
        fontFamily: FONT_FAMILY,
      },
      h('div', { fontSize: 72, fontWeight: 700 }, brand.siteName),
      h('div', { marginTop: 28, fontSize: 44, padding: '8px 28px', border: '3px solid #ffffff', borderRadius: 12 }, column),
    ),
  };
}

export type LetterBlock = { kind: 'heading' | 'paragraph' | 'item'; text: string };

export interface LetterInput {
  brand: Brand;
  title: string;
  /** Shown above the title when the image is made for one school. */
  school?: string;
  salutation: string;
  blocks: LetterBlock[];
  issuer: string;
  /** 2024年1月20日 */
  dateText: string;
  qr: boolean[][];
  /** Invitation under the QR code. */
  scanLine: string;
  /** The reply slip, below a cut line, with how to return it without a printer. */
  slip?: ReplySlipText & { withoutPrinter: string };
}

/** The slip at the foot of the long image: the cut line with its label clear of the dashes, the blanks, how to return it. */
function slipBlock(slip: NonNullable<LetterInput['slip']>): OgElement {
  const dashes = () => h('div', { flex: 1, borderTop: `3px dashed ${MUTED}` });
  return h(
    'div',
    { flexDirection: 'column', marginTop: 48 },
    h('div', { alignItems: 'center' }, dashes(), h('div', { fontSize: 28, color: MUTED, margin: '0 24px' }, slip.cutLabel), dashes()),
    h('div', { justifyContent: 'center', fontSize: 44, fontWeight: 700, margin: '28px 0 20px' }, slip.title),
    ...slip.lines.map((line) => h('div', { fontSize: 34, lineHeight: 1.7, marginBottom: 12 }, line)),
    h(
      'div',
      { flexWrap: 'wrap', marginTop: 16 },
      ...slip.fields.map((field) =>
        h(
          'div',
          { width: '50%', boxSizing: 'border-box', alignItems: 'flex-end', paddingRight: 32, marginBottom: 32 },
          h('div', { fontSize: 34 }, `${field}：`),
          h('div', { flex: 1, height: 52, borderBottom: `2px solid ${INK}` }),
        ),
      ),
    ),
    ...(slip.dueLine ? [h('div', { fontSize: 32, color: MUTED, lineHeight: 1.6 }, slip.dueLine)] : []),
    h('div', { fontSize: 32, color: MUTED, lineHeight: 1.6, marginTop: 8 }, slip.withoutPrinter),
  );
}

/** 1080-wide image of a whole letter, as tall as it needs to be, for posting in a parents' group. */
export function letterImage(input: LetterInput) {
  const { brand } = input;
  const body = input.blocks.map((block) =>
    block.kind === 'heading'
      ? h('div', { fontSize: 40, fontWeight: 700, marginTop: 20, marginBottom: 12, color: brand.primary }, block.text)
      : block.kind === 'item'
        ? h(
            'div',
            { fontSize: 36, lineHeight: 1.75, marginBottom: 8 },
            h('div', { width: 36, flexShrink: 0 }, '·'),
            h('div', { flex: 1 }, block.text),
          )
        : h('div', { fontSize: 36, lineHeight: 1.8, marginBottom: 22 }, `　　${block.text}`),
  );
  return {
    width: 1080,
    element: page(
      1080,
      undefined,
      brand,
      h(
        'div',
        { flexDirection: 'column', padding: '64px 76px 72px' },
        input.school ? h('div', { justifyContent: 'center', fontSize: 36, color: brand.primary, marginBottom: 12 }, input.school) : '',
        h(
          'div',
          { justifyContent: 'center', textAlign: 'center', fontSize: 52, fontWeight: 700, lineHeight: 1.4, marginBottom: 40 },
          input.title,
        ),
        h('div', { fontSize: 38, fontWeight: 700, marginBottom: 20 }, input.salutation),
        h('div', { flexDirection: 'column' }, ...body),
        h(
          'div',
          { flexDirection: 'column', alignItems: 'flex-end', fontSize: 36, lineHeight: 1.7, marginTop: 36 },
          ...(input.school ? [h('div', {}, input.school)] : []),
          h('div', {}, input.issuer),
          h('div', {}, input.dateText),
        ),
        input.slip ? slipBlock(input.slip) : '',
        h(
          'div',
          { alignItems: 'center', marginTop: 48, paddingTop: 40, borderTop: `2px solid ${BORDER}` },
          img(qrDataUrl(input.qr, 280), 280, 280),
          h(
            'div',
            { flexDirection: 'column', marginLeft: 40, flex: 1 },
            h('div', { fontSize: 38, fontWeight: 700, lineHeight: 1.5 }, input.scanLine),
            h('div', { fontSize: 30, color: MUTED, marginTop: 12 }, `${brand.siteName}　${brand.publisher}`),
          ),
        ),
      ),
    ),
  };
}

export interface PosterInput {
  brand: Brand;
  topic: string;
  school: string;
  /** 2026年12月3日 星期四 */
  dateText: string;
  time: string;
  venue: string;
  audience: string;
  team: string;
  qr: boolean[][];
}

/** 1080×1440 poster for an upcoming school lecture, with a QR code to the schedule. */
export function lecturePoster(input: PosterInput, measure: Measure) {
  const { brand } = input;
  const row = (label: string, value: string) =>
    h(
      'div',
      { fontSize: 40, lineHeight: 1.6, marginBottom: 10 },
      h('div', { width: 140, color: MUTED, flexShrink: 0 }, label),
      h('div', { flex: 1, fontWeight: 700 }, value),
    );
  return {
    width: 1080,
    height: 1440,
    element: h(
      'div',
      { width: 1080, height: 1440, flexDirection: 'column', backgroundColor: '#ffffff', color: INK, fontFamily: FONT_FAMILY },
      h(
        'div',
        { flexDirection: 'column', backgroundColor: brand.primary, color: '#ffffff', padding: '72px 80px 64px' },
        h('div', { fontSize: 36 }, `${brand.siteName} · 校园禁毒宣讲`),
        title(input.topic, { width: 1080 - 2 * 80, size: 76, maxLines: 3 }, measure, { lineHeight: 1.3, marginTop: 28 }),
      ),
      h(
        'div',
        { flexDirection: 'column', padding: '64px 80px 0', flexGrow: 1 },
        h('div', { fontSize: 56, fontWeight: 700, marginBottom: 36, color: brand.primary }, input.school),
        row('日期', input.dateText),
        row('时间', input.time),
        row('地点', input.venue),
        row('听众', input.audience),
        row('宣讲', input.team),
      ),
      h(
        'div',
        { alignItems: 'center', padding: '0 80px 72px' },
        img(qrDataUrl(input.qr, 260), 260, 260),
        h(
          'div',
          { flexDirection: 'column', marginLeft: 40 },
          h('div', { fontSize: 38, fontWeight: 700 }, '扫码查看全部宣讲安排'),
          h('div', { fontSize: 30, color: MUTED, marginTop: 10 }, brand.publisher),
        ),
      ),
    ),
  };
}

/** Every kind of share image, with what it shows. An image is a pure function of its kind and inputs. */
export type ShareDrawing =
  | { kind: 'card'; inputs: CardInput }
  | { kind: 'tile'; inputs: TileInput }
  | { kind: 'letter'; inputs: LetterInput }
  | { kind: 'poster'; inputs: PosterInput };

export type ShareKind = ShareDrawing['kind'];

/** The layout of an image; `measure` is the font's, for titles set between words. */
export function drawingOf(image: ShareDrawing, measure: Measure) {
  switch (image.kind) {
    case 'card':
      return shareCard(image.inputs, measure);
    case 'tile':
      return leadTile(image.inputs);
    case 'letter':
      return letterImage(image.inputs);
    case 'poster':
      return lecturePoster(image.inputs, measure);
  }
}
