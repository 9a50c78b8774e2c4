/**
 * Every image the content uses, judged by its bytes before Astro sees it: a
 * raster type Astro re-encodes (so nothing is published as committed), the
 * extension that type has, a size and pixel limit, one frame, and a complete
 * decode. What Astro or sharp would otherwise stop on (in English) or copy
 * through (an SVG with a script) is refused here, in Chinese, with the fix.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSyncFn } from 'synckit';
import { cacheRoot, digest, PassedKeys, sourceDigest } from '#/lib/build/build-cache.ts';
import { sniffImage, type ImageKind } from './image-bytes.ts';
import { confineFile, confineMessage } from './confine.ts';
import { readRegularFile } from './read-source.ts';
import type { Decoded } from './decode-image-worker.ts';

/** Largest image file staff may commit; phone photos are larger only when uncompressed. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** 50 megapixels: a 48 MP phone photo passes; a decompression bomb (tiny file, huge canvas) does not. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/**
 * Raster types whose every use Astro re-encodes to WebP without metadata
 * (checked by a real build: JPEG, PNG, WebP, AVIF and GIF all came out as
 * new WebP files; an SVG came out byte for byte), with their extensions.
 */
const ACCEPTED: Partial<Record<ImageKind, { name: string; extensions: readonly string[] }>> = {
  jpeg: { name: 'JPG', extensions: ['.jpg', '.jpeg'] },
  png: { name: 'PNG', extensions: ['.png'] },
  webp: { name: 'WebP', extensions: ['.webp'] },
  avif: { name: 'AVIF', extensions: ['.avif'] },
  gif: { name: 'GIF', extensions: ['.gif'] },
};

/** sharp's name for each accepted type: the bytes' signature and the decoder must agree. */
const SHARP_FORMAT: Partial<Record<ImageKind, string>> = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif', gif: 'gif' };

const REFUSED_KIND: Partial<Record<ImageKind, string>> = {
  svg: 'SVG 矢量图不能用作图片（SVG 里可以藏有脚本，会在本站网址下运行）：请用绘图软件另存为 PNG 或 JPG 后再提交',
  heic: '这是苹果手机的 HEIC 格式照片，网站不能处理：请导出为 JPG（或在手机“设置 > 相机 > 格式”中选“兼容性最佳”后重新拍摄）再提交',
  text: '这个文件里是文字，不是图片（可能是改了扩展名的文本或网页）：请放入真正的照片，保存为 JPG 或 PNG',
  tiff: '这是 TIFF 格式的文件，网站不能用作图片：请另存为 JPG 或 PNG',
  bmp: '这是 BMP 格式的文件，网站不能用作图片：请另存为 PNG 或 JPG',
  pdf: '这是 PDF 文件，不是图片：请把需要的页面另存为 PNG 或 JPG',
};

const UNREADABLE = '无法识别这个图片文件（文件可能已损坏，或不是图片）：请重新导出为 JPG 或 PNG 后再提交';

/**
 * An image written in content as `written`, at `target` (absolute, or relative
 * to `root`), which must stay inside `root`: what is wrong with it, if anything.
 */
export function imageReferenceProblem(root: string, target: string, written: string): string | undefined {
  // No folder (a site without public/), no file in it.
  if (!existsSync(root)) return confineMessage('missing', written, '图片');
  const confined = confineFile(root, target);
  if (!confined.ok) return confineMessage(confined.reason, written, '图片');
  const problem = imageFileProblem(confined.abs);
  return problem && `图片 ${written} 不能使用：${problem}`;
}

/** What is wrong with the image file at `abs` (already confined), if anything. */
export function imageFileProblem(abs: string): string | undefined {
  const read = readRegularFile(abs, MAX_IMAGE_BYTES);
  if (!read.ok) {
    if (read.reason === 'too-large') {
      return `图片文件太大（${((read.size ?? 0) / 1024 / 1024).toFixed(1)} MB），单张不能超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB：请先压缩或缩小后再提交`;
    }
    if (read.reason !== 'unreadable') return confineMessage(read.reason, path.basename(abs), '图片');
    return '无法读取这个图片文件（可能没有读取权限）：请重新复制这张图片后再提交';
  }
  const bytes = read.bytes;
  if (bytes.length === 0) return '图片文件是空的（0 字节），可能没有复制完整：请重新放入这张图片';
  const kind = sniffImage(bytes);
  const accepted = ACCEPTED[kind];
  if (!accepted) return REFUSED_KIND[kind] ?? UNREADABLE;
  const extension = path.extname(abs).toLowerCase();
  if (!accepted.extensions.includes(extension)) {
    const renamed = `${path.basename(abs, path.extname(abs))}${accepted.extensions[0]}`;
    return `这个文件实际上是 ${accepted.name} 图片，扩展名却是“${extension || '（无）'}”：请把文件改名为 ${renamed}，并修改文稿里引用它的地方`;
  }
  const key = digest(bytes, judgeDigest());
  if (session?.passed.passedBefore(key)) return undefined;
  const problem = decodedProblem(decodeOnce(bytes), kind);
  if (problem && session) session.failed = true;
  return problem;
}

