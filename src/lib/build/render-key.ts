/**
 * The key under which Astro's incremental build (`experimental.incrementalBuild`)
 * may reuse a page rendered by an earlier build. Astro itself notices changed
 * page code, config and dependencies; this key stands for everything else a
 * page can show: every file in the content folder (site.yaml, photos and the
 * logo included), the settings as resolved (environment overrides included),
 * the build day (scheduled items, upcoming lectures) and our own source, which
 * also shapes pages from outside their module graph (Markdown plugins, config).
 *
 * It is one key for every page, on purpose: any edit renders every page again,
 * so no page can be reused because its key forgot one of its inputs.
 */
import { digest, sourceDigest } from './build-cache.ts';

export interface RenderInputs {
  contentDir: string;
  /** Source folders and files (src/, astro.config.mjs). */
  code: readonly string[];
  buildDay: string;
  settings: unknown;
}

export function renderKey({ contentDir, code, buildDay, settings }: RenderInputs): string {
  return digest(sourceDigest([contentDir]), sourceDigest(code), buildDay, JSON.stringify(settings));
}

/** Set at build time by the render-cache integration; absent elsewhere, so pages are then always rendered. */
const KEY: string | undefined = import.meta.env.JINDU_RENDER_KEY;

/** Adds the render key to the paths a `getStaticPaths()` returns. */
export function withRenderKey<T extends object>(paths: readonly T[]): (T & { cacheKey?: string })[] {
  return KEY === undefined ? [...paths] : paths.map((p) => ({ ...p, cacheKey: KEY }));
}
