/**
 * iCalendar (RFC 5545) for the lecture schedule, so schools can import it into
 * their calendars. Times are written in UTC, which every calendar app reads.
 */
import { toInstant } from '#/lib/core/dates.ts';

export interface CalendarEvent {
  uid: string;
  date: string;
  start: string;
  end: string;
  summary: string;
  location: string;
  description: string;
  url: string;
}

export interface Calendar {
  name: string;
  timeZone: string;
  /** Fixed stamp (e.g. the build day) so the same content gives the same file. */
  stamp: Date;
  events: CalendarEvent[];
}

/**
 * Controls a content line cannot carry (RFC 5545 CONTROL, except tab). A line
 * break left in a value would end the line and start a property of the file's
 * choosing, so TEXT escapes breaks first and whatever else remains is dropped.
 */
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/g;

/** A value that is not TEXT (a URI): nothing that could end its line; lone surrogates (no UTF-8 form) become U+FFFD. */
export function plainValue(value: string): string {
  return value.toWellFormed().replace(CONTROL, '');
}

/** Escape TEXT values: backslash, semicolon, comma and line breaks of any kind (CRLF, LF, CR). */
export function escapeText(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  return plainValue(escaped);
}

/** Fold a content line at 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function renderCalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//jindu-site//lecture schedule//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${escapeText(calendar.timeZone)}`,
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${utcStamp(calendar.stamp)}`,
      `DTSTART:${utcStamp(toInstant(event.date, calendar.timeZone, event.start))}`,
      `DTEND:${utcStamp(toInstant(event.date, calendar.timeZone, event.end))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `LOCATION:${escapeText(event.location)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      `URL:${plainValue(event.url)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
