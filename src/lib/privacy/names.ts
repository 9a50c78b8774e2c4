/**
 * People named as drug users: a name after a role word (吸毒人员符海明近日…),
 * before one through a link (符海明系吸毒人员, 符海明等3名吸毒人员), joined to
 * such a name (王小红和李明), or given with sex and age (王小明，男，35岁).
 * A rule over role words and stop words, measured on tests/fixtures/privacy/
 * (a segmenter missed unseen names and tagged ordinary words as names).
 */
import { FOLLOW_CHARS, FOLLOW_WORDS, JOINERS, NON_NAME_CHARS, ROLE_WORDS, STOP_WORDS, TITLE_ENDINGS } from './roles.ts';
import { GIVEN_NAME_CHARS, surnameAt } from './surnames.ts';

export interface NameHit {
  kind: 'named-person' | 'name-profile';
  name: string;
  /** Offset in the scanned text. */
  at: number;
}

/** Masked names (王某, 王某某, 符某明, 王*明, 王XX) are how the news may refer to people. */
const MASK = /[某*×xX○〇□]/;
const HAN = /\p{Script=Han}/u;
const PSEUDONYM = /^\s*[（(]化名[）)]/;

const FOLLOW_BY_FIRST = new Map<string, string[]>();
for (const word of FOLLOW_WORDS) FOLLOW_BY_FIRST.set(word[0]!, [...(FOLLOW_BY_FIRST.get(word[0]!) ?? []), word]);

/** A character that may stand in a given name. */
const givenChar = (c: string | undefined) => c !== undefined && (MASK.test(c) || (HAN.test(c) && !NON_NAME_CHARS.has(c)));

/** Whether what starts at `i` ends a name before it: punctuation, the end, a follow word, or a joiner before another name. */
function endsName(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined || !HAN.test(c)) return true;
  if (FOLLOW_CHARS.has(c)) return true;
  if (JOINERS.has(c) && surnameAt(text, i + 1).length > 0) return true;
  return (FOLLOW_BY_FIRST.get(c) ?? []).some((word) => text.startsWith(word, i));
}

interface Candidate {
  name: string;
  masked: boolean;
}

/** What ends a place name: 吸毒人员北山镇… names a place, not a person (北山镇, 王家村, 河西乡), whatever office it is. */
const PLACE_ENDING = /^(?:镇|乡|村|县|市|区|街道|社区|农场|华侨|经济区|开发区)/;

const candidate = (text: string, start: number, length: number, surname: number): Candidate | undefined => {
  const name = text.slice(start, start + length);
  // 常常, 时时: a surname repeated as the whole given name is a word; 王奶奶, 李主任 are forms of address.
  if ((length === 2 && name[0] === name[1]) || TITLE_ENDINGS.has(name.at(-1)!)) return undefined;
  if (STOP_WORDS.has(name.slice(0, 2)) || STOP_WORDS.has(name.slice(-2))) return undefined;
  if (PLACE_ENDING.test(text.slice(start + length, start + length + 3))) return undefined;
  if (PSEUDONYM.test(text.slice(start + length, start + length + 6))) return undefined;
  return { name, masked: [...name.slice(surname)].some((c) => MASK.test(c)) };
};

const STRONG_FOLLOW = /^(?:[被因系于]|近日|日前)/;

/** Last characters of words, not of given names (季节性, 幸存者, 广州籍). */
const NOT_LAST = new Set([...'者性籍式型化类级率期间内外后界状态感度']);

