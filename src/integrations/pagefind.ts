/**
 * Indexes the built site with Pagefind for search without a server. Only the
 * regions marked `data-pagefind-body` are indexed (the main content of real
 * pages, not navigation, footers, lists or the 404 page). Every Pagefind answer
 * is checked; any error fails the build; the index is always closed.
 * When no page changed since the last build, the index is that build's.
 * Pagefind runs in its own process, beside the steps after this one (the
 * output checks); publishing waits for it (./site-build.ts).
 * Modelled on Starlight's integrations/pagefind.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { close, createIndex, type PagefindServiceConfig } from 'pagefind';
import { digest, reuseOrProduceDir } from '#/lib/build/build-cache.ts';
import { pagesOf, startBackground, type SiteBuild } from './site-build.ts';

export const PAGEFIND_DIR = 'pagefind';

const OPTIONS: PagefindServiceConfig = { forceLanguage: 'zh-cn' };
// pagefind does not export its package.json, so read it next to its entry point.
const PAGEFIND_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }
).version;

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind ${step} failed:\n${response.errors.join('\n')}`);
  }
  return response;
}

async function indexSite(out: string): Promise<number> {
  const { index } = check('createIndex', await createIndex(OPTIONS));
  if (!index) throw new Error('Pagefind createIndex returned no index');
  const { page_count } = check('addDirectory', await index.addDirectory({ path: out }));
  check('writeFiles', await index.writeFiles({ outputPath: path.join(out, PAGEFIND_DIR) }));
  return page_count;
}

/**
 * Pagefind's service does not notice a backend that exits without answering:
 * the answer never comes, nothing else keeps the process alive, and
 * `astro build` would end with exit code 0 and nothing published.
 */
function unlessPagefindGone<T>(answer: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const gone = () => reject(new Error('Pagefind 进程没有应答就退出了'));
    process.once('beforeExit', gone);
    answer.then(resolve, reject).finally(() => process.off('beforeExit', gone));
  });
}

async function writeIndex(out: string): Promise<number> {
  try {
    return await unlessPagefindGone(indexSite(out));
  } finally {
    await close();
  }
}

/** Starts indexing the built site (or reusing the last index) and leaves it running beside the next steps. */
export function startIndexing(build: SiteBuild, out: string, cacheDir: string, logger: AstroIntegrationLogger): void {
  const started = performance.now();
  const pages = pagesOf(build, out);
  // The index depends only on the HTML pages (paths and bytes), Pagefind's version and its options.
  const key = digest(PAGEFIND_VERSION, JSON.stringify(OPTIONS), ...pages.flatMap((p) => [p.page, p.digest]));
  let indexed = 0;
  const indexing = reuseOrProduceDir(
    { cacheRoot: path.join(cacheDir, 'pagefind'), key, target: path.join(out, PAGEFIND_DIR) },
    async () => {
      indexed = await writeIndex(out);
    },
  ).then(
    (reused) => {
      const ms = Math.round(performance.now() - started);
      logger.info(
        reused
          ? `搜索索引：${pages.length} 个页面均未变，沿用上次的索引（${ms} ms）`
          : `搜索索引：读取 ${indexed} 个页面，只收录正文区域（${ms} ms，与页面检查同时进行）`,
      );
    },
    (error: unknown) => {
      throw new Error(
        '搜索索引生成失败（不是文稿的问题）：请先运行 npm ci 重新安装依赖，再生成一次；仍然失败时，请把这段信息交给技术人员',
        { cause: error },
      );
    },
  );
  startBackground(build, indexing);
}
