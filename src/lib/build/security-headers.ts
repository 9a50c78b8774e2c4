/**
 * HTTP headers the site must be served with. `_headers` is generated from this
 * module; the nginx snippets in scripts/deploy/nginx/ are tested against it.
 *
 * Content-Security-Policies. Pages get one at least as strict as the <meta>
 * Astro writes into each page (a browser enforces both, so the header cannot
 * loosen the meta's hashes), plus what a <meta> cannot carry (frame-ancestors).
 * Everything else (images, SVG, feeds, downloads, scripts opened as documents)
 * gets one that runs nothing: an SVG or XML file opened directly is a document,
 * and without a header it would run its script with no policy at all. Scripts
 * a page loads are governed by the page's policy, not by their own header.
 */
import { ELDER_MODE_SCRIPT_HASH } from '#/lib/site/elder-mode.ts';
import { paths } from '#/lib/site/urls.ts';

/**
 * Scripts every page may run, in the <meta> (astro.config.mjs) and the header:
 * the site's own files; Pagefind's WebAssembly, which needs 'wasm-unsafe-eval'
 * (not 'unsafe-eval'); the elder-mode script, inline so it applies before first paint.
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
export const SCRIPT_HASHES = [ELDER_MODE_SCRIPT_HASH] as const;

const policy = (directives: Record<string, readonly string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/**
 * Styles: the <meta> allows Astro's inline styles by hash, and they differ by
 * page and by city (theme colours), so a fixed header cannot list them; it
 * allows inline styles and the <meta> narrows that to the hashes.
 */
export const PAGE_CSP = policy({
  'default-src': ["'self'"],
  'script-src': [...SCRIPT_SOURCES, ...SCRIPT_HASHES.map((h) => `'${h}'`)],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
});

/** Anything that is not a page: no script, no requests but images, and a sandbox (opaque origin). */
export const ASSET_CSP = policy({
  'default-src': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'unsafe-inline'"],
  'font-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  sandbox: [],
});

/**
 * Pagefind's search runs in a Web Worker, and a worker's policy is the one sent with its own script, not the
 * page's: it must fetch the index and compile WebAssembly, and a sandbox (an opaque origin) stops both (measured
 * in Chromium: "Failed to load Pagefind metadata"). Only that one file gets this policy.
 */
export const SEARCH_WORKER_PATH = '/pagefind/pagefind-worker.js';
export const SEARCH_WORKER_CSP = policy({
  'default-src': ["'none'"],
  'script-src': SCRIPT_SOURCES,
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/**
 * The web editor's page (/admin/), the one page allowed what Decap CMS needs:
 * eval (it compiles its configuration with `new Function`), inline styles (its
 * CSS-in-JS), blob: and data: pictures (previews of uploads), and requests to
 * the office's Git host. Its own scripts still come only from the site.
 */
export function editorCsp(gitOrigin: string | undefined): string {
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-eval'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'blob:', 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", 'blob:', ...(gitOrigin ? [gitOrigin] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  });
}

/** Sent with every response. */
export const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
} as const;

export const PAGE_HEADERS = { 'Content-Security-Policy': PAGE_CSP, ...COMMON_HEADERS } as const;
export const ASSET_HEADERS = { 'Content-Security-Policy': ASSET_CSP, ...COMMON_HEADERS } as const;

/** Sent over HTTPS only: over plain HTTP a browser ignores it anyway, and it must never pin a test host. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Cache lifetimes: hashed build assets forever, everything else revalidated. */
export const CACHE_CONTROL = {
  hashedAssets: 'public, max-age=31536000, immutable',
  searchIndex: 'public, max-age=3600',
  pages: 'no-cache',
} as const;

/** Request paths that are pages on a static host: directory addresses and .html files. */
const PAGE_PATTERNS = ['/', '/*/', '/*.html'];

/**
 * The `_headers` file understood by static hosts (Cloudflare Pages, Netlify…), which serve HTTPS only.
 * Every matching block applies, and a header set by two would be joined into one value (two policies, both
 * enforced), so a block that replaces a header first detaches it (`! Name`, Cloudflare's syntax).
 */
export function renderHeadersFile(gitOrigin: string | undefined): string {
  const block = (pattern: string, headers: Record<string, string>, replaces = false) =>
    [pattern, ...Object.entries(headers).flatMap(([k, v]) => [...(replaces ? [`  ! ${k}`] : []), `  ${k}: ${v}`])].join('\n');
  return (
    [
      block('/*', { ...ASSET_HEADERS, 'Strict-Transport-Security': HSTS, 'Cache-Control': CACHE_CONTROL.pages }),
      ...PAGE_PATTERNS.map((pattern) => block(pattern, { 'Content-Security-Policy': PAGE_CSP }, true)),
      block('/_astro/*', { 'Cache-Control': CACHE_CONTROL.hashedAssets }, true),
      block('/pagefind/*', { 'Cache-Control': CACHE_CONTROL.searchIndex }, true),
      block(SEARCH_WORKER_PATH, { 'Content-Security-Policy': SEARCH_WORKER_CSP }, true),
      ...[paths.admin(), `${paths.admin()}index.html`].map((pattern) =>
        block(pattern, { 'Content-Security-Policy': editorCsp(gitOrigin) }, true),
      ),
    ].join('\n\n') + '\n'
  );
}