/** The name starting at `i`, read up to what ends it; a rarer surname (also a word: 高, 管, 于) needs that ending. */
function nameAt(text: string, i: number): Candidate | undefined {
  const { length: surname, common } = surnameAt(text, i);
  if (!surname || !givenChar(text[i + surname])) return undefined;
  const twoGiven = givenChar(text[i + surname + 1]);
  if (!common) {
    // A surname that is also a word (于, 曾, 高, 向) never starts a name before a follow word (曾表示, 于近日);
    // its name has two given characters, or one before 被/因/系/于/近日 (高明被查获, not 付费参加).
    if (endsName(text, i + surname)) return undefined;
    const twoEnded = twoGiven && !NOT_LAST.has(text[i + surname + 1]!) && endsName(text, i + surname + 2);
    if (twoEnded) return candidate(text, i, surname + 2, surname);
    return STRONG_FOLLOW.test(text.slice(i + surname + 1, i + surname + 3)) ? candidate(text, i, surname + 1, surname) : undefined;
  }
  if (endsName(text, i + surname + 1)) return candidate(text, i, surname + 1, surname);
  if (twoGiven && endsName(text, i + surname + 2)) return candidate(text, i, surname + 2, surname);
  // Nothing known ends it: a second given character is one common in names, or the first repeated (娜娜).
  const second = text[i + surname + 1]!;
  return candidate(text, i, surname + (twoGiven && (GIVEN_NAME_CHARS.has(second) || second === text[i + surname]) ? 2 : 1), surname);
}

/** Every role word, longest first; one expression is 15× faster than a search per word. */
const ROLES = new RegExp([...ROLE_WORDS].sort((a, b) => b.length - a.length).join('|'), 'g');

/** Characters that are surnames but, before a name, usually end another word (经查王明, 和王明, 向王明). */
const BEFORE_NAME = new Set([...'查经和于向时同从都将对把被让由给叫名据称']);

/** The name ending just before `end`, read backwards (村民王建设|是…). */
function nameEndingAt(text: string, end: number): Candidate | undefined {
  const options: { start: number; surname: number }[] = [];
  for (const length of [4, 3, 2]) {
    const start = end - length;
    if (start < 0) continue;
    const { length: surname, common } = surnameAt(text, start);
    const given = length - surname;
    if (!surname || given < 1 || given > 2 || BEFORE_NAME.has(text[start]!)) continue;
    if (![...text.slice(start + surname, end)].every(givenChar)) continue;
    const bounded = start === 0 || !HAN.test(text[start - 1]!);
    if (!common && length === 2 && !bounded) continue;
    options.push({ start, surname });
  }
  for (const { start, surname } of options) {
    const found = candidate(text, start, end - start, surname);
    if (found) return found;
  }
  return undefined;
}

/** A link from a name to a role word after it: 是, 系, 等3名, （ … with an optional count and modifier. */
const LINK_BEFORE_ROLE = new RegExp(
  // Markdown around the name or the role (**王海明**系, [王海明](/a/)是) is skipped.
  String.raw`(?:[*_]*(?:\]\([^)\s]*\))?[*_]*)(?<link>是|系|为|即|乃|属于?|作为|成为|已是|曾是|也是|均为|均系|都是|等(?:[0-9一二三四五六七八九十两几多]+[名人个])?|[（(])` +
    String.raw`\s*(?:一名|一位|一个|[0-9一二三四五六七八九十两几]+名)?(?:\p{Script=Han}{1,8}?的)?(?:社区|强制隔离|自愿|戒毒|在册)?[*_[]*$`,
  'u',
);

/** `王小明，男，35岁`, `王小明(男,35岁)`, `王小明（女 1989年出生）`: 男/女 between separators (searched from 男/女, which is rarer). */
const PROFILE = /[男女]性?\s*[，,、|\s]/g;
const PROFILE_BEFORE = /[，,、（(|\s]\s*$/;
/**
 * What follows 男/女 in a profile, within a few words: age (also a bare one in a
 * table row), birth year, ethnicity, origin, schooling, work.
 */
const PROFILE_DETAIL =
  /^(?:[\s|]*\d{1,2}\s*(?:[|，,、）)；;。]|$)|[^。；;\n]{0,24}?(?:\d{1,3}\s*周?岁|(?:19|20)\d\d\s*年|\p{Script=Han}族|出生|籍|住址|文化|文盲|初中|高中|小学|无业|农民|务工))/u;
