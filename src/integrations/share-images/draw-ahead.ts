/**
 * Draws share images in a child process while the build goes on. The list
 * comes from the content gate, before any page renders, so the drawing runs
 * beside content sync and rendering instead of after them. Whatever it missed
 * is drawn after the pages by a second such process: the build process never
 * loads the drawing code. A process rather than a worker thread: with the CJK
 * fonts loaded, drawing needs about 600 MB, which on top of a 5,000-item
 * build's 1.2 GB came close to 2 GB in one process.
 */
import { fork } from 'node:child_process';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ShareImage } from '#/og/share-list.ts';
import { missingImages, ogCacheDir } from '#/og/render.ts';

export interface DrawnAhead {
  /** Cache files the process drew. */
  files: ReadonlySet<string>;
  /** Why it stopped early, if it did (the build then draws what is missing itself). */
  failure?: string;
}

export interface DrawingAhead {
  /** Waits for the drawing to finish, keeping this process alive meanwhile. */
  finished(): Promise<DrawnAhead>;
}

export function drawAhead(images: readonly ShareImage[], cacheDir = ogCacheDir()): DrawingAhead {
  const missing = missingImages(images, cacheDir);
  if (missing.length === 0) return { finished: async () => ({ files: new Set() }) };
  const child = fork(fileURLToPath(new URL('./draw-process.ts', import.meta.url)), { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<DrawnAhead>((resolve) => {
    let files = new Set<string>();
    child.once('message', (drawn: string[]) => (files = new Set(drawn)));
    child.once('error', (error) => resolve({ files, failure: error.message }));
    child.once('close', (code) =>
      resolve(code === 0 ? { files } : { files, failure: stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${code}` }),
    );
  });
  child.send({ images: missing, cacheDir });
  // Until something waits for it, the drawing must not keep a failed build's process from exiting.
  child.unref();
  child.channel?.unref();
  (child.stderr as Socket).unref();
  return {
    finished() {
      // Otherwise a process with nothing else to do would exit while the drawing goes on.
      child.ref();
      child.channel?.ref();
      return done;
    },
  };
}
