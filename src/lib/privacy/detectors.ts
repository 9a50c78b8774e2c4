/**
 * The personal-data guard: finds what must never appear on a public page of an
 * anti-drug office (PIPL Art. 25/28; 戒毒条例 Art. 7): identity numbers, mobile
 * numbers, bank cards, licence plates, and people named as drug users.
 * Pure functions over text; the content gate and the built-site scan call them.
 */
import { isLegacyResidentId, isResidentId, passesLuhn } from './id-card.ts';
import { normalizeForScan } from './normalize.ts';

export type FindingKind = 'id-card' | 'legacy-id' | 'mobile' | 'bank-card' | 'plate' | 'named-person' | 'name-profile';

export interface Finding {
  kind: FindingKind;
  /** The text as found (normalised), for the allowlist. */
  value: string;
  /** Offset in the original text. */
  index: number;
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

/** Digits with at most one space or hyphen between them, as people type long numbers. */
const spacedDigits = (count: string) => `\\d(?:[ -]?\\d)${count}`;

const ID18 = new RegExp(`(?<![0-9A-Za-z])(${spacedDigits('{16}')}[ -]?[0-9Xx])(?![0-9A-Za-z])`, 'g');
const ID15 = new RegExp(`(?<![0-9A-Za-z])(${spacedDigits('{14}')})(?![0-9A-Za-z])`, 'g');
const CARD = new RegExp(`(?<![0-9A-Za-z])(${spacedDigits('{15,18}')})(?![0-9A-Za-z])`, 'g');
const MOBILE = /(?<![0-9A-Za-z])((?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8})(?![0-9A-Za-z])/g;

const PROVINCE_ABBR = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_LETTER = 'A-HJ-NP-Z';
const PLATE = new RegExp(
  `([${PROVINCE_ABBR}][${PLATE_LETTER}])[·•・. -]?(` +
    // new-energy plates: D/F then 5, or 5 then D/F
    `[DF][${PLATE_LETTER}0-9]\\d{4}|\\d{5}[DF]|` +
    `[${PLATE_LETTER}0-9]{4}[${PLATE_LETTER}0-9挂学警港澳])(?![0-9A-Za-z])`,
  'g',
);

/** Common single-character surnames, and compound ones. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤符云麦吉羊冼' +
  '容岑温柯邢蒙';
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐'];

/** Words that follow the sensitive nouns and merely start with a surname character. */
const NOT_NAMES = new Set([
  '毛发', '管理', '管控', '方面', '方式', '方法', '白天', '高危', '高发', '家属', '家庭', '于今', '于近', '于本', '于去', '于当',
  '余人', '余名', '万人', '万名', '江边', '龙头', '金额', '史料', '程序', '向社', '孟夏', '严重', '严格', '戴上', '田间', '叶片',
  '石头', '任务', '武装', '史上', '段时', '许可', '谢谢', '夏季', '邢台', '苏醒', '吕梁', '曾经', '曾有', '曾因', '曾在', '和家',
  '丁香', '韩国', '钟点', '潘多', '包括', '周边', '周末', '周围', '黄金', '陆续', '温暖', '温馨', '容易', '向其', '于一', '马上',
]);

/** Nouns after which a personal name identifies someone as involved with drugs. */
const SENSITIVE = ['吸毒人员', '戒毒人员', '社戒社康人员', '复吸人员', '帮教对象', '涉毒人员', '吸毒者', '戒毒者', '犯罪嫌疑人', '被告人', '吸毒嫌疑人'];

const MASK = /[某＊*×xX○〇□]/;
const HAN = /\p{Script=Han}/u;
/** A name is usually followed by punctuation, or by one of these words. */
const AFTER_WORDS = '因被系曾在于等与及到从向说称';
const AFTER_NAME = new RegExp(`[^\\p{Script=Han}]|[${AFTER_WORDS}]`, 'u');

function surnameAt(text: string, i: number): number {
  if (COMPOUND_SURNAMES.includes(text.slice(i, i + 2))) return 2;
  return SURNAMES.includes(text[i] ?? '') ? 1 : 0;
}

/** A name starting at `i`: surname + 1–2 characters, with what ends it; undefined when masked or a common word. */
function nameAt(text: string, i: number): { name: string; masked: boolean } | undefined {
  const surname = surnameAt(text, i);
  if (!surname) return undefined;
  for (const given of [2, 1]) {
    const name = text.slice(i, i + surname + given);
    const rest = [...name].slice(surname);
    if (rest.length !== given || !rest.every((c) => HAN.test(c) || MASK.test(c))) continue;
    if (given === 2 && AFTER_WORDS.includes(rest[1]!)) continue; // 李强因…: the name is 李强
    const next = text[i + name.length] ?? ' ';
    if (!AFTER_NAME.test(next)) continue;
    if (NOT_NAMES.has(name.slice(0, 2))) return undefined;
    return { name, masked: rest.some((c) => MASK.test(c)) };
  }
  return undefined;
}

function* matches(re: RegExp, text: string) {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

const digitsOf = (s: string) => s.replace(/[ -]/g, '');

/** Everything in `original` that looks like personal data. */
export function findPersonalData(original: string, latestYear = new Date().getUTCFullYear()): Finding[] {
  const { text, originOf } = normalizeForScan(original);
  const findings: Finding[] = [];
  const taken = new Set<number>();
  const add = (kind: FindingKind, value: string, at: number, length: number) => {
    for (let i = at; i < at + length; i++) taken.add(i);
    findings.push({ kind, value, index: originOf(at) });
  };
  const free = (at: number, length: number) => ![...Array(length).keys()].some((k) => taken.has(at + k));

  for (const m of matches(ID18, text)) {
    const id = digitsOf(m[1]!);
    if (isResidentId(id, latestYear)) add('id-card', id, m.index, m[0].length);
  }
  for (const m of matches(MOBILE, text)) {
    if (free(m.index, m[0].length)) add('mobile', digitsOf(m[1]!).replace(/^\+?86/, ''), m.index, m[0].length);
  }
  for (const m of matches(CARD, text)) {
    const digits = digitsOf(m[1]!);
    if (free(m.index, m[0].length) && passesLuhn(digits)) add('bank-card', digits, m.index, m[0].length);
  }
  for (const m of matches(ID15, text)) {
    const digits = digitsOf(m[1]!);
    if (digits.length === 15 && free(m.index, m[0].length) && isLegacyResidentId(digits)) add('legacy-id', digits, m.index, m[0].length);
  }
  for (const m of matches(PLATE, text)) add('plate', `${m[1]}${m[2]}`, m.index, m[0].length);

  for (const word of SENSITIVE) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      let i = at + word.length;
      while (/[：:“"「『\s]/.test(text[i] ?? '')) i++;
      const found = nameAt(text, i);
      if (found && !found.masked) add('named-person', found.name, i, found.name.length);
    }
  }
  // 王小明（男，35岁）: a name with sex and age, unless masked as 王某.
  for (let at = text.search(/[（(][男女][，,、]/); at >= 0; ) {
    for (const length of [3, 2, 4]) {
      const start = at - length;
      if (start < 0) continue;
      const found = nameAt(text, start);
      if (found && found.name.length === length && !found.masked && free(start, length)) {
        add('name-profile', found.name, start, length);
        break;
      }
    }
    const next = text.slice(at + 1).search(/[（(][男女][，,、]/);
    at = next < 0 ? -1 : at + 1 + next;
  }
  return findings.sort((a, b) => a.index - b.index);
}

/** A finding shown in a log without repeating the personal data: `4600**********12`. */
export function maskValue(value: string): string {
  const chars = [...value];
  if (chars.length <= 2) return `${chars[0] ?? ''}*`;
  const keep = chars.length >= 11 ? 4 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep - (chars.length >= 11 ? 2 : 0)) + (chars.length >= 11 ? chars.slice(-2).join('') : '');
}
