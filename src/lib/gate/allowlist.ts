/**
 * The office's privacy allow-list (`privacy-allowlist.yaml` in the content
 * folder): public values the personal-data guard would otherwise refuse, each
 * with its reason. Read like any content file; the guard itself stays free of
 * file access, so the web editor can run it too.
 */
import path from 'node:path';
import { privacyAllowlistSchema } from '#/schemas/privacy-allowlist.ts';
import { displayPath } from '#/lib/site/settings.ts';
import { ALLOWLIST_FILE, type Allowlist } from '#/lib/privacy/guard.ts';
import { canonicalValue } from '#/lib/privacy/detectors.ts';
import type { Problem } from './problem.ts';
import { readTextFile } from './read-source.ts';
import { loadYaml, YamlProblem } from './yaml.ts';
import { issuesToProblems, PARSE_PARAMS } from './zod-messages.ts';

export function loadAllowlist(contentDir: string): { allow: Allowlist; problems: Problem[] } {
  const file = path.join(contentDir, ALLOWLIST_FILE);
  const shown = displayPath(file);
  const read = readTextFile(file, shown, '放行清单');
  if (!read.ok) return { allow: new Set(), problems: read.missing ? [] : [read.problem] };
  const source = read.text;
  let raw: unknown;
  try {
    raw = loadYaml(source, { core: true }) ?? [];
  } catch (error) {
    if (!(error instanceof YamlProblem)) throw error;
    const message = `放行清单格式错误：${error.message}（每项应为 - value: … 和 reason: … 两行）`;
    return { allow: new Set(), problems: [{ file: shown, line: error.line, message, severity: 'error' }] };
  }
  const result = privacyAllowlistSchema.safeParse(raw, PARSE_PARAMS);
  if (!result.success) {
    return { allow: new Set(), problems: issuesToProblems(result.error.issues, privacyAllowlistSchema, shown, () => undefined) };
  }
  return { allow: new Set(result.data.map((e) => canonicalValue(e.value))), problems: [] };
}
