/** Draws share images in a child process (./draw-ahead.ts) and reports the files it drew. */
import type { ShareImage } from '#/og/share-list.ts';
import { ensureDrawn } from '#/og/render.ts';

// If the build goes away (it failed), stop rather than draw for no one.
process.on('disconnect', () => process.exit(0));
// A rejection is left unhandled on purpose: the process exits with the error on stderr, which draw-ahead.ts reports.
// eslint-disable-next-line @typescript-eslint/no-misused-promises
process.once('message', async ({ images, cacheDir }: { images: ShareImage[]; cacheDir: string }) => {
  const cached = await ensureDrawn(images, cacheDir);
  process.send!(
    cached.filter((c) => c.drawn).map((c) => c.file),
    () => process.disconnect(),
  );
});
