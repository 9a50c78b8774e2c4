/**
 * Lets `astro build` reuse pages from the last build when nothing they can show
 * has changed (Astro's `experimental.incrementalBuild`, keyed by
 * src/lib/build/render-key.ts). Pages are still written in full into the output;
 * the checks after the build read them like any other.
 */
import path from 'node:path';
import type { HookParameters } from 'astro';
import { renderKey } from '#/lib/build/render-key.ts';
import { contentDir } from '#/lib/site/settings.ts';
import type { SiteBuild } from './site-build.ts';

/** The key of everything a page can show, defined for the pages as `import.meta.env.JINDU_RENDER_KEY`. */
export function defineRenderKey(build: SiteBuild, root: string, updateConfig: HookParameters<'astro:config:setup'>['updateConfig']): void {
  const key = renderKey({
    contentDir: contentDir(),
    code: [path.join(root, 'src'), path.join(root, 'astro.config.mjs')],
    buildDay: build.today,
    settings: build.settings,
  });
  updateConfig({ vite: { define: { 'import.meta.env.JINDU_RENDER_KEY': JSON.stringify(key) } } });
}
