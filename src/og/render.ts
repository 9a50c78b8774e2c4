/**
 * Draws share images (src/og/compose.ts) behind a content-addressed cache: an
 * image is drawn again only when what it shows, the template version or the
 * font changes. The same inputs always give the same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ogFonts } from './fonts.ts';
import { drawingOf, type ShareDrawing } from './templates.ts';

/** Bump when a template's look or the encoding changes, so cached images are redrawn (3: palette PNGs; 4: titles broken between words; 5: QR codes as one path, the reply slip on the letter image; 6: long card titles set smaller before they are cut). */
export const TEMPLATE_VERSION = 6;

/** Where drawn images are kept between builds (inside Astro's cache folder). */
export function ogCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.SITE_CACHE_DIR || 'node_modules/.astro', 'og');
}

/** Where an image's PNG is kept: named by the hash of everything that decides its bytes. */
export function cacheFile({ kind, inputs }: ShareDrawing, cacheDir: string): string {
  const key = createHash('sha256')
    .update(JSON.stringify({ kind, inputs, template: TEMPLATE_VERSION, font: ogFonts().version }))
    .digest('hex');
  return path.join(cacheDir, `${key}.png`);
}

/** The images whose PNG is not in the cache yet. */
export function missingImages<T extends ShareDrawing>(images: readonly T[], cacheDir = ogCacheDir()): T[] {
  return images.filter((image) => !existsSync(cacheFile(image, cacheDir)));
}

export interface CachedImage {
  /** The PNG in the cache folder. */
  file: string;
  /** Whether it was drawn now rather than found in the cache. */
  drawn: boolean;
}

/**
 * Images drawn together: their text is rasterised together (many runs to a
 * sheet), and while one batch's files are written the next is laid out.
 */
const BATCH = 48;

/** Makes sure the PNG of each image is in the cache, drawing only those whose inputs are new. */
export async function ensureDrawn(images: readonly ShareDrawing[], cacheDir = ogCacheDir()): Promise<CachedImage[]> {
  const cached = images.map((image) => {
    const file = cacheFile(image, cacheDir);
    return { image, file, drawn: !existsSync(file) };
  });
  const missing = [...new Map(cached.filter((c) => c.drawn).map((c) => [c.file, c])).values()];
  const result = cached.map(({ file, drawn }) => ({ file, drawn }));
  if (missing.length === 0) return result;
  mkdirSync(cacheDir, { recursive: true });
  // Loaded only to draw: satori, fontkit and the fonts cost the build process 0.3 s and 40 MB at start-up.
  const { boldWidth, drawPngs } = await import('./compose.ts');
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    const pngs = drawPngs(batch.map((c) => drawingOf(c.image, boldWidth)));
    await writing;
    writing = pngs.then((buffers) =>
      buffers.forEach((png, n) => {
        const { file } = batch[n]!;
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, png);
        renameSync(temporary, file);
      }),
    );
  }
  await writing;
  return result;
}

export async function cachedPng(image: ShareDrawing, cacheDir = ogCacheDir()): Promise<Buffer> {
  const [{ file }] = (await ensureDrawn([image], cacheDir)) as [CachedImage];
  return readFileSync(file);
}
