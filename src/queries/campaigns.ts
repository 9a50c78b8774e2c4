import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublic } from '#/lib/content/publishing.ts';
import { breakdown, totalsOf, type BreakdownRow, type CampaignRecord, type EventRecord, type Totals } from '#/lib/tally/tally.ts';
import { site } from '#/site.ts';
import { today } from './build-day.ts';

export type CampaignEntry = CollectionEntry<'campaigns'>;

export interface CampaignWithFigures {
  campaign: CampaignEntry;
  record: CampaignRecord;
  /** By date. */
  events: EventRecord[];
  /** Added up from the event records, by the same module as `npm run tally`. */
  computed: Totals;
  byTown: BreakdownRow[];
  byMonth: BreakdownRow[];
}

const toEvent = (e: CollectionEntry<'events'>): EventRecord => ({ id: e.id, file: e.filePath ?? e.id, ...e.data });

/** Campaigns, newest first, each with its events and figures. */
export async function campaignsWithFigures(): Promise<CampaignWithFigures[]> {
  const [campaigns, events] = await Promise.all([
    getCollection('campaigns', ({ data }) => isPublic('campaigns', data, today)),
    getCollection('events', ({ data }) => isPublic('events', data, today)),
  ]);
  return campaigns
    .sort((a, b) => b.data.start.localeCompare(a.data.start))
    .map((campaign) => {
      const own = events
        .filter((e) => e.data.campaign === campaign.id)
        .map(toEvent)
        .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
      const { name, start, end, reported } = campaign.data;
      return {
        campaign,
        record: { id: campaign.id, file: campaign.filePath ?? campaign.id, name, start, end, reported },
        events: own,
        computed: totalsOf(own),
        byTown: breakdown(own, 'town', site.towns),
        byMonth: breakdown(own, 'month'),
      };
    });
}
