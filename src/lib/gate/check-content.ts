/**
 * The content gate's core: reads every file under the content folder with the
 * same schemas as the site and returns every problem found, without Astro.
 */
import path from 'node:path';
import { z } from 'astro/zod';
import { COLLECTION_NAMES, contentTypeOf, entryIdFromPath, type CollectionName } from '#/schemas/index.ts';
import { schemaContext } from '#/schemas/context.ts';
import type { SiteSettings } from '#/schemas/site.ts';
import { displayPath, SETTINGS_FILE } from '#/lib/site/settings.ts';
import { isAsciiSlug, slugify } from '#/lib/core/slug.ts';
import { FrontmatterError, parseMarkdown } from './frontmatter.ts';
import { buildDate } from '#/lib/content/publishing.ts';
import { yearOf } from '#/lib/core/dates.ts';
import { knownAnchors, knownPaths } from '#/lib/content/site-paths.ts';
import { ALLOWLIST_FILE, personalDataProblems } from '#/lib/privacy/guard.ts';
import { loadAllowlist } from './allowlist.ts';
import { markdownProblems } from './markdown-policy.ts';
import { crossEntryProblems } from './cross-entry.ts';
import type { CheckedEntry } from './entries.ts';
import { beginImageCheck, endImageCheck, imageFileProblem, imageReferenceProblem } from './image-file.ts';
import { fieldInfo } from '#/schemas/fields.ts';
import { confineFile, confineMessage } from './confine.ts';
import { IMAGE_FILE_NAME } from './image-bytes.ts';
import { readTextFile, walkContent } from './read-source.ts';
import { fieldPath, type Problem } from './problem.ts';
import { issuesToProblems, PARSE_PARAMS } from './zod-messages.ts';

/** An image path as the gate sees it, to be checked against the files on disk. */
class ImageRef {
  readonly src: string;

  constructor(src: string) {
    this.src = src;
  }
}
const imageRef = () => z.string().transform((src) => new ImageRef(src));

const ENTRY_EXT = /\.md$/;
/** What the content folder's first level may hold besides the section folders. */
const ROOT_FILES = new Set([SETTINGS_FILE, ALLOWLIST_FILE, 'README.md']);

export interface ContentCheck {
  problems: Problem[];
  entries: CheckedEntry[];
}

export interface CheckOptions {
  /** The project's public/ folder, for links to files served as they are (default: `SITE_PUBLIC_DIR`, as astro.config.mjs reads it, or ./public). */
  publicDir?: string;
  env?: NodeJS.ProcessEnv;
}

