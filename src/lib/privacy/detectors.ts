/**
 * The personal-data guard: finds what must never appear on a public page of an
 * anti-drug office (PIPL Art. 25/28; 戒毒条例 Art. 7): identity numbers, mobile
 * numbers, bank cards, licence plates, and people named as drug users.
 * Pure functions over text; the content gate and the built-site scan call them.
 */
import { isLegacyResidentId, isResidentId, passesLuhn } from './id-card.ts';
import { findNames } from './names.ts';
import { normalizeForScan } from './normalize.ts';

export type FindingKind = 'id-card' | 'legacy-id' | 'mobile' | 'bank-card' | 'plate' | 'named-person' | 'name-profile';

export interface Finding {
  kind: FindingKind;
  /** The text as found (normalised), for the allowlist. */
  value: string;
  /** Offset in the original text. */
  index: number;
  /** Length in the original text. */
  length: number;
}

export const KIND_LABELS: Record<FindingKind, string> = {
  'id-card': '身份证号',
  'legacy-id': '疑似15位旧身份证号（请核实）',
  mobile: '手机号',
  'bank-card': '银行卡号',
  plate: '车牌号',
  'named-person': '涉毒人员的姓名',
  'name-profile': '带性别年龄的真实姓名',
};

/**
 * Characters people and word processors put between digit groups (after
 * normalisation: NBSP and U+3000 are spaces, full-width －．／ are ASCII):
 * spaces, hyphens and dashes of every width, dots, middle dots, slashes.
 */
const SEPARATOR = String.raw`[ \t\-‐‑‒–—―−﹣.·•・‧∙/_]`;
const SEPARATORS = new RegExp(`${SEPARATOR}|\\s`, 'g');

/** A value as the allowlist compares it: folded, without separators, in upper case (琼a·12345 → 琼A12345). */
export const canonicalValue = (value: string) => normalizeForScan(value).text.replace(SEPARATORS, '').toUpperCase();

/** Digit groups joined by separators (at most three in a row), an ID's final X, a leading +. */
const DIGIT_RUN = new RegExp(String.raw`(?<![0-9A-Za-z+])\+?\d+(?:${SEPARATOR}{1,3}\d+)*(?:${SEPARATOR}{0,3}[Xx])?(?![0-9A-Za-z])`, 'g');

/** Eighteen characters of an ID number between anything but digits. */
const GLUED_ID = /(?<!\d)(\d{17}[\dXx])(?!\d)/g;

const PROVINCE_ABBR = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** Letters on plates (no I, no O), in either case: people type 琼c12345. A class is faster than the i flag. */
const PLATE_LETTER = 'A-HJ-NP-Za-hj-np-z';
const PLATE = new RegExp(
  `([${PROVINCE_ABBR}]) ?([${PLATE_LETTER}])[·•・‧∙. \\-]{0,2}(` +
    // new-energy plates: D/F then 5, or 5 then D/F
    `[DFdf][${PLATE_LETTER}0-9]\\d{4}|\\d{5}[DFdf]|` +
    `[${PLATE_LETTER}0-9]{4}[${PLATE_LETTER}0-9挂学警港澳])(?![0-9A-Za-z])`,
  'g',
);

