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

export interface DrawingAhead {
  /** Waits for the worker to finish, keeping the process alive meanwhile. */
  finished(): Promise<DrawnAhead>;
}

export function drawAhead(images: readonly ShareImage[], cacheDir = ogCacheDir()): DrawingAhead {
  const missing = missingImages(images, cacheDir);
  if (missing.length === 0) return { finished: async () => ({ files: new Set() }) };
  const worker = new Worker(new URL('./draw-worker.ts', import.meta.url), { workerData: { images: missing, cacheDir } });
  // Until something waits for it, the worker must not keep a failed build's process from exiting.
  worker.unref();
  const done = new Promise<DrawnAhead>((resolve) => {
    let files = new Set<string>();
    worker.once('message', (drawn: string[]) => (files = new Set(drawn)));
    worker.once('error', (error) => resolve({ files, failure: error.message }));
    worker.once('exit', () => resolve({ files }));
  });
  return {
    finished() {
      // Otherwise a process with nothing else to do would exit while the worker still draws.
      worker.ref();
      return done;
    },
  };
}
