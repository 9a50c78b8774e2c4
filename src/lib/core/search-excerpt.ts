/**
 * Search excerpts that read as Chinese. Pagefind cuts its excerpt a fixed
 * number of words around the best match, so it starts mid-sentence (often with
 * a stray "，"), and it joins a heading to the text after it with an English
 * ". ". This module moves the start back to the beginning of the sentence
 * (found in the page's full text), ends it at a sentence's end, turns the
 * joins into Chinese punctuation and drops the page title the result already
 * shows. It returns plain parts, so the page builds text nodes and never
 * parses HTML from the index.
 */

export interface ExcerptPart {
  text: string;
  /** A matched word, shown highlighted. */
  mark: boolean;
}

interface Char {
  ch: string;
  mark: boolean;
}

/** Ends a sentence: the next one starts after it (and after any closing quote or bracket). */
const TERMINAL = /[。！？；!?]/;
const CLOSING = /[”’」』）)》]/;
/** Punctuation that cannot start an excerpt. */
const LEADING_JUNK = /[\s，、；：。！？,.;:)）”’」』》]/;
/** After these, Pagefind's joining ". " or space is dropped rather than turned into "。". */
const PUNCTUATION = /[。！？；：，、…—”’」』）)》!?;:,]/;
/** After these, a joining space goes; after a closing quote it stays (a heading may end with one). */
const SENTENCE_PUNCTUATION = /[。！？；：，、…!?;:,]/;
const ELLIPSIS = '……';
/** Characters an excerpt may have: about four lines on a phone. */
const MAX_LENGTH = 110;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };

/** Pagefind's excerpt (escaped text with `<mark>` around matched words) as parts, adjacent marks merged. */
export function parseExcerpt(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of html.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') {
      mark = piece === '<mark>';
      continue;
    }
    // Pagefind escapes the text; any other tag would be content that looks like one, so it stays text.
    const text = piece.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => ENTITIES[name]!);
    if (text) push(parts, text, mark);
  }
  return parts;
}

function push(parts: ExcerptPart[], text: string, mark: boolean) {
  const last = parts.at(-1);
  if (last && last.mark === mark) last.text += text;
  else parts.push({ text, mark });
}

/**
 * Whether a sentence starts at `index` in `text`: one ends just before it (or a
 * block, which Pagefind ends with ". "), or a heading starts there.
 */
function isSentenceStart(text: string, index: number, headingStarts: ReadonlySet<number> = new Set()): boolean {
  if (index <= 0 || headingStarts.has(index)) return true;
  let i = index - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  if (i < 0) return true;
  if (text[i] === '.' && /\s/.test(text[i + 1] ?? '')) return true;
  while (i > 0 && CLOSING.test(text[i]!)) i--;
  return TERMINAL.test(text[i]!);
}

/**
 * Where the sentence holding `index` starts, looking back at most `reach`
 * characters; undefined when it starts further back.
 */
export function sentenceStart(text: string, index: number, headingStarts: ReadonlySet<number>, reach = 60): number | undefined {
  for (let i = index; i >= Math.max(0, index - reach); i--) {
    if (isSentenceStart(text, i, headingStarts) && !/\s/.test(text[i] ?? '')) return i;
  }
  return undefined;
}

/** Where the sentence running at `index` ends (after its closing quote), looking ahead at most `reach` characters. */
function sentenceEnd(text: string, index: number, reach: number): number | undefined {
  for (let i = index; i < Math.min(text.length, index + reach); i++) {
    if (TERMINAL.test(text[i]!)) {
      let end = i + 1;
      while (CLOSING.test(text[end] ?? '')) end++;
      return end;
    }
    if (text[i] === '.' && /\s/.test(text[i + 1] ?? '')) return i;
  }
  return undefined;
}

/** Drops Pagefind's joins: ". " becomes "。" (or nothing after punctuation); a space after a sentence's punctuation goes. */
function chineseJoins(chars: Char[]): Char[] {
  const out: Char[] = [];
  for (let i = 0; i < chars.length; i++) {
    const { ch } = chars[i]!;
    const next = chars[i + 1]?.ch;
    const prev = out.at(-1)?.ch;
    if (ch === '.' && (next === undefined || /\s/.test(next)) && prev !== undefined && !/[A-Za-z0-9]/.test(prev)) {
      if (!PUNCTUATION.test(prev)) out.push({ ch: '。', mark: false });
      if (next !== undefined) i++;
      continue;
    }
    if (/\s/.test(ch) && (prev === undefined || SENTENCE_PUNCTUATION.test(prev))) continue;
    out.push(chars[i]!);
  }
  return out;
}

