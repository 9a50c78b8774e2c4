/** The city's logo, drawn from site.yaml's `logo` at build time (src/lib/site/logo.ts); no route when there is none. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { withRenderKey } from '#/lib/build/render-key.ts';
import { logo } from '#/site.ts';

export const getStaticPaths = (() => withRenderKey(logo ? [{ params: { logo: logo.name } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = () => new Response(new Uint8Array(logo!.png), { headers: { 'Content-Type': 'image/png' } });
