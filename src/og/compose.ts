/**
 * Draws satori layouts without filling every glyph outline again for every
 * image. Rasterising a whole card's SVG cost about 17 ms of its 25, mostly
 * the same CJK outlines over and over. Here satori lays the image out with
 * text left as <text> runs; everything but the text (the frame) is rasterised
 * by sharp once per distinct frame; each distinct run (same characters, size
 * and weight) is rasterised once per process, many to a sheet; the image is
 * the frame with the runs' coverage blended on in their colours, then encoded
 * (as a palette PNG when it has at most 256 colours, src/og/png.ts). The same
 * inputs still give the same bytes.
 */
import { availableParallelism } from 'node:os';
import * as fontkit from 'fontkit';
import satori from 'satori';
import sharp from 'sharp';
import type { OgElement } from './element.ts';
import { FONT_FILES, ogFonts } from './fonts.ts';
import { indexedPng } from './png.ts';
import type { Measure } from './title-lines.ts';

export interface Drawing {
  element: OgElement;
  width: number;
  /** Omitted for images as tall as their content (the long letter image). */
  height?: number;
}

/** A piece of text satori placed: drawn at (x, baseline y) in one colour. */
export interface TextRun {
  x: number;
  y: number;
  size: number;
  weight: 400 | 700;
  rgb: [number, number, number];
  text: string;
}

export interface Layout {
  width: number;
  height: number;
  /** The SVG without its text. */
  frame: string;
  runs: TextRun[];
}

const ATTRIBUTES = new Set(['x', 'y', 'width', 'height', 'font-weight', 'font-style', 'font-size', 'font-family', 'fill']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name[0] === '#'
      ? String.fromCodePoint(Number(name[1] === 'x' || name[1] === 'X' ? `0${name.slice(1)}` : name.slice(1)))
      : (ENTITIES[name] ?? whole),
  );