const charsOf = (parts: readonly ExcerptPart[]): Char[] => parts.flatMap(({ text, mark }) => [...text].map((ch) => ({ ch, mark })));

function partsOf(chars: readonly Char[]): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  for (const { ch, mark } of chars) push(parts, ch, mark);
  return parts;
}

export interface ExcerptSource {
  /** The page's indexed text (Pagefind's `content`). */
  content: string;
  /** Pagefind's excerpt. */
  excerpt: string;
  /** The page title the result shows above the excerpt. */
  title?: string;
  /** The page's headings (Pagefind's `anchors`): Pagefind marks where they end, not where they start. */
  headings?: readonly string[];
}

/**
 * The excerpt to show: from the start of a sentence to the end of one, Chinese
 * joins, without the title. Falls back to Pagefind's own words, cleaned, when
 * they cannot be found in the content.
 * @example readableExcerpt({ content: '标题. 第一句。第二句有禁毒二字，还有后文。', excerpt: '有<mark>禁毒</mark>二字，还', title: '标题' })
 * // [{ text: '第二句有', mark: false }, { text: '禁毒', mark: true }, { text: '二字，还有后文。', mark: false }]
 */
export function readableExcerpt({ content, excerpt, title, headings = [] }: ExcerptSource): ExcerptPart[] {
  const parts = parseExcerpt(excerpt);
  const plain = parts.map((p) => p.text).join('');
  const at = plain ? content.indexOf(plain) : -1;
  let chars = charsOf(parts);
  let openStart = false;
  let openEnd = false;
  if (at >= 0) {
    const headingStarts = blockStarts(content, headings);
    const start = sentenceStart(content, at, headingStarts);
    if (start === undefined) openStart = true;
    else chars = [...[...content.slice(start, at)].map((ch) => ({ ch, mark: false })), ...chars];
    const from = at + plain.length;
    const end = isSentenceStart(content, from) ? from : sentenceEnd(content, from, 30);
    if (end === undefined) openEnd = true;
    else chars = [...chars, ...[...content.slice(from, end)].map((ch) => ({ ch, mark: false }))];
    if (start === 0 && title) chars = withoutTitle(chars, title);
  } else {
    openStart = !isSentenceStart(content, 0) || LEADING_JUNK.test(plain[0] ?? '');
    openEnd = true;
  }
  chars = chineseJoins(chars);
  while (chars.length > 0 && LEADING_JUNK.test(chars[0]!.ch)) chars.shift();
  if (chars.length > MAX_LENGTH) {
    chars = shortened(chars);
    openEnd = true;
  }
  while (chars.length > 0 && /\s/.test(chars.at(-1)!.ch)) chars.pop();
  if (chars.length === 0) return [];
  if (openStart) chars.unshift(...[...ELLIPSIS].map((ch) => ({ ch, mark: false })));
  if (openEnd && !TERMINAL.test(chars.at(-1)!.ch)) chars.push(...[...ELLIPSIS].map((ch) => ({ ch, mark: false })));
  return partsOf(chars);
}

/** At most MAX_LENGTH characters, ending after a sentence where one ends after the first match. */
function shortened(chars: Char[]): Char[] {
  // A sentence end before the first match would cut the match off.
  const from = chars.findIndex((c) => c.mark) + 1;
  for (let i = MAX_LENGTH - 1; i >= from; i--) if (TERMINAL.test(chars[i]!.ch)) return chars.slice(0, i + 1);
  return chars.slice(0, MAX_LENGTH);
}

/** Where each heading starts in the text, and where the text after it starts (Pagefind joins some with a space only). */
function blockStarts(content: string, headings: readonly string[]): Set<number> {
  const starts = new Set<number>();
  for (const heading of headings) {
    const at = heading ? content.indexOf(heading) : -1;
    if (at < 0) continue;
    starts.add(at);
    let after = at + heading.length;
    while (/[.\s]/.test(content[after] ?? '')) after++;
    starts.add(after);
  }
  return starts;
}

/** The excerpt without the page title it starts with, when something is left after it. */
function withoutTitle(chars: Char[], title: string): Char[] {
  const text = chars.map((c) => c.ch).join('');
  if (!text.startsWith(title)) return chars;
  const rest = chars.slice([...title].length);
  const restText = rest.map((c) => c.ch).join('');
  return /^\.?\s*$/.test(restText) ? chars : rest;
}
