import { describe, expect, it } from 'vitest';
import { chineseWeekday, dateInZone, formatChineseDate, isClockTime, isRealDate, lastDayOfMonth, toInstant } from '#/lib/core/dates.ts';

describe('isRealDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-3-1', false],
    ['24-03-01', false],
  ])('%s → %s', (text, expected) => expect(isRealDate(text)).toBe(expected));
});

it('suggests the last real day of the month', () => {
  expect(lastDayOfMonth('2024-02-30')).toBe('2024-02-29');
  expect(lastDayOfMonth('2023-02-30')).toBe('2023-02-28');
  expect(lastDayOfMonth('2024-04-31')).toBe('2024-04-30');
  expect(lastDayOfMonth('2024-13-01')).toBeUndefined();
});

it('checks clock times', () => {
  expect(isClockTime('09:00')).toBe(true);
  expect(isClockTime('23:59')).toBe(true);
  expect(isClockTime('24:00')).toBe(false);
  expect(isClockTime('9:00')).toBe(false);
});

describe('time zone', () => {
  it('reads a calendar date as midnight in Asia/Shanghai (+08:00)', () => {
    expect(toInstant('2024-03-01', 'Asia/Shanghai').toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(toInstant('2024-02-27', 'Asia/Shanghai', '09:30').toISOString()).toBe('2024-02-27T01:30:00.000Z');
  });

  it('handles a zone with daylight saving', () => {
    expect(toInstant('2024-07-01', 'Europe/Berlin', '12:00').toISOString()).toBe('2024-07-01T10:00:00.000Z');
    expect(toInstant('2024-01-01', 'Europe/Berlin', '12:00').toISOString()).toBe('2024-01-01T11:00:00.000Z');
  });

  it('gives the Shanghai calendar day of an instant', () => {
    expect(dateInZone(new Date('2024-02-29T16:30:00Z'), 'Asia/Shanghai')).toBe('2024-03-01');
    expect(dateInZone(new Date('2024-02-29T15:30:00Z'), 'Asia/Shanghai')).toBe('2024-02-29');
  });

  it('refuses impossible input', () => {
    expect(() => toInstant('2024-02-30', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => toInstant('2024-02-28', 'Asia/Shanghai', '25:00')).toThrow(RangeError);
  });
});

it('formats dates in Chinese', () => {
  expect(formatChineseDate('2024-03-01')).toBe('2024年3月1日');
  expect(chineseWeekday('2024-03-01')).toBe('星期五');
  expect(chineseWeekday('2024-03-03')).toBe('星期日');
});
