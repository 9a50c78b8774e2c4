/**
 * The city's colours as CSS custom properties. Emitted as one inline <style>
 * whose hash the CSP allows, so a city changes its colours in site.yaml only.
 */
import type { SiteSettings } from '#/schemas/site.ts';

export function themeCss(theme: SiteSettings['theme']): string {
  return `:root{--color-primary:${theme.primary};--color-accent:${theme.accent}}`;
}
