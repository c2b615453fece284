import { expect, test } from 'vitest';
import { sameName, suggestions, toggleChoice, WELCOME_STEPS } from './welcome';

test('the welcome walks from what Loadline is for to where the tray icon lives', () => {
  expect(WELCOME_STEPS[0]).toBe('intro');
  // Working hours, sleep hours and the load line are one step: the Settings form itself.
  expect(WELCOME_STEPS).toContain('schedule');
  expect(WELCOME_STEPS[WELCOME_STEPS.length - 1]).toBe('tray');
});

const OFFERED = [
  { boundary: { name: 'Family dinner', category: 'family', windows: ['Mon-Fri 18:00-20:00'], allowance: 0, paused: false }, why: 'Weekdays' },
  { boundary: { name: 'Exercise', category: 'health', windows: ['Tue,Thu 07:00-08:00'], allowance: 0, paused: false }, why: 'Tue, Thu' },
  { boundary: { name: 'Weekends', category: 'rest', windows: ['Sat,Sun all day'], allowance: 0, paused: false }, why: 'Sat, Sun' },
  { boundary: { name: 'Friends', category: 'hobby', windows: ['Thu 20:00-22:00'], allowance: 0, paused: false }, why: 'Thu' },
];

test('the suggestions are the core’s, each with why', () => {
  const s = suggestions(OFFERED);
  expect(s.map((x) => x.name)).toEqual(['Family dinner', 'Exercise', 'Weekends', 'Friends']);
  expect(s[0]).toEqual({ ...OFFERED[0].boundary, why: 'Weekdays' });
});

test('one to three are chosen; choosing again takes one back', () => {
  const [a, b, c, d] = suggestions(OFFERED);
  let chosen = toggleChoice([], a);
  chosen = toggleChoice(chosen, b);
  chosen = toggleChoice(chosen, c);
  expect(chosen.map((x) => x.name)).toEqual(['Family dinner', 'Exercise', 'Weekends']);
  expect(toggleChoice(chosen, d).map((x) => x.name)).toEqual(['Family dinner', 'Exercise', 'Weekends']);
  expect(toggleChoice(chosen, { ...b, name: ' exercise ' }).map((x) => x.name)).toEqual(['Family dinner', 'Weekends']);
  expect(sameName('Family dinner', 'family DINNER ')).toBe(true);
});
