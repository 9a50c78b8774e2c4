/**
 * Share images on request, injected only in `astro dev`. A build writes them
 * after the pages instead (./index.ts), from the same list and the same cache.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cachedPng } from '#/og/render.ts';
import { shareImages } from '#/queries/share.ts';

export const getStaticPaths = (async () =>
  (await shareImages()).map((image) => ({
    params: { path: image.path.slice('/og/'.length, -'.png'.length) },
    props: { image },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await cachedPng(props.image)), { headers: { 'Content-Type': 'image/png' } });
