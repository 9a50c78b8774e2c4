/**
 * The content gate's own checks, run in the web editor before a save, with the
 * gate's Chinese messages: the content type's schema (required fields, real
 * dates, closed lists, office phones) and the personal-data guard over every
 * text the entry carries. What only the build can see (links to other pages,
 * an image's bytes, rules across entries) the build still reports.
 */
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

/** The problems the gate would report for this entry's frontmatter fields and body. */
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
  const privacy = personalDataProblems(text, file, new Set(allow), { latestYear: Number(today.slice(0, 4)) });
  return [...schemaProblems, ...privacy.map((p) => ({ ...p, line: undefined }))];
}
