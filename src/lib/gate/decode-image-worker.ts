/**
 * Decodes one image with sharp in a worker thread, so that the content gate,
 * which is synchronous, can wait for it (./image-file.ts, through synckit).
 * Runs under Node's own type stripping: no imports of project modules.
 */
import sharp from 'sharp';
import { runAsWorker } from 'synckit';

/** `failed` is set by ./image-file.ts when the worker itself does not answer. */
export type Decoded =
  | { ok: true; format: string; compression?: string; width: number; height: number; frames: number }
  | { ok: false; reason: 'unreadable' | 'too-many-pixels' | 'undecodable' | 'failed'; width?: number; height?: number };

async function decode(bytes: Uint8Array, maxPixels: number): Promise<Decoded> {
  let meta;
  try {
    // Headers only: dimensions of a decompression bomb are read before anything is inflated.
    meta = await sharp(bytes, { animated: true, limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const frames = meta.pages ?? 1;
  const width = meta.width;
  const height = meta.pageHeight ?? meta.height;
  if (width * height > maxPixels) return { ok: false, reason: 'too-many-pixels', width, height };
  try {
    // A full decode: a truncated or corrupt file fails here, not when Astro re-encodes it.
    await sharp(bytes, { failOn: 'error', limitInputPixels: maxPixels }).stats();
  } catch {
    return { ok: false, reason: 'undecodable' };
  }
  return { ok: true, format: meta.format, compression: meta.compression, width, height, frames };
}

runAsWorker(decode);
