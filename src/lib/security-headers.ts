/**
 * HTTP headers the site must be served with. The CSP in each page's <meta>
 * (from Astro) governs scripts and styles; these add what a <meta> cannot
 * (frame-ancestors) and the usual hardening. `_headers` is generated from this
 * module; the nginx snippet in scripts/deploy/nginx/ is tested against it.
 */

export const SECURITY_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
} as const;

/** Sent over HTTPS only: over plain HTTP a browser ignores it anyway, and it must never pin a test host. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Cache lifetimes: hashed build assets forever, everything else revalidated. */
export const CACHE_CONTROL = {
  hashedAssets: 'public, max-age=31536000, immutable',
  searchIndex: 'public, max-age=3600',
  pages: 'no-cache',
} as const;

/** The `_headers` file understood by static hosts (Netlify, Cloudflare Pages…), which serve HTTPS only. */
export function renderHeadersFile(): string {
  const block = (pattern: string, headers: Record<string, string>) =>
    [pattern, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  return (
    [
      block('/*', { ...SECURITY_HEADERS, 'Strict-Transport-Security': HSTS, 'Cache-Control': CACHE_CONTROL.pages }),
      block('/_astro/*', { 'Cache-Control': CACHE_CONTROL.hashedAssets }),
      block('/pagefind/*', { 'Cache-Control': CACHE_CONTROL.searchIndex }),
    ].join('\n\n') + '\n'
  );
}
