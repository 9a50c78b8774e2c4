/**
 * The city's logo (`logo:` in site.yaml). It is a file from the content folder,
 * so it is hostile input: it must stay inside the folder, be the image its bytes
 * say it is, and never reach a page as written. An SVG is refused if it holds
 * anything but drawing (scripts, event handlers, foreignObject, a DOCTYPE, any
 * reference that is not `#inside-this-file`), and every logo, SVG included, is
 * redrawn by sharp into a small PNG: no byte of the file itself is published.
 */
import path from 'node:path';
import { SaxesParser, type SaxesAttributeNS } from 'saxes';
import sharp from 'sharp';
import { confineFile, confineMessage } from '#/lib/gate/confine.ts';
import { readRegularFile } from '#/lib/gate/read-source.ts';

export type LogoKind = 'svg' | 'png' | 'jpeg' | 'webp';

export type LogoFile = { ok: true; bytes: Buffer; kind: LogoKind } | { ok: false; message: string };

/** A logo file larger than this is not a logo (a header logo is a few kilobytes). */
const LOGO_MAX_BYTES = 1024 * 1024;
/** The header shows the logo in a 2.4rem square (up to 48 CSS px in 长辈模式): drawn at 96 px, it is sharp at 2×. */
export const LOGO_SIZE = 96;
/** Decoded pixels allowed for a raster logo, or for an SVG drawn at its own size. */
const MAX_INPUT_PIXELS = 4096 * 4096;
const MAX_SVG_ELEMENTS = 5000;
/** Elements librsvg may draw once references are followed (it gives up at 500,000, after about 10 s here). */
const MAX_DRAWN = 50_000;
const MAX_REFERENCE_DEPTH = 50;

const EXTENSIONS: Record<string, LogoKind> = { '.svg': 'svg', '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.webp': 'webp' };
const KIND_NAMES: Record<LogoKind, string> = { svg: 'SVG', png: 'PNG', jpeg: 'JPEG', webp: 'WebP' };

/** SVG elements that run code, embed other documents or change the drawing over time. */
const REFUSED_ELEMENTS = new Set(
  ['script', 'foreignobject', 'iframe', 'object', 'embed', 'audio', 'video', 'handler', 'listener'].concat([
    'set',
    'animate',
    'animatemotion',
    'animatetransform',
    'animatecolor',
    'discard',
  ]),
);

/**
 * The logo at `written` (relative to the content folder), checked; the message is in Chinese and
 * names the image as `what` (site.yaml's other image, the 党政机关网站标识, goes through here too).
 */
export function readLogo(dir: string, written: string, what = '标志图片'): LogoFile {
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) && !/^[a-z]:[\\/]/i.test(written)) {
    return { ok: false, message: `${what}只能是内容文件夹里的图片文件，不能是网址：${written}（示例：logo.svg）` };
  }
  const confined = confineFile(dir, written);
  if (!confined.ok) return { ok: false, message: confineMessage(confined.reason, written, what) };
  const expected = EXTENSIONS[path.extname(written).toLowerCase()];
  if (!expected) return { ok: false, message: `${what} ${written} 应为 .svg、.png、.jpg 或 .webp 文件` };
  const read = readRegularFile(confined.abs, LOGO_MAX_BYTES);
  if (!read.ok) {
    if (read.reason === 'too-large') {
      return { ok: false, message: `${what} ${written} 太大（${Math.ceil((read.size ?? 0) / 1024)} KB），请用不超过 1 MB 的文件` };
    }
    if (read.reason !== 'unreadable') return { ok: false, message: confineMessage(read.reason, written, what) };
    return { ok: false, message: `无法读取${what} ${written}（请检查文件权限）` };
  }
  const bytes = read.bytes;
  const kind = kindOf(bytes);
  if (!kind) return { ok: false, message: `${what} ${written} 不是有效的 SVG、PNG、JPEG 或 WebP 图片（文件内容不是图片）` };
  if (kind !== expected) {
    return { ok: false, message: `${what} ${written} 的内容是 ${KIND_NAMES[kind]} 图片，与扩展名不符，请把扩展名改对` };
  }
  if (kind === 'svg') {
    const reason = svgProblem(bytes);
    if (reason) return { ok: false, message: `${what} ${written} ${reason}` };
  }
  return { ok: true, bytes, kind };
}

