/**
 * Rules across entries, run once every file has been read: addresses and tag
 * pages that would collide, references to files that do not exist, and the
 * records that would be counted wrong (duplicate or misdated events, a report
 * dated before what it reports, a date of something done that is still to come).
 */
import path from 'node:path';
import { contentTypeOf, type CollectionName } from '#/schemas/index.ts';
import { displayPath } from '#/lib/site/settings.ts';
import { qualityProblems } from '#/lib/tally/tally.ts';
import { tallyRecords } from '#/lib/tally/records.ts';
import { tagSlug } from '#/lib/site/urls.ts';
import { validEntries, type CheckedEntry, type ValidEntry } from './entries.ts';
import { fieldPath, type Problem } from './problem.ts';

export function crossEntryProblems(entries: CheckedEntry[], dir: string, today: string): Problem[] {
  const valid = entries.filter((e) => e.valid);
  return [
    ...duplicateIds(entries),
    ...danglingRefs(entries, dir),
    ...tagSlugClashes(entries),
    ...recordProblems(valid, today),
    ...reportsBeforeLectures(valid),
    ...doneDatesAhead(valid, today),
  ];
}

/** Two files whose names differ only in case or width would publish at one address. */
function duplicateIds(entries: CheckedEntry[]): Problem[] {
  const seen = new Map<string, CheckedEntry>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const key = `${entry.collection}/${entry.id.normalize('NFKC').toLowerCase()}`;
    const first = seen.get(key);
    if (first) {
      problems.push({
        file: entry.file,
        message: `与 ${first.file} 的网页地址相同，两篇只能留一篇发布。请给其中一个文件改名`,
        severity: 'error',
      });
    } else seen.set(key, entry);
  }
  return problems;
}

/** Two different tags with the same pinyin would share one tag page (tag URLs are pinyin). */
function tagSlugClashes(entries: CheckedEntry[]): Problem[] {
  const firstUse = new Map<string, { tag: string; entry: ValidEntry<'news'> }>();
  const problems: Problem[] = [];
  for (const entry of validEntries(entries, 'news')) {
    for (const tag of entry.data.tags) {
      const slug = tagSlug(tag);
      const first = firstUse.get(slug);
      if (!first) firstUse.set(slug, { tag, entry });
      else if (first.tag !== tag) {
        problems.push({
          file: entry.file,
          line: entry.lineOf(['tags']),
          field: 'tags',
          message: `标签“${tag}”和 ${first.entry.file} 里的标签“${first.tag}”拼音相同，会共用一个标签页。请统一写法，或换一个说法`,
          severity: 'error',
        });
      }
    }
  }
  return problems;
}

function danglingRefs(entries: CheckedEntry[], dir: string): Problem[] {
  const ids = new Map<string, CheckedEntry>(entries.map((e) => [`${e.collection}/${e.id}`, e]));
  const problems: Problem[] = [];
  for (const entry of entries) {
    for (const [field, target] of Object.entries(contentTypeOf(entry.collection).refs as Record<string, CollectionName>)) {
      const value = entry.data[field];
      if (typeof value !== 'string' || ids.has(`${target}/${value}`)) continue;
      const targetLabel = contentTypeOf(target).names.staff;
      problems.push({
        file: entry.file,
        line: entry.lineOf([field]),
        field,
        message: `引用的${targetLabel}“${value}”不存在：${displayPath(path.join(dir, target))}/ 里没有 ${value}.md。请检查文件名拼写（不含 .md）`,
        severity: 'error',
      });
    }
  }
  return problems;
}

/** The tally's record rules, with each problem at the line of its field. */
function recordProblems(entries: CheckedEntry[], today: string): Problem[] {
  const { events, campaigns } = tallyRecords(entries);
  const byFile = new Map(entries.map((e) => [e.file, e]));
  return qualityProblems(events, campaigns, today).map((p) => ({ ...p, line: p.field ? byFile.get(p.file)?.lineOf([p.field]) : p.line }));
}

/** A lecture's report cannot be news from before the lecture took place. */
function reportsBeforeLectures(entries: CheckedEntry[]): Problem[] {
  const newsDates = new Map(entries.filter((e) => e.collection === 'news').map((e) => [e.id, String(e.data.date)]));
  return entries.flatMap((lecture): Problem[] => {
    if (lecture.collection !== 'lectures' || typeof lecture.data.report !== 'string') return [];
    const reported = newsDates.get(lecture.data.report);
    const held = String(lecture.data.date);
    if (!reported || reported >= held) return [];
    return [
      {
        file: lecture.file,
        line: lecture.lineOf(['report']),
        field: 'report',
        message: `相关报道“${lecture.data.report}”的日期 ${reported} 早于这场宣讲的日期 ${held}：报道只能是宣讲当天或之后的新闻，请核对宣讲日期或换成正确的报道`,
        severity: 'error',
      },
    ];
  });
}

/** Dates of something already done (an inspection, a review, a correction): never after the build day. */
const DONE_DATES: Partial<Record<CollectionName, { at: string[]; what: string }[]>> = {
  bases: [{ at: ['inspection', 'date'], what: '检查日期' }],
  topics: [{ at: ['updated'], what: '审核日期' }],
  news: [{ at: ['updated'], what: '更新日期' }],
};

function doneDatesAhead(entries: CheckedEntry[], today: string): Problem[] {
  return entries.flatMap((entry) =>
    (DONE_DATES[entry.collection] ?? []).flatMap(({ at, what }): Problem[] => {
      const value = at.reduce<unknown>(
        (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
        entry.data,
      );
      if (typeof value !== 'string' || value <= today) return [];
      return [
        {
          file: entry.file,
          line: entry.lineOf(at),
          field: fieldPath(at),
          message: `${what} ${value} 还没到（今天是 ${today}）：这里应填已经发生的日期，请核对`,
          severity: 'error',
        },
      ];
    }),
  );
}
