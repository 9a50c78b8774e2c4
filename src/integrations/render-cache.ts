/**
 * Lets `astro build` reuse pages from the last build when nothing they can show
 * has changed (Astro's `experimental.incrementalBuild`, keyed by
 * src/lib/render-key.ts). Pages are still written in full into the output;
 * the checks after the build read them like any other.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildDate } from '../lib/publishing.ts';
import { renderKey } from '../lib/render-key.ts';
import { contentDir, loadSettings } from '../lib/settings.ts';

export function renderCache(): AstroIntegration {
  return {
    name: 'jindu:render-cache',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        const settings = loadSettings();
        const key = renderKey({
          contentDir: contentDir(),
          code: [path.join(root, 'src'), path.join(root, 'astro.config.mjs')],
          buildDay: buildDate(settings.timeZone),
          settings,
        });
        updateConfig({ vite: { define: { 'import.meta.env.JINDU_RENDER_KEY': JSON.stringify(key) } } });
      },
    },
  };
}
