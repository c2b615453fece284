import { expect, test } from 'vitest';
import { week } from './fixtures';
import { headline, verdict, weekDetails } from './summary';

test('the headline states the week against the load line', () => {
  expect(headline(week())).toBe('3 sacrifices · 2 h 10 min after hours — load line 2 · 2 h');
  expect(headline(week({ sacrifices: 1, after_hours_minutes: 0 }))).toBe(
    '1 sacrifice · 0 min after hours — load line 2 · 2 h',
  );
});

test('the verdict is the core’s, not recounted from the numbers', () => {
  // Numbers under the line but the core says over (e.g. a line that changed mid-week): trust the core.
  expect(verdict(week({ sacrifices: 0, after_hours_minutes: 0, over_load_line: true }))).toBe('Over your load line');
  expect(verdict(week({ sacrifices: 9, after_hours_minutes: 900, over_load_line: false }))).toBe(
    'Under your load line',
  );
});

test('week details mention sleep and the reactive share only when there is something to say', () => {
  expect(weekDetails(week())).toBe('4 interruptions · 1 in sleep hours · 2 reactive, 1 chosen');
  expect(weekDetails(week({ interruptions: 1, sacrifices: 0, sleep_interruptions: 0 }))).toBe('1 interruption');
});
