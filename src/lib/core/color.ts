/** WCAG 2 contrast, so a city's chosen colours are checked before they ship. */

const HEX = /^#([0-9a-f]{6})$/i;

export function isHexColor(text: string): boolean {
  return HEX.test(text);
}

/** Relative luminance of a `#rrggbb` colour (WCAG 2.x definition). */
export function luminance(hex: string): number {
  const m = HEX.exec(hex);
  if (!m) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  const value = parseInt(m[1]!, 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/**
 * Contrast ratio between two colours, from 1 to 21.
 * @example contrastRatio('#000000', '#ffffff') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA for body text. */
export const AA_TEXT = 4.5;
