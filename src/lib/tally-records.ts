/** Event and campaign records for the tally, read through the content gate (the same schemas as the site). */
import type { CheckedEntry } from './gate/check-content.ts';
import type { CampaignRecord, EventRecord, Totals } from './tally.ts';

export function tallyRecords(entries: readonly CheckedEntry[]): { events: EventRecord[]; campaigns: CampaignRecord[] } {
  const valid = entries.filter((e) => e.valid);
  return {
    events: valid
      .filter((e) => e.collection === 'events' && !e.data.draft)
      .map((e) => ({ id: e.id, file: e.file, ...(e.data as Omit<EventRecord, 'id' | 'file'>) })),
    campaigns: valid
      .filter((e) => e.collection === 'campaigns' && !e.data.draft)
      .map((e) => ({
        id: e.id,
        file: e.file,
        name: String(e.data.name),
        start: String(e.data.start),
        end: String(e.data.end),
        reported: e.data.reported as Totals,
      })),
  };
}
