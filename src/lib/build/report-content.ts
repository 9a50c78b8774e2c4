/**
 * Gathers what the report (./report.ts) shows from the gate's result: field labels
 * from the schemas, what is published by type, what changed since a Git ref, what
 * is scheduled; and writes the report where `SITE_REPORT` says. `npm run check` and
 * the build (src/integrations/build-report.ts) both come here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { isPublic } from '#/lib/content/publishing.ts';
import { scheduleReport } from '#/lib/content/schedule.ts';
import type { ContentCheck } from '#/lib/gate/check-content.ts';
import type { CheckedEntry } from '#/lib/gate/entries.ts';
import { ContentProblemsError, faultSummary, sortProblems, type Problem } from '#/lib/gate/problem.ts';
import { SETTINGS_FILE } from '#/lib/site/settings.ts';
import { absoluteUrl, entryPath } from '#/lib/site/urls.ts';
import { fieldInfo } from '#/schemas/fields.ts';
import { imagePath, schemaContext } from '#/schemas/context.ts';
import { COLLECTION_NAMES, contentTypeOf, type CollectionName } from '#/schemas/index.ts';
import { siteSchema, type SiteSettings } from '#/schemas/site.ts';
import { renderReport, type PublishedSummary, type Report, type ReportEntry, type ReportProblem } from './report.ts';

export interface ReportPlace {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** The settings, when site.yaml could be read (field labels of content files need them). */
  settings?: SiteSettings;
  today?: string;
  env?: NodeJS.ProcessEnv;
}

