/**
 * The images site.yaml names, drawn at build time (src/lib/site/logo.ts): the city's logo and the
 * 党政机关网站标识. No route for one it does not name.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { withRenderKey } from '#/lib/build/render-key.ts';
import { govMark, logo } from '#/site.ts';

const drawn = [logo, govMark].filter((image) => image !== undefined);

export const getStaticPaths = (() => withRenderKey(drawn.map((image) => ({ params: { logo: image.name } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const image = drawn.find((i) => i.name === params.logo)!;
  return new Response(new Uint8Array(image.png), { headers: { 'Content-Type': 'image/png' } });
};
