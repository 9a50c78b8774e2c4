import { buildDate } from '#/lib/content/publishing.ts';
import { site } from '#/site.ts';

/** The day this build publishes for (Asia/Shanghai by default; SITE_BUILD_DATE in tests). */
export const today = buildDate(site.timeZone);
