import { describe, expect, test } from 'vitest';
import {
  addDays,
  formatBytes,
  formatDayRange,
  formatInstant,
  formatIsoWeekRange,
  formatUntil,
  isDay,
  mondayOf,
  mondayOfWeek,
  todayInZone,
  formatMinutes,
  formatStart,
  formatWeekRange,
  inputValueOf,
  localTime,
  nowInZone,
  parseWeek,
  plural,
  shiftWeek,
} from './time';

describe('minutes read like speech, as the core writes them', () => {
  test.each([
    [0, '0 min'],
    [1, '1 min'],
    [45, '45 min'],
    [60, '1 h'],
    [120, '2 h'],
    [130, '2 h 10 min'],
    [10_080, '168 h'],
  ])('%i -> %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });

  test('counts take the right noun', () => {
    expect(plural(1, 'sacrifice', 'sacrifices')).toBe('1 sacrifice');
    expect(plural(0, 'sacrifice', 'sacrifices')).toBe('0 sacrifices');
    expect(plural(3, 'sacrifice', 'sacrifices')).toBe('3 sacrifices');
  });
});

describe('an entry shows the local time it was lived in its own zone', () => {
  test('the wall-clock time is read from the text, not converted through the machine zone', () => {
    expect(localTime('2026-11-24T23:30:00+01:00')).toEqual({
      date: '2026-11-24',
      time: '23:30',
      offset: '+01:00',
      weekday: 1,
    });
    // New York late evening is already the next day in UTC; it stays the 19th.
    expect(formatStart('2026-11-19T21:10:00-05:00')).toBe('Thu 19 Nov · 21:10');
    expect(formatStart('2026-11-23T00:05:00Z')).toBe('Mon 23 Nov · 00:05');
  });

  test('the edit form gets the same local time back', () => {
    expect(inputValueOf('2026-03-29T03:15:00+02:00')).toBe('2026-03-29T03:15');
    expect(inputValueOf('nonsense')).toBe('');
  });

  test('text that is not RFC 3339 is not guessed at', () => {
    expect(localTime('2026-11-24 23:30')).toBeNull();
    expect(localTime('2026-02-30T10:00:00Z')).toBeNull();
    expect(formatStart('yesterday')).toBe('yesterday');
  });
});

describe('"now" in a zone, for the start field before it is touched', () => {
  const instant = new Date('2026-11-24T22:30:45Z');

  test('is the wall clock of that zone', () => {
    expect(nowInZone('Europe/Berlin', instant)).toBe('2026-11-24T23:30');
    expect(nowInZone('America/New_York', instant)).toBe('2026-11-24T17:30');
    expect(nowInZone('Asia/Tokyo', instant)).toBe('2026-11-25T07:30');
    expect(nowInZone('UTC', new Date('2026-11-24T00:05:00Z'))).toBe('2026-11-24T00:05');
  });

  test('falls back to the machine clock for a zone the webview does not know', () => {
    expect(nowInZone('Mars/Olympus', instant)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });
});

describe('week navigation walks ISO weeks', () => {
  test.each([
    ['2026-W47', 1, '2026-W48'],
    ['2026-W47', -1, '2026-W46'],
    ['2026-W53', 1, '2027-W01'], // 2026 starts on a Thursday, so it has 53 weeks
    ['2027-W01', -1, '2026-W53'],
    ['2025-W01', -1, '2024-W52'],
    ['2024-W52', 1, '2025-W01'],
    ['2020-W53', 1, '2021-W01'],
    ['2026-W10', 0, '2026-W10'],
    ['2026-W01', 52, '2026-W53'],
  ])('%s shifted by %i is %s', (from, delta, to) => {
    expect(shiftWeek(from, delta)).toBe(to);
  });

  test('only real ISO weeks are accepted', () => {
    expect(parseWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseWeek('2025-W53')).toBeNull();
    expect(parseWeek('2026-W00')).toBeNull();
    expect(parseWeek('2026-47')).toBeNull();
    expect(() => shiftWeek('last week', 1)).toThrow();
  });

  test('a week range names its Monday to Sunday', () => {
    expect(formatWeekRange('2026-11-16T00:00:00+01:00', '2026-11-23T00:00:00+01:00')).toBe('16 – 22 Nov 2026');
    expect(formatWeekRange('2026-11-30T00:00:00+01:00', '2026-12-07T00:00:00+01:00')).toBe('30 Nov – 6 Dec 2026');
    expect(formatWeekRange('2026-12-28T00:00:00Z', '2027-01-04T00:00:00Z')).toBe('28 Dec 2026 – 3 Jan 2027');
  });
});

describe('local days', () => {
  test('real days only', () => {
    expect(isDay('2026-11-24')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('26-11-24')).toBe(false);
    expect(isDay('')).toBe(false);
  });

  test('days add across months, years and DST changes', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-11-26', -84)).toBe('2026-09-03');
  });

  test('the Monday of a day’s ISO week, and of a named week', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(mondayOfWeek('2026-W48')).toBe('2026-11-23');
    expect(mondayOfWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfWeek('2025-W53')).toBeNull();
    expect(formatIsoWeekRange('2026-W48')).toBe('23 – 29 Nov 2026');
    expect(formatIsoWeekRange('2026-W53')).toBe('28 Dec 2026 – 3 Jan 2027');
  });

  test('two days as a range', () => {
    expect(formatDayRange('2026-11-24', '2026-11-24')).toBe('24 Nov 2026');
    expect(formatDayRange('2026-11-02', '2026-11-26')).toBe('2 – 26 Nov 2026');
    expect(formatDayRange('2026-10-26', '2026-11-26')).toBe('26 Oct – 26 Nov 2026');
  });
});

describe('instants the core stamped, read in a zone', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  test('today is the local day in the zone', () => {
    expect(todayInZone('Europe/Berlin', new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(todayInZone('America/New_York', new Date('2026-11-27T03:00:00Z'))).toBe('2026-11-26');
    expect(todayInZone('Not/AZone', now)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('a UTC stamp shows as the clock read at home; another year shows its year', () => {
    expect(formatInstant('2026-11-24T22:40:00+00:00', 'Europe/Berlin', now)).toBe('Tue 24 Nov · 23:40');
    expect(formatInstant('2026-11-24T22:40:00+00:00', 'America/New_York', now)).toBe('Tue 24 Nov · 17:40');
    expect(formatInstant('2025-11-24T22:40:00Z', 'UTC', now)).toBe('Mon 24 Nov 2025 · 22:40');
    expect(formatInstant('not a time', 'UTC', now)).toBe('not a time');
  });

  test('a snooze reads as midnight, a time today, or a whole day', () => {
    expect(formatUntil('2026-11-26T23:00:00+00:00', 'Europe/Berlin', now)).toBe('midnight');
    expect(formatUntil('2026-11-26T17:00:00+00:00', 'Europe/Berlin', now)).toBe('18:00');
    expect(formatUntil('2026-11-28T08:00:00+00:00', 'Europe/Berlin', now)).toBe('Sat 28 Nov · 09:00');
  });

  test('sizes', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(48 * 1024)).toBe('48 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
  });
});