/**
 * Images that passed in an earlier check are not decoded again (which spares
 * starting sharp at all on an unchanged site): `beginImageCheck` before a
 * check, `endImageCheck` after it, which remembers them if every image passed.
 */
let session: { passed: PassedKeys; failed: boolean } | undefined;

export function beginImageCheck(env: NodeJS.ProcessEnv = process.env): void {
  session = { passed: new PassedKeys(path.join(cacheRoot(env), 'content-gate', 'images.json')), failed: false };
}

export function endImageCheck(): void {
  try {
    if (session && !session.failed) session.passed.save();
  } catch {
    // A cache that cannot be written only means decoding again next time.
  }
  session = undefined;
}

let judge: string | undefined;

/** The code a verdict depends on: these modules and the installed sharp (and so libvips). */
function judgeDigest(): string {
  if (judge === undefined) {
    const sharpPackage = path.join(path.dirname(createRequire(import.meta.url).resolve('sharp')), '..', 'package.json');
    judge = digest(String(MAX_IMAGE_PIXELS), sourceDigest([WORKER, fileURLToPath(import.meta.url), IMAGE_BYTES, sharpPackage]));
  }
  return judge;
}

function decodedProblem(decoded: Decoded, kind: ImageKind): string | undefined {
  if (!decoded.ok) {
    switch (decoded.reason) {
      case 'too-many-pixels':
        return (
          `图片尺寸过大（${decoded.width}×${decoded.height} 像素），不能超过 ${MAX_IMAGE_PIXELS / 10_000} 万像素：` +
          '请缩小后再提交（网页上的照片宽 4000 像素以内就足够清晰）'
        );
      case 'undecodable':
        return '图片文件不完整或已损坏（可能没有传完，或保存时出错）：请重新导出或重新复制这张图片后再提交';
      case 'unreadable':
        return UNREADABLE;
      case 'failed':
        return '检查这张图片时出错（图片处理程序没有应答）：请重新运行一次；如果仍然出错，请把这条消息发给技术人员';
    }
  }
  if (decoded.format !== SHARP_FORMAT[kind] || (kind === 'avif' && decoded.compression !== 'av1')) {
    return decoded.compression === 'hevc' ? REFUSED_KIND.heic : UNREADABLE;
  }
  if (decoded.frames > 1) {
    return `这是一张动图（共 ${decoded.frames} 帧），网站只发布静止的图片：请选一帧另存为 PNG 或 JPG`;
  }
  return undefined;
}

const WORKER = fileURLToPath(new URL('./decode-image-worker.ts', import.meta.url));
const IMAGE_BYTES = fileURLToPath(new URL('./image-bytes.ts', import.meta.url));

/** Far above the couple of seconds a 50-megapixel photo takes: a decode still running then is stuck. */
const DECODE_TIMEOUT_MS = 60_000;

let decodeSync: ((bytes: Uint8Array, maxPixels: number) => Decoded) | undefined;

/** Decoded results by the file's bytes: an image used as a file and by two entries is decoded once. */
const decodedByDigest = new Map<string, Decoded>();

function decodeOnce(bytes: Uint8Array): Decoded {
  const key = digest(bytes);
  let decoded = decodedByDigest.get(key);
  if (!decoded) {
    // The worker starts on the first image, so a check without images never loads sharp.
    decodeSync ??= createSyncFn<(bytes: Uint8Array, maxPixels: number) => Promise<Decoded>>(WORKER, { timeout: DECODE_TIMEOUT_MS });
    try {
      decoded = decodeSync(bytes, MAX_IMAGE_PIXELS);
    } catch {
      // The worker died or timed out: not this file's verdict, so it is not remembered.
      return { ok: false, reason: 'failed' };
    }
    decodedByDigest.set(key, decoded);
  }
  return decoded;
}
