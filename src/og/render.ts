/**
 * Draws share images (satori → SVG → sharp → PNG) behind a content-addressed
 * cache: an image is drawn again only when what it shows, the template version
 * or the font changes. The same inputs always give the same bytes.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import type { OgElement } from './element.ts';
import { ogFonts } from './fonts.ts';

/** Bump when a template's look changes, so cached images are redrawn. */
export const TEMPLATE_VERSION = 1;

export interface Drawing {
  element: OgElement;
  width: number;
  /** Omitted for images as tall as their content (the long letter image). */
  height?: number;
}

/** Where drawn images are kept between builds (inside Astro's cache folder). */
export function ogCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.SITE_CACHE_DIR || 'node_modules/.astro', 'og');
}

/** One line per image actually drawn in this build; the share-images integration reads it. */
export const RENDER_LOG = 'drawn.log';

export function cacheKey(kind: string, inputs: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ kind, inputs, template: TEMPLATE_VERSION, font: ogFonts().version }))
    .digest('hex');
}

export async function drawPng(drawing: Drawing): Promise<Buffer> {
  const svg = await satori(drawing.element as never, {
    width: drawing.width,
    ...(drawing.height ? { height: drawing.height } : {}),
    fonts: ogFonts().fonts,
  });
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9, adaptiveFiltering: false }).toBuffer();
}

/** The PNG for `inputs`, from the cache when nothing it shows has changed. */
export async function cachedPng(kind: string, inputs: unknown, draw: () => Drawing, cacheDir = ogCacheDir()): Promise<Buffer> {
  const key = cacheKey(kind, inputs);
  const file = path.join(cacheDir, `${key}.png`);
  if (existsSync(file)) return readFileSync(file);
  const started = performance.now();
  const png = await drawPng(draw());
  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, png);
  renameSync(temporary, file);
  appendFileSync(path.join(cacheDir, RENDER_LOG), `${kind} ${key} ${Math.round(performance.now() - started)}\n`);
  return png;
}
