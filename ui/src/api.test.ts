import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import * as api from './api';
import { ApiFailure, toApiError } from './api';
import { entry, week } from './fixtures';

afterEach(() => clearMocks());

type Call = { cmd: string; args: unknown };

function record(reply: (cmd: string, args: Record<string, unknown>) => unknown): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    return reply(cmd, (args ?? {}) as Record<string, unknown>);
  });
  return calls;
}

describe('commands are called by name with camelCase arguments', () => {
  test('no week means the current week: the argument is left out', async () => {
    const calls = record(() => week());
    await expect(api.weekSummary()).resolves.toEqual(week());
    await api.weekSummary('2026-W47');
    expect(calls).toEqual([
      { cmd: 'week_summary', args: {} },
      { cmd: 'week_summary', args: { week: '2026-W47' } },
    ]);
  });

  test('logging sends the draft without absent optional fields', async () => {
    const calls = record(() => entry());
    const logged = await api.logEntry({ channel: 'page', minutes: 40, at: undefined, tz: undefined, chosen: true });
    expect(logged.id).toBe(7);
    expect(calls[0]).toEqual({ cmd: 'log_entry', args: { draft: { channel: 'page', minutes: 40, chosen: true } } });
    expect(Object.keys(calls[0].args as object)).toEqual(['draft']);
  });

  test('edits, deletes and restores name the entry', async () => {
    const calls = record((cmd) => (cmd === 'delete_entry' ? null : entry()));
    await api.updateEntry(7, { channel: 'call', minutes: 5 });
    await api.deleteEntry(7);
    await api.restoreEntry(7);
    expect(calls.map((c) => [c.cmd, c.args])).toEqual([
      ['update_entry', { id: 7, draft: { channel: 'call', minutes: 5 } }],
      ['delete_entry', { id: 7 }],
      ['restore_entry', { id: 7 }],
    ]);
  });

  test('settings commands', async () => {
    const calls = record((cmd) => (cmd === 'add_boundary' ? 4 : null));
    await api.saveZone(null);
    await api.saveZone('Europe/Berlin');
    const id = await api.addBoundary({ name: 'Gym', category: 'health', windows: [], allowance: 0, paused: false });
    await api.removeBoundary(id);
    expect(calls.map((c) => [c.cmd, c.args])).toEqual([
      ['save_zone', { zone: null }],
      ['save_zone', { zone: 'Europe/Berlin' }],
      ['add_boundary', { boundary: { name: 'Gym', category: 'health', windows: [], allowance: 0, paused: false } }],
      ['remove_boundary', { id: 4 }],
    ]);
  });
});

describe('a rejected command becomes an ApiFailure', () => {
  test('the core’s error keeps its code, field and message', async () => {
    record(() => {
      throw { code: 'invalid', field: 'minutes', message: 'must be a whole number from 1 to 10080; got 0' };
    });
    const e = await api.logEntry({ channel: 'page', minutes: 0 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiFailure);
    expect(e).toMatchObject({ code: 'invalid', field: 'minutes', message: 'must be a whole number from 1 to 10080; got 0' });
  });

  test('a plain string from Tauri itself is a failure without a field', async () => {
    record(() => Promise.reject('command log_entry not found'));
    await expect(api.logEntry({ channel: 'page', minutes: 1 })).rejects.toMatchObject({
      code: 'failed',
      field: null,
      message: 'command log_entry not found',
    });
  });

  test('unknown shapes still read as a failure', () => {
    expect(toApiError(undefined)).toMatchObject({ code: 'failed', field: null });
    expect(toApiError({ code: 'weird', message: 'x', field: '' })).toMatchObject({
      code: 'failed',
      field: null,
      message: 'x',
    });
    const same = new ApiFailure({ code: 'not_found', field: null, message: 'gone' });
    expect(toApiError(same)).toBe(same);
  });
});

test('data-changed reaches the listener until it stops listening', async () => {
  mockIPC(() => null, { shouldMockEvents: true });
  const reload = vi.fn();
  const stop = await api.onDataChanged(reload);
  await emit(api.DATA_CHANGED);
  expect(reload).toHaveBeenCalledTimes(1);
  stop();
  await emit(api.DATA_CHANGED);
  expect(reload).toHaveBeenCalledTimes(1);
});
