/**
 * Pages that no content type lists: what each is called and the column line of
 * its share card. The page and its card both read the title here, so a card
 * never names a page differently. 关于本站, 联系我们 and 求助 take the office's
 * own title when it wrote `content/pages/<id>.md`.
 */
import type { PAGE_IDS } from '#/schemas/pages.ts';
import { paths } from './urls.ts';

export interface SitePageInfo {
  title: string;
  /** The column line of its share card. */
  column: string;
  path: string;
}

export const SITE_PAGES = {
  about: { title: '关于本站', column: '本站信息', path: paths.about() },
  contact: { title: '联系我们', column: '本站信息', path: paths.contact() },
  help: { title: '求助', column: '求助', path: paths.help() },
  search: { title: '站内搜索', column: '本站信息', path: paths.search() },
  siteMap: { title: '网站地图', column: '本站信息', path: paths.siteMapPage() },
} as const satisfies Record<string, SitePageInfo>;

export type SitePageId = keyof typeof SITE_PAGES;

/** The ids of `SITE_PAGES` that the office may write a text for. */
export type WrittenPageId = (typeof PAGE_IDS)[number] & SitePageId;