function hexColour(fill: string): [number, number, number] {
  const hex = /^#[0-9a-f]{3}$/i.test(fill) ? fill.replace(/[0-9a-f]/gi, '$&$&') : fill;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`share image text colour must be #rrggbb, got "${fill}"`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** The font files shipped are regular and bold; satori would lay other weights out in one of them. */
const WEIGHTS: Record<string, 400 | 700> = { normal: 400, '400': 400, bold: 700, '700': 700 };

/**
 * Splits satori's SVG into the frame and the text runs. Only text drawn
 * plainly (no clip, mask, opacity or transform around it) can be pasted, which
 * is all our templates use; anything else is refused rather than drawn wrong.
 */
export function splitSvg(svg: string): Layout {
  const root = /^<svg width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
  if (!root) throw new Error('satori output without a size');
  const runs: TextRun[] = [];
  let depth = 0;
  const frame = svg.replace(
    /<text ([^>]*)>([^<]*)<\/text>|<(\/?)(\w+)([^>]*?)(\/?)>/g,
    (whole, attrs: string | undefined, text: string, closing: string, tag: string, _rest: string, selfClosing: string) => {
      if (attrs === undefined) {
        if (tag !== 'svg' && !selfClosing) depth += closing ? -1 : 1;
        return whole;
      }
      if (depth !== 0) throw new Error('share image text inside a group (clip, mask or transform) cannot be drawn by pasting');
      const a = Object.fromEntries([...attrs.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      const unknown = Object.keys(a).filter((name) => !ATTRIBUTES.has(name));
      const weight = WEIGHTS[a['font-weight'] ?? 'normal'];
      if (unknown.length > 0 || (a['font-style'] ?? 'normal') !== 'normal' || !weight)
        throw new Error(`share image text with unsupported attributes: ${attrs}`);
      runs.push({
        x: Number(a.x),
        y: Number(a.y),
        size: Number(a['font-size']),
        weight,
        rgb: hexColour(a.fill ?? '#000000'),
        text: decode(text),
      });
      return '';
    },
  );
  return { width: Number(root[1]), height: Number(root[2]), frame, runs };
}

async function layout(drawing: Drawing): Promise<Layout> {
  const svg = await satori(drawing.element as never, {
    width: drawing.width,
    ...(drawing.height ? { height: drawing.height } : {}),
    fonts: ogFonts().fonts,
    embedFont: false,
  });
  return splitSvg(svg);
}

/** A run's coverage, 1 byte a pixel, with its offset from the run's origin. */
interface Coverage {
  width: number;
  height: number;
  dx: number;
  dy: number;
  alpha: Uint8Array;
  /** The inked stretches, as (row, first column, column after) triples: pasting skips the gaps between glyphs. */
  spans: Uint16Array;
}

const PAD = 2;
// Measured: on sheets wider than about 2,000 px a run's antialiasing could change by a level depending on
// where it sat, so the same image came out with different bytes from different builds.
const SHEET_WIDTH = 1024;
const SHEET_MAX_HEIGHT = 4096;

let fonts: Record<400 | 700, fontkit.Font> | undefined;
const fontFor = (weight: 400 | 700) => {
  fonts ??= { 400: fontkit.openSync(FONT_FILES.regular) as fontkit.Font, 700: fontkit.openSync(FONT_FILES.bold) as fontkit.Font };
  return fonts[weight];
};

/** Width of bold text as satori sets it (same font, same advances): titles are broken into lines with it. */
export const boldWidth: Measure = (text, size) => {
  const font = fontFor(700);
  return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
};

const runKey = (run: Pick<TextRun, 'size' | 'weight' | 'text'>) => `${run.weight} ${run.size} ${run.text}`;

const SVG_COMMANDS: Record<string, string> = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' };
/** Outline points are kept on a 1/256 px grid, so moving a run by whole pixels moves every point exactly. */
const onGrid = (v: number) => Math.round(v * 256) / 256;

/**
 * The outline of a run (points relative to its origin: pen start, on the
 * baseline, y down) and the box its ink covers, with a margin for
 * antialiasing. Cells on a sheet are this box, so no glyph reaches into its
 * neighbour's cell, and a run rasterises to the same pixels wherever it sits.
 */
function runOutline(run: Pick<TextRun, 'size' | 'weight' | 'text'>) {
  const font = fontFor(run.weight);
  const scale = run.size / font.unitsPerEm;
  const shaped = font.layout(run.text);
  let pen = 0;
  let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
  const commands: { op: string; points: number[] }[] = [];
  shaped.glyphs.forEach((glyph, i) => {
    const position = shaped.positions[i]!;
    const x = (pen + position.xOffset) * scale;
    const y = -position.yOffset * scale;
    pen += position.xAdvance;
    const box = glyph.bbox;
    if (!(box.maxX > box.minX)) return; // a space: no ink
    for (const { command, args } of glyph.path.commands) {
      commands.push({ op: SVG_COMMANDS[command]!, points: args.map((v, k) => onGrid(k % 2 === 0 ? x + v * scale : y - v * scale)) });
    }
    left = Math.min(left, x + box.minX * scale);
    right = Math.max(right, x + box.maxX * scale);
    top = Math.min(top, y - box.maxY * scale);
    bottom = Math.max(bottom, y - box.minY * scale);
  });
  /** The path with the run's origin at (ox, oy), whole pixels. */
  const path = (ox: number, oy: number) =>
    commands.map(({ op, points }) => op + points.map((v, k) => v + (k % 2 === 0 ? ox : oy)).join(' ')).join('');
  if (commands.length === 0) return { path, left: 0, top: 0, width: 0, height: 0 };
  const [x0, y0] = [Math.floor(left) - PAD, Math.floor(top) - PAD];
  return { path, left: x0, top: y0, width: Math.ceil(right) + PAD - x0, height: Math.ceil(bottom) + PAD - y0 };
}

type Coverages = ReadonlyMap<string, Coverage>;

/**
 * Runs rasterised lately, least recently used first. Repeated runs (column
 * names, dates, the site's name) stay; one-off titles age out: kept for
 * good, 5,000 cards' titles took over 1 GB.
 */
const kept = new Map<string, Coverage>();
let keptBytes = 0;
const KEPT_BYTES = 32 * 1024 * 1024;

function keep(key: string, c: Coverage): void {
  kept.set(key, c);
  keptBytes += c.alpha.length;
  for (const [oldest, old] of kept) {
    if (keptBytes <= KEPT_BYTES) break;
    kept.delete(oldest);
    keptBytes -= old.alpha.length;
  }
}

function recall(key: string): Coverage | undefined {
  const c = kept.get(key);
  if (c) {
    kept.delete(key);
    kept.set(key, c);
  }
  return c;
}

/** Runs being rasterised now, so images drawn at the same time wait for them instead of drawing them again. */
const inFlight = new Map<string, Promise<Coverages>>();

interface Sheet {
  paths: string[];
  cells: { key: string; x: number; y: number; width: number; height: number; left: number; top: number }[];
  height: number;
}

/** The coverage of every run, rasterising those not kept from before, packed in rows on a few sheets (one sharp call each). */
async function rasterise(runs: readonly TextRun[]): Promise<Coverages> {
  const found = new Map<string, Coverage>();
  const pending = new Map<string, TextRun>();
  const waiting = new Map<string, Promise<Coverages>>();
  for (const run of runs) {
    const key = runKey(run);
    if (found.has(key) || pending.has(key) || waiting.has(key)) continue;
    const c = recall(key);
    const drawing = inFlight.get(key);
    if (c) found.set(key, c);
    else if (drawing) waiting.set(key, drawing);
    else pending.set(key, run);
  }
  if (pending.size > 0) {
    const drawing = rasteriseNew(pending).finally(() => {
      for (const key of pending.keys()) inFlight.delete(key);
    });
    for (const key of pending.keys()) {
      inFlight.set(key, drawing);
      waiting.set(key, drawing);
    }
  }
  for (const [key, drawing] of waiting) found.set(key, (await drawing).get(key)!);
  return found;
}

async function rasteriseNew(pending: ReadonlyMap<string, TextRun>): Promise<Coverages> {
  const outlines = [...pending].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, run]) => ({ key, ...runOutline(run) }));
  const sheetWidth = Math.max(SHEET_WIDTH, ...outlines.map((o) => o.width));
  const sheets: Sheet[] = [];
  let sheet: Sheet = { paths: [], cells: [], height: 0 };
  let x = 0;
  let rowHeight = 0;
  for (const outline of outlines) {
    if (x + outline.width > sheetWidth) {
      sheet.height += rowHeight;
      x = 0;
      rowHeight = 0;
    }
    if (sheet.height + outline.height > SHEET_MAX_HEIGHT && sheet.cells.length > 0) {
      sheets.push(sheet);
      sheet = { paths: [], cells: [], height: 0 };
    }
    if (outline.width > 0) sheet.paths.push(`<path d="${outline.path(x - outline.left, sheet.height - outline.top)}"/>`);
    sheet.cells.push({
      key: outline.key,
      x,
      y: sheet.height,
      width: outline.width,
      height: outline.height,
      left: outline.left,
      top: outline.top,
    });
    x += outline.width;
    rowHeight = Math.max(rowHeight, outline.height);
  }
  sheet.height += rowHeight;
  sheets.push(sheet);
  const drawn = new Map<string, Coverage>();
  await Promise.all(
    sheets.map(async ({ paths, cells, height }) => {
      const alpha =
        height > 0
          ? await sharp(
              Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${sheetWidth}" height="${height}">${paths.join('')}</svg>`),
            )
              .extractChannel(3)
              .raw()
              .toBuffer()
          : Buffer.alloc(0);
      for (const cell of cells) drawn.set(cell.key, trimmed(alpha, sheetWidth, cell));
    }),
  );
  for (const [key, c] of drawn) keep(key, c);
  return drawn;
}

