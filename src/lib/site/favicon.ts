/**
 * The site icon (`/favicon.svg`): a shield in the site's primary colour
 * (site.yaml `theme.primary`) with a white "no" sign, drawn at build time by
 * src/pages/favicon.svg.ts, so every office's tab shows its own colour.
 */
import { isHexColor } from '#/lib/core/color.ts';

/** The icon's SVG text for `primary` (`#rrggbb`, as the settings schema requires). */
export function faviconSvg(primary: string): string {
  // The colour goes into an attribute: only a checked #rrggbb may.
  if (!isHexColor(primary)) throw new Error(`favicon colour must be #rrggbb, got ${JSON.stringify(primary)}`);
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
    `<path fill="${primary}" d="M32 3 8 12v17c0 15 10 27 24 32 14-5 24-17 24-32V12z"/>` +
    '<path fill="#fff" d="M21 31h22v5H21z"/>' +
    '<circle cx="32" cy="33.5" r="14" fill="none" stroke="#fff" stroke-width="5"/>' +
    '</svg>\n'
  );
}
