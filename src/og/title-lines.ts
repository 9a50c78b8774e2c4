/**
 * Splits a share image's big title into lines between words, as a typesetter
 * would: satori alone breaks Chinese between any two characters, so a poster
 * read "…守护健康成 / 长". Pure: the caller passes the font's
 * measure.
 */

/** Width in px of `text` set at `size` px in the share images' bold face. */
export type Measure = (text: string, size: number) => number;

export interface TitleBox {
  /** Width of the text box in px. */
  width: number;
  /** Font size in px. */
  size: number;
  /** Lines at most; the last one ends with "…" when the title is longer. */
  maxLines: number;
  /** A title too long for `maxLines` at `size` is set smaller, down to this size, before it is cut. */
  minSize?: number;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
// Opening marks stay with the word after them, closing marks and spaces with the word before.
const OPENING = /^[“‘《（(［[【「『〈]+$/u;
const CLOSING = /^[\s”’》）)］\]】」』〉、，。．：；！？!?,.:;…—·%％]+$/u;
const ELLIPSIS = '…';

/**
 * The title cut into pieces no line may split: dictionary words (ICU), with
 * punctuation and spaces glued to their neighbour.
 *
 * @example titleWords('护航青春不“毒”行') // ['护航', '青春', '不', '“毒”', '行']
 */
export function titleWords(title: string): string[] {
  const words: string[] = [];
  let opening = '';
  for (const { segment } of segmenter.segment(title.trim())) {
    if (OPENING.test(segment)) opening += segment;
    else if (CLOSING.test(segment) && words.length > 0 && !opening) words[words.length - 1] += segment;
    else {
      words.push(opening + segment);
      opening = '';
    }
  }
  if (opening) words.push(opening);
  return words;
}

/** Whether a line may end after this word without cutting a phrase: after a space or punctuation. */
const endsPhrase = (word: string) => /[\s”’》）)］\]】」』〉、，。．：；！？!?,.:;…—]$/u.test(word);

/**
 * The lines of a title: as few as fit, then as even as possible, preferring
 * breaks after a space or punctuation; a word wider than the box is split
 * between characters. Past `maxLines` the title is cut with "…".
 *
 * @example titleLines('识别新型毒品\u3000守护健康成长', { width: 920, size: 76, maxLines: 3 }, measure)
 * // ['识别新型毒品', '守护健康成长']
 */
export function titleLines(title: string, box: TitleBox, measure: Measure): string[] {
  const fits = (text: string) => measure(text.trimEnd(), box.size) <= box.width;
  const words = titleWords(title).flatMap((w) => (fits(w) ? [w] : [...w]));
  if (words.length === 0) return [];
  // Each word measured once (whole, and without a trailing space for the end of a line): a title has no kerning across words.
  const whole = words.map((w) => measure(w, box.size));
  const trimmed = words.map((w) => measure(w.trimEnd(), box.size));
  // best[i]: cheapest way to set words[i..]; a line costs far more than any unevenness, so fewer lines win.
  const best: { cost: number; next: number }[] = [];
  best[words.length] = { cost: 0, next: words.length };
  for (let i = words.length - 1; i >= 0; i--) {
    best[i] = { cost: Infinity, next: i + 1 };
    let before = 0;
    for (let j = i; j < words.length; j++) {
      const width = before + trimmed[j]!;
      before += whole[j]!;
      if (j > i && width > box.width) break;
      const slack = 1 - width / box.width;
      const last = j === words.length - 1;
      const cost = 100 + slack * slack + (last || endsPhrase(words[j]!) ? 0 : 0.2) + best[j + 1]!.cost;
      if (cost < best[i]!.cost) best[i] = { cost, next: j + 1 };
    }
  }
  const lines: string[] = [];
  for (let i = 0; i < words.length; i = best[i]!.next) lines.push(words.slice(i, best[i]!.next).join('').trimEnd());
  if (lines.length <= box.maxLines) return lines;
  // Too long: fill the lines greedily and end the last one with an ellipsis.
  const filled: string[] = [''];
  for (const word of words) {
    const current = filled[filled.length - 1]!;
    if (current === '' || fits(current + word)) filled[filled.length - 1] = current + word;
    else filled.push(word);
  }
  const kept = filled.slice(0, box.maxLines).map((l) => l.trimEnd());
  let tail = kept[kept.length - 1]!;
  while (tail && !fits(tail + ELLIPSIS)) tail = [...tail].slice(0, -1).join('').trimEnd();
  kept[kept.length - 1] = tail + ELLIPSIS;
  return kept;
}

/**
 * The lines of a title and the size they are set at: the largest size from
 * `box.size` down to `box.minSize` (in steps of 2 px) at which the whole title
 * fits, or the smallest, cut with "…", when none does.
 */
export function fitTitle(title: string, box: TitleBox, measure: Measure): { lines: string[]; size: number } {
  const cut = (lines: string[]) => lines.at(-1)?.endsWith(ELLIPSIS) === true && !title.trimEnd().endsWith(ELLIPSIS);
  let size = box.size;
  let lines = titleLines(title, box, measure);
  while (cut(lines) && size - 2 >= (box.minSize ?? box.size)) {
    size -= 2;
    lines = titleLines(title, { ...box, size }, measure);
  }
  return { lines, size };
}
