/**
 * Campaign figures computed from the event records: the only place they are
 * added up, used by the site (campaign and home pages) and by `npm run tally`,
 * so the two can never disagree and no figure is typed in by hand twice.
 */
import type { EntryData } from '#/schemas/index.ts';
import type { Problem } from '#/lib/gate/problem.ts';
import { approxWan, wan } from '#/lib/core/format.ts';

export type EventFigures = Pick<EntryData<'events'>, 'leaflets' | 'audience'>;

/** An event record as the tally reads it: the `events` schema's fields plus where it came from. */
export type EventRecord = Omit<EntryData<'events'>, 'draft'> & {
  id: string;
  /** Project-relative path, for messages. */
  file: string;
};

export type CampaignRecord = Pick<EntryData<'campaigns'>, 'name' | 'start' | 'end' | 'reported'> & { id: string; file: string };

/** Events, leaflets and audience: what a campaign reports and what its records add up to. */
export type Totals = EntryData<'campaigns'>['reported'];

export function totalsOf(events: readonly EventFigures[]): Totals {
  return events.reduce<Totals>((t, e) => ({ events: t.events + 1, leaflets: t.leaflets + e.leaflets, audience: t.audience + e.audience }), {
    events: 0,
    leaflets: 0,
    audience: 0,
  });
}

/** Ways to break a campaign's figures down. */
export const BREAKDOWNS = ['town', 'month', 'format', 'organizer'] as const;

export type Breakdown = (typeof BREAKDOWNS)[number];

/** What each breakdown is called; towns go by the site's own word for them (site.yaml `townLabel`: 镇（区）, 乡镇). */
export function breakdownLabels(townLabel: string): Record<Breakdown, string> {
  return { town: townLabel, month: '月份', format: '形式', organizer: '承办单位' };
}

export interface BreakdownRow extends Totals {
  key: string;
}

const keyOf: Record<Breakdown, (e: EventRecord) => string> = {
  town: (e) => e.town,
  month: (e) => e.date.slice(0, 7),
  format: (e) => e.format,
  organizer: (e) => e.organizer,
};

/**
 * Totals per town, month, format or organiser. Rows follow `order` when given
 * (the settings' town order), months chronologically, others by event count.
 */
export function breakdown(events: readonly EventRecord[], by: Breakdown, order: readonly string[] = []): BreakdownRow[] {
  const groups = new Map<string, EventRecord[]>();
  for (const e of events) {
    const key = keyOf[by](e);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const rows = [...groups].map(([key, items]) => ({ key, ...totalsOf(items) }));
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return rows.sort((a, b) =>
    by === 'month' ? a.key.localeCompare(b.key) : rank(a.key) - rank(b.key) || b.events - a.events || a.key.localeCompare(b.key, 'zh-CN'),
  );
}

/** `2024-03` → `2024年3月`. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** Whether a reported audience and a computed one read the same once rounded. */
export function audienceAgrees(reported: number, computed: number): boolean {
  return wan(reported, String) === wan(computed, String);
}

/** A ready-to-paste sentence for a report. */
export function summarySentence(campaignName: string, t: Totals): string {
  return `${campaignName}共开展活动${t.events}场，发放宣传资料${t.leaflets}份，受教育群众${approxWan(t.audience, String)}人次。`;
}

export interface Difference {
  figure: keyof Totals;
  label: string;
  reported: number;
  computed: number;
}

const FIGURE_LABELS: Record<keyof Totals, string> = { events: '活动场次', leaflets: '发放资料份数', audience: '受教育人次' };

/** Figures where the records do not give what was reported (audience within the rounding rule). */
export function compareWithReported(reported: Totals, computed: Totals): Difference[] {
  return (Object.keys(FIGURE_LABELS) as (keyof Totals)[])
    .filter((figure) =>
      figure === 'audience' ? !audienceAgrees(reported.audience, computed.audience) : reported[figure] !== computed[figure],
    )
    .map((figure) => ({ figure, label: FIGURE_LABELS[figure], reported: reported[figure], computed: computed[figure] }));
}

/** An audience this many times the campaign's median is probably a typo (an extra zero). */
export const OUTLIER_FACTOR = 10;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Two spellings of one place or unit (spaces, full-width letters, case) name the same thing. */
const sameName = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * Problems the schema cannot see because they involve several records (or the
 * build day): duplicates, events outside their campaign's dates or still to
 * come, which would be counted in the published totals and so are errors;
 * and, as reminders, audiences far above the campaign's usual. The content
 * gate runs this on every build and `npm run tally` shows the gate's result,
 * so the site and the tally apply the same rules. Unknown towns and campaigns
 * and counts that are not whole numbers are refused earlier, by the schema and
 * the content gate's reference check.
 */
export function qualityProblems(events: readonly EventRecord[], campaigns: readonly CampaignRecord[], today: string): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const seen = new Map<string, EventRecord>();
  for (const e of events) {
    const key = [e.date, sameName(e.venue), sameName(e.organizer)].join('|');
    const first = seen.get(key);
    if (first) {
      problems.push({
        file: e.file,
        message: `与 ${first.file} 重复（同一天、同一地点、同一承办单位）：同一场活动只能记录一次，请删除其中一个，或改正日期、地点`,
        severity: 'error',
      });
    } else seen.set(key, e);
    const campaign = byId.get(e.campaign);
    if (campaign && (e.date < campaign.start || e.date > campaign.end)) {
      problems.push({
        file: e.file,
        field: 'date',
        message: `日期 ${e.date} 不在“${campaign.name}”的活动期间（${campaign.start} 至 ${campaign.end}）内：请核对日期，或归入正确的活动`,
        severity: 'error',
      });
    } else if (e.date > today) {
      problems.push({
        file: e.file,
        field: 'date',
        message: `日期 ${e.date} 还没到（今天是 ${today}）：活动记录只记已经开展的活动，请核对日期，活动结束后再录入`,
        severity: 'error',
      });
    }
  }
  for (const campaign of campaigns) {
    const own = events.filter((e) => e.campaign === campaign.id);
    const usual = median(own.map((e) => e.audience));
    for (const e of own) {
      if (usual > 0 && e.audience > OUTLIER_FACTOR * usual) {
        problems.push({
          file: e.file,
          field: 'audience',
          message: `受众 ${e.audience} 人，是本活动通常规模（中位数 ${usual} 人）的 ${OUTLIER_FACTOR} 倍以上：请核对是否多写了一个 0`,
          severity: 'warning',
        });
      }
    }
  }
  return problems;
}