/** Cuts a run's cell out of a sheet, trimmed to the pixels it covers (pasting then skips the empty margin). */
function trimmed(sheet: Buffer, stride: number, cell: Sheet['cells'][number]): Coverage {
  let [top, bottom, left, right] = [cell.height, -1, cell.width, -1];
  for (let row = 0; row < cell.height; row++) {
    const start = (cell.y + row) * stride + cell.x;
    for (let col = 0; col < cell.width; col++) {
      if (sheet[start + col] === 0) continue;
      top = Math.min(top, row);
      bottom = row;
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
  }
  if (bottom < 0) return { width: 0, height: 0, dx: 0, dy: 0, alpha: new Uint8Array(0), spans: new Uint16Array(0) };
  const width = right - left + 1;
  const height = bottom - top + 1;
  const alpha = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    const start = (cell.y + top + row) * stride + cell.x + left;
    alpha.set(sheet.subarray(start, start + width), row * width);
  }
  return { width, height, dx: cell.left + left, dy: cell.top + top, alpha, spans: inkedSpans(alpha, width, height) };
}

function inkedSpans(alpha: Uint8Array, width: number, height: number): Uint16Array {
  const spans: number[] = [];
  for (let row = 0; row < height; row++) {
    for (let col = 0, k = row * width; col < width;) {
      if (alpha[k + col] === 0) {
        col++;
        continue;
      }
      const from = col;
      while (col < width && alpha[k + col] !== 0) col++;
      spans.push(row, from, col);
    }
  }
  return Uint16Array.from(spans);
}

/**
 * Where a run's ink lands on a width × height image, clipped to it: for each
 * stretch, (offset in the coverage, image row, image column, length).
 */
