/**
 * The content gate's own checks, run in the web editor before a save, with the
 * gate's Chinese messages: the content type's schema (required fields, real
 * dates, closed lists, office phones), the personal-data guard over every
 * text the entry carries, and the Markdown policy's rules on the body, parsed
 * with micromark (Sätteri, the gate's parser, is a native module). What only
 * the build can see (links to other pages, an image's file and bytes, rules
 * across entries) the build still reports.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { bodyProblems } from '#/lib/gate/markdown-rules.ts';
import type { Problem } from '#/lib/gate/problem.ts';
import { issuesToProblems, PARSE_PARAMS } from '#/lib/gate/zod-messages.ts';
import { personalDataProblems } from '#/lib/privacy/guard.ts';
import { contentTypeOf, type CollectionName } from '#/schemas/index.ts';
import { imagePath, schemaContext } from '#/schemas/context.ts';
import type { SiteSettings } from '#/schemas/site.ts';

/** What the editor's page carries for the checks: the site's settings and its allow-list, folded as the guard folds values. */
export interface EditorCheckContext {
  settings: SiteSettings;
  allow: readonly string[];
}

/** Every text in a value, one per line, as the guard scans a file. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}

/**
 * micromark is slower than Sätteri, and some bodies cost it far more than their
 * length (measured here: 16,000 nested brackets 3.3 s, 30,000 emphasis marks on
 * each side of a word ten minutes): past this budget the editor leaves the body
 * to the build rather than freeze the page. No real entry comes near it (the
 * longest body is 1,149 characters with 20 marks).
 */
const PARSE_BUDGET = { characters: 20_000, emphasisMarks: 1_000 };

/** The body as mdast, parsed as the gate parses it (CommonMark and GFM), or undefined past the budget. */
function parseBody(body: string) {
  if (body.length > PARSE_BUDGET.characters) return undefined;
  if ((body.match(/[*_~]/g)?.length ?? 0) > PARSE_BUDGET.emphasisMarks) return undefined;
  return fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/**
 * The problems the gate would report for this entry's frontmatter fields and
 * body. Only the body's problems have a line: the body's own, from 1.
 */
export function editorProblems(
  type: CollectionName,
  fields: Record<string, unknown>,
  body: string,
  file: string,
  { settings, allow }: EditorCheckContext,
  today: string,
): Problem[] {
  const schema = contentTypeOf(type).schema(schemaContext(settings, imagePath));
  const result = schema.safeParse(fields, PARSE_PARAMS);
  const schemaProblems = result.success ? [] : issuesToProblems(result.error.issues, schema, file, () => undefined);
  const text = [...textsOf(fields), body].join('\n');
  const allowed = new Set(allow);
  const latestYear = Number(today.slice(0, 4));
  const privacy = personalDataProblems(text, file, allowed, { latestYear });
  // Texts the page shows decoded (entities, escapes), scanned again; what the raw scan found is not said twice.
  const said = new Set(privacy.map((p) => p.message));
  const scanShown = (shown: string, line: number) =>
    personalDataProblems(shown, file, allowed, { firstLine: line, latestYear }).filter((p) => !said.has(p.message));
  const policy = bodyProblems(body, parseBody, { file, bodyLine: 1, scanShown });
  // A field's line or the whole text's means nothing in a form: only the body's lines are kept.
  const unplaced = (p: Problem) => ({ ...p, line: undefined });
  return [...schemaProblems.map(unplaced), ...privacy.map(unplaced), ...policy];
}
