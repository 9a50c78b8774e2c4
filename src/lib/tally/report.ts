/**
 * The tally as text: an aligned table for the terminal (Chinese characters take
 * two columns), CSV for spreadsheets, Markdown for reports, JSON for programs.
 */
import {
  breakdown,
  breakdownLabels,
  compareWithReported,
  monthLabel,
  summarySentence,
  totalsOf,
  type Breakdown,
  type BreakdownRow,
  type CampaignRecord,
  type Difference,
  type EventRecord,
  type Totals,
} from './tally.ts';
import { wan } from '#/lib/core/format.ts';
import { toCsv } from '#/lib/formats/csv.ts';
import { townWord } from '#/lib/site/place.ts';
import { displayWidth } from '#/lib/core/text-width.ts';

export const FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type Format = (typeof FORMATS)[number];

export interface CampaignReport {
  campaign: { id: string; name: string; start: string; end: string };
  computed: Totals;
  reported: Totals;
  /** Audience as the office writes it: `5.3万`. */
  audienceRounded: string;
  summary: string;
  differences: Difference[];
  breakdowns: Partial<Record<Breakdown, BreakdownRow[]>>;
}

export function campaignReport(
  campaign: CampaignRecord,
  events: readonly EventRecord[],
  by: readonly Breakdown[],
  townOrder: readonly string[],
): CampaignReport {
  const own = events.filter((e) => e.campaign === campaign.id);
  const computed = totalsOf(own);
  return {
    campaign: { id: campaign.id, name: campaign.name, start: campaign.start, end: campaign.end },
    computed,
    reported: campaign.reported,
    audienceRounded: wan(computed.audience, String),
    summary: summarySentence(campaign.name, computed),
    differences: compareWithReported(campaign.reported, computed),
    breakdowns: Object.fromEntries(by.map((b) => [b, breakdown(own, b, townOrder)])),
  };
}

/** Columns padded to the widest cell; numbers right-aligned. */
export function alignTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  const isNumber = (s: string) => /^[\d,.]+(万)?$/.test(s);
  return rows
    .map((row) =>
      row
        .map((cell, c) => {
          const pad = ' '.repeat(widths[c]! - displayWidth(cell));
          return isNumber(cell) ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

// Sums over events count a person once per event attended: 人次, as every total of the campaign is given.
const HEAD = ['场次', '资料（份）', '受众（人次）'];
const keyLabel = (by: Breakdown, key: string) => (by === 'month' ? monthLabel(key) : key);
const figures = (t: Totals) => [String(t.events), String(t.leaflets), String(t.audience)];

/** The reports in `format`; breakdowns by town are headed with the site's `townLabel`. */
export function renderReports(reports: readonly CampaignReport[], format: Format, townLabel: string): string {
  const labels = breakdownLabels(townLabel);
  const label = (by: string) => labels[by as Breakdown];
  switch (format) {
    case 'json':
      return JSON.stringify(reports, null, 2) + '\n';
    case 'csv':
      return toCsv([
        ['活动', '分类', '项目', ...HEAD],
        ...reports.flatMap((r) => [
          [r.campaign.name, '合计', '', ...figures(r.computed)],
          ...Object.entries(r.breakdowns).flatMap(([by, rows]) =>
            rows.map((row) => [r.campaign.name, label(by), keyLabel(by as Breakdown, row.key), ...figures(row)]),
          ),
        ]),
      ]);
    case 'md':
      return (
        reports
          .map((r) =>
            [
              `## ${r.campaign.name}（${r.campaign.start} 至 ${r.campaign.end}）`,
              '',
              r.summary,
              '',
              `| 项目 | 记录汇总 | 上报数字 |`,
              `| --- | ---: | ---: |`,
              `| 活动场次 | ${r.computed.events} | ${r.reported.events} |`,
              `| 发放资料（份） | ${r.computed.leaflets} | ${r.reported.leaflets} |`,
              `| 受教育人次 | ${r.computed.audience}（约${r.audienceRounded}） | ${r.reported.audience} |`,
              ...Object.entries(r.breakdowns).flatMap(([by, rows]) => [
                '',
                `### 按${label(by)}`,
                '',
                `| ${label(by)} | ${HEAD.join(' | ')} |`,
                '| --- | ---: | ---: | ---: |',
                ...rows.map((row) => `| ${keyLabel(by as Breakdown, row.key)} | ${figures(row).join(' | ')} |`),
              ]),
            ].join('\n'),
          )
          .join('\n\n') + '\n'
      );
    case 'table':
      return (
        reports
          .map((r) =>
            [
              `${r.campaign.name}（${r.campaign.start} 至 ${r.campaign.end}）`,
              alignTable([
                ['', '记录汇总', '上报数字'],
                ['活动场次', String(r.computed.events), String(r.reported.events)],
                ['发放资料（份）', String(r.computed.leaflets), String(r.reported.leaflets)],
                ['受教育人次', String(r.computed.audience), String(r.reported.audience)],
                ['受教育人次（约）', r.audienceRounded, wan(r.reported.audience, String)],
              ]),
              ...Object.entries(r.breakdowns).map(([by, rows]) =>
                [
                  `\n按${label(by)}`,
                  alignTable([[label(by), ...HEAD], ...rows.map((row) => [keyLabel(by as Breakdown, row.key), ...figures(row)])]),
                ].join('\n'),
              ),
              `\n${r.summary}`,
            ].join('\n'),
          )
          .join('\n\n') + '\n'
      );
  }
}

/**
 * The event records as open data (CSV opens in Excel; `npm run tally -- import` reads it back: the town
 * column is headed with the site's word for its towns, `townLabel` without brackets, as 镇区 or 乡镇).
 */
export function eventsCsv(events: readonly EventRecord[], townLabel: string): string {
  const columns = ['日期', townWord(townLabel), '承办单位', '地点', '形式', '资料份数', '受众人数'];
  return toCsv([columns, ...events.map((e) => [e.date, e.town, e.organizer, e.venue, e.format, e.leaflets, e.audience])]);
}

export function eventsJson(campaign: CampaignRecord, events: readonly EventRecord[]): string {
  const records = events.map(({ date, town, organizer, venue, format, leaflets, audience }) => ({
    date,
    town,
    organizer,
    venue,
    format,
    leaflets,
    audience,
  }));
  return (
    JSON.stringify(
      {
        campaign: { id: campaign.id, name: campaign.name, start: campaign.start, end: campaign.end },
        totals: totalsOf(events),
        events: records,
      },
      null,
      2,
    ) + '\n'
  );
}
