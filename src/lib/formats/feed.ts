/**
 * The RSS feed as a pure function of its items. @astrojs/rss escapes text
 * exactly once (fast-xml-parser's builder), so values go in as plain text,
 * never pre-escaped; it does not drop the characters XML cannot hold, so this
 * does. A reader parsing the feed gets back the text as written.
 */
import { getRssString } from '@astrojs/rss';
import { escapeXml, xmlChars } from './xml.ts';

export interface FeedChannel {
  title: string;
  description: string;
  siteUrl: string;
  /** Absolute URL of the feed itself (atom:link rel="self"). */
  selfUrl: string;
}

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: readonly string[];
}

export function renderFeed(channel: FeedChannel, items: readonly FeedItem[]): Promise<string> {
  return getRssString({
    title: xmlChars(channel.title),
    description: xmlChars(channel.description),
    site: channel.siteUrl,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-CN</language><atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    items: items.map((item) => ({
      title: xmlChars(item.title),
      link: item.link,
      pubDate: item.pubDate,
      description: xmlChars(item.description),
      categories: item.categories.map(xmlChars),
    })),
  });
}
