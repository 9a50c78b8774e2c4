/**
 * Characters staff text may not hold: invisible ones, ones that change the
 * direction text is shown in (a title or a link can then read differently from
 * what it is), and code points that are not characters at all. One home for
 * the rule, used by every frontmatter text field and by the Markdown body.
 */

export interface BadCharacter {
  /** `U+202E`. */
  code: string;
  /** What it is, in Chinese. */
  what: string;
  /** 1-based position in characters (code points). */
  position: number;
  /** Offset in UTF-16 units, for line numbers. */
  offset: number;
}

const NAMED: Record<number, string> = {
  0x202a: '从左到右嵌入符',
  0x202b: '从右到左嵌入符',
  0x202c: '方向格式结束符',
  0x202d: '从左到右覆盖符',
  0x202e: '从右到左覆盖符',
  0x2066: '从左到右隔离符',
  0x2067: '从右到左隔离符',
  0x2068: '方向隔离符',
  0x2069: '方向隔离结束符',
  0x200e: '从左到右标记',
  0x200f: '从右到左标记',
  0x061c: '阿拉伯字母标记',
  0x200b: '零宽空格',
  0x200c: '零宽不连字符',
  0x200d: '零宽连字符',
  0x2060: '零宽不换行符',
  0xfeff: '零宽不换行空格（BOM）',
  0xfffd: '替换字符“�”（文字编码出错时才会出现）',
};

/** Direction controls: refused everywhere, the body included. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Anything a one-line field may not hold: controls, format characters, private use, unassigned, lone surrogates. */
const NOT_IN_FIELDS = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\u2028\u2029\ufffd]/u;

/** In a body: direction controls and control characters other than tab and line ends. */
const NOT_IN_BODY = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

function describeCode(cp: number, char: string): string {
  const named = NAMED[cp];
  if (named) return BIDI.test(char) ? `${named}，会改变文字的显示方向` : named;
  if (/\p{Cc}/u.test(char)) return '控制字符';
  if (/\p{Co}/u.test(char)) return '私人使用区字符，各台电脑显示不同';
  if (/\p{Cs}/u.test(char)) return '残缺的字符，文字编码已损坏';
  if (/\p{Cn}/u.test(char)) return '尚未分配的编码，不是一个字';
  return '不可见的格式字符';
}

const codeOf = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function findAll(text: string, pattern: RegExp): BadCharacter[] {
  if (!pattern.test(text)) return []; // nearly always: one pass instead of one test per character
  const found: BadCharacter[] = [];
  let position = 0;
  let offset = 0;
  // Iterating a string yields lone surrogates as single units, so they are seen too.
  for (const char of text) {
    position++;
    if (pattern.test(char)) {
      const cp = char.codePointAt(0)!;
      found.push({ code: codeOf(cp), what: describeCode(cp, char), position, offset });
    }
    offset += char.length;
  }
  return found;
}

/** The first character a one-line text field may not hold (spaces and line ends around the value are fine). */
export function badFieldCharacter(value: string): BadCharacter | undefined {
  const lead = value.length - value.replace(/^[ \n]+/, '').length;
  const inner = value.replace(/^[ \n]+|[ \n]+$/g, '');
  const [first] = findAll(inner, NOT_IN_FIELDS);
  return first && { ...first, position: first.position + lead, offset: first.offset + lead };
}

/** Every character a Markdown body may not hold. */
export function badBodyCharacters(text: string): BadCharacter[] {
  return findAll(text, NOT_IN_BODY);
}

/** The message for a field: which character, where, and how to fix it. */
export function badFieldMessage(bad: BadCharacter): string {
  return `第 ${bad.position} 个字是不允许的字符 ${bad.code}（${bad.what}）：请删掉这一项，重新输入文字，不要从网页、聊天记录或文档里复制粘贴`;
}

/** The message for a body line. */
export function badBodyMessage(bad: BadCharacter): string {
  return `正文里有不允许的字符 ${bad.code}（${bad.what}），它能让文字或链接看起来和实际不同：请删掉这一段里的这个字符，重新输入文字`;
}
