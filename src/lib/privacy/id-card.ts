/** Resident identity numbers (GB 11643-1999). */
import { isRealDate } from '#/lib/core/dates.ts';

/** First two digits: the province-level region of issue. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character of the first 17 digits. */
export function idCheckDigit(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}

const birthDateOk = (yyyymmdd: string, latestYear: number) => {
  const date = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const year = Number(yyyymmdd.slice(0, 4));
  return isRealDate(date) && year >= 1900 && year <= latestYear;
};

/**
 * An 18-character ID: valid province code, a real birth date, and the right check digit.
 * @example isResidentId('11010519491231002X') // true
 */
export function isResidentId(candidate: string, latestYear = new Date().getUTCFullYear()): boolean {
  const id = candidate.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  return PROVINCES.has(Number(id.slice(0, 2))) && birthDateOk(id.slice(6, 14), latestYear) && idCheckDigit(id.slice(0, 17)) === id[17];
}

/** A 15-digit ID of the first generation (no check digit; birth year 19YY). */
export function isLegacyResidentId(candidate: string): boolean {
  return /^\d{15}$/.test(candidate) && PROVINCES.has(Number(candidate.slice(0, 2))) && birthDateOk(`19${candidate.slice(6, 12)}`, 1999);
}

/** Luhn check used by bank cards. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}
