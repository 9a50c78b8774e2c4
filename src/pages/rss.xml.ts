import type { APIRoute } from 'astro';
import { CONTENT_TYPES } from '#/schemas/index.ts';
import { toInstant } from '#/lib/core/dates.ts';
import { renderFeed } from '#/lib/formats/feed.ts';
import { absoluteUrl, paths } from '#/lib/site/urls.ts';
import { newsCatalog } from '#/queries/news.ts';
import { site } from '#/site.ts';

/** Items in the feed: readers need the recent news, not the whole archive. */
const FEED_SIZE = 50;

export const GET: APIRoute = async () => {
  const { all } = await newsCatalog();
  const channel = {
    title: `${site.name}：${CONTENT_TYPES.news.names.section}`,
    description: site.description,
    siteUrl: site.url,
    selfUrl: absoluteUrl(paths.rss(), site.url),
  };
  const items = all.slice(0, FEED_SIZE).map(({ id, data }) => ({
    title: data.title,
    link: absoluteUrl(paths.news(id), site.url),
    pubDate: toInstant(data.date, site.timeZone),
    description: data.summary,
    categories: [data.category, ...data.tags],
  }));
  return new Response(await renderFeed(channel, items), { headers: { 'Content-Type': 'application/xml' } });
};
