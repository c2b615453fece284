import { expect, test } from 'vitest';
import { parseRoute, routeHash } from './route';

test('routes read from the hash', () => {
  expect(parseRoute('')).toEqual({ view: 'log', week: null });
  expect(parseRoute('#/log')).toEqual({ view: 'log', week: null });
  expect(parseRoute('#/log/2026-W46')).toEqual({ view: 'log', week: '2026-W46' });
  expect(parseRoute('#/log/2025-W53')).toEqual({ view: 'log', week: null });
  expect(parseRoute('#/settings')).toEqual({ view: 'settings' });
  expect(parseRoute('#settings/')).toEqual({ view: 'settings' });
  expect(parseRoute('#/nowhere')).toEqual({ view: 'log', week: null });
});

test('routes write back to the same hash', () => {
  for (const hash of ['#/log', '#/log/2026-W46', '#/settings']) {
    expect(routeHash(parseRoute(hash))).toBe(hash);
  }
});
