/**
 * What the steps of one build share, created when the build starts and passed
 * to each step: no step keeps state in its module, so a build can run twice in
 * one process and the order of the steps is written in one place (./index.ts).
 */
import type { ContentCheck } from '#/lib/gate/check-content.ts';
import { builtPages, type BuiltPage } from '#/lib/build/output-checks.ts';
import type { SiteSettings } from '#/schemas/site.ts';

export interface SiteBuild {
  settings: SiteSettings;
  /** The build day, `YYYY-MM-DD` in the site's zone. */
  today: string;
  /** The content as the gate read it (set when the gate passes). */
  check?: ContentCheck;
  /** Share images written into the output: file → cache key (which stands for its bytes). */
  shareImages: Map<string, string>;
  /**
   * Work a step starts and leaves running while the steps after it run (Pagefind indexes in its own process
   * while the output checks read the pages); publishing waits for all of it, so a failure still fails the build.
   */
  background: Promise<unknown>[];
  /** The HTML pages of the output, read once after rendering: the search index and the checks both key on them. */
  pages?: BuiltPage[];
}

/** The output's HTML pages, read on first use in this build (they do not change between the steps after rendering). */
export function pagesOf(build: SiteBuild, out: string): BuiltPage[] {
  build.pages ??= builtPages(out);
  return build.pages;
}

export function startBackground(build: SiteBuild, work: Promise<unknown>): void {
  // Reported where it is awaited; until then, a failure must not end the process as an unhandled rejection.
  work.catch(() => {});
  build.background.push(work);
}

/** Resolves when everything started with `startBackground` has finished; rejects with the first failure. */
export async function backgroundDone(build: SiteBuild): Promise<void> {
  await Promise.all(build.background.splice(0));
}

/** The gate's result: the gate runs first, so a later step that finds none is a programming error. */
export function contentOf(build: SiteBuild): ContentCheck {
  if (!build.check) throw new Error('the content gate has not run in this build');
  return build.check;
}
