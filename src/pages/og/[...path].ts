import type { APIRoute, GetStaticPaths } from 'astro';
import { cachedPng } from '../../og/render.ts';
import { shareImages } from '../../queries/share.ts';

export const getStaticPaths = (async () =>
  (await shareImages()).map((image) => ({ params: { path: image.path.slice('/og/'.length) }, props: { image } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { kind, inputs, draw } = props.image;
  return new Response(new Uint8Array(await cachedPng(kind, inputs, draw)), { headers: { 'Content-Type': 'image/png' } });
};
