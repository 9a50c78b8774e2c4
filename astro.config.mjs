// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { jinduSite } from './src/integrations/index.ts';
import { SCRIPT_HASHES, SCRIPT_SOURCES } from './src/lib/build/security-headers.ts';
import { cspHash } from './src/lib/core/csp.ts';
import { themeCss } from './src/lib/site/theme.ts';
import { sitePresentation } from './src/lib/content/markdown-plugins.ts';

// Made before the settings are read: if site.yaml is wrong, the config fails to load, and the build report must still say why.
const jindu = jinduSite();
const { site } = await import('./src/site.ts');

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  // Four pages at a time, so page writes overlap: rendering 1,418 pages took 3.7 s one at a time, 2.3 s four at a time (npm run bench).
  build: { format: 'directory', concurrency: 4 },
  // Another city's site (or a test fixture) builds into its own folder and cache.
  outDir: process.env.SITE_OUT_DIR || './dist',
  cacheDir: process.env.SITE_CACHE_DIR || './node_modules/.astro',
  // Files served as they are; a test points this at a folder holding a photo with metadata.
  publicDir: process.env.SITE_PUBLIC_DIR || './public',
  devToolbar: { enabled: false },
  // A rebuild reuses the pages whose inputs did not change (src/lib/build/render-key.ts says which inputs).
  experimental: { incrementalBuild: true },
  // Staff write prose, not code: no syntax highlighter (Shiki's inline styles would also break the CSP).
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [sitePresentation] }) },
  image: { layout: 'constrained', breakpoints: [480, 800, 1200, 1600] },
  // The site's own steps, in their order, are one integration (src/integrations/index.ts).
  integrations: [jindu, mdx()],
  // Page scripts stay files (Astro would inline a small one, allowed only by a hash that changes with its code):
  // the header policy (src/lib/build/security-headers.ts) is fixed, and allows the site's own files and no inline script
  // but elder mode. Other assets keep Vite's default (undefined).
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  security: {
    csp: {
      // The same script sources as the header policy (src/lib/build/security-headers.ts says why each is there).
      scriptDirective: { hashes: [...SCRIPT_HASHES], resources: [...SCRIPT_SOURCES] },
      // The city's colours come from site.yaml as one inline style.
      styleDirective: { hashes: [cspHash(themeCss(site.theme))] },
    },
  },
});
