import type { APIRoute, GetStaticPaths } from 'astro';
import { eventsJson } from '#/lib/tally/report.ts';
import { campaignsWithFigures } from '#/queries/campaigns.ts';
import { withRenderKey } from '#/lib/build/render-key.ts';

export const getStaticPaths = (async () =>
  withRenderKey(
    (await campaignsWithFigures()).map(({ record, events }) => ({ params: { id: record.id }, props: { record, events } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(eventsJson(props.record, props.events), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
