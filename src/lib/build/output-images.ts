/**
 * The last look at every image in the built site, including files copied
 * from public/ as they are: no EXIF, XMP or IPTC (which can hold where a
 * photo was taken, by whom, with what), no PNG text chunks, and no SVG that
 * could run script or load something on the site's origin. ICC colour
 * profiles are fine.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { IMAGE_FILE_NAME, hasXmpPacket, pngMetadataChunks, sniffImage, svgDangers, type ImageKind } from '#/lib/gate/image-bytes.ts';
import type { Problem } from '#/lib/gate/problem.ts';
import { filesUnder, pagePath } from './output-checks.ts';

const WEB_KINDS: ReadonlySet<ImageKind> = new Set(['jpeg', 'png', 'webp', 'avif', 'gif']);

const UNREADABLE = '无法读取这张图片（或不是网页用的图片格式），不能确认它不含拍摄地点等信息：请换成 JPG 或 PNG';

const FIX = '照片请放在文稿旁边，由网站重新生成；放进 public/ 的图片要先用工具去掉这些信息（或另存一份）再提交';

/** What is wrong with one built image, if anything. */
export async function outputImageProblem(file: string): Promise<string | undefined> {
  const bytes = readFileSync(file);
  const kind = sniffImage(bytes);
  if (/\.svg$/i.test(file) || kind === 'svg') {
    const dangers = svgDangers(bytes.toString('utf8'));
    if (dangers.length === 0) return undefined;
    return `SVG 图片含有${dangers.join('、')}，在本站网址下打开时可能运行或加载外部内容：请改用 PNG，或删去这些部分`;
  }
  // TIFF and HEIC keep EXIF where sharp does not report it, and browsers do not show them anyway.
  if (!WEB_KINDS.has(kind)) return UNREADABLE;
  const found = new Set<string>();
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (meta.exif) found.add('EXIF');
    if (meta.xmp) found.add('XMP');
    if (meta.iptc) found.add('IPTC');
  } catch {
    return UNREADABLE;
  }
  if (hasXmpPacket(bytes)) found.add('XMP');
  for (const chunk of pngMetadataChunks(bytes)) found.add(chunk === 'eXIf' ? 'EXIF' : `PNG 文字（${chunk}）`);
  if (found.size === 0) return undefined;
  return `图片带有 ${[...found].join('、')} 信息（可能含拍摄地点、作者、设备等）。${FIX}`;
}

/**
 * Every image in the output that carries metadata, or an SVG that could run
 * script. `checkedBefore` is asked about each image file first, to skip ones
 * that passed in an earlier build.
 */
export async function imageMetadataProblems(dir: string, checkedBefore: (file: string) => boolean = () => false): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const file of filesUnder(dir, (name) => IMAGE_FILE_NAME.test(name))) {
    if (checkedBefore(file)) continue;
    const message = await outputImageProblem(file);
    if (message) problems.push({ file: pagePath(dir, file), message, severity: 'error' });
  }
  return problems;
}