export function checkContent(dir: string, settings: SiteSettings, options: CheckOptions = {}): ContentCheck {
  beginImageCheck(options.env);
  const problems: Problem[] = [];
  const entries: CheckedEntry[] = [];
  const ctx = schemaContext(settings, imageRef);
  const today = buildDate(settings.timeZone, options.env);
  const { allow, problems: allowlistProblems } = loadAllowlist(dir);
  problems.push(...allowlistProblems);
  const privacy = (text: string, file: string, firstLine = 1) =>
    personalDataProblems(text, file, allow, { firstLine, latestYear: yearOf(today) });
  const schemas = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, contentTypeOf(c).schema(ctx)])) as Record<CollectionName, z.ZodType>;

  const walked = walkContent(dir, displayPath);
  problems.push(...walked.problems);
  for (const abs of walked.files) {
    const file = displayPath(abs);
    const [top = '', ...rest] = path.relative(dir, abs).split(path.sep);
    if (rest.length === 0) {
      // Images here (the logo, a photo several sections share) are judged where they are used.
      if (!ROOT_FILES.has(top) && !IMAGE_FILE_NAME.test(top)) {
        problems.push({
          file,
          message: `内容文件夹的第一层只放 ${[...ROOT_FILES].join('、')}、图片和各栏目文件夹；这个文件不会被发布，请移到栏目文件夹里或删除`,
          severity: 'error',
        });
      }
      continue;
    }
    if (!(COLLECTION_NAMES as string[]).includes(top)) {
      problems.push({
        file,
        message: `不认识的栏目文件夹 ${top}/：栏目只有 ${COLLECTION_NAMES.join('、')}，这个文件不会被发布，请移到对应栏目里`,
        severity: 'error',
      });
      continue;
    }
    problems.push(...guarded(file, () => checkFile(top as CollectionName, abs, file)));
  }

  function checkFile(collection: CollectionName, abs: string, file: string): void {
    const schema = schemas[collection];
    const name = path.basename(abs);
    problems.push(...privacy(path.relative(dir, abs), file).map((p) => ({ ...p, line: undefined, message: `文件名中${p.message}` })));
    if (!ENTRY_EXT.test(name)) {
      if (!IMAGE_FILE_NAME.test(name)) problems.push(unknownFile(file, name));
      else problems.push(...assetProblems(dir, abs, file));
      return;
    }
    const id = entryIdFromPath(name);
    if (!isAsciiSlug(id)) {
      const suggestion = slugify(id) || 'news-item';
      problems.push({
        file,
        message: `文件名只能用小写英文字母、数字和连字符（-），因为它就是网页地址。请改名为 ${suggestion}${path.extname(name)}`,
        severity: 'error',
      });
    }
    problems.push(...idRuleProblems(collection, id, file));
    const read = readTextFile(abs, file, '文稿');
    if (!read.ok) {
      problems.push(read.problem);
      return;
    }
    const source = read.text;
    problems.push(...privacy(source, file));
    let parsed;
    try {
      parsed = parseMarkdown(source);
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      problems.push({ file, line: error.line, message: error.message, severity: 'error' });
      return;
    }
    for (const datePath of datesIn(parsed.data)) {
      problems.push({
        file,
        line: parsed.lineOf(datePath),
        field: fieldPath(datePath),
        message: '日期要加英文双引号，如 "2024-03-01"（不加引号时，写错的日期会被悄悄改成另一天）',
        severity: 'error',
      });
    }
    const parsedEntry = { collection, id, file, abs, source, body: parsed.body, bodyLine: parsed.bodyLine, lineOf: parsed.lineOf };
    const result = schema.safeParse(parsed.plain, PARSE_PARAMS);
    if (!result.success) {
      problems.push(...issuesToProblems(result.error.issues, schema, file, parsed.lineOf, 2));
      entries.push({ ...parsedEntry, valid: false, data: {} });
      return;
    }
    const data = result.data as Record<string, unknown>;
    problems.push(...imageProblems(data, dir, abs, file, parsed.lineOf));
    if (!data.draft) {
      problems.push(...exampleLeftovers(schema, data, file, parsed.lineOf));
      const placeholder = contentTypeOf(collection).scaffold?.body;
      if (placeholder && parsed.body.includes(placeholder)) {
        const line = parsed.bodyLine + parsed.body.slice(0, parsed.body.indexOf(placeholder)).split('\n').length - 1;
        problems.push({
          file,
          line,
          message: `正文里还留着新建文件时的提示“${placeholder.slice(0, 12)}……”，请换成真正的正文`,
          severity: 'error',
        });
      }
    }
    entries.push({ ...parsedEntry, valid: true, data });
  }
  problems.push(...crossEntryProblems(entries, dir, today));

  // Bodies last: links are checked against every page the content will produce.
  const valid = entries.filter((e) => e.valid);
  const targets = {
    pages: knownPaths(valid, today),
    anchors: knownAnchors(valid, today),
    publicDir: options.publicDir ?? path.resolve((options.env ?? process.env).SITE_PUBLIC_DIR || 'public'),
    contentDir: dir,
  };
  // Text as it will be published (YAML escapes and Markdown entities decoded), scanned again for personal
  // data the raw file hid; what the raw scan already found is not said twice.
  const said = (p: Problem) => `${p.file}\n${p.message}`;
  const rawFindings = new Set(problems.map(said));
  const unsaid = (p: Problem) => !rawFindings.has(said(p));
  for (const entry of entries) {
    const lines = entry.source.split('\n');
    for (const [at, text] of textsIn(entry.data)) {
      const line = entry.lineOf(at);
      // A value written on its line as it reads was scanned with the whole file already.
      if (line === undefined || !lines[line - 1]?.includes(text)) problems.push(...privacy(text, entry.file, line).filter(unsaid));
    }
    const shown = (text: string, line: number) => privacy(text, entry.file, line).filter(unsaid);
    problems.push(...guarded(entry.file, () => markdownProblems(entry.body, entry.abs, entry.file, entry.bodyLine, targets, shown)));
  }
  endImageCheck();
  return { problems, entries };
}

/**
 * One file's check, with a program fault turned into a problem about that file:
 * a hostile file must not hide the problems in every other one, nor print a stack trace.
 */
function guarded(file: string, check: () => Problem[] | void): Problem[] {
  try {
    return check() ?? [];
  } catch (error) {
    const what = error instanceof Error ? error.name : typeof error;
    return [
      { file, message: `检查这个文件时程序出错（${what}），文件没有通过检查：请把这个文件和这条提示转给技术人员`, severity: 'error' },
    ];
  }
}

