/**
 * The shipped nginx configuration, for real: Debian's nginx serves the built
 * site on 127.0.0.1 and every kind of response carries the security headers
 * (nginx drops inherited add_header lines in a location with its own, the
 * classic way to lose them) and the right cache lifetime.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_CONTROL, SECURITY_HEADERS, renderHeadersFile } from '../../src/lib/security-headers.ts';
import { ROOT, SITES } from './sites.ts';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const work = mkdtempSync(path.join(tmpdir(), 'nginx-'));
let nginx: ChildProcess;
let base = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}: apt-get install nginx-light (.ci/run does)`);
  const root = path.join(work, 'www');
  cpSync(SITES.main.outDir, root, { recursive: true });
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
  server {
    listen 127.0.0.1:${port};
    root ${root};
    include snippets/jindu-site.conf;
  }
}
`,
  );
  nginx = spawn(NGINX, ['-p', work, '-c', path.join(conf, 'nginx.conf')], { stdio: 'inherit' });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(base);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nginx did not start: ${readFileSync(path.join(work, 'error.log'), 'utf8')}`);
});

afterAll(() => {
  nginx?.kill();
  rmSync(work, { recursive: true, force: true });
});

const css = () => readdirSync(path.join(SITES.main.outDir, '_astro')).find((f) => f.endsWith('.css'))!;

describe('nginx serving the built site', () => {
  const cases = [
    { what: 'a page', url: () => '/news/', status: 200, cache: CACHE_CONTROL.pages },
    { what: 'a hashed asset', url: () => `/_astro/${css()}`, status: 200, cache: CACHE_CONTROL.hashedAssets },
    { what: 'the 404 page', url: () => '/no-such-page/', status: 404, cache: CACHE_CONTROL.pages },
    { what: 'the search index', url: () => '/pagefind/pagefind.js', status: 200, cache: CACHE_CONTROL.searchIndex },
  ];

  it.each(cases)('sends the security headers and cache lifetime on $what', async ({ url, status, cache }) => {
    const response = await fetch(base + url());
    expect(response.status).toBe(status);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get('cache-control')).toBe(cache);
    // Plain HTTP: no HSTS (it would pin a test host to HTTPS).
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('serves the 404 page for a missing address', async () => {
    const body = await (await fetch(`${base}/no-such-page/`)).text();
    expect(body).toContain('找不到这个页面');
  });
});

it('ships a _headers file with the same headers, HSTS included', () => {
  const file = readFileSync(path.join(SITES.main.outDir, '_headers'), 'utf8');
  expect(file).toBe(renderHeadersFile());
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(file).toContain(`${name}: ${value}`);
  expect(file).toContain('Strict-Transport-Security: max-age=31536000; includeSubDomains');
});
