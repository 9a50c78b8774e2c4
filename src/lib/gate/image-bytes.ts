/**
 * What an image file is, read from its bytes rather than its name, and what
 * it carries besides pixels. Shared by the content gate (before the build) and
 * the output checks (after it); no decoding here, only headers and markers.
 */

/** File types told apart by their first bytes; `text` is readable text that is no image at all. */
export type ImageKind = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'heic' | 'svg' | 'tiff' | 'bmp' | 'pdf' | 'text' | 'unknown';

/**
 * A file name that says "image", whether or not the site accepts that kind:
 * such a file is judged as an image wherever it is (content, output), and an
 * image's description must not be one.
 */
export const IMAGE_FILE_NAME = /\.(jpe?g|png|webp|avif|gif|svg|heic|heif|tiff?|bmp)$/i;

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** ISO media files (`ftyp` box): AVIF and HEIC share the container and differ in their brands. */
function isoKind(bytes: Uint8Array): ImageKind {
  const size = Math.min(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0), bytes.length);
  const brands: string[] = [];
  for (let at = 8; at + 4 <= size; at += 4) if (at !== 12) brands.push(ascii(bytes, at, at + 4));
  if (brands[0] === 'avif' || brands[0] === 'avis') return 'avif';
  if (brands.some((b) => /^(heic|heix|hevc|hevx|heim|heis|hevm|hevs)$/.test(b))) return 'heic';
  if (brands.includes('avif')) return 'avif';
  return brands.some((b) => b === 'mif1' || b === 'msf1') ? 'heic' : 'unknown';
}

/** The kind of file `bytes` (its first kilobytes are enough) holds. */
export function sniffImage(bytes: Uint8Array): ImageKind {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') return isoKind(bytes);
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(bytes, 0, 2) === 'BM') return 'bmp';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  const text = decodeText(bytes);
  if (text === undefined) return 'unknown';
  return /^\s*(<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*|<!doctype[^>]*>\s*)*<svg[\s>]/i.test(text) ? 'svg' : 'text';
}

/** `bytes` as text when they are valid UTF-8 without control characters (a cut-off last character is fine). */
function decodeText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 4096), { stream: true });
  } catch {
    return undefined;
  }
  return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? undefined : text.replace(/^\ufeff/, '');
}

/** PNG chunks that carry text or EXIF (`tEXt`, `zTXt`, `iTXt`, `eXIf`), in file order. */
export function pngMetadataChunks(bytes: Uint8Array): string[] {
  if (!startsWith(bytes, PNG_SIGNATURE)) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: string[] = [];
  for (let at = PNG_SIGNATURE.length; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = ascii(bytes, at + 4, at + 8);
    if (/^(tEXt|zTXt|iTXt|eXIf)$/.test(type)) found.push(type);
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return found;
}

/** An XMP packet anywhere in the file, whatever the container (GIF and AVIF included). */
export function hasXmpPacket(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return XMP_MARKERS.some((marker) => buffer.includes(marker));
}

const XMP_MARKERS = ['<x:xmpmeta', 'http://ns.adobe.com/xap/1.0/', '<?xpacket'];

/**
 * What in an SVG could run script, load something from elsewhere or hide it:
 * scripts, foreign objects and embedded documents, event handlers, entities,
 * links and `url()` that do not point into the file itself. Matched in any
 * case and with any namespace prefix, as a browser might read either.
 */
const SVG_DANGERS: readonly [RegExp, string][] = [
  [/<\s*([\w.-]+:)?script\b/i, '脚本（script）'],
  [/<\s*([\w.-]+:)?(foreignObject|iframe|embed|object|handler|listener)\b/i, '嵌入的网页或对象'],
  [/[\s"'/]on[a-z]+\s*=/i, '事件代码（on… 属性）'],
  [/<!ENTITY/i, '实体定义（<!ENTITY）'],
  [/javascript\s*:/i, 'javascript: 地址'],
  [/\b(href|src)\s*=\s*(?!["']?\s*#)/i, '指向文件外部的链接'],
  [/url\(\s*(?!["']?\s*#)/i, '指向文件外部的样式地址（url）'],
  [/@import/i, '样式导入（@import）'],
  [/attributeName\s*=\s*["']?\s*([\w.-]+:)?href/i, '会改写链接的动画'],
];

/** The dangers found in an SVG's text, in Chinese, for a message. */
export function svgDangers(text: string): string[] {
  return SVG_DANGERS.filter(([pattern]) => pattern.test(text)).map(([, label]) => label);
}
