import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublic } from '../lib/publishing.ts';
import { totalsOf, type Totals } from '../lib/tally.ts';
import { today } from './build-day.ts';

export type CampaignEntry = CollectionEntry<'campaigns'>;
export type EventEntry = CollectionEntry<'events'>;

export interface CampaignWithFigures {
  campaign: CampaignEntry;
  events: EventEntry[];
  /** Added up from the event records. */
  computed: Totals;
}

/** Campaigns, newest first, each with its events (by date) and computed totals. */
export async function campaignsWithFigures(): Promise<CampaignWithFigures[]> {
  const [campaigns, events] = await Promise.all([
    getCollection('campaigns', ({ data }) => isPublic('campaigns', data, today)),
    getCollection('events'),
  ]);
  return campaigns
    .sort((a, b) => b.data.start.localeCompare(a.data.start))
    .map((campaign) => {
      const own = events
        .filter((e) => e.data.campaign === campaign.id)
        .sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id));
      return { campaign, events: own, computed: totalsOf(own.map((e) => e.data)) };
    });
}
