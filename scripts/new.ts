/**
 * `npm run new -- <类型> "<中文标题>" [--campaign 活动文件名]`
 * Creates a content file in the right folder, named from the title's pinyin,
 * with every field written out and explained. The file starts as a draft.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { imagePath, schemaContext } from '#/schemas/context.ts';
import { contentTypeOf, type CollectionName } from '#/schemas/index.ts';
import { ContentProblemsError, formatProblem } from '#/lib/gate/problem.ts';
import { checkContent } from '#/lib/gate/check-content.ts';
import { NEW_TYPES, newEntryName, newEntryText } from '#/lib/content/new-entry.ts';
import { buildDate } from '#/lib/content/publishing.ts';
import { contentDir, displayPath, loadSettings } from '#/lib/site/settings.ts';
import { absoluteUrl, entryPath, paths } from '#/lib/site/urls.ts';

const USAGE = `用法：npm run new -- 类型 "中文标题"
类型：${NEW_TYPES.map((t) => `${t}（${contentTypeOf(t).names.staff}）`).join('、')}
例如：npm run new -- news "我市开展禁毒宣传进社区活动"`;

function main(): number {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { campaign: { type: 'string' } } });
  const [type, ...titleWords] = positionals;
  const title = titleWords.join(' ').trim();
  if (!type || !(NEW_TYPES as string[]).includes(type) || !title) {
    console.error(USAGE);
    return 2;
  }
  const kind = type as CollectionName;
  const dir = contentDir();
  const settings = loadSettings(dir);
  const today = buildDate(settings.timeZone);
  const extra: Record<string, string> = {};
  if (kind === 'events') {
    const campaigns = checkContent(dir, settings).entries.filter((e) => e.collection === 'campaigns' && e.valid);
    const campaign = values.campaign ?? [...campaigns].sort((a, b) => String(b.data.start).localeCompare(String(a.data.start)))[0]?.id;
    if (!campaign || !campaigns.some((c) => c.id === campaign)) {
      console.error(
        `请用 --campaign 指定所属活动。现有活动：${campaigns.map((c) => c.id).join('、') || '（无，请先 npm run new -- campaigns "活动名称"）'}`,
      );
      return 2;
    }
    extra.campaign = campaign;
  }
  const folder = path.join(dir, kind);
  mkdirSync(folder, { recursive: true });
  const taken = new Set(readdirSync(folder, { recursive: true }).map((f) => path.basename(String(f)).replace(/\.md$/, '')));
  const id = newEntryName(kind, title, today, taken);
  const file = path.join(folder, `${id}.md`);
  if (existsSync(file)) throw new Error(`exists: ${file}`);
  writeFileSync(file, newEntryText({ type: kind, title, today, ctx: schemaContext(settings, imagePath), values: extra }), { flag: 'wx' });
  console.log(`已新建（草稿）：${displayPath(file)}`);
  console.log(
    `发布后的网址：${absoluteUrl(entryPath(kind, id) ?? (extra.campaign ? paths.campaign(extra.campaign) : paths.campaigns()), settings.url)}`,
  );
  // The title given here goes through the same rules as everything else (length, for one).
  const own = checkContent(dir, settings).problems.filter((p) => p.file === displayPath(file));
  for (const problem of own) console.error(formatProblem(problem));
  if (own.length > 0) {
    console.error('请先在文件里改正上面的问题。');
    return 1;
  }
  console.log('下一步：打开文件，把示例内容换成真实内容，把 draft 改为 false，然后运行 npm run check。');
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof ContentProblemsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