function placed(run: TextRun, coverages: Coverages, width: number, height: number): { alpha: Uint8Array; stretches: number[] } {
  const c = coverages.get(runKey(run))!;
  const left = Math.round(run.x) + c.dx;
  const top = Math.round(run.y) + c.dy;
  const stretches: number[] = [];
  for (let s = 0; s < c.spans.length; s += 3) {
    const y = top + c.spans[s]!;
    const from = Math.max(c.spans[s + 1]!, -left);
    const to = Math.min(c.spans[s + 2]!, width - left);
    if (y >= 0 && y < height && from < to) stretches.push(c.spans[s]! * c.width + from, y, left + from, to - from);
  }
  return { alpha: c.alpha, stretches };
}

/** A frame's pixels as palette indices, in PNG rows (a filter byte, then the row), when it has at most 256 colours. */
interface IndexedFrame {
  rows: Uint8Array;
  palette: number[];
  lookup: Map<number, number>;
}

interface Frame {
  rgb: Buffer;
  indexed?: IndexedFrame;
}

function indexed(rgb: Buffer, width: number, height: number): IndexedFrame | undefined {
  const rows = new Uint8Array((width + 1) * height);
  const palette: number[] = [];
  const lookup = new Map<number, number>();
  let [last, lastIndex] = [-1, 0];
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0, o = y * (width + 1) + 1; x < width; x++, i += 3, o++) {
      const colour = (rgb[i]! << 16) | (rgb[i + 1]! << 8) | rgb[i + 2]!;
      if (colour !== last) {
        let index = lookup.get(colour);
        if (index === undefined) {
          if (palette.length === 256) return undefined;
          index = palette.push(colour) - 1;
          lookup.set(colour, index);
        }
        [last, lastIndex] = [colour, index];
      }
      rows[o] = lastIndex;
    }
  }
  return { rows, palette, lookup };
}

/** Frames rasterised lately; card frames repeat, a letter's (with its QR code) does not. */
const frames = new Map<string, Promise<Frame>>();
const FRAMES_KEPT = 8;

function frameOf({ frame, width, height }: Layout): Promise<Frame> {
  let raster = frames.get(frame);
  if (!raster) {
    raster = sharp(Buffer.from(frame))
      .flatten({ background: '#ffffff' })
      .removeAlpha()
      .raw()
      .toBuffer()
      .then((rgb) => {
        if (rgb.length !== width * height * 3) throw new Error(`share image frame is not ${width}×${height}`);
        return { rgb, indexed: indexed(rgb, width, height) };
      });
    frames.set(frame, raster);
    if (frames.size > FRAMES_KEPT) frames.delete(frames.keys().next().value!);
  }
  return raster;
}

/** Blends each run's coverage onto the canvas, in the run's colour. */
function paste(out: Buffer, { width, height, runs }: Layout, coverages: Coverages): void {
  for (const run of runs) {
    const { alpha, stretches } = placed(run, coverages, width, height);
    const [r, g, b] = run.rgb;
    for (let s = 0; s < stretches.length; s += 4) {
      let i = (stretches[s + 1]! * width + stretches[s + 2]!) * 3;
      for (let k = stretches[s]!, end = k + stretches[s + 3]!; k < end; k++, i += 3) {
        const a = alpha[k]!;
        if (a === 255) {
          out[i] = r;
          out[i + 1] = g;
          out[i + 2] = b;
        } else {
          const keep = 255 - a;
          out[i] = (out[i]! * keep + r * a + 127) / 255;
          out[i + 1] = (out[i + 1]! * keep + g * a + 127) / 255;
          out[i + 2] = (out[i + 2]! * keep + b * a + 127) / 255;
        }
      }
    }
  }
}

/**
 * Coverage kept to 64 levels when drawing to a palette: at these sizes they
 * look the same as 256, and a card's text in its three colours then needs
 * about 190 colours instead of about 700. LEVEL_OF maps coverage to a level,
 * ALPHA_OF a level back to coverage.
 */
const LEVELS = 64;
const LEVEL_OF = Uint8Array.from({ length: 256 }, (_, a) => Math.round((a * (LEVELS - 1)) / 255));
const ALPHA_OF = Uint8Array.from({ length: LEVELS }, (_, level) => Math.round((level * 255) / (LEVELS - 1)));

const mix = (under: number, over: number, a: number) => {
  const keep = 255 - a;
  const channel = (shift: number) => (((under >> shift) & 255) * keep + ((over >> shift) & 255) * a + 127) / 255;
  return (channel(16) << 16) | (channel(8) << 8) | channel(0);
};

