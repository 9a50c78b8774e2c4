import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar } from '../../src/lib/ics.ts';

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
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:禁毒宣讲：珍爱生命\\，远离毒品\\；护航青春'.replace(/\\，/g, '，').replace(/\\；/g, '；'));
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    const line = `DESCRIPTION:${'禁毒'.repeat(40)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
