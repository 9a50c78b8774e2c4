/** The site icon, in the site's primary colour (src/lib/site/favicon.ts); served like any file that is not a page. */
import type { APIRoute } from 'astro';
import { faviconSvg } from '#/lib/site/favicon.ts';
import { site } from '#/site.ts';

export const GET: APIRoute = () => new Response(faviconSvg(site.theme.primary), { headers: { 'Content-Type': 'image/svg+xml' } });
