/**
 * The report staff read after `npm run check` or `npm run build` (in the CI job's
 * summary, a merge-request comment, an issue): what is wrong, where, and how to
 * fix it, or what the site now holds. A pure function of what the check found;
 * ./report-content.ts gathers that, and every text from the content is escaped
 * by `#/lib/formats/markdown.ts` and masked for personal data here.
 */
import { markdownCell, markdownLink, markdownTable, markdownText } from '#/lib/formats/markdown.ts';
import type { Problem } from '#/lib/gate/problem.ts';
import { maskPersonalData } from '#/lib/privacy/detectors.ts';
import { splitAdvice } from './report-advice.ts';

/** The marker on the report's first line, which post-report also uses to find its own comment. */
export const REPORT_MARKER = 'jindu-report';

export type ReportStatus = 'passed' | 'failed';

/** A problem with the Chinese name of its field, where the schema has one. */
export interface ReportProblem extends Problem {
  fieldLabel?: string;
}

/** An entry as the report lists it. */
export interface ReportEntry {
  /** Its content type, as staff call it (新闻). */
  type: string;
  title: string;
  file: string;
  /** Its page (or row) on the site, when it has one and is published. */
  url?: string;
  /** Its date, for scheduled items. */
  date?: string;
  /** Where it stands: 已发布, 定时发布, 草稿 (不发布), 已删除. */
  state?: string;
}

export interface PublishedSummary {
  /** Entries published, by content type in the content model's order. */
  byType: { type: string; count: number }[];
  /** The entries whose files changed since a Git ref, or why they could not be listed. */
  changes?: { since: string; entries: ReportEntry[] } | { since: string; unavailable: string };
  scheduled: ReportEntry[];
  drafts: ReportEntry[];
}

export interface Report {
  command: 'check' | 'build';
  /** The build day (`YYYY-MM-DD`, the site's zone), when known. */
  today?: string;
  problems: ReportProblem[];
  /** Set when the content passed: what the site holds. */
  published?: PublishedSummary;
  /** A fault of the program rather than of the content: one line for the technician. */
  fault?: string;
}

/** Comments on GitHub hold 65,536 characters: the report stays under that, rows beyond it are counted. */
const DEFAULT_LIMIT = 60_000;

export function reportStatus(report: Report): ReportStatus {
  return report.published && !report.fault && !report.problems.some((p) => p.severity === 'error') ? 'passed' : 'failed';
}

export function renderReport(report: Report, limit = DEFAULT_LIMIT): string {
  const status = reportStatus(report);
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  const parts: string[] = [`<!-- ${REPORT_MARKER} status=${status} -->`];
  const what = report.command === 'check' ? '内容检查（npm run check）' : '网站生成（npm run build）';
  if (status === 'passed') {
    parts.push(report.command === 'check' ? '## ✅ 内容检查通过，可以生成网站' : '## ✅ 网站生成成功');
  } else {
    parts.push(
      report.command === 'check'
        ? '## ❌ 内容检查没有通过，网站不会生成，已发布的网站不受影响'
        : '## ❌ 网站没有生成，已发布的网站不受影响',
    );
  }
  parts.push(`${what}${report.today ? `，以 ${report.today}（北京时间）为当天` : ''}。`);

  if (report.fault) {
    parts.push(
      '**这不是文稿的问题，是生成程序本身出错了。** 请把这份报告和 CI 任务的日志转给技术人员。',
      `技术信息：${markdownText(maskPersonalData(report.fault))}`,
    );
  }
  const budget = { left: limit - parts.join('\n\n').length - 2_000 };
  if (errors.length > 0) {
    const files = new Set(errors.map((p) => p.file)).size;
    parts.push(
      `共 **${errors.length}** 处错误需要修改（${files} 个文件）${warnings.length ? `，另有 ${warnings.length} 条提醒` : ''}。`,
      problemTable(errors, budget),
    );
  }
  if (warnings.length > 0) {
    parts.push('### 提醒（不影响生成，建议修改）', problemTable(warnings, budget));
  }
  if (status === 'failed' && !report.fault) parts.push(NEXT_STEPS);
  if (report.published) parts.push(...publishedParts(report.published, report.command, budget));
  return `${parts.join('\n\n')}\n`;
}

const NEXT_STEPS = [
  '### 接下来怎么做',
  '1. 按上表逐条修改：在网页编辑器（网站的 /admin/ 页面）里打开对应的文稿，或在 Git 里直接编辑文件。',
  '2. 保存并提交修改。',
  '3. 提交后检查会自动重新运行；全部通过后，网站会重新生成并发布。',
].join('\n');

function problemTable(problems: readonly ReportProblem[], budget: { left: number }): string {
  const rows = problems.map((p) => {
    const { problem, fix } = splitAdvice(maskPersonalData(p.message));
    return [
      markdownCell(maskPersonalData(p.line ? `${p.file} 第 ${p.line} 行` : p.file)),
      markdownCell(p.field && maskPersonalData(p.fieldLabel ? `${p.fieldLabel}（${p.field}）` : p.field)),
      markdownCell(problem),
      markdownCell(fix),
    ];
  });
  return limitedTable(['文件', '字段', '问题', '怎么改'], rows, budget);
}

/** A table cut where the report's length runs out, saying how many rows were left out. */
function limitedTable(header: readonly string[], rows: readonly string[][], budget: { left: number }): string {
  let shown = 0;
  for (const row of rows) {
    const cost = row.join(' | ').length + 5;
    if (cost > budget.left) break;
    budget.left -= cost;
    shown++;
  }
  const table = markdownTable(header, rows.slice(0, shown));
  const left = rows.length - shown;
  return left > 0 ? `${table}\n\n还有 ${left} 条没有列出（报告篇幅有限）：请在本机运行 npm run check，或查看 CI 任务的日志。` : table;
}

function publishedParts(published: PublishedSummary, command: Report['command'], budget: { left: number }): string[] {
  const total = published.byType.reduce((sum, t) => sum + t.count, 0);
  const parts = [
    `${command === 'check' ? '生成后网站将包含' : '网站包含'} ${total} 项内容：${published.byType.map((t) => `${markdownText(t.type)} ${t.count}`).join('，')}。`,
  ];
  const { changes } = published;
  if (changes && 'unavailable' in changes) {
    parts.push(`### 本次修改的内容`, `无法列出自 ${markdownText(changes.since)} 以来修改的文稿：${markdownText(changes.unavailable)}`);
  } else if (changes) {
    parts.push(
      `### 本次修改的内容（自 ${markdownText(changes.since.slice(0, 12))} 以来）`,
      changes.entries.length === 0
        ? '没有修改文稿。'
        : limitedTable(
            ['类型', '标题', '文件', '状态'],
            changes.entries.map((e) => [
              markdownCell(e.type),
              e.url ? markdownLink(e.title, e.url) : markdownCell(e.title),
              markdownCell(e.file),
              markdownCell(e.state),
            ]),
            budget,
          ),
    );
  }
  if (published.scheduled.length > 0) {
    parts.push(
      '### 定时发布（到日期后第一次生成网站时出现）',
      limitedTable(
        ['日期', '标题', '文件'],
        published.scheduled.map((e) => [markdownCell(e.date), markdownCell(e.title), markdownCell(e.file)]),
        budget,
      ),
    );
  }
  if (published.drafts.length > 0) {
    parts.push(
      '### 草稿（draft: true，不会发布）',
      limitedTable(
        ['类型', '标题', '文件'],
        published.drafts.map((e) => [markdownCell(e.type), markdownCell(e.title), markdownCell(e.file)]),
        budget,
      ),
    );
  }
  return parts;
}
