import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { toInstant } from '../lib/dates.ts';
import { absoluteUrl, paths } from '../lib/urls.ts';
import { newsCatalog } from '../queries/news.ts';
import { site } from '../site.ts';

/** Items in the feed: readers need the recent news, not the whole archive. */
const FEED_SIZE = 50;

export const GET: APIRoute = async () => {
  const { all } = await newsCatalog();
  return rss({
    title: `${site.name}：禁毒新闻`,
    description: site.description,
    site: site.url,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-CN</language><atom:link href="${absoluteUrl(paths.rss(), site.url)}" rel="self" type="application/rss+xml"/>`,
    items: all.slice(0, FEED_SIZE).map(({ id, data }) => ({
      title: data.title,
      link: absoluteUrl(paths.news(id), site.url),
      pubDate: toInstant(data.date, site.timeZone),
      description: data.summary,
      categories: [data.category, ...data.tags],
    })),
  });
};