function* matches(re: RegExp, text: string) {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

/** A mainland mobile number (digits only, country code optional): the one pattern, also refused where an office phone is asked for. */
export const MOBILE_NUMBER = /^(?:\+?86|0086)?(1[3-9]\d{9})$/;

/** What a run of digit groups spells, if anything: the kind and the value (digits only, country code dropped). */
function numberKind(span: readonly string[], latestYear: number): { kind: FindingKind; value: string } | undefined {
  const digits = span.join('');
  if (digits.length === 18 && isResidentId(digits, latestYear)) return { kind: 'id-card', value: digits.toUpperCase() };
  const mobile = MOBILE_NUMBER.exec(digits);
  if (mobile) return { kind: 'mobile', value: mobile[1]! };
  if (/^\d{16,19}$/.test(digits) && cardGrouping(span) && passesLuhn(digits)) return { kind: 'bank-card', value: digits };
  if (digits.length === 15 && isLegacyResidentId(digits)) return { kind: 'legacy-id', value: digits };
  return undefined;
}

/** A card is written whole, in fours, or as 6 + the rest; 20240301-20240331 is a date range, not a card. */
const cardGrouping = (span: readonly string[]) =>
  span.length === 1 || span.slice(0, -1).every((g) => g.length === 4) || (span.length === 2 && span[0]!.length === 6);

/**
 * Groups as written: one digit each (1 3 8 …), or every group inside at least
 * three digits long (138.7654.3210, 4600 0219 …). A date range
 * (2024.03.01–2024.03.31) has two-digit groups inside and is not read as one number.
 */
function plausibleGrouping(groups: readonly string[]): boolean {
  if (groups.every((g) => g.length === 1)) return true;
  return groups.slice(1, -1).every((g) => g.length >= 3);
}

/** The digit groups of a run, an ID's final X joined to the group before it. */
function groupsOf(run: RegExpExecArray): { text: string; at: number }[] {
  const groups = [...run[0].matchAll(/\d+|[Xx]/g)].map((g) => ({ text: g[0], at: run.index + g.index }));
  const last = groups.at(-1);
  if (groups.length > 1 && last && /[Xx]/.test(last.text)) {
    groups.pop();
    const before = groups.pop()!;
    groups.push({ text: before.text + last.text, at: before.at });
  }
  return groups;
}

/** Numbers in one run of digit groups: from each group on, the longest whole-group span that spells something. */
function* numbersInRun(run: RegExpExecArray, latestYear: number) {
  const groups = groupsOf(run);
  const plus = run[0].startsWith('+') ? '+' : '';
  for (let s = 0; s < groups.length;) {
    const spans: string[][] = [];
    for (let e = s, digits = 0; e < groups.length && (digits += groups[e]!.text.length) <= 19; e++) {
      spans.push(groups.slice(s, e + 1).map((g) => g.text));
    }
    let found: { kind: FindingKind; value: string; end: number } | undefined;
    for (let k = spans.length - 1; k >= 0 && !found; k--) {
      const span = spans[k]!;
      const digits = span.join('');
      if (digits.length < 11 || !plausibleGrouping(span)) continue;
      const number = numberKind(s === 0 && plus ? [plus, ...span] : span, latestYear);
      if (number) found = { ...number, end: s + k };
    }
    if (!found) {
      s++;
      continue;
    }
    const last = groups[found.end]!;
    yield { kind: found.kind, value: found.value, at: groups[s]!.at, length: last.at + last.text.length - groups[s]!.at };
    s = found.end + 1;
  }
}

/** A number written in Chinese numerals, 一三八七六五四三二一〇 (幺 as read aloud for 1). */
const CHINESE_DIGITS = '〇零幺一二三四五六七八九';
const CHINESE_RUN = new RegExp(`[${CHINESE_DIGITS}](?:${SEPARATOR}?[${CHINESE_DIGITS}]){10,18}`, 'g');
/** The digit of each numeral above; separators give ''. */
const chineseDigit = (c: string) => '001123456789'[CHINESE_DIGITS.indexOf(c)] ?? '';

/** Everything in `original` that looks like personal data. */
export function findPersonalData(original: string, latestYear = new Date().getUTCFullYear()): Finding[] {
  const { text, originOf } = normalizeForScan(original);
  const findings: Finding[] = [];
  const add = (kind: FindingKind, value: string, at: number, length: number) => {
    const index = originOf(at);
    findings.push({ kind, value, index, length: originOf(at + length - 1) + 1 - index });
  };

  for (const run of matches(DIGIT_RUN, text)) {
    // Most runs are years and counts: fewer than 11 digits spell nothing.
    if (run[0].replace(/\D/g, '').length < 11) continue;
    for (const n of numbersInRun(run, latestYear)) add(n.kind, n.value, n.at, n.length);
  }
  // An ID number glued to letters (号码460002…35abc, a file name) escapes the runs above; its checksum and date make it safe to look for anywhere.
  for (const m of matches(GLUED_ID, text)) {
    const at = originOf(m.index);
    const covered = findings.some((f) => f.index <= at && at < f.index + f.length);
    if (!covered && isResidentId(m[1]!, latestYear)) add('id-card', m[1]!.toUpperCase(), m.index, m[1]!.length);
  }
  for (const m of matches(CHINESE_RUN, text)) {
    const number = numberKind([[...m[0]].map(chineseDigit).join('')], latestYear);
    if (number) add(number.kind, number.value, m.index, m[0].length);
  }
  for (const m of matches(PLATE, text)) {
    // A plate has digits; 琼abcde is a word.
    if ((m[3]!.match(/\d/g)?.length ?? 0) >= 2) add('plate', `${m[1]}${m[2]}${m[3]}`.toUpperCase(), m.index, m[0].length);
  }
  for (const hit of findNames(text)) add(hit.kind, hit.name, hit.at, hit.name.length);
  return findings.sort((a, b) => a.index - b.index);
}

/** `text` with every piece of personal data in it masked, for logs (file names included). */
export function maskPersonalData(text: string): string {
  let masked = text;
  for (const f of findPersonalData(text).reverse()) {
    masked = masked.slice(0, f.index) + maskValue(f.value) + masked.slice(f.index + f.length);
  }
  return masked;
}

/** A finding shown in a log without repeating the personal data: `4600**********12`. */
export function maskValue(value: string): string {
  const chars = [...value];
  if (chars.length <= 2) return `${chars[0] ?? ''}*`;
  const keep = chars.length >= 11 ? 4 : 1;
  return (
    chars.slice(0, keep).join('') +
    '*'.repeat(chars.length - keep - (chars.length >= 11 ? 2 : 0)) +
    (chars.length >= 11 ? chars.slice(-2).join('') : '')
  );
}
