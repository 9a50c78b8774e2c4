/** Event and campaign records for the tally, read through the content gate (the same schemas as the site). */
import { validEntries, type CheckedEntry } from '#/lib/gate/entries.ts';
import type { CampaignRecord, EventRecord } from './tally.ts';

export function tallyRecords(entries: readonly CheckedEntry[]): { events: EventRecord[]; campaigns: CampaignRecord[] } {
  return {
    events: validEntries(entries, 'events')
      .filter((e) => !e.data.draft)
      .map((e) => ({ id: e.id, file: e.file, ...e.data })),
    campaigns: validEntries(entries, 'campaigns')
      .filter((e) => !e.data.draft)
      .map(({ id, file, data }) => ({ id, file, name: data.name, start: data.start, end: data.end, reported: data.reported })),
  };
}
