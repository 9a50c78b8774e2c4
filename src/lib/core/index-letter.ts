/**
 * The letter an A–Z index files a Chinese (or mixed) name under: the first
 * letter of its first syllable in pinyin, or of its first Latin letter.
 */
import { pinyin } from 'pinyin-pro';

/** Where names that start with neither a Chinese character nor a Latin letter go. */
export const OTHER_LETTER = '#';

/**
 * @example indexLetter('氯胺酮') // 'L'
 * @example indexLetter('γ-羟丁酸') // 'Q' (a Greek prefix is skipped, as in a dictionary)
 * @example indexLetter('LSD（麦角酰二乙胺）') // 'L'
 */
export function indexLetter(name: string): string {
  for (const char of name.normalize('NFKC')) {
    if (/[a-z]/i.test(char)) return char.toUpperCase();
    if (/\p{Script=Han}/u.test(char)) {
      const letter = pinyin(char, { pattern: 'first', toneType: 'none' }).toUpperCase();
      return /^[A-Z]$/.test(letter) ? letter : OTHER_LETTER;
    }
  }
  return OTHER_LETTER;
}
