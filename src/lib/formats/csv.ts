/**
 * CSV for spreadsheets, the one home of its cell rules (the campaign downloads
 * and `npm run tally -- --format csv`). A cell a spreadsheet would read as a
 * formula (`=HYPERLINK(…)`, `+`, `-`, `@`, tab, CR, LF, and the full-width
 * ＝＋－＠ Excel also accepts) gets a leading `'` (OWASP, CSV injection), so it
 * opens as text. `tally import` reads our own files back: `restoreCell` undoes it.
 */

/** First characters that make Excel, WPS or LibreOffice start a formula. */
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/** Written as they are: plain decimal figures (counts, totals) are not formulas. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Also prefixed: text that already starts with `'`, so the prefix can always be
 * taken off again (`'=x` → `''=x` → `'=x`).
 */
function needsPrefix(text: string): boolean {
  return !PLAIN_NUMBER.test(text) && (FORMULA_START.test(text) || text.startsWith("'"));
}

export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = needsPrefix(value) ? `'${value}` : value;
  return /[",\r\n\t]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  // BOM so that Excel on Chinese Windows opens the UTF-8 file with the right characters.
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A cell as read from a sheet, with the `'` that `csvCell` added taken off. */
export function restoreCell(value: unknown): unknown {
  return typeof value === 'string' && value.startsWith("'") && needsPrefix(value.slice(1)) ? value.slice(1) : value;
}
