/**
 * The personal-data guard as the content gate and the built-site scan use it:
 * findings turned into problems, minus what the allowlist declares public.
 */
import path from 'node:path';
import { privacyAllowlistSchema } from '#/schemas/privacy-allowlist.ts';
import type { Problem } from '#/lib/gate/problem.ts';
import { issuesToProblems, PARSE_PARAMS } from '#/lib/gate/zod-messages.ts';
import { loadYaml, YamlProblem } from '#/lib/gate/yaml.ts';
import { readTextFile } from '#/lib/gate/read-source.ts';
import { displayPath } from '#/lib/site/settings.ts';
import { canonicalValue, findPersonalData, KIND_LABELS, maskValue } from './detectors.ts';
import { lineLocator } from './normalize.ts';

export const ALLOWLIST_FILE = 'privacy-allowlist.yaml';

/** Allowlisted values, compared after the same folding the detectors apply. */
export type Allowlist = ReadonlySet<string>;

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

/** Problems for every piece of personal data in `text`, at its line (plus `firstLine - 1`). */
export function personalDataProblems(
  text: string,
  file: string,
  allow: Allowlist,
  { firstLine = 1, latestYear }: { firstLine?: number; latestYear: number },
): Problem[] {
  const lineAt = lineLocator(text);
  return findPersonalData(text, latestYear)
    .filter((f) => !allow.has(canonicalValue(f.value)))
    .map((f) => ({
      file,
      line: lineAt(f.index) + firstLine - 1,
      message:
        `疑似个人信息（${KIND_LABELS[f.kind]}：${maskValue(f.value)}）。公开网页不能出现任何人的身份证号、手机号、银行卡号、车牌号，` +
        `也不能点名涉毒人员；请删除，或改写为“王某”这样的称呼。若确属公开信息（如单位公布的电话、官员的公开职务），请在 ${ALLOWLIST_FILE} 登记并写明理由`,
      severity: 'error' as const,
    }));
}
