/**
 * Calendar dates as the office writes them: `YYYY-MM-DD` strings meaning a day
 * in the site's time zone. Content keeps dates as strings (they sort and compare
 * as text and never shift with the machine's zone); these helpers turn them into
 * instants only where a format needs one (RSS, iCalendar, the sitemap).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether `text` looks like `YYYY-MM-DD`, real day or not. */
export function isIsoDateShape(text: string): boolean {
  return ISO_DATE.test(text);
}

/**
 * Whether `text` is a real calendar date: `2024-02-29` is, `2024-02-30` is not.
 * @example isRealDate('2023-02-29') // false
 */
export function isRealDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The last real day of the month named in a `YYYY-MM-DD` string, so an error
 * message can suggest a date that exists (`2024-02-30` → `2024-02-29`).
 */
export function lastDayOfMonth(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return `${m[1]}-${m[2]}-${String(daysInMonth(Number(m[1]), month)).padStart(2, '0')}`;
}

/** Whether `text` is a 24-hour clock time `HH:MM`. */
export function isClockTime(text: string): boolean {
  return CLOCK_TIME.test(text);
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Asia/Shanghai: 480). */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  // Creating a formatter costs far more than using one: keep one per zone.
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/**
 * The instant at which the wall-clock `date` + `time` happens in `timeZone`.
 * @example toInstant('2024-03-01', 'Asia/Shanghai').toISOString() // '2024-02-29T16:00:00.000Z'
 */
export function toInstant(date: string, timeZone: string, time = '00:00'): Date {
  if (!isRealDate(date)) throw new RangeError(`not a real date: ${date}`);
  if (!isClockTime(time)) throw new RangeError(`not a clock time: ${time}`);
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset even across a zone's DST change.
  let instant = wallAsUtc - zoneOffsetMinutes(new Date(wallAsUtc), timeZone) * 60000;
  instant = wallAsUtc - zoneOffsetMinutes(new Date(instant), timeZone) * 60000;
  return new Date(instant);
}

/** The calendar date (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function dateInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** `2024-03-01` → `2024年3月1日`. */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `2024-03-01` → `星期五` (the weekday does not depend on the zone for a calendar date). */
export function chineseWeekday(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `星期${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
}

/** The year of a `YYYY-MM-DD` date, as a number. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