/**
 * Pastes the runs as paste() does, on palette indices: each (colour under,
 * level) blend is worked out once. Returns the palette, or undefined when the
 * image needs more than 256 colours (it is then drawn in RGB).
 */
function pasteIndexed(frame: IndexedFrame, { width, height, runs }: Layout, coverages: Coverages, rows: Uint8Array): number[] | undefined {
  rows.set(frame.rows);
  const palette = [...frame.palette];
  const lookup = new Map(frame.lookup);
  /** By text colour: (index under) × LEVELS + level → index, or -1 before it is first needed. */
  const blends = new Map<number, Int16Array>();
  for (const run of runs) {
    const { alpha, stretches } = placed(run, coverages, width, height);
    const colour = (run.rgb[0] << 16) | (run.rgb[1] << 8) | run.rgb[2];
    let blend = blends.get(colour);
    if (!blend) blends.set(colour, (blend = new Int16Array(256 * LEVELS).fill(-1)));
    for (let s = 0; s < stretches.length; s += 4) {
      let o = stretches[s + 1]! * (width + 1) + 1 + stretches[s + 2]!;
      for (let k = stretches[s]!, end = k + stretches[s + 3]!; k < end; k++, o++) {
        const level = LEVEL_OF[alpha[k]!]!;
        if (level === 0) continue;
        const key = rows[o]! * LEVELS + level;
        let next = blend[key]!;
        if (next < 0) {
          const mixed = mix(palette[rows[o]!]!, colour, ALPHA_OF[level]!);
          next = lookup.get(mixed) ?? -1;
          if (next < 0) {
            if (palette.length === 256) return undefined;
            next = palette.push(mixed) - 1;
            lookup.set(mixed, next);
          }
          blend[key] = next;
        }
        rows[o] = next;
      }
    }
  }
  return palette;
}

/** Canvases reused between images: a fresh 1–11 MB buffer for each cost more than pasting (page faults, GC). */
const spareCanvases = new Map<number, Buffer[]>();
/** Images encoded at once: enough to keep sharp's threads busy with RGB images (palette ones are encoded on this thread), few enough to bound memory. */
const ENCODING_AT_ONCE = availableParallelism() + 1;

async function withCanvas<T>(size: number, use: (canvas: Buffer) => Promise<T>): Promise<T> {
  const canvas = spareCanvases.get(size)?.pop() ?? Buffer.allocUnsafe(size);
  try {
    return await use(canvas);
  } finally {
    const spare = spareCanvases.get(size) ?? [];
    if (spare.length < ENCODING_AT_ONCE) spare.push(canvas);
    spareCanvases.set(size, spare);
  }
}

/**
 * A palette PNG when the image has at most 256 colours (every card and tile
 * here): about 1.4 ms and 14–39 KB a card. Otherwise RGB, by sharp: zlib
 * level 3 without adaptive filtering, about 4 ms and 21–59 KB for the same
 * cards (BENCHMARKS.md).
 */
async function encode(l: Layout, coverages: Coverages): Promise<Buffer> {
  const { width, height } = l;
  const frame = await frameOf(l);
  if (frame.indexed) {
    const png = await withCanvas((width + 1) * height, async (rows) => {
      const palette = pasteIndexed(frame.indexed!, l, coverages, rows);
      return palette && indexedPng({ width, height, palette, rows });
    });
    if (png) return png;
  }
  return withCanvas(width * height * 3, async (canvas) => {
    frame.rgb.copy(canvas);
    paste(canvas, l, coverages);
    return sharp(canvas, { raw: { width, height, channels: 3 } })
      .png({ compressionLevel: 3, adaptiveFiltering: false })
      .toBuffer();
  });
}
/** Draws several images; their text is rasterised together, so shared characters are drawn once. */
export async function drawPngs(drawings: readonly Drawing[]): Promise<Buffer[]> {
  const layouts: Layout[] = [];
  for (const drawing of drawings) layouts.push(await layout(drawing));
  const coverages = await rasterise(layouts.flatMap((l) => l.runs));
  const pngs: Buffer[] = [];
  let next = 0;
  const worker = async () => {
    while (next < layouts.length) {
      const n = next++;
      pngs[n] = await encode(layouts[n]!, coverages);
    }
  };
  await Promise.all(Array.from({ length: Math.min(ENCODING_AT_ONCE, layouts.length) }, worker));
  return pngs;
}
