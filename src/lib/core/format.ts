/** Numbers as Chinese readers expect them. */

const digits = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** `13569` → `13,569`. */
export function groupDigits(n: number): string {
  return digits.format(n);
}

/**
 * Large counts the way the office reports them, the one home of its rounding:
 * from 10,000 up in 万 to one decimal, half up (52,499 → 5.2万, 52,500 → 5.3万);
 * below that the exact count, with grouped digits for readers (`1,222`) or as
 * `exact` writes it (`String` for files and reports).
 */
export function wan(n: number, exact: (n: number) => string = groupDigits): string {
  if (n < 10000) return exact(n);
  return `${Math.floor(n / 1000 + 0.5) / 10}万`;
}

/**
 * `wan` as a sentence says it: 约 in front only when rounding changed the count
 * (53,012 → 约5.3万), never before an exact one (53,000 → 5.3万, 9,800 → 9,800).
 */
export function approxWan(n: number, exact: (n: number) => string = groupDigits): string {
  const text = wan(n, exact);
  // In 万, wan keeps whole thousands (one decimal): only what was finer is lost.
  return text === exact(n) || n % 1000 === 0 ? text : `约${text}`;
}

/** A phone number that never wraps at its hyphen (0000‑1234567 stays on one line). */
export function displayPhone(number: string): string {
  return number.replace(/-/g, '\u2011');
}

/** The `tel:` link of a public number: digits only (`0000-1234567` → `tel:00001234567`). */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}
