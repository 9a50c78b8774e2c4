import type { APIRoute, GetStaticPaths } from 'astro';
import { eventsCsv } from '#/lib/tally/report.ts';
import { campaignsWithFigures } from '#/queries/campaigns.ts';
import { withRenderKey } from '#/lib/build/render-key.ts';
import { site } from '#/site.ts';

export const getStaticPaths = (async () =>
  withRenderKey(
    (await campaignsWithFigures()).map(({ record, events }) => ({ params: { id: record.id }, props: { events } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(eventsCsv(props.events, site.townLabel), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