/** An official's published profile (任职公示) is public: 王建国，男，1965年出生，中共党员，现任…. */
const OFFICIAL = /现任|拟任|任职|中共党员|公示/;
/** A label or an age before a name: 姓名：王小明, 35岁的王小明. */
const LABELLED = /姓名\s*[：:]\s*|\d{1,3}\s*周?岁的/g;
/** Words after a role word that lead to its names: 吸毒人员名单：…, 涉毒人员包括…. */
const ROLE_LEAD = /^\s*(?:名单|姓名|名字|名叫|叫做|包括|分别是|分别为)?[：:\s（(“"「『]*/;
/** 作为一名社区戒毒人员，王小明…: the name follows the comma. */
const AS_ROLE = /(?:作为|身为)\p{Script=Han}{0,6}$/u;
/** 一名叫王小明的吸毒人员: a name announced before a role word close behind it. */
const CALLED = /名叫|叫做/g;

/** Every unmasked name in `text` that identifies someone as involved with drugs. */
export function findNames(text: string): NameHit[] {
  const hits: NameHit[] = [];
  const seen = new Set<number>();
  const add = (kind: NameHit['kind'], found: Candidate | undefined, at: number) => {
    if (!found || found.masked || seen.has(at)) return;
    seen.add(at);
    hits.push({ kind, name: found.name, at });
  };
  const forwardFrom = (kind: NameHit['kind'], start: number) => {
    for (let i = start, count = 0; count < 8; count++) {
      while (/[：:“"「『‘'（(\s*_[]/.test(text[i] ?? '')) i++;
      const found = nameAt(text, i);
      if (!found) return;
      add(kind, found, i);
      let next = i + found.name.length;
      while (/[\s”"」』’'*_\]]/.test(text[next] ?? '')) next++;
      if (!JOINERS.has(text[next] ?? '') && !text.startsWith('以及', next)) return;
      i = next + (text[next] === '以' ? 2 : 1);
    }
  };
  const backwardFrom = (end: number) => {
    for (let count = 0; count < 8; count++) {
      const found = nameEndingAt(text, end);
      if (!found) return;
      const start = end - found.name.length;
      add('named-person', found, start);
      if (!JOINERS.has(text[start - 1] ?? '')) return;
      end = start - 1;
    }
  };

  for (const { index: at, 0: role } of text.matchAll(ROLES)) {
    const after = at + role.length;
    forwardFrom('named-person', after + ROLE_LEAD.exec(text.slice(after, after + 12))![0].length);
    if (/^[，,]/.test(text[after] ?? '') && AS_ROLE.test(text.slice(Math.max(0, at - 8), at))) forwardFrom('named-person', after + 1);
    const before = LINK_BEFORE_ROLE.exec(text.slice(Math.max(0, at - 24), at));
    const link = before?.groups?.link;
    if (!before || !link) continue;
    // 为 also means "for" (为吸毒人员提供…); 是/系 may lead to another noun (是吸毒人员的家属).
    const tail = text[after] ?? '';
    if ((link.startsWith('为') && HAN.test(tail)) || (/^[是系]/.test(link) && tail === '的')) continue;
    backwardFrom(at - before[0].length);
  }
  for (const m of text.matchAll(PROFILE)) {
    const separator = PROFILE_BEFORE.exec(text.slice(Math.max(0, m.index - 4), m.index));
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 48);
    if (!separator || !PROFILE_DETAIL.test(rest) || OFFICIAL.test(rest)) continue;
    let end = m.index - separator[0].length;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    const found = nameEndingAt(text, end);
    if (found) add('name-profile', found, end - found.name.length);
  }
  for (const m of text.matchAll(LABELLED)) forwardFrom('name-profile', m.index + m[0].length);
  for (const m of text.matchAll(CALLED)) {
    const near = text.slice(m.index, m.index + 16);
    if (ROLE_WORDS.some((role) => near.includes(role))) forwardFrom('named-person', m.index + m[0].length);
  }
  return hits;
}