function idRuleProblems(collection: CollectionName, id: string, file: string): Problem[] {
  const spec = contentTypeOf(collection);
  if (spec.onlyIds && !spec.onlyIds.includes(id)) {
    return [{ file, message: `这里只能放这些文件：${spec.onlyIds.map((i) => `${i}.md`).join('、')}`, severity: 'error' }];
  }
  if (spec.reservedIds?.includes(id)) {
    return [{ file, message: `文件名 ${id} 已被网站栏目占用，请换一个文件名`, severity: 'error' }];
  }
  return [];
}

function unknownFile(file: string, name: string): Problem {
  if (/\.mdx$/i.test(name)) {
    return {
      file,
      message: 'content/ 里不能使用 MDX 文件（.mdx 会在生成时执行代码）。请改成 .md；需要交互组件的页面请交给开发人员放在 src/pages/ 里',
      severity: 'error',
    };
  }
  const hint = /\.(markdown|txt|MD|Md)$/.test(name)
    ? `请把扩展名改为 .md，否则不会发布`
    : '这个文件不会被发布；内容文件夹里只放 .md 文稿和它们用到的图片（jpg、png、webp）';
  return { file, message: `不认识的文件类型：${hint}`, severity: 'error' };
}

/**
 * A sentence still equal to the example `npm run new` filled in: easy to forget
 * once the draft flag is switched off. Only sentence-like examples count (with
 * ， or 。): a town, a category or a date in an example can be a real choice.
 */
function exampleLeftovers(
  schema: z.ZodType,
  data: Record<string, unknown>,
  file: string,
  lineOf: (p: readonly PropertyKey[]) => number | undefined,
  at: string[] = [],
): Problem[] {
  return Object.entries(data).flatMap(([key, value]): Problem[] => {
    const path = [...at, key];
    if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof ImageRef)) {
      return exampleLeftovers(schema, value as Record<string, unknown>, file, lineOf, path);
    }
    const example = fieldInfo(schema, path)?.example.replace(/^"|"$/g, '');
    if (typeof value !== 'string' || !example || !/[，。]/.test(example) || value.trim() !== example) return [];
    return [
      {
        file,
        line: lineOf(path),
        field: fieldPath(path),
        message: '这还是新建文件时填的示例内容，请改成这篇文稿的真实内容',
        severity: 'error',
      },
    ];
  });
}

/** An image file in the content folder, used or not: a real file there, of a type and size the site can publish. */
function assetProblems(dir: string, abs: string, file: string): Problem[] {
  const confined = confineFile(dir, abs);
  const message = confined.ok ? imageFileProblem(abs) : confineMessage(confined.reason, path.basename(abs), '图片');
  return message ? [{ file, message, severity: 'error' }] : [];
}

/** Every text value of the frontmatter, with its path. */
function textsIn(value: unknown, at: PropertyKey[] = []): [PropertyKey[], string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => textsIn(v, [...at, i]));
  if (value && typeof value === 'object' && !(value instanceof ImageRef)) {
    return Object.entries(value).flatMap(([k, v]) => textsIn(v, [...at, k]));
  }
  return [];
}

/** Paths of values that YAML read as dates because they were not quoted. */
function datesIn(value: unknown, at: PropertyKey[] = []): PropertyKey[][] {
  if (value instanceof Date) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => datesIn(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => datesIn(v, [...at, k]));
  return [];
}

/** Image fields of the frontmatter (cover photos and the like): each file confined to the content folder and decoded. */
function imageProblems(
  data: unknown,
  dir: string,
  abs: string,
  file: string,
  lineOf: (p: readonly PropertyKey[]) => number | undefined,
  at: PropertyKey[] = [],
): Problem[] {
  if (data instanceof ImageRef) {
    const problem = (message: string): Problem => ({ file, line: lineOf(at), field: fieldPath(at), message, severity: 'error' });
    if (!/^\.\.?\//.test(data.src)) return [problem(`图片路径应以 ./ 开头，指向与文稿同一文件夹里的图片，如 ./${path.basename(data.src)}`)];
    const fileProblem = imageReferenceProblem(dir, path.resolve(path.dirname(abs), data.src), data.src);
    return fileProblem ? [problem(fileProblem)] : [];
  }
  if (Array.isArray(data)) return data.flatMap((v, i) => imageProblems(v, dir, abs, file, lineOf, [...at, i]));
  if (data && typeof data === 'object') {
    return Object.entries(data).flatMap(([k, v]) => imageProblems(v, dir, abs, file, lineOf, [...at, k]));
  }
  return [];
}
