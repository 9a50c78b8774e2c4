/**
 * `npm run editor`: the web editor on a staff PC, for preview. Starts Decap's
 * local server on this checkout (127.0.0.1 only: it has no login of its own)
 * and the site's dev server, then prints the address of /admin/. A saved change
 * is committed to a `cms/<type>/<file>` branch of this checkout and merged into
 * the site's branch on 发布 (the editorial workflow, as on the office's GitLab);
 * with a Gitea in site.yaml it is committed to the site's branch directly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LOCAL_EDITOR_PORT } from '#/lib/content/editor-config.ts';
import { paths } from '#/lib/site/urls.ts';

const DECAP_SERVER = createRequire(import.meta.url).resolve('decap-server/dist/index.js');

/** Decap's local server on `repo` (a Git checkout), bound to 127.0.0.1; resolves once it answers. */
export function startEditorServer(repo: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, [DECAP_SERVER], {
    env: {
      ...process.env,
      MODE: 'git',
      GIT_REPO_DIRECTORY: repo,
      BIND_HOST: '127.0.0.1',
      PORT: String(LOCAL_EDITOR_PORT),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`编辑服务没有启动（退出码 ${code}）：端口 ${LOCAL_EDITOR_PORT} 可能已被占用`)));
    // Ready when it answers for this checkout (another editor server on the port answers for its own).
    const poll = async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${LOCAL_EDITOR_PORT}/api/v1`, {
          method: 'POST',
          body: '{"action":"info"}',
          headers: { 'content-type': 'application/json' },
        });
        if (((await response.json()) as { repo?: string }).repo === path.basename(repo)) {
          server.removeAllListeners('exit');
          resolve(server);
          return;
        }
      } catch {
        // Not listening yet.
      }
      setTimeout(() => void poll(), 100);
    };
    void poll();
  });
}

if (import.meta.main) {
  const root = path.resolve('.');
  const editor = await startEditorServer(root);
  const dev = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1'], {
    stdio: 'inherit',
  });
  console.log(`网页编辑器（本机预览）：http://127.0.0.1:4321${paths.admin()}  按 Ctrl+C 结束`);
  const stop = () => {
    editor.kill();
    dev.kill();
  };
  process.on('SIGINT', stop);
  dev.on('exit', stop);
}
