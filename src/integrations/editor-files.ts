/**
 * The web editor's own files (Decap CMS's prebuilt bundle, its lazy chunks and
 * WebAssembly), served from the site's origin under /admin/decap/: copied into
 * the output after a build, answered from the package in `astro dev`. The
 * chunks find each other from the bundle's URL, so they stay side by side.
 */
import { createReadStream, readdirSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import { paths } from '#/lib/site/urls.ts';

const DECAP_DIST = path.dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));

/** The bundle, its numbered chunks, its WebAssembly and its licence; not the source maps or the older `cms.js` build. */
const EDITOR_FILE = /^(?:(?:\d+\.)?decap-cms\.js|decap-cms\.js\.LICENSE\.txt|[0-9a-f]+\.wasm)$/;

const editorFiles = () => readdirSync(DECAP_DIST).filter((name) => EDITOR_FILE.test(name));

const urlDir = () => path.posix.dirname(paths.editorBundle()) + '/';

export async function writeEditorFiles(outDir: URL): Promise<number> {
  const target = new URL(urlDir().slice(1), outDir);
  await mkdir(target, { recursive: true });
  const files = editorFiles();
  await Promise.all(files.map((name) => cp(path.join(DECAP_DIST, name), new URL(name, target))));
  return files.length;
}

export function serveEditorFiles(server: ViteDevServer): void {
  const files = new Set(editorFiles());
  server.middlewares.use(urlDir(), (req, res, next) => {
    const name = (req.url ?? '').replace(/^\/+/, '').split('?')[0]!;
    if (!files.has(name)) return next();
    res.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8');
    createReadStream(path.join(DECAP_DIST, name)).pipe(res);
  });
}
