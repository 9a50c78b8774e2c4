/**
 * Checks on the built site, before it replaces the published one: every page
 * has content (Astro 7 can ship an empty body after a Markdown error and still
 * exit 0) and no page text carries personal data. Images: ./output-images.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HTMLElement, parse } from 'node-html-parser';
import { digest } from './build-cache.ts';
import type { Problem } from '#/lib/gate/problem.ts';
import type { CheckedEntry } from '#/lib/gate/entries.ts';
import { personalDataProblems, type Allowlist } from '#/lib/privacy/guard.ts';
import { entryPath, paths } from '#/lib/site/urls.ts';

export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && keep(d.name))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

/** `/news/x/` for dist/news/x/index.html. */
export function pagePath(dir: string, file: string): string {
  const rel = path.relative(dir, file).split(path.sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** An HTML page of the output and a digest of its bytes. */
export interface BuiltPage {
  file: string;
  /** `/news/x/` */
  page: string;
  digest: string;
}

/** Every HTML page under `dir`, with a digest of its bytes (the build reads them once: see `SiteBuild.pages`). */
export function builtPages(dir: string): BuiltPage[] {
  return filesUnder(dir, (name) => name.endsWith('.html')).map((file) => ({
    file,
    page: pagePath(dir, file),
    digest: digest(readFileSync(file)),
  }));
}

export interface PageCheckOptions {
  allow: Allowlist;
  latestYear: number;
}

/**
 * Problems in one built HTML page: an empty `<main>`, personal data in its
 * text (entities decoded) or any attribute value, and (given the entry it shows) a Markdown body
 * that rendered empty, which Astro 7 lets through with exit code 0.
 */
export function pageProblems(html: string, page: string, options: PageCheckOptions, entry?: CheckedEntry): Problem[] {
  const { main, dataBody, title, body, attributeTexts } = scan(parse(html));
  const problems: Problem[] = [];
  // The web editor's page is an application shell: its script draws everything.
  if (page !== paths.admin() && (!main || !main.textContent.trim())) {
    problems.push({ file: page, message: '页面主体（<main>）是空的：生成时出错了，请检查对应文稿', severity: 'error' });
  }
  if (entry?.body.trim() && !dataBody?.textContent.trim()) {
    problems.push({
      file: entry.file,
      line: entry.bodyLine,
      message: `正文在生成的页面 ${page} 里是空的：Markdown 可能有格式错误，请检查正文`,
      severity: 'error',
    });
  }
  const text = [title?.textContent ?? '', body?.textContent ?? '', ...attributeTexts].join('\n');
  for (const p of personalDataProblems(text, page, options.allow, { latestYear: options.latestYear })) {
    problems.push({ ...p, line: undefined, message: `生成的页面中${p.message}` });
  }
  return problems;
}

/** An attribute value as a reader or dialler gets it: `tel:%2B86%20138…` → `tel:+86 138…` (entities are decoded by the parser). */
function attributeText(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/** Raw attributes that could hold personal data: digits or any non-ASCII text. */
const MAY_HOLD_DATA = /[\d\u0080-\uffff]/;

/**
 * What the checks read from a page, in one walk in document order (the first
 * <main>, [data-body], <title> and <body>; every attribute value: alt, title,
 * href, aria-label, data-*, meta content …). Five selector queries took a third
 * of the checks' time; attributes are parsed (entities, percent-encoding) only
 * when their raw text has `&` or `%`, and read raw otherwise.
 */
function scan(root: HTMLElement) {
  const found: { main?: HTMLElement; dataBody?: HTMLElement; title?: HTMLElement; body?: HTMLElement; attributeTexts: string[] } = {
    attributeTexts: [],
  };
  const visit = (element: HTMLElement) => {
    for (const child of element.childNodes) {
      if (!(child instanceof HTMLElement)) continue;
      const tag = child.rawTagName?.toLowerCase();
      const raw = child.rawAttrs;
      if (tag === 'main') found.main ??= child;
      else if (tag === 'title') found.title ??= child;
      else if (tag === 'body') found.body ??= child;
      if (!found.dataBody && raw.includes('data-body') && child.hasAttribute('data-body')) found.dataBody = child;
      if (/[&%]/.test(raw)) {
        for (const value of Object.values(child.attributes)) found.attributeTexts.push(attributeText(value));
      } else if (MAY_HOLD_DATA.test(raw)) found.attributeTexts.push(raw);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** The entry each page shows, so its body can be checked there. */
export function entriesByPage(entries: readonly CheckedEntry[]): Map<string, CheckedEntry> {
  const byPage = new Map<string, CheckedEntry>();
  for (const entry of entries) {
    const page = entryPath(entry.collection, entry.id);
    if (page) byPage.set(page, entry);
  }
  return byPage;
}
