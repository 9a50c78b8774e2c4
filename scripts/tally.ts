/**
 * `npm run tally`: the campaign figures the office reports, computed from the
 * event records with the same code as the site.
 *
 *   npm run tally -- [--campaign ID] [--by town|month|format|organizer]… [--format table|json|csv|md] [--check]
 *   npm run tally -- import FILE [--campaign ID] [--dry-run] [--allow-errors]
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eventSchema } from '#/schemas/events.ts';
import { imagePath, schemaContext } from '#/schemas/context.ts';
import { checkContent } from '#/lib/gate/check-content.ts';
import { ContentProblemsError, formatProblem, sortProblems, type Problem } from '#/lib/gate/problem.ts';
import { contentDir, displayPath, loadSettings } from '#/lib/site/settings.ts';
import { eventMarkdown, planImport, readSheet } from '#/lib/tally/event-import.ts';
import { BREAKDOWNS, qualityProblems, type Breakdown, type EventRecord } from '#/lib/tally/tally.ts';
import { campaignReport, FORMATS, renderReports, type Format } from '#/lib/tally/report.ts';
import { tallyRecords } from '#/lib/tally/records.ts';
import { buildDate } from '#/lib/content/publishing.ts';
import { wan } from '#/lib/core/format.ts';

const USAGE = `用法：
  npm run tally -- [--campaign 活动文件名] [--by town|month|format|organizer]… [--format table|json|csv|md] [--check]
  npm run tally -- import 表格.xlsx|表格.csv [--campaign 活动文件名] [--dry-run] [--allow-errors]`;

function fail(message: string): number {
  console.error(`${message}\n\n${USAGE}`);
  return 2;
}

function printProblems(problems: Problem[]) {
  for (const p of sortProblems(problems)) console.error(formatProblem(p));
}

function load() {
  const dir = contentDir();
  const settings = loadSettings(dir);
  const { problems, entries } = checkContent(dir, settings);
  // Only problems in the records the tally reads concern it (the gate has applied the record rules too).
  const own = problems.filter((p) => /(^|\/)(events|campaigns)\//.test(p.file));
  return { dir, settings, records: tallyRecords(entries), problems: own };
}

function report(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      campaign: { type: 'string' },
      by: { type: 'string', multiple: true, default: [] },
      format: { type: 'string', default: 'table' },
      check: { type: 'boolean', default: false },
    },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) return fail(`--format 只能是 ${FORMATS.join('、')}`);
  const by = values.by as Breakdown[];
  const unknown = by.filter((b) => !BREAKDOWNS.includes(b));
  if (unknown.length) return fail(`--by 只能是 ${BREAKDOWNS.join('、')}（现在是 ${unknown.join('、')}）`);

  const { settings, records, problems } = load();
  const campaigns = values.campaign ? records.campaigns.filter((c) => c.id === values.campaign) : records.campaigns;
  if (values.campaign && campaigns.length === 0) {
    return fail(`找不到活动“${values.campaign}”。现有活动：${records.campaigns.map((c) => c.id).join('、') || '（无）'}`);
  }
  const reports = campaigns.map((c) => campaignReport(c, records.events, by, settings.towns));
  process.stdout.write(renderReports(reports, format, settings.townLabel));

  printProblems(problems);
  let status = problems.some((p) => p.severity === 'error') ? 1 : 0;
  if (values.check) {
    for (const r of reports) {
      if (r.differences.length === 0) {
        console.log(`核对一致：${r.campaign.name}（${r.computed.events} 场，${r.computed.leaflets} 份，约${r.audienceRounded}人次）`);
        continue;
      }
      status = 1;
      console.log(`核对不一致：${r.campaign.name}`);
      for (const d of r.differences) {
        const shown = (n: number) => (d.figure === 'audience' ? `${n}（约${wan(n, String)}）` : String(n));
        console.log(`  ${d.label}：上报 ${shown(d.reported)}，记录汇总 ${shown(d.computed)}，相差 ${d.computed - d.reported}`);
      }
      const suspects = problems.filter((p) => records.events.some((e: EventRecord) => e.file === p.file && e.campaign === r.campaign.id));
      console.log(
        suspects.length
          ? `  可能的原因（见上面的问题）：${[...new Set(suspects.map((p) => p.file))].join('、')}`
          : '  记录本身没有发现问题：请核对是否漏录或多录了活动（可用 --by town --by month 逐项对照）',
      );
    }
  }
  return status;
}

async function importSheet(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      campaign: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'allow-errors': { type: 'boolean', default: false },
    },
  });
  const [file] = positionals;
  if (!file) return fail('请给出要导入的表格文件');
  if (!existsSync(file)) return fail(`找不到文件 ${file}`);
  const { dir, settings, records } = load();
  const campaignId = values.campaign ?? (records.campaigns.length === 1 ? records.campaigns[0]!.id : undefined);
  const campaign = records.campaigns.find((c) => c.id === campaignId);
  if (!campaign) return fail(`请用 --campaign 指定活动。现有活动：${records.campaigns.map((c) => c.id).join('、') || '（无）'}`);

  const sheet = await readSheet(file);
  const { records: planned, problems } = planImport(sheet, campaign.id, eventSchema(schemaContext(settings, imagePath)));
  const eventsDir = path.join(dir, 'events');
  const taken = new Set<string>();
  const asRecord = (p: (typeof planned)[number], name: string): EventRecord => ({
    ...(p.data as Omit<EventRecord, 'id' | 'file'>),
    id: name,
    file: `${sheet.name} 第 ${p.row} 行`,
  });
  const named = planned.map((p) => {
    let name = p.fileName;
    for (let n = 2; existsSync(path.join(eventsDir, `${name}.md`)) || taken.has(name); n++) name = `${p.fileName}-${n}`;
    taken.add(name);
    return { ...p, name };
  });
  // Duplicates and dates are checked together with the records already there.
  const today = buildDate(settings.timeZone);
  const quality = qualityProblems([...records.events, ...named.map((p) => asRecord(p, p.name))], [campaign], today).filter((q) =>
    q.file.startsWith(sheet.name),
  );
  const all = [...problems, ...quality];
  printProblems(all);
  const errors = all.filter((p) => p.severity === 'error');
  const bad = new Set(quality.filter((q) => q.severity === 'error').map((q) => q.file));
  const writable = named.filter((p) => !bad.has(`${sheet.name} 第 ${p.row} 行`));

  console.log(
    `${sheet.name}${sheet.encoding ? `（${sheet.encoding.toUpperCase()}）` : ''}：${sheet.rows.length - 1} 行，${writable.length} 行可导入，${errors.length} 处错误。`,
  );
  if (errors.length > 0 && !values['allow-errors']) {
    console.log('表格有错误，没有写入任何文件。请改正后重新导入；如只想导入正确的行，加上 --allow-errors。');
    return 1;
  }
  for (const p of writable) {
    const target = path.join(eventsDir, `${p.name}.md`);
    console.log(`${values['dry-run'] ? '将写入' : '写入'} ${displayPath(target)}`);
    if (!values['dry-run']) writeFileSync(target, eventMarkdown(p.data), { flag: 'wx' });
  }
  if (values['dry-run']) console.log('（试运行：没有写入文件）');
  return errors.length > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const [first, ...rest] = process.argv.slice(2);
  try {
    return first === 'import' ? await importSheet(rest) : report(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ContentProblemsError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) return fail(error.message);
    throw error;
  }
}

process.exitCode = await main();
