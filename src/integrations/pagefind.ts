/**
 * Indexes the built site with Pagefind for search without a server. Only the
 * regions marked `data-pagefind-body` are indexed (the main content of real
 * pages, not navigation, footers, lists or the 404 page). Every Pagefind answer
 * is checked; any error fails the build; the index is always closed.
 * Modelled on Starlight's integrations/pagefind.ts.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

export const PAGEFIND_DIR = 'pagefind';

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind ${step} failed:\n${response.errors.join('\n')}`);
  }
  return response;
}

export function pagefindSearch(): AstroIntegration {
  return {
    name: 'jindu:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        try {
          const { index } = check('createIndex', await createIndex({ forceLanguage: 'zh-cn' }));
          if (!index) throw new Error('Pagefind createIndex returned no index');
          const { page_count } = check('addDirectory', await index.addDirectory({ path: out }));
          check('writeFiles', await index.writeFiles({ outputPath: `${out}/${PAGEFIND_DIR}` }));
          logger.info(`搜索索引：读取 ${page_count} 个页面，只收录正文区域（${Math.round(performance.now() - started)} ms）`);
        } catch (error) {
          throw new Error('搜索索引生成失败', { cause: error });
        } finally {
          await close();
        }
      },
    },
  };
}
