/**
 * The personal-data guard as the content gate and the built-site scan use it:
 * findings turned into problems, minus what the allowlist declares public.
 */
import type { Problem } from '#/lib/gate/problem.ts';
import { canonicalValue, findPersonalData, KIND_LABELS, maskValue } from './detectors.ts';
import { lineLocator } from './normalize.ts';

export const ALLOWLIST_FILE = 'privacy-allowlist.yaml';

/** Allowlisted values, compared after the same folding the detectors apply. */
export type Allowlist = ReadonlySet<string>;

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
