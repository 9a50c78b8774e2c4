/**
 * Writes the share images after the pages are built, from the list the build
 * produced (src/pages/og/share-images.json.ts): draws only images whose inputs
 * changed, in batches (the rest come from the content-addressed cache),
 * links (or copies) every image into the output and reports how many it drew.
 * In `astro dev` a route draws them on request instead.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { linkOrCopy } from '../../lib/build-cache.ts';
import { paths } from '../../lib/urls.ts';
import { ensureDrawn } from '../../og/render.ts';
import type { ShareKind } from '../../og/templates.ts';
import type { ShareImage } from '../../queries/share.ts';

const KIND_NAMES: Record<ShareKind, string> = { card: '链接卡片', tile: '引导方图', letter: '家长信长图', poster: '宣讲海报' };

const written = new Map<string, string>();

/** The share images this build wrote: output file → cache key (which stands for its bytes). */
export function writtenShareImages(): ReadonlyMap<string, string> {
  return written;
}

export function shareImagesOutput(): AstroIntegration {
  return {
    name: 'jindu:share-images',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        // The extension in the pattern keeps trailingSlash: 'always' off these files.
        if (command === 'dev') injectRoute({ pattern: '/og/[...path].png', entrypoint: new URL('./dev-route.ts', import.meta.url), prerender: true });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const list = path.join(out, paths.shareImageList());
        const images = JSON.parse(readFileSync(list, 'utf8')) as ShareImage[];
        rmSync(list);
        const started = performance.now();
        const cached = await ensureDrawn(images);
        const drawingMs = performance.now() - started;
        const drawn = new Map<ShareKind, number>();
        images.forEach((image, i) => {
          const { file, drawn: isNew } = cached[i]!;
          if (isNew) drawn.set(image.kind, (drawn.get(image.kind) ?? 0) + 1);
          const target = path.join(out, image.path);
          mkdirSync(path.dirname(target), { recursive: true });
          linkOrCopy(file, target);
          written.set(target, path.basename(file, '.png'));
        });
        const count = [...drawn.values()].reduce((a, b) => a + b, 0);
        const kinds = [...drawn].map(([kind, n]) => `${KIND_NAMES[kind]} ${n}`).join('，');
        logger.info(`分享图：共 ${images.length} 张，本次绘制 ${count} 张${kinds ? `（${kinds}）` : ''}，其余来自缓存（绘制用时 ${Math.round(drawingMs)} ms）`);
      },
    },
  };
}
