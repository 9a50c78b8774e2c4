/**
 * Draws share images on a worker thread while the build goes on. The list
 * comes from the content gate, before any page renders, so the drawing runs
 * beside content sync, rendering and the checks instead of after them.
 */
import { Worker } from 'node:worker_threads';
import type { ShareImage } from '../../og/share-list.ts';
import { missingImages, ogCacheDir } from '../../og/render.ts';

export interface DrawnAhead {
  /** Cache files the worker drew. */
  files: ReadonlySet<string>;
  /** Why the worker stopped early, if it did (the build then draws what is missing itself). */
  failure?: string;
}

export function drawAhead(images: readonly ShareImage[], cacheDir = ogCacheDir()): Promise<DrawnAhead> {
  const missing = missingImages(images, cacheDir);
  if (missing.length === 0) return Promise.resolve({ files: new Set() });
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./draw-worker.ts', import.meta.url), { workerData: { images: missing, cacheDir } });
    // A build that fails before its end must not wait for the drawing.
    worker.unref();
    let files = new Set<string>();
    worker.once('message', (drawn: string[]) => (files = new Set(drawn)));
    worker.once('error', (error) => resolve({ files, failure: error.message }));
    worker.once('exit', () => resolve({ files }));
  });
}
