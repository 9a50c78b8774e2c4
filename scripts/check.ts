/**
 * `npm run check`: the content gate alone, without rendering the site.
 * Prints every problem, one per line, and exits 1 if any is an error.
 * With `SITE_REPORT=file.md` it also writes the Markdown report staff read in CI.
 */
import { checkContent } from '#/lib/gate/check-content.ts';
import { ContentProblemsError, formatProblem, programFault, sortProblems } from '#/lib/gate/problem.ts';
import { buildDate } from '#/lib/content/publishing.ts';
import { scheduleReport } from '#/lib/content/schedule.ts';
import { failedReport, passedReport, reportFile, writeReport } from '#/lib/build/report-content.ts';
import { contentDir, displayPath, loadSettings } from '#/lib/site/settings.ts';

function main(): number {
  const dir = contentDir();
  const report = reportFile();
  let settings;
  let check;
  try {
    settings = loadSettings(dir);
    check = checkContent(dir, settings);
  } catch (error) {
    console.error((error instanceof ContentProblemsError ? error : programFault(error)).message);
    if (report) writeReport(report, failedReport('check', error, { contentDir: dir, settings }));
    return 1;
  }
  const { problems, entries } = check;
  const today = buildDate(settings.timeZone);
  for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    console.error(`\n共 ${errors} 处错误需要修改（${displayPath(dir)}，${entries.length} 个文件）。`);
    if (report) writeReport(report, failedReport('check', new ContentProblemsError(problems), { contentDir: dir, settings, today }));
    return 1;
  }
  console.log(`内容检查通过：${displayPath(dir) || '.'} 下 ${entries.length} 个文件。`);
  if (report) writeReport(report, passedReport('check', check, { contentDir: dir, settings, today }));
  const { scheduled, drafts } = scheduleReport(entries, today);
  if (scheduled.length > 0) {
    console.log(`\n定时发布（以 ${today} 为今天，到日期后重新生成网站时出现）：`);
    for (const s of scheduled) console.log(`  ${s.date}  ${s.file}`);
  }
  if (drafts.length > 0) {
    console.log(`\n草稿（draft: true，不会发布）：`);
    for (const d of drafts) console.log(`  ${d}`);
  }
  return 0;
}

process.exitCode = main();
