/** Draws share images on a worker thread (./draw-ahead.ts) and reports the files it drew. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ShareImage } from '../../og/share-list.ts';
import { ensureDrawn } from '../../og/render.ts';

const { images, cacheDir } = workerData as { images: ShareImage[]; cacheDir: string };
const cached = await ensureDrawn(images, cacheDir);
parentPort!.postMessage(cached.filter((c) => c.drawn).map((c) => c.file));
