import { describe, expect, test } from 'vitest';
import {
  formatBytes,
  formatDayRange,
  formatInstant,
  formatUntil,
  formatMinutes,
  formatStart,
  inputValueIn,
  inputValueOf,
  localTime,
  plural,
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

describe('the core’s "now" in a zone, for the start field before it is touched', () => {
  const now = '2026-11-24T23:30:45+01:00';

  test('is the wall clock of that zone', () => {
    expect(inputValueIn(now, 'Europe/Berlin')).toBe('2026-11-24T23:30');
    expect(inputValueIn(now, 'America/New_York')).toBe('2026-11-24T17:30');
    expect(inputValueIn(now, 'Asia/Tokyo')).toBe('2026-11-25T07:30');
    expect(inputValueIn('2026-11-24T00:05:00Z', 'UTC')).toBe('2026-11-24T00:05');
  });

  test('reads in the machine’s zone for a zone the webview does not know; nothing for no instant', () => {
    expect(inputValueIn(now, 'Mars/Olympus')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(inputValueIn('', 'UTC')).toBe('');
  });
});

describe('local days', () => {
  test('two days as a range', () => {
    expect(formatDayRange('2026-11-24', '2026-11-24')).toBe('24 Nov 2026');
    expect(formatDayRange('2026-11-02', '2026-11-26')).toBe('2 – 26 Nov 2026');
    expect(formatDayRange('2026-10-26', '2026-11-26')).toBe('26 Oct – 26 Nov 2026');
    expect(formatDayRange('2026-12-28', '2027-01-03')).toBe('28 Dec 2026 – 3 Jan 2027');
  });
});

describe('instants the core stamped, read in a zone', () => {
  const now = new Date('2026-11-26T12:00:00Z');

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
