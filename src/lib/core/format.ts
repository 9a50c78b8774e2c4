/** Numbers as Chinese readers expect them. */

const digits = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** `13569` → `13,569`. */
export function groupDigits(n: number): string {
  return digits.format(n);
}

/**
 * Large counts the way the office reports them: `53000` → `5.3万`, `1222` → `1,222`.
 * Below 10,000 the exact count is shown.
 */
export function wan(n: number): string {
  if (n < 10000) return groupDigits(n);
  const value = Math.round(n / 1000) / 10;
  return `${Number.isInteger(value) ? value : value.toFixed(1)}万`;
}

/** A phone number that never wraps at its hyphen (0000‑1234567 stays on one line). */
export function displayPhone(number: string): string {
  return number.replace(/-/g, '\u2011');
}
