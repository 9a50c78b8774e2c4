import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar, type CalendarEvent } from '#/lib/formats/ics.ts';

describe('iCalendar', () => {
  const ics = renderCalendar({
    name: '校园禁毒宣讲',
    timeZone: 'Asia/Shanghai',
    stamp: new Date('2026-11-27T16:00:00Z'),
    events: [
      {
        uid: 'jiaji@example',
        date: '2024-02-27',
        start: '09:00',
        end: '10:30',
        summary: '禁毒宣讲：珍爱生命，远离毒品；护航青春',
        location: '嘉积第三中学 报告厅',
        description: '宣讲团队：市宣讲团',
        url: 'https://example/lectures/#jiaji',
      },
    ],
  });

  it('uses CRLF and the required envelope', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes Shanghai wall-clock times as UTC', () => {
    expect(ics).toContain('DTSTART:20240227T010000Z');
    expect(ics).toContain('DTEND:20240227T023000Z');
    expect(ics).toContain('DTSTAMP:20261127T160000Z');
  });

  it('escapes commas and semicolons', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(ics.replace(/\r\n /g, '')).toContain(
      'SUMMARY:禁毒宣讲：珍爱生命\\，远离毒品\\；护航青春'.replace(/\\，/g, '，').replace(/\\；/g, '；'),
    );
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    const line = `DESCRIPTION:${'禁毒'.repeat(40)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

/** Values a hostile or careless record might hold: line breaks of every kind, escapes, injected properties. */
const HOSTILE = [
  '反斜杠\\分号;逗号,冒号:结尾\\',
  '字面的 \\n 不是换行',
  '第一行\n第二行',
  '第一行\r\n第二行',
  '只有回车\r后面',
  '换行在前\n\r回车在后',
  '禁毒\r\nATTACH:http://evil.example/x.exe',
  '禁毒\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:伪造',
  '禁毒\nEND:VCALENDAR',
  '"引号" <尖括号> & 和号',
];

/** Controls that RFC 5545 text cannot hold at all: dropped. */
const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F'];

const hostileEvent = (text: string): CalendarEvent => ({
  uid: `${text}@jindu.example`,
  date: '2024-02-27',
  start: '09:00',
  end: '10:30',
  summary: text,
  location: text,
  description: text,
  url: `https://jindu.example/lectures/#a${text}`,
});

/** Parse with ical.js (Mozilla's RFC 5545 parser), as a calendar app would. */
function eventsOf(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => ({
    uid: e.getFirstPropertyValue('uid'),
    summary: e.getFirstPropertyValue('summary'),
    location: e.getFirstPropertyValue('location'),
    description: e.getFirstPropertyValue('description'),
    url: e.getFirstPropertyValue('url'),
    properties: e
      .getAllProperties()
      .map((p) => p.name)
      .sort(),
  }));
}

const calendarOf = (events: CalendarEvent[], name = '宣讲') =>
  renderCalendar({ name, timeZone: 'Asia/Shanghai', stamp: new Date('2026-11-27T16:00:00Z'), events });

const PROPERTIES = ['description', 'dtend', 'dtstamp', 'dtstart', 'location', 'summary', 'uid', 'url'];

describe('iCalendar with hostile text', () => {
  it.each(HOSTILE)('keeps %j inside its own property and reads back as written', (text) => {
    const ics = calendarOf([hostileEvent(text)], text);
    const lines = ics.split('\r\n');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines.filter((l) => /^(BEGIN|END):VEVENT$/.test(l))).toHaveLength(2);
    expect(lines.some((l) => /^(ATTACH|END:VCALENDAR.)/.test(l))).toBe(false);
    const [event, ...more] = eventsOf(ics);
    expect(more).toEqual([]);
    expect(event!.properties).toEqual(PROPERTIES);
    const asWritten = text.replace(/\r\n|\r/g, '\n');
    expect(event).toMatchObject({ summary: asWritten, location: asWritten, description: asWritten, uid: `${asWritten}@jindu.example` });
    expect(String(event!.url)).not.toMatch(/[\r\n]/);
  });

  it.each(CONTROLS)('drops the control character %j and keeps the rest', (char) => {
    const [event] = eventsOf(calendarOf([hostileEvent(`禁毒${char}宣讲\t制表`)]));
    expect(event).toMatchObject({ summary: '禁毒宣讲\t制表', location: '禁毒宣讲\t制表', description: '禁毒宣讲\t制表' });
  });

  it('never splits a UTF-8 character or an emoji when folding, at any offset', () => {
    for (let pad = 0; pad < 4; pad++) {
      const text = `${'x'.repeat(pad)}${'禁毒😀𠮷,;'.repeat(30)}`;
      const ics = calendarOf([hostileEvent(text)]);
      for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(Buffer.from(ics, 'utf8').toString('utf8')).not.toContain('\uFFFD');
      expect(eventsOf(ics)[0]!.summary).toBe(text);
    }
  });

  it('writes a lone surrogate as U+FFFD instead of bytes that are not UTF-8', () => {
    expect(escapeText('a\uD800b\uDFFF')).toBe('a\uFFFDb\uFFFD');
  });
});
