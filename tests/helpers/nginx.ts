/**
 * Debian's nginx on 127.0.0.1 serving a folder with the shipped snippets
 * (scripts/deploy/nginx/), as docs/deploy.md tells the technician to set it up.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT } from './sites.ts';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts nginx with `root` as its root (its files under `work`); resolves once it answers. */
export async function startNginx(root: string, work: string, gitOrigin = ''): Promise<{ base: string; stop: () => void }> {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}: apt-get install nginx-light (.ci/run does)`);
  const conf = path.join(work, 'conf');
  mkdirSync(path.join(conf, 'snippets'), { recursive: true });
  for (const file of readdirSync(path.join(ROOT, 'scripts/deploy/nginx'))) {
    cpSync(path.join(ROOT, 'scripts/deploy/nginx', file), path.join(conf, 'snippets', file));
  }
  const port = await freePort();
  writeFileSync(
    path.join(conf, 'nginx.conf'),
    `daemon off;
master_process off;
pid ${work}/nginx.pid;
error_log ${work}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  map $scheme $jindu_hsts { https "max-age=31536000; includeSubDomains"; default ""; }
  map $host $jindu_git_origin { default "${gitOrigin}"; }
  server {
    listen 127.0.0.1:${port};
    root ${root};
    include snippets/jindu-site.conf;
  }
}
`,
  );
  const nginx = spawn(NGINX, ['-p', work, '-c', path.join(conf, 'nginx.conf')], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(base);
      return { base, stop: () => nginx.kill() };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  nginx.kill();
  throw new Error(`nginx did not start: ${readFileSync(path.join(work, 'error.log'), 'utf8')}`);
}