/** The image type by its first bytes; text that opens with markup and has an `<svg` tag near the start is read as SVG. */
function kindOf(bytes: Buffer): LogoKind | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  // Whether it is really an SVG (its root element, nothing else in it) is svgProblem's to say.
  const head = bytes.toString('utf8', 0, 4096).replace(/^\uFEFF/, '');
  return /^\s*</.test(head) && /<(?:[\w-]+:)?svg[\s>/]/i.test(head) ? 'svg' : undefined;
}

/** Why an SVG may not be drawn, in Chinese, or undefined when it holds only drawing. */
export function svgProblem(bytes: Buffer): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return '不是 UTF-8 编码的 SVG 文件，请用绘图软件重新导出（编码选 UTF-8）';
  }
  const refusals: string[] = [];
  const refuse = (line: number, what: string) => refusals.push(`第 ${line} 行${what}`);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const shape: SvgShape = { elements: 0, ranges: new Map(), refs: [], sheetRefs: [] };
  const open: { id?: string; start: number; style: boolean }[] = [];
  let root: string | undefined;
  parser.on('doctype', () => refuse(parser.line, '有 DOCTYPE 声明（可能定义实体，不安全）'));
  parser.on('processinginstruction', (pi) => refuse(parser.line, `有处理指令 <?${pi.target}?>`));
  parser.on('opentag', (tag) => {
    const at = shape.elements++;
    if (root === undefined && hugeSize(tag.attributes as Record<string, SaxesAttributeNS>)) refuse(parser.line, '声明的尺寸过大');
    root ??= tag.local;
    const name = tag.local.toLowerCase();
    if (REFUSED_ELEMENTS.has(name)) refuse(parser.line, `有 <${tag.local}> 元素（脚本、嵌入内容或动画）`);
    const attributes = Object.values(tag.attributes as Record<string, SaxesAttributeNS>);
    for (const attr of attributes) {
      const reason = attributeProblem(attr);
      if (reason) refuse(parser.line, reason);
      for (const id of localRefs(attr)) shape.refs.push({ at, id });
    }
    open.push({ id: attributes.find((a) => a.local === 'id')?.value, start: at, style: name === 'style' });
  });
  parser.on('closetag', () => {
    const element = open.pop();
    if (element?.id !== undefined) shape.ranges.set(element.id, [element.start, shape.elements - 1]);
  });
  const styleText = (css: string) => {
    if (!open.at(-1)?.style) return;
    const reason = cssProblem(css);
    if (reason) refuse(parser.line, `的样式${reason}`);
    shape.sheetRefs.push(...cssRefs(css));
  };
  parser.on('text', styleText);
  parser.on('cdata', styleText);
  let malformed = false;
  try {
    parser.write(text).close();
  } catch {
    malformed = true;
  }
  if (refusals.length > 0) {
    return `不能用作标志：${refusals.slice(0, 3).join('；')}。标志只能包含图形，不能有脚本、事件、外部链接或外部图片，请用绘图软件导出为普通 SVG 或 PNG`;
  }
  if (malformed) return `不是格式正确的 SVG 文件（第 ${parser.line} 行附近有错），请用绘图软件重新导出`;
  if (root !== 'svg') return '不是 SVG 图片（最外层应为 <svg> 元素）';
  if (shape.elements > MAX_SVG_ELEMENTS) return `元素过多（${shape.elements} 个，最多 ${MAX_SVG_ELEMENTS} 个），请简化后重新导出`;
  if (drawnElements(shape) > MAX_DRAWN) return '层层引用（<use> 等）展开后图形过多或循环引用，请简化后重新导出';
  return undefined;
}

function attributeProblem(attr: SaxesAttributeNS): string | undefined {
  const name = attr.local.toLowerCase();
  if (attr.prefix === 'xmlns' || attr.name === 'xmlns') return undefined; // namespace names are not fetched
  if (name.startsWith('on')) return `有事件属性 ${attr.name}`;
  if ((name === 'href' || name === 'src') && !attr.value.trim().startsWith('#')) return `引用了外部内容 ${attr.name}="${clip(attr.value)}"`;
  // Attributes in another namespace (inkscape:export-filename="C:\\…") are the drawing program's notes, never CSS.
  if (attr.uri) return undefined;
  const css = cssProblem(attr.value);
  return css && `的属性 ${attr.name}${css}`;
}

