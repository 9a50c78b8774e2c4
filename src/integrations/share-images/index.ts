/**
 * Writes the share images. As the build starts, the images the content gate's
 * entries call for are drawn in a child process (./draw-ahead.ts), beside
 * content sync and page rendering. After the pages, the list the build itself
 * produced (src/pages/og/share-images.json.ts) is what counts: any image the
 * child did not draw is drawn then, every image is linked (or copied) into
 * the output, and the log says how many were drawn and when. Only images
 * whose inputs changed are drawn; the rest come from the content-addressed
 * cache. In `astro dev` a route draws them on request instead.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger, HookParameters } from 'astro';
import { linkOrCopy } from '#/lib/build/build-cache.ts';
import { paths } from '#/lib/site/urls.ts';
import { cacheFile, missingImages, ogCacheDir } from '#/og/render.ts';
import { shareImagesOf, sourcesFromGate, type ShareImage } from '#/og/share-list.ts';
import type { ShareKind } from '#/og/templates.ts';
import { contentOf, type SiteBuild } from '#/integrations/site-build.ts';
import { drawAhead, type DrawingAhead } from './draw-ahead.ts';

const KIND_NAMES: Record<ShareKind, string> = { card: '链接卡片', tile: '引导方图', letter: '家长信长图', poster: '宣讲海报' };

/**
 * As the build starts: the images the gate's entries call for, drawn in a child
 * process beside content sync and rendering (SITE_DRAW_AHEAD=0 leaves every image
 * to be drawn after the pages, for debugging the drawing).
 */
export function startDrawing(build: SiteBuild): DrawingAhead | undefined {
  if (process.env.SITE_DRAW_AHEAD === '0') return undefined;
  return drawAhead(shareImagesOf(sourcesFromGate(contentOf(build).entries), build.settings, build.today));
}

/** In `astro dev`: a route that draws each image on request. */
export function serveShareImages(injectRoute: HookParameters<'astro:config:setup'>['injectRoute']): void {
  // The extension in the pattern keeps trailingSlash: 'always' off these files.
  injectRoute({ pattern: '/og/[...path].png', entrypoint: new URL('./dev-route.ts', import.meta.url), prerender: true });
}

/** After the pages: every image the build's own list names, drawn if the early process did not, linked into the output. */
export async function writeShareImages(
  build: SiteBuild,
  ahead: DrawingAhead | undefined,
  out: string,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const list = path.join(out, paths.shareImageList());
  const images = JSON.parse(readFileSync(list, 'utf8')) as ShareImage[];
  rmSync(list);
  const started = performance.now();
  const early = (await ahead?.finished()) ?? { files: new Set<string>() };
  if (early.failure) logger.warn(`分享图未能提前绘制（${early.failure}），改为现在绘制`);
  const waitedMs = performance.now() - started;
  // The list that counts is the build's own. What the early process missed is drawn now, in a process as
  // well: the drawing code is not loaded in this one (and Vite's module runner has closed by now).
  const missing = new Set(missingImages(images));
  const { failure } = await drawAhead([...missing]).finished();
  if (failure) throw new Error(`分享图绘制失败：${failure}`);
  const drawingMs = performance.now() - started;
  const drawn = new Map<ShareKind, number>();
  let late = 0;
  // A few folders hold every image: one mkdir per image took 0.3 s at 1,000 items.
  for (const folder of new Set(images.map((image) => path.dirname(path.join(out, image.path))))) mkdirSync(folder, { recursive: true });
  const cacheDir = ogCacheDir();
  for (const image of images) {
    const file = cacheFile(image, cacheDir);
    const isNew = missing.has(image);
    if (isNew) late++;
    if (isNew || early.files.has(file)) drawn.set(image.kind, (drawn.get(image.kind) ?? 0) + 1);
    const target = path.join(out, image.path);
    linkOrCopy(file, target);
    build.shareImages.set(target, path.basename(file, '.png'));
  }
  const count = [...drawn.values()].reduce((a, b) => a + b, 0);
  const kinds = [...drawn].map(([kind, n]) => `${KIND_NAMES[kind]} ${n}`).join('，');
  logger.info(
    `分享图：共 ${images.length} 张，本次绘制 ${count} 张${kinds ? `（${kinds}）` : ''}，其余来自缓存；` +
      `页面生成后补绘 ${late} 张（等待提前绘制 ${Math.round(waitedMs)} ms，绘制用时 ${Math.round(drawingMs)} ms）`,
  );
}
