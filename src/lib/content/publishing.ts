/**
 * What is public on a given build day. The site is static, so "today" is the
 * day the build runs (in the site's time zone): a news item dated in the future
 * appears from the first build on or after its date; a lecture counts as
 * upcoming through the whole of its day. Tests set the day with SITE_BUILD_DATE.
 */
import { CONTENT_TYPES, type CollectionName } from '#/schemas/index.ts';
import { dateInZone, isRealDate } from '#/lib/core/dates.ts';

export function buildDate(timeZone: string, env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const forced = env.SITE_BUILD_DATE;
  if (forced) {
    if (!isRealDate(forced)) throw new RangeError(`SITE_BUILD_DATE must be a real YYYY-MM-DD date, got "${forced}"`);
    return forced;
  }
  return dateInZone(now, timeZone);
}

/** Drafts never ship; dated entries ship once the build day reaches their date. */
export function isPublished(entry: { draft?: boolean; date?: string }, today: string): boolean {
  return !entry.draft && (entry.date === undefined || entry.date <= today);
}

/** Whether an entry of `collection` has a page (or row) on the site built on `today`: its type says whether its date schedules it (a lecture's date is when it happens). */
export function isPublic(collection: CollectionName, entry: { draft?: boolean; date?: string }, today: string): boolean {
  return CONTENT_TYPES[collection].schedules ? isPublished(entry, today) : !entry.draft;
}

/** Whether an event on `date` is still to come (or happening) on `today`. */
export function isUpcoming(date: string, today: string): boolean {
  return date >= today;
}