/** CSS (a style sheet, a style attribute or a presentation attribute) that would load anything. */
function cssProblem(css: string): string | undefined {
  if (css.includes('\\')) return '含反斜杠转义';
  if (/@import/i.test(css)) return '用 @import 引入了外部样式';
  if (/\b(?:image-set|image|cross-fade|src)\s*\(/i.test(css)) return '引用了外部图片';
  for (const m of css.matchAll(URL_FUNCTION)) {
    if (!m[1]!.trim().startsWith('#')) return `引用了外部内容 url(${clip(m[1]!)})`;
  }
  return undefined;
}

const URL_FUNCTION = /url\s*\(\s*['"]?\s*([^'")]*)/gi;
const cssRefs = (css: string) => [...css.matchAll(URL_FUNCTION)].map((m) => m[1]!.trim().slice(1));
const localRefs = (attr: SaxesAttributeNS) =>
  ['href', 'src'].includes(attr.local.toLowerCase()) ? [attr.value.trim().slice(1)] : cssRefs(attr.value);

/** CSS pixels per unit of an SVG length. */
const UNIT_PX: Record<string, number> = { '': 1, px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, pt: 4 / 3, pc: 16, em: 16, ex: 8 };

/** A root size (width and height, or else the viewBox's) beyond what sharp may draw at its lowest density. */
function hugeSize(attributes: Record<string, SaxesAttributeNS>): boolean {
  const length = (value = '') => {
    const m = /^\s*([\d.eE+-]+)\s*([a-z]*)\s*$/.exec(value);
    return m ? Number(m[1]) * (UNIT_PX[m[2]!] ?? 1) : 0;
  };
  const viewBox = (attributes.viewBox?.value ?? '')
    .trim()
    .split(/[\s,]+/)
    .slice(2)
    .map(Number);
  const sizes = [attributes.width, attributes.height].map((a) => (a ? length(a.value) : 0));
  return [...sizes, ...(sizes.every((n) => n > 0) ? [] : viewBox)].some((n) => n > 100_000);
}

/** An SVG as librsvg would expand it: elements in document order, each id's span, and what refers to which id. */
interface SvgShape {
  elements: number;
  ranges: Map<string, [start: number, end: number]>;
  /** `href="#id"` and `url(#id)` in attributes, at the element that holds them. */
  refs: { at: number; id: string }[];
  /** `url(#id)` in style sheets, which may apply to every element. */
  sheetRefs: string[];
}

/** Elements drawn, each reference counting as another copy of its target: a chain of <use> multiplies (a "use bomb"). */
function drawnElements(shape: SvgShape): number {
  const memo = new Map<string, number>();
  const spanCost = (start: number, end: number, chain: string[]): number => {
    let total = end - start + 1;
    for (const ref of shape.refs) {
      if (ref.at >= start && ref.at <= end) total += idCost(ref.id, chain);
      if (total > MAX_DRAWN) return Infinity;
    }
    return total;
  };
  const idCost = (id: string, chain: string[]): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const range = shape.ranges.get(id);
    if (!range) return 0;
    if (chain.includes(id) || chain.length > MAX_REFERENCE_DEPTH) return Infinity;
    const cost = spanCost(range[0], range[1], [...chain, id]);
    memo.set(id, cost);
    return cost;
  };
  return shape.sheetRefs.reduce((total, id) => total + shape.elements * idCost(id, []), spanCost(0, shape.elements - 1, []));
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * The logo as a `LOGO_SIZE` square PNG (transparent margins keep its shape), drawn
 * by sharp from a file `readLogo` accepted. librsvg is given bytes, not a path, so
 * it has no folder to resolve a reference against, and it never fetches a URL.
 */
export async function logoPng(logo: { bytes: Buffer; kind: LogoKind }): Promise<Buffer> {
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const };
  let density: number | undefined;
  if (logo.kind === 'svg') {
    // Drawn near the final size, not at the size the file claims (which may be huge).
    // Reading the size draws nothing, so no pixel limit applies yet.
    const { width = LOGO_SIZE, height = LOGO_SIZE } = await sharp(logo.bytes, { limitInputPixels: false }).metadata();
    density = Math.min(100_000, Math.max(1, (72 * LOGO_SIZE) / Math.max(width, height, 1)));
  }
  return sharp(logo.bytes, { ...options, density })
    .timeout({ seconds: 10 })
    .rotate()
    .resize(LOGO_SIZE, LOGO_SIZE, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ palette: true, compressionLevel: 9 })
    .toBuffer();
}
