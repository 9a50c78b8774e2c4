/**
 * Text as the detectors read it: full-width digits and letters folded to ASCII
 * (NFKC) and zero-width characters removed, so `４６０…` or an ID number with
 * U+200B between the digits is still found. Keeps a map back to the original
 * offsets so a finding can be reported at its real line.
 */

const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/;
/** Characters that may fold or vanish: everything but ASCII and CJK ideographs, which NFKC leaves as they are. */
const MAY_CHANGE = /[^\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff]/gu;

export interface ScanText {
  text: string;
  /** Offset in the original text of each UTF-16 unit of `text`. */
  origin: number[];
}

export function normalizeForScan(original: string): ScanText {
  let text = '';
  const origin: number[] = [];
  let copied = 0;
  // Runs of unchanged characters are copied whole; only the others go through NFKC one by one.
  for (const { 0: char, index } of original.matchAll(MAY_CHANGE)) {
    text += original.slice(copied, index);
    for (let i = copied; i < index; i++) origin.push(i);
    if (!INVISIBLE.test(char)) {
      const folded = char.normalize('NFKC');
      text += folded;
      for (let i = 0; i < folded.length; i++) origin.push(index);
    }
    copied = index + char.length;
  }
  text += original.slice(copied);
  for (let i = copied; i < original.length; i++) origin.push(i);
  return { text, origin };
}

/** 1-based line of an offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
