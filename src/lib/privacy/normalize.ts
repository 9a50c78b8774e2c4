/**
 * Text as the detectors read it: full-width digits and letters folded to ASCII
 * (NFKC) and invisible characters (zero-width, bidi controls) removed, so `４６０…` or an ID number with
 * U+200B between the digits is still found. Keeps a map back to the original
 * offsets so a finding can be reported at its real line.
 */

/** Zero-width and bidirectional controls, soft hyphen, Mongolian vowel separator, combining grapheme joiner. */
// eslint-disable-next-line no-misleading-character-class -- U+034F is listed to be matched alone, not as part of a character
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c\u180e\u034f]/;
/**
 * Characters that may fold or vanish: everything but ASCII and CJK ideographs,
 * which NFKC leaves as they are. Tested by code unit: a regular expression
 * walking the text was the largest part of the scan.
 */
const mayChange = (code: number) => !(code < 0x80 || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff));

export interface ScanText {
  text: string;
  /** Offset in the original text of a UTF-16 unit of `text`. */
  originOf(offset: number): number;
}

/** Each character's fold, worked out once: Chinese punctuation (，。：) is in every sentence. */
const folds = new Map<string, string>();
const fold = (char: string) => {
  let folded = folds.get(char);
  if (folded === undefined) folds.set(char, (folded = INVISIBLE.test(char) ? '' : char.normalize('NFKC')));
  return folded;
};

/**
 * The text and a map back to the original. The map is kept as segments (a
 * text offset, the original offset there, and whether the two advance
 * together), not an offset per character: one per character took a third of
 * the scan on long pages, and nearly every text maps back as a few segments.
 */
export function normalizeForScan(original: string): ScanText {
  const parts: string[] = [];
  const starts = [0];
  const origins = [0];
  const together = [true];
  let length = 0;
  const append = (part: string, origin: number, advancesWithText: boolean) => {
    const k = starts.length - 1;
    if (!(advancesWithText && together[k] && origins[k]! + (length - starts[k]!) === origin)) {
      starts.push(length);
      origins.push(origin);
      together.push(advancesWithText);
    }
    parts.push(part);
    length += part.length;
  };
  let copied = 0;
  // Runs of unchanged characters are copied whole; only the others are folded (NFKC), one by one.
  for (let index = 0; index < original.length;) {
    const code = original.charCodeAt(index);
    if (!mayChange(code)) {
      index++;
      continue;
    }
    const next = original.charCodeAt(index + 1);
    const char = original.slice(index, index + (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1));
    if (index > copied) append(original.slice(copied, index), copied, true);
    const folded = fold(char);
    // A fold of another length (㍿ → 株式会社) maps every unit it gives back to the character.
    if (folded) append(folded, index, folded.length === char.length);
    index += char.length;
    copied = index;
  }
  if (copied < original.length) append(original.slice(copied), copied, true);
  return {
    text: parts.join(''),
    originOf(offset) {
      let [low, high] = [0, starts.length - 1];
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= offset) low = middle;
        else high = middle - 1;
      }
      return together[low] ? origins[low]! + (offset - starts[low]!) : origins[low]!;
    },
  };
}

/**
 * The 1-based line of an offset in `text`. Line starts are found once, then
 * each lookup is a binary search: a file with thousands of findings stays linear.
 */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
