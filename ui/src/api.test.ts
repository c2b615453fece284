import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import * as api from './api';
import { ApiFailure, toApiError } from './api';
import { entry, notice, prefs, reflection, week } from './fixtures';

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
    const schedule = {
      working_hours: ['09:00-17:30', '09:00-17:30', '09:00-17:30', '09:00-17:30', '09:00-17:30', '', ''],
      sleep: '22:00-07:00',
      load_line_sacrifices: 2,
      load_line_minutes: 120,
    };
    await api.saveSettings(schedule, null);
    await api.saveSettings(schedule, 'Europe/Berlin');
    const id = await api.addBoundary({ name: 'Gym', category: 'health', windows: [], allowance: 0, paused: false });
    await api.removeBoundary(id);
    expect(calls.map((c) => [c.cmd, c.args])).toEqual([
      ['save_settings', { schedule, zone: null }],
      ['save_settings', { schedule, zone: 'Europe/Berlin' }],
      ['add_boundary', { boundary: { name: 'Gym', category: 'health', windows: [], allowance: 0, paused: false } }],
      ['remove_boundary', { id: 4 }],
    ]);
  });

  test('the reminder engine: notices, the entries behind one, read marks, pause and snooze', async () => {
    const calls = record((cmd) => {
      if (cmd === 'notices') return [notice()];
      if (cmd === 'entries_by_ids') return [entry()];
      if (cmd === 'reminder_state') return { paused: false, snoozed_until: null, unread: 1 };
      return null;
    });
    await expect(api.notices()).resolves.toEqual([notice()]);
    await expect(api.entriesByIds([7, 9])).resolves.toEqual([entry()]);
    await api.markNoticesRead([11, 12]);
    await expect(api.reminderState()).resolves.toEqual({ paused: false, snoozed_until: null, unread: 1 });
    await api.setWarningsPaused(true);
    await api.snoozeToday();
    expect(calls.map((c) => [c.cmd, c.args])).toEqual([
      ['notices', {}],
      ['entries_by_ids', { ids: [7, 9] }],
      ['mark_notices_read', { ids: [11, 12] }],
      ['reminder_state', {}],
      ['set_warnings_paused', { paused: true }],
      ['snooze_today', {}],
    ]);
  });

  test('export, import and backups', async () => {
    const request = {
      format: 'md',
      from: '2026-11-02',
      to: '2026-11-25',
      include: { notes: false, sources: true, names: false, owner: false, selfcheck: false },
      message: 'For our 1:1',
    };
    const report = { entries_added: 3, entries_already_there: 1, non_negotiables_added: 0, setting_versions_added: 1 };
    const backup = {
      file: '/d/backups/loadline-2026-11-25.db',
      day: '2026-11-25',
      taken_at: '2026-11-25T08:00:00+00:00',
      bytes: 4096,
    };
    const preview = { text: '# Loadline report\n', from: '2026-11-02', to: '2026-11-26', file_name: 'loadline-report.md' };
    const calls = record((cmd) => {
      if (cmd === 'export_preview') return preview;
      if (cmd === 'export_save') return '/home/me/report.md';
      if (cmd === 'import_backup') return report;
      if (cmd === 'backups') return [backup];
      return null;
    });
    await expect(api.exportPreview(request)).resolves.toEqual(preview);
    await expect(api.exportSave(request)).resolves.toBe('/home/me/report.md');
    await expect(api.importBackup()).resolves.toEqual(report);
    await expect(api.backups()).resolves.toEqual([backup]);
    await api.restoreBackup(backup.file);
    expect(calls.map((c) => [c.cmd, c.args])).toEqual([
      ['export_preview', { request }],
      ['export_save', { request }],
      ['import_backup', {}],
      ['backups', {}],
      ['restore_backup', { file: '/d/backups/loadline-2026-11-25.db' }],
    ]);
  });

  test('preferences, the quick-log draft, the reflection and the desktop', async () => {
    const answers = { cost: 'Two dinners', chosen: '', runbook: 'db failover', protect: 'Family dinner', energy: 2 };
    const about = {
      version: '0.1.0',
      data_dir: '/d',
      database: '/d/loadline.db',
      log_dir: '/d/logs',
      tray: 'absent',
      autostart: true,
    };
    const calls = record((cmd) => {
      if (cmd === 'prefs') return prefs();
      if (cmd === 'shortcut_status') return { shortcut: 'Ctrl+Alt+L', problem: null, native_quicklog: true };
      if (cmd === 'quicklog_draft') return '{"v":1}';
      if (cmd === 'reflection') return reflection();
      if (cmd === 'about') return about;
      return null;
    });
    await expect(api.prefs()).resolves.toEqual(prefs());
    await api.savePrefs(prefs({ shortcut: 'Ctrl+Alt+K' }));
    await expect(api.shortcutStatus()).resolves.toEqual({ shortcut: 'Ctrl+Alt+L', problem: null, native_quicklog: true });
    await expect(api.quicklogDraft()).resolves.toBe('{"v":1}');
    await api.setQuicklogDraft('{"v":1}');
    await api.setQuicklogDraft(null);
    await api.closeQuicklog();
    await api.reflection();
    await api.reflection('2026-W47');
    await api.saveReflection('2026-W47', answers);
    await expect(api.about()).resolves.toEqual(about);
    await api.openDataDir();
    await api.setAutostart(false);
    expect(calls.map((c) => [c.cmd, c.args])).toEqual([
      ['prefs', {}],
      ['save_prefs', { prefs: prefs({ shortcut: 'Ctrl+Alt+K' }) }],
      ['shortcut_status', {}],
      ['quicklog_draft', {}],
      ['set_quicklog_draft', { draft: '{"v":1}' }],
      ['set_quicklog_draft', { draft: null }],
      ['close_quicklog', {}],
      ['reflection', {}],
      ['reflection', { week: '2026-W47' }],
      ['save_reflection', { week: '2026-W47', answers }],
      ['about', {}],
      ['open_data_dir', {}],
      ['set_autostart', { enabled: false }],
    ]);
  });

  test('the self-check: the view, the questions (for a correction too), a take and a correction', async () => {
    const calls = record(() => null);
    const input = { personal: ['often', null, 'often', 'often', 'often', 'often'], work: Array(7).fill('often') };
    await api.selfcheck();
    await api.selfcheckQuestions();
    await api.selfcheckQuestions(4);
    await api.takeSelfcheck(input);
    await api.correctSelfcheck(4, { ...input, client: undefined });
    expect(calls.map((c) => [c.cmd, c.args])).toEqual([
      ['selfcheck', {}],
      ['selfcheck_questions', {}],
      ['selfcheck_questions', { id: 4 }],
      ['take_selfcheck', { input }],
      ['correct_selfcheck', { id: 4, input }],
    ]);
  });

  test('a cancelled dialog is null, not a failure', async () => {
    record(() => null);
    const request = {
      format: 'csv',
      from: null,
      to: null,
      include: { notes: false, sources: false, names: false, owner: false, selfcheck: false },
      message: null,
    };
    await expect(api.exportSave(request)).resolves.toBeNull();
    await expect(api.importBackup()).resolves.toBeNull();
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

  test('the other fields the core refused come along, and malformed ones are dropped', () => {
    const e = toApiError({
      code: 'invalid',
      field: 'channel',
      message: 'Choose the channel',
      also: [{ field: 'minutes', message: 'Enter the minutes it took' }, { field: 3 }],
    });
    expect(e.also).toEqual([{ field: 'minutes', message: 'Enter the minutes it took' }]);
    expect(toApiError({ code: 'invalid', field: 'minutes', message: 'x' }).also).toEqual([]);
  });
});

test('a bad backup file names the field that is wrong, and imports nothing', async () => {
  record(() => {
    throw { code: 'invalid', field: 'entries[3].minutes', message: 'must be a whole number from 1 to 10080; got 0' };
  });
  await expect(api.importBackup()).rejects.toMatchObject({
    code: 'invalid',
    field: 'entries[3].minutes',
    message: 'must be a whole number from 1 to 10080; got 0',
  });
});

test('warnings-changed and navigate reach their listeners', async () => {
  mockIPC(() => null, { shouldMockEvents: true });
  const reload = vi.fn();
  const go = vi.fn();
  const stopWarnings = await api.onWarningsChanged(reload);
  const stopNavigate = await api.onNavigate(go);
  await emit(api.WARNINGS_CHANGED);
  await emit(api.NAVIGATE, 'warnings');
  expect(reload).toHaveBeenCalledTimes(1);
  expect(go).toHaveBeenCalledWith('warnings');
  stopWarnings();
  stopNavigate();
  await emit(api.WARNINGS_CHANGED);
  await emit(api.NAVIGATE, 'settings');
  expect(reload).toHaveBeenCalledTimes(1);
  expect(go).toHaveBeenCalledTimes(1);
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
