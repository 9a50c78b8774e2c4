/** What is waiting to be published: drafts, and items dated after the build day. */
import type { CheckedEntry } from '#/lib/gate/entries.ts';
import { isPublic } from './publishing.ts';

export interface ScheduleReport {
  /** Dated after `today`, not drafts: they appear on the first build on or after their date. */
  scheduled: { file: string; date: string }[];
  drafts: string[];
}

export function scheduleReport(entries: readonly CheckedEntry[], today: string): ScheduleReport {
  const valid = entries.filter((e) => e.valid);
  return {
    scheduled: valid
      .filter((e) => !e.data.draft && typeof e.data.date === 'string' && !isPublic(e.collection, e.data, today))
      .map((e) => ({ file: e.file, date: String(e.data.date) }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file)),
    drafts: valid
      .filter((e) => e.data.draft === true)
      .map((e) => e.file)
      .sort(),
  };
}
