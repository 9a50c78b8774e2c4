/**
 * The baseline: a bare Astro 7 site that renders the same news items with no
 * checks, images, search or extra pages, built in the same run so ratios, not
 * noisy absolute seconds, are compared.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeBareSite(root: string, contentDir: string, nodeModules: string): void {
  mkdirSync(path.join(root, 'src/pages/news'), { recursive: true });
  symlinkSync(nodeModules, path.join(root, 'node_modules'), 'dir');
  writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
  // Its own cache folder: node_modules is the project's, and its .astro/ would carry a data store over from an earlier run.
  writeFileSync(
    path.join(root, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ devToolbar: { enabled: false }, cacheDir: './.astro-cache' });\n",
  );
  writeFileSync(
    path.join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  news: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(path.join(contentDir, 'news'))} }), schema: z.object({ title: z.string() }).passthrough() }),
};
`,
  );
  writeFileSync(
    path.join(root, 'src/pages/news/[id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('news')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head><body><main><h1>{entry.data.title}</h1><Content /></main></body></html>
`,
  );
  writeFileSync(
    path.join(root, 'src/pages/index.astro'),
    `---
import { getCollection } from 'astro:content';
const news = await getCollection('news');
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>news</title></head><body><ul>{news.map((n) => <li><a href={\`/news/\${n.id}/\`}>{n.data.title}</a></li>)}</ul></body></html>
`,
  );
}
