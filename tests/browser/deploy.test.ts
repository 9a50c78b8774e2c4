/**
 * Deploying and rolling back under load, behind the shipped nginx
 * configuration with its root at <target>/current: the real site is release A;
 * release B is a copy with a changed page and a changed hashed stylesheet that
 * every page references (as a content edit and a style change make). Several
 * clients request pages and every file each page references while B is
 * deployed (through ssh, tests/helpers/fake-ssh.sh) and then rolled back: no
 * request may fail, every page must be A's or B's bytes, and after the
 * rollback nginx serves exactly A.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stampPathFor } from '#/lib/build/build-stamp.ts';
import { carriedBy, FAKE_SSH, liveRelease, run, treeOf } from '../helpers/deploy.ts';
import { startNginx } from '../helpers/nginx.ts';
import { builtPages, SITES } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'deploy-nginx-'));
const target = path.join(work, 'srv/jindu');
const siteA = SITES.main.outDir;
const siteB = path.join(work, 'b/dist');
let nginx: { base: string; stop: () => void };
let stylesheets: ReturnType<typeof makeB>;

/** The changed page, and what B says on it. */
const CHANGED_PAGE = '/news/';
const MARK = '<p>（已更新）</p>';

/** B: A with one page changed and its stylesheet under a new hashed name, referenced by every page instead. */
function makeB(): { css: string; renamed: string } {
  cpSync(siteA, siteB, { recursive: true });
  cpSync(stampPathFor(siteA), stampPathFor(siteB));
  const css = readdirSync(path.join(siteB, '_astro')).find((name) => name.endsWith('.css'))!;
  const renamed = css.replace(/\.([\w-]+)\.css$/, '.B1b2B3b4.css');
  writeFileSync(path.join(siteB, '_astro', renamed), `${readFileSync(path.join(siteB, '_astro', css), 'utf8')}\n/* B */\n`);
  rmSync(path.join(siteB, '_astro', css));
  for (const page of builtPages(SITES.main)) {
    const file = fileOf(siteB, page);
    let html = readFileSync(file, 'utf8').replaceAll(`/_astro/${css}`, `/_astro/${renamed}`);
    if (page === CHANGED_PAGE) html = html.replace('</main>', `${MARK}</main>`);
    writeFileSync(file, html);
  }
  return { css: `/_astro/${css}`, renamed: `/_astro/${renamed}` };
}

const fileOf = (root: string, urlPath: string) => path.join(root, decodeURIComponent(urlPath), urlPath.endsWith('/') ? 'index.html' : '');

