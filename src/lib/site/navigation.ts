/**
 * The main navigation: the home page, each content type with a place in the header (in its
 * `navOrder`) and the help page. The header, the site map and the search page's no-script
 * message all list these, in this order.
 */
import { NAV_TYPES } from '#/schemas/index.ts';
import { paths, sectionLink } from './urls.ts';

export interface NavLink {
  label: string;
  href: string;
}

export function mainNavigation(): NavLink[] {
  return [{ label: '首页', href: paths.home() }, ...NAV_TYPES.map(sectionLink), { label: '求助', href: paths.help() }];
}