/** `tags[2].name` → ['tags', 2, 'name']. */
function parseFieldPath(field: string): PropertyKey[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** The schema that reads `file`: site.yaml's, or its content type's. */
function schemaOf(file: string, { contentDir, settings }: ReportPlace): z.ZodType | undefined {
  const [top = '', ...rest] = path.relative(contentDir, path.resolve(file)).split(path.sep);
  if (top === SETTINGS_FILE && rest.length === 0) return siteSchema;
  if (!settings || rest.length === 0 || !(COLLECTION_NAMES as string[]).includes(top)) return undefined;
  return contentTypeOf(top as CollectionName).schema(schemaContext(settings, imagePath));
}

/** Problems in report order, each field with its Chinese label where the schema has one. */
export function labelProblems(problems: readonly Problem[], place: ReportPlace): ReportProblem[] {
  const schemas = new Map<string, z.ZodType | undefined>();
  return sortProblems([...problems]).map((p) => {
    if (!p.field) return p;
    if (!schemas.has(p.file)) schemas.set(p.file, schemaOf(p.file, place));
    const schema = schemas.get(p.file);
    const label = schema && fieldInfo(schema, parseFieldPath(p.field))?.label;
    return label ? { ...p, fieldLabel: label } : p;
  });
}

/**
 * The report of a check or build that stopped with `error`: the content's problems, or a
 * program fault (an error, or a sentence for the technician when there is no error to show).
 */
export function failedReport(command: Report['command'], error: unknown, place: ReportPlace, warnings: readonly Problem[] = []): Report {
  const base = { command, today: place.today };
  if (error instanceof ContentProblemsError) {
    const problems = error.fault ? [] : error.problems;
    return { ...base, problems: labelProblems([...problems, ...warnings], place), fault: error.fault };
  }
  return { ...base, problems: labelProblems(warnings, place), fault: typeof error === 'string' ? error : faultSummary(error) };
}

/** The report of content that passed: its warnings, and what the site holds. */
export function passedReport(
  command: Report['command'],
  check: ContentCheck,
  place: ReportPlace & { settings: SiteSettings; today: string },
): Report {
  return { command, today: place.today, problems: labelProblems(check.problems, place), published: publishedSummary(check.entries, place) };
}

function titleOf(entry: CheckedEntry): string {
  const value = entry.data[contentTypeOf(entry.collection).scaffold?.titleField ?? 'title'];
  return typeof value === 'string' && value ? value : entry.id;
}

function reportEntry(entry: CheckedEntry, { settings, today }: { settings: SiteSettings; today: string }): ReportEntry {
  const { collection, data } = entry;
  const base = { type: contentTypeOf(collection).names.staff, title: titleOf(entry), file: entry.file };
  if (data.draft === true) return { ...base, state: '草稿（不发布）' };
  if (!isPublic(collection, data, today)) return { ...base, date: String(data.date), state: `定时发布（${String(data.date)}）` };
  const page = entryPath(collection, entry.id);
  return { ...base, url: page && absoluteUrl(page, settings.url), state: page ? '已发布' : '已发布（在所属页面的列表里）' };
}

function publishedSummary(
  entries: readonly CheckedEntry[],
  place: ReportPlace & { settings: SiteSettings; today: string },
): PublishedSummary {
  const valid = entries.filter((e) => e.valid);
  const byFile = new Map(valid.map((e) => [e.file, e]));
  const { scheduled, drafts } = scheduleReport(valid, place.today);
  const since = sinceRef(place.env ?? process.env);
  return {
    byType: COLLECTION_NAMES.map((c) => ({
      type: contentTypeOf(c).names.staff,
      count: valid.filter((e) => e.collection === c && isPublic(c, e.data, place.today)).length,
    })).filter((t) => t.count > 0),
    changes: since === undefined ? undefined : changesSince(since, valid, place),
    scheduled: scheduled.map((s) => ({ ...reportEntry(byFile.get(s.file)!, place), date: s.date })),
    drafts: drafts.map((file) => reportEntry(byFile.get(file)!, place)),
  };
}

/** `SITE_REPORT_SINCE`, unless empty or Git's all-zero "no commit before" (the first push of a branch). */
function sinceRef(env: NodeJS.ProcessEnv): string | undefined {
  const ref = env.SITE_REPORT_SINCE?.trim();
  return ref && !/^0+$/.test(ref) ? ref : undefined;
}

function changesSince(
  since: string,
  entries: readonly CheckedEntry[],
  place: ReportPlace & { settings: SiteSettings; today: string },
): PublishedSummary['changes'] {
  let changed: string[];
  try {
    // Paths relative to the content folder; the working tree against the ref (and new files not yet added), so a local run shows its edits too.
    const git = (args: string[]) =>
      execFileSync('git', args, { cwd: place.contentDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
        .split('\0')
        .filter(Boolean);
    const untracked = git(['ls-files', '-z', '--others', '--exclude-standard', '--', '.']);
    changed = [...new Set([...git(['diff', '--name-only', '-z', '--no-renames', '--relative', since, '--', '.']), ...untracked])].sort();
  } catch (error) {
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim().split('\n')[0] : faultSummary(error);
    return { since, unavailable: `Git 比较失败（${detail}）；CI 需要取得这个提交（检出时不要只取最新一个提交）` };
  }
  const byAbs = new Map(entries.map((e) => [e.abs, e]));
  const rows = changed.map((rel): ReportEntry => {
    const abs = path.join(place.contentDir, rel);
    const entry = byAbs.get(abs);
    if (entry) return reportEntry(entry, place);
    const file = path.relative(process.cwd(), abs).split(path.sep).join('/');
    const deleted = !existsSync(abs);
    return { type: rel.endsWith('.md') ? '文稿' : '其他文件', title: path.basename(rel), file, state: deleted ? '已删除' : '已修改' };
  });
  return { since, entries: rows };
}

/**
 * Writes the report to `file` (whole or not at all: a temporary file renamed over it).
 * Never throws: a report that cannot be written must not hide the check's own result,
 * so it says why on stderr and the caller's exit code stands.
 */
export function writeReport(file: string, report: Report): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(temporary, renderReport(report));
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    console.error(`报告没有写入 ${file}（${faultSummary(error)}）；检查结果以上面的输出和退出码为准。`);
  }
}

/** Where `SITE_REPORT` asks for the report, if it does. */
export function reportFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.SITE_REPORT?.trim() || undefined;
}
