import { expect, test } from 'vitest';
import { sameName, suggestions, toggleChoice, WELCOME_STEPS } from './welcome';

test('the welcome walks from what Loadline is for to where the tray icon lives', () => {
  expect(WELCOME_STEPS[0]).toBe('intro');
  // Working hours, sleep hours and the load line are one step: the Settings form itself.
  expect(WELCOME_STEPS).toContain('schedule');
  expect(WELCOME_STEPS[WELCOME_STEPS.length - 1]).toBe('tray');
});

test('the suggestions, with sleep following the sleep hours', () => {
  const s = suggestions('23:00-06:30', '22:00-07:00');
  expect(s.map((x) => x.name)).toEqual(['Family dinner', 'Sleep', 'Exercise', 'Weekends']);
  expect(s.map((x) => x.windows)).toEqual([
    ['Mon-Fri 18:00-20:00'],
    ['daily 23:00-06:30'],
    ['Tue,Thu 07:00-08:00'],
    ['Sat,Sun all day'],
  ]);
  expect(s.map((x) => x.category)).toEqual(['family', 'sleep', 'health', 'rest']);
  // No sleep hours declared: the core's default ones.
  expect(suggestions(null, '22:30-06:00')[1].windows).toEqual(['daily 22:30-06:00']);
  expect(suggestions('', '22:30-06:00')[1].windows).toEqual(['daily 22:30-06:00']);
});

test('one to three are chosen; choosing again takes one back', () => {
  const [a, b, c, d] = suggestions(null, '22:00-07:00');
  let chosen = toggleChoice([], a);
  chosen = toggleChoice(chosen, b);
  chosen = toggleChoice(chosen, c);
  expect(chosen.map((x) => x.name)).toEqual(['Family dinner', 'Sleep', 'Exercise']);
  expect(toggleChoice(chosen, d).map((x) => x.name)).toEqual(['Family dinner', 'Sleep', 'Exercise']);
  expect(toggleChoice(chosen, { ...b, name: ' sleep ' }).map((x) => x.name)).toEqual(['Family dinner', 'Exercise']);
  expect(sameName('Family dinner', 'family DINNER ')).toBe(true);
});
