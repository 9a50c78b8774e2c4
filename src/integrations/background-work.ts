/**
 * Work an `astro:build:done` hook starts and leaves running while the hooks
 * after it run: Pagefind indexes in its own process while the output checks
 * read the pages on this one. Publishing (./atomic-publish.ts) waits for all
 * of it, so a failure still fails the build and nothing unfinished goes out.
 */
const running: Promise<unknown>[] = [];

export function runInBackground(work: Promise<unknown>): void {
  // Reported where it is awaited; until then, a failure must not end the process as an unhandled rejection.
  work.catch(() => {});
  running.push(work);
}

/** Resolves when everything started with runInBackground has finished; rejects with the first failure. */
export async function backgroundWorkDone(): Promise<void> {
  await Promise.all(running.splice(0));
}
