import { expect, test } from 'vitest';
import { hashForView, parseRoute, routeHash } from './route';

test('routes read from the hash', () => {
  expect(parseRoute('')).toEqual({ view: 'log', week: null });
  expect(parseRoute('#/log')).toEqual({ view: 'log', week: null });
  expect(parseRoute('#/log/2026-W46')).toEqual({ view: 'log', week: '2026-W46' });
  // Whether 2025 has a week 53 is the core's to say (it has not: the view shows its message).
  expect(parseRoute('#/log/2025-W53')).toEqual({ view: 'log', week: '2025-W53' });
  expect(parseRoute('#/log/last-week')).toEqual({ view: 'log', week: null });
  expect(parseRoute('#/settings')).toEqual({ view: 'settings' });
  expect(parseRoute('#settings/')).toEqual({ view: 'settings' });
  expect(parseRoute('#/nowhere')).toEqual({ view: 'log', week: null });
});

test('routes write back to the same hash', () => {
  for (const hash of ['#/log', '#/log/2026-W46', '#/settings', '#/warnings', '#/export']) {
    expect(routeHash(parseRoute(hash))).toBe(hash);
  }
});

test('the warnings and export views', () => {
  expect(parseRoute('#/warnings')).toEqual({ view: 'warnings' });
  expect(parseRoute('#/export')).toEqual({ view: 'export' });
  expect(parseRoute('#/warnings/extra')).toEqual({ view: 'warnings' });
  for (const hash of ['#/warnings', '#/export', '#/team']) expect(routeHash(parseRoute(hash))).toBe(hash);
  expect(parseRoute('#/team')).toEqual({ view: 'team' });
  expect(hashForView('team')).toBe('#/team');
});

test('the view the core asks for (navigate) becomes a hash, or nothing', () => {
  expect(hashForView('warnings')).toBe('#/warnings');
  expect(hashForView('settings')).toBe('#/settings');
  expect(hashForView('export')).toBe('#/export');
  expect(hashForView('log')).toBe('#/log');
  expect(hashForView('log/2026-W46')).toBe('#/log/2026-W46');
  expect(hashForView('#/warnings')).toBe('#/warnings');
  expect(hashForView('nowhere')).toBeNull();
  expect(hashForView('')).toBeNull();
  expect(hashForView(null)).toBeNull();
  expect(hashForView({ view: 'warnings' })).toBeNull();
});

test('the reflection view, with or without a week', () => {
  expect(parseRoute('#/reflection')).toEqual({ view: 'reflection', week: null });
  expect(parseRoute('#/reflection/2026-W47')).toEqual({ view: 'reflection', week: '2026-W47' });
  expect(parseRoute('#/reflection/2026-47')).toEqual({ view: 'reflection', week: null });
  for (const hash of ['#/reflection', '#/reflection/2026-W47', '#/about']) expect(routeHash(parseRoute(hash))).toBe(hash);
  expect(hashForView('reflection')).toBe('#/reflection');
  expect(hashForView('reflection/2026-W47')).toBe('#/reflection/2026-W47');
  expect(hashForView('about')).toBe('#/about');
});

test('the self-check view, which its monthly reminder opens', () => {
  expect(parseRoute('#/selfcheck')).toEqual({ view: 'selfcheck' });
  expect(routeHash(parseRoute('#/selfcheck'))).toBe('#/selfcheck');
  expect(hashForView('selfcheck')).toBe('#/selfcheck');
});

test('the quick-log window is not a view of the main window', () => {
  expect(parseRoute('#/quicklog')).toEqual({ view: 'log', week: null });
  expect(hashForView('quicklog')).toBeNull();
});
