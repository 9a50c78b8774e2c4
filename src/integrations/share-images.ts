/**
 * Reports how many share images this build actually drew (the rest came from
 * the cache), so a rebuild with no change can be seen to draw none.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { ogCacheDir, RENDER_LOG } from '../og/render.ts';

export function shareImagesReport(): AstroIntegration {
  const log = path.join(ogCacheDir(), RENDER_LOG);
  return {
    name: 'jindu:share-images',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') rmSync(log, { force: true });
      },
      'astro:build:done': ({ logger }) => {
        const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
        const ms = lines.reduce((sum, line) => sum + Number(line.split(' ')[2] ?? 0), 0);
        logger.info(`分享图：本次绘制 ${lines.length} 张，其余来自缓存（绘制共 ${ms} ms）`);
      },
    },
  };
}