/** The files a page asks for as it loads (stylesheets, scripts, images, icons), by URL path. */
function assetsOf(html: string): string[] {
  const found = new Set<string>();
  for (const [, value] of html.matchAll(/\s(?:href|src)="(\/[^"/][^"]*)"/g)) found.add(value!);
  for (const [, value] of html.matchAll(/\ssrcset="([^"]*)"/g)) {
    for (const candidate of value!.split(',')) found.add(candidate.trim().split(/\s+/)[0]!);
  }
  return [...found]
    .map((url) => url.split(/[?#]/)[0]!)
    .filter((url) => url.startsWith('/') && !url.endsWith('/') && !url.endsWith('.html'));
}

interface Loaded {
  page: string;
  versions: Buffer[];
  assets: { url: string; versions: Buffer[] }[];
}

/** Each page's bytes in A and B, and the files it references that either release has. */
function loadPages(): Loaded[] {
  const read = (root: string, url: string) => (existsSync(fileOf(root, url)) ? [readFileSync(fileOf(root, url))] : []);
  return builtPages(SITES.main)
    .filter((page) => page !== '/404.html')
    .map((page) => {
      const versions = [...read(siteA, page), ...read(siteB, page)];
      const urls = new Set(versions.flatMap((html) => assetsOf(html.toString('utf8'))));
      const assets = [...urls]
        .map((url) => ({ url, versions: [...read(siteA, url), ...read(siteB, url)] }))
        .filter((a) => a.versions.length);
      return { page, versions, assets };
    });
}

beforeAll(async () => {
  stylesheets = makeB();
  const result = await run('deploy', { SITE_OUT_DIR: siteA, DEPLOY_TARGET: target });
  if (result.status !== 0) throw new Error(`deploying A failed: ${result.stderr}`);
  console.log(`first deploy of the Qionghai site: ${result.stdout.trim().split('\n').at(-1)}`);
  nginx = await startNginx(path.join(target, 'current'), work);
});

afterAll(() => {
  nginx?.stop();
  rmSync(work, { recursive: true, force: true });
});

it('serves every request while B is deployed and rolled back, each page whole from one release, and then exactly A', async () => {
  const pages = loadPages();
  const changed = pages.find((p) => p.page === CHANGED_PAGE)!;
  expect(changed.versions).toHaveLength(2);
  // A's stylesheet is not in B, B's is not in A.
  for (const url of [stylesheets.css, stylesheets.renamed]) expect(changed.assets.find((a) => a.url === url)?.versions).toHaveLength(1);

  const failures: string[] = [];
  const seen = { a: 0, b: 0 };
  let requests = 0;
  let stopping = false;
  const get = async (url: string, versions: Buffer[]) => {
    requests++;
    try {
      const response = await fetch(nginx.base + url);
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) failures.push(`${url}: ${response.status}`);
      else if (!versions.some((v) => v.equals(body))) failures.push(`${url}: bytes of neither release`);
      return body;
    } catch (error) {
      failures.push(`${url}: ${String(error)}`);
      return undefined;
    }
  };
  // Bounded: the clients stop a thousand requests after the rollback.
  const client = async (offset: number) => {
    for (let i = offset; !stopping; i += 7) {
      const { page, versions, assets } = i % 3 === 0 ? changed : pages[i % pages.length]!;
      const body = await get(page, versions);
      if (page === CHANGED_PAGE && body) seen[body.equals(changed.versions[0]!) ? 'a' : 'b']++;
      // The files this version of the page references: all must be found, whichever release is live by then.
      const html = body?.toString('utf8') ?? '';
      await Promise.all(assets.filter((a) => html.includes(`${a.url}"`) || html.includes(`${a.url} `)).map((a) => get(a.url, a.versions)));
    }
  };
  const until = async (count: number) => {
    while (requests < count) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  const clients = Array.from({ length: 8 }, (_, i) => client(i));
  await until(1000);
  const before = requests;
  const deployB = await run('deploy', {
    SITE_OUT_DIR: siteB,
    DEPLOY_TARGET: `deploy@web.example:${target}`,
    DEPLOY_SSH: `${FAKE_SSH} -o BatchMode=yes`,
  });
  expect(deployB.stderr).toBe('');
  expect(deployB.status).toBe(0);
  await until(requests + 1000);
  const rolledBack = await run('rollback', { DEPLOY_TARGET: target });
  expect(rolledBack.status).toBe(0);
  const during = requests - before;
  await until(requests + 1000);
  stopping = true;
  await Promise.all(clients);
  console.log(
    `re-deploy with one page and one stylesheet changed: ${deployB.stdout.trim().split('\n').at(-1)}\n` +
      `requests served: ${requests} in all, ${during} from the start of B's deploy to the end of the rollback; failures: ${failures.length}`,
  );
  expect(failures).toEqual([]);
  // The switch really happened under load: both versions of the changed page were served.
  expect(seen.a).toBeGreaterThan(0);
  expect(seen.b).toBeGreaterThan(0);

  // After the rollback, nginx serves A's bytes for every file A has, and A's release folder is A (less what it carries from B).
  const live = liveRelease(target);
  expect(treeOf(path.join(target, 'releases', live), carriedBy(target, live))).toEqual(treeOf(siteA));
  const differing: string[] = [];
  for (const file of treeOf(siteA).keys()) {
    const bytes = readFileSync(path.join(siteA, file));
    const response = await fetch(`${nginx.base}/${file.split(path.sep).map(encodeURIComponent).join('/')}`);
    const expected = file === '404.html' ? 404 : 200;
    if (response.status !== expected || !bytes.equals(Buffer.from(await response.arrayBuffer()))) differing.push(file);
  }
  expect(differing).toEqual([]);
}, 300_000);

it('follows the current link but no link inside a release', async () => {
  symlinkSync('/etc/passwd', path.join(target, 'current', 'linked.txt'));
  const response = await fetch(`${nginx.base}/linked.txt`);
  expect(response.status).toBe(404);
  expect(await response.text()).not.toContain('root:');
  expect((await fetch(`${nginx.base}/rss.xml`)).status).toBe(200);
});
