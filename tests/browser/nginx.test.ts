/**
 * The shipped nginx configuration, for real: Debian's nginx serves the built
 * site on 127.0.0.1 and every kind of response carries the security headers
 * (nginx drops inherited add_header lines in a location with its own, the
 * classic way to lose them) and the right cache lifetime: pages the page
 * policy, everything else a policy that runs nothing, in a sandbox. Chromium
 * then checks that the header policy breaks nothing and stops hostile files.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  ASSET_HEADERS,
  CACHE_CONTROL,
  PAGE_HEADERS,
  SEARCH_WORKER_CSP,
  SEARCH_WORKER_PATH,
  renderHeadersFile,
  editorCsp,
} from '#/lib/build/security-headers.ts';
import { paths } from '#/lib/site/urls.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startNginx } from '../helpers/nginx.ts';
import { SITES } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'nginx-'));
let stop: () => void;
let base = '';

/** An SVG that runs script if nothing stops it: it would write "ran" into its title. */
const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" onload="document.title='ran'"><title>idle</title>
<script>document.title = 'ran';</script><rect width="10" height="10"/></svg>`;
/** XML whose root is XHTML: a browser runs its script when the file is opened, whatever its name. */
const HOSTILE_XML = `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>idle</title>
<script>document.title = 'ran';</script></head></html>`;

/** Files as an image pipeline or public/ could ship them: under /_astro/ and at the root. */
function plantHostileFiles(root: string): void {
  writeFileSync(path.join(root, '_astro', 'hostile.svg'), HOSTILE_SVG);
  writeFileSync(path.join(root, 'hostile.svg'), HOSTILE_SVG);
  writeFileSync(path.join(root, 'hostile.xml'), HOSTILE_XML);
  cpSync(path.join(root, 'og/home/card.png'), path.join(root, '_astro', 'card.png'));
}

beforeAll(async () => {
  const root = path.join(work, 'www');
  cpSync(SITES.main.outDir, root, { recursive: true });
  plantHostileFiles(root);
  ({ base, stop } = await startNginx(root, work, GIT_ORIGIN));
});

afterAll(() => {
  stop?.();
  rmSync(work, { recursive: true, force: true });
});

const astroFile = (ext: string) => `/_astro/${readdirSync(path.join(SITES.main.outDir, '_astro')).find((f) => f.endsWith(ext))!}`;
const campaign = () => readdirSync(path.join(SITES.main.outDir, 'campaigns')).find((f) => !f.includes('.'))!;
const WORKER_HEADERS = { ...PAGE_HEADERS, 'Content-Security-Policy': SEARCH_WORKER_CSP };
/** The Git host the test server's editor page may reach (nginx's $jindu_git_origin). */
const GIT_ORIGIN = 'https://git.example.test';
const EDITOR_HEADERS = { ...PAGE_HEADERS, 'Content-Security-Policy': editorCsp(GIT_ORIGIN) };

describe('nginx serving the built site', () => {
  const { pages, hashedAssets, searchIndex } = CACHE_CONTROL;
  const cases = [
    { what: 'the home page', url: () => '/', status: 200, cache: pages, headers: PAGE_HEADERS },
    { what: 'a page', url: () => '/news/', status: 200, cache: pages, headers: PAGE_HEADERS },
    { what: 'a page asked for by file', url: () => '/news/index.html', status: 200, cache: pages, headers: PAGE_HEADERS },
    { what: 'the 404 page', url: () => '/no-such-page/', status: 404, cache: pages, headers: PAGE_HEADERS },
    { what: 'a missing asset', url: () => '/_astro/no-such.svg', status: 404, cache: pages, headers: PAGE_HEADERS },
    { what: 'a hashed stylesheet', url: () => astroFile('.css'), status: 200, cache: hashedAssets, headers: ASSET_HEADERS },
    { what: 'a hashed script', url: () => astroFile('.js'), status: 200, cache: hashedAssets, headers: ASSET_HEADERS },
    { what: 'a hashed photo', url: () => astroFile('.webp'), status: 200, cache: hashedAssets, headers: ASSET_HEADERS },
    { what: 'an SVG under /_astro/', url: () => '/_astro/hostile.svg', status: 200, cache: hashedAssets, headers: ASSET_HEADERS },
    { what: 'a PNG under /_astro/', url: () => '/_astro/card.png', status: 200, cache: hashedAssets, headers: ASSET_HEADERS },
    { what: 'the icon drawn from the theme', url: () => '/favicon.svg', status: 200, cache: pages, headers: ASSET_HEADERS },
    { what: 'a share image', url: () => '/og/home/card.png', status: 200, cache: pages, headers: ASSET_HEADERS },
    { what: 'the feed', url: () => '/rss.xml', status: 200, cache: pages, headers: ASSET_HEADERS },
    { what: 'the sitemap', url: () => '/sitemap.xml', status: 200, cache: pages, headers: ASSET_HEADERS },
    { what: 'the calendar', url: () => '/lectures/lectures.ics', status: 200, cache: pages, headers: ASSET_HEADERS },
    { what: 'a CSV download', url: () => `/campaigns/${campaign()}/events.csv`, status: 200, cache: pages, headers: ASSET_HEADERS },
    { what: 'a redirect to a directory', url: () => '/news', status: 301, cache: pages, headers: ASSET_HEADERS },
    { what: 'the search index', url: () => '/pagefind/pagefind.js', status: 200, cache: searchIndex, headers: ASSET_HEADERS },
    { what: 'the search worker', url: () => SEARCH_WORKER_PATH, status: 200, cache: searchIndex, headers: WORKER_HEADERS },
    { what: 'the web editor', url: () => paths.admin(), status: 200, cache: pages, headers: EDITOR_HEADERS },
    { what: 'the web editor by file', url: () => `${paths.admin()}index.html`, status: 200, cache: pages, headers: EDITOR_HEADERS },
    { what: "the web editor's script", url: () => paths.editorBundle(), status: 200, cache: pages, headers: ASSET_HEADERS },
  ];

  it.each(cases)('sends the security headers and cache lifetime on $what', async ({ url, status, cache, headers }) => {
    const response = await fetch(base + url(), { redirect: 'manual' });
    expect(response.status).toBe(status);
    for (const [name, value] of Object.entries(headers)) expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get('cache-control')).toBe(cache);
    // Plain HTTP: no HSTS (it would pin a test host to HTTPS).
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('gives every response that is not a page a sandbox', () => {
    expect(ASSET_HEADERS['Content-Security-Policy']).toMatch(/(^|; )sandbox($|;)/);
    expect(ASSET_HEADERS['Content-Security-Policy']).toMatch(/^default-src 'none'/);
  });

  it('serves SVG as an image, never sniffed', async () => {
    for (const url of ['/_astro/hostile.svg', '/favicon.svg']) {
      const response = await fetch(base + url);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves the calendar and CSV downloads with their own types', async () => {
    expect((await fetch(`${base}/lectures/lectures.ics`)).headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect((await fetch(`${base}/campaigns/${campaign()}/events.csv`)).headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  it('serves the 404 page for a missing address', async () => {
    const body = await (await fetch(`${base}/no-such-page/`)).text();
    expect(body).toContain('找不到这个页面');
  });
});

describe('the header policies in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  /** Open a URL; collect what the browser reports about Content-Security-Policy. */
  async function open(url: string, settle: (page: Page) => Promise<unknown> = async () => {}) {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Failed to load Pagefind/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(base + url);
    await settle(page);
    return { page, violations };
  }

  it('lets the pages run what they need: elder mode, the search script, Pagefind and its worker', async () => {
    const home = await open('/');
    expect(await home.page.evaluate(() => document.documentElement.hasAttribute('data-js'))).toBe(true);
    const firstResult = (page: Page) => page.locator('[data-search-results] li').first().waitFor();
    const search = await open(`/search/?q=${encodeURIComponent('禁毒')}`, firstResult);
    expect(await search.page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    expect([...home.violations, ...search.violations]).toEqual([]);
  });

  it.each(['/_astro/hostile.svg', '/hostile.svg', '/hostile.xml'])('runs no script in %s opened directly', async (url) => {
    // The same bytes served without the policy run their script: the file really is hostile.
    const control = await browser.newPage();
    const response = await fetch(base + url);
    const contentType = response.headers.get('content-type')!;
    const body = await response.text();
    await control.route(`${base}/control`, (route) => route.fulfill({ body, contentType }));
    await control.goto(`${base}/control`);
    await control.waitForFunction(() => document.title === 'ran');
    const { page } = await open(url);
    await page.waitForTimeout(300);
    expect(await page.title()).not.toBe('ran');
  });
});

it('ships a _headers file with the same headers, HSTS included', () => {
  const file = readFileSync(path.join(SITES.main.outDir, '_headers'), 'utf8');
  expect(file).toBe(renderHeadersFile(undefined));
  for (const headers of [PAGE_HEADERS, ASSET_HEADERS, WORKER_HEADERS]) {
    for (const [name, value] of Object.entries(headers)) expect(file).toContain(`${name}: ${value}`);
  }
  expect(file).toContain('Strict-Transport-Security: max-age=31536000; includeSubDomains');
});
