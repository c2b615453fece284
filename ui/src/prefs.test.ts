import { describe, expect, test } from 'vitest';
import { ApiFailure } from './api';
import { prefs } from './fixtures';
import {
  markPerson,
  movePreset,
  personChoices,
  prefsChanged,
  prefsFormFrom,
  prefsFrom,
  presetRow,
  shortcutFromKey,
  type KeyPress,
} from './prefs';

function failure(f: () => unknown): ApiFailure {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiFailure) return e;
    throw e;
  }
  throw new Error('expected an ApiFailure');
}

describe('presets', () => {
  test('rows move up and down, and stay put at the ends', () => {
    expect(movePreset(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(movePreset(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(movePreset(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(movePreset(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(movePreset(['a', 'b', 'c'], 5, 1)).toEqual(['a', 'b', 'c']);
  });

  test('new rows get keys of their own', () => {
    const fresh = { label: '', channel: 'page', minutes: 15 };
    expect(presetRow(fresh).key).not.toBe(presetRow(fresh).key);
  });
});

describe('the prefs sent', () => {
  test('start from the fresh read, and change only what the form holds', () => {
    const fresh = prefs({ zone: 'Europe/Berlin', warnings_paused: true, welcomed: false });
    const form = prefsFormFrom(prefs());
    form.presets[0].label = ' Pager ';
    form.presets[0].minutes = '20';
    form.shortcut = ' Ctrl+Alt+K ';
    form.quicklogReady = true;
    form.reflectionDay = 'sun';
    form.reflectionTime = '18:30';
    form.thresholds.streak_days = '4';
    form.notificationsPerWeek = '5';
    form.ownerName = ' Dana Weber ';
    form.ownerRole = ' Site reliability engineer ';
    form.paper = 'letter';
    form.people = ['Sarah (PM)'];
    const sent = prefsFrom(form, fresh);
    expect(sent).toEqual({
      ...fresh,
      presets: [
        { label: 'Pager', channel: 'page', minutes: 20 },
        { label: 'Call', channel: 'call', minutes: 30 },
        { label: 'Chat ping', channel: 'chat', minutes: 5 },
      ],
      shortcut: 'Ctrl+Alt+K',
      quicklog_ready: true,
      reflection: { day: 'sun', time: '18:30' },
      thresholds: { ...fresh.thresholds, streak_days: 4 },
      notifications_per_week: 5,
      owner: { name: 'Dana Weber', role: 'Site reliability engineer' },
      paper: 'letter',
      people: ['Sarah (PM)'],
    });
    // What another window or save_settings wrote is kept.
    expect(sent.zone).toBe('Europe/Berlin');
    expect(sent.warnings_paused).toBe(true);
    expect(sent.welcomed).toBe(false);
  });

  test('an empty shortcut means none', () => {
    const form = prefsFormFrom(prefs());
    form.shortcut = '  ';
    expect(prefsFrom(form, prefs()).shortcut).toBe('');
  });

  test('what cannot be sent names its path; the limits are the core’s to check', () => {
    const form = prefsFormFrom(prefs());
    form.presets[2].minutes = 'ten';
    expect(failure(() => prefsFrom(form, prefs()))).toMatchObject({ code: 'invalid', field: 'presets[2].minutes' });
    // Out of range is still a number: it is sent, and the core names presets[2].minutes.
    form.presets[2].minutes = 0;
    expect(prefsFrom(form, prefs()).presets[2].minutes).toBe(0);
    form.presets[2].minutes = 5;
    form.reflectionTime = '25:00';
    expect(failure(() => prefsFrom(form, prefs())).field).toBe('reflection.time');
    form.reflectionTime = '07:05';
    form.thresholds.habit_weeks = '';
    expect(failure(() => prefsFrom(form, prefs())).field).toBe('thresholds.habit_weeks');
    form.thresholds.habit_weeks = 3;
    // Thirteen presets are sent as they are: how many the menu holds is the core's rule.
    form.presets = Array.from({ length: 13 }, () => presetRow({ label: 'P', channel: 'page', minutes: 5 }));
    expect(prefsFrom(form, prefs()).presets).toHaveLength(13);
  });

  test('changed only when saving would write something new', () => {
    const saved = prefs();
    const form = prefsFormFrom(saved);
    expect(prefsChanged(form, saved)).toBe(false);
    form.presets = movePreset(form.presets, 0, 1);
    expect(prefsChanged(form, saved)).toBe(true);
    form.presets = movePreset(form.presets, 1, -1);
    form.thresholds.source_window_days = '14';
    expect(prefsChanged(form, saved)).toBe(false);
    form.thresholds.source_window_days = 'x';
    expect(prefsChanged(form, saved)).toBe(true);
  });
});

describe('sources that are people', () => {
  test('every logged source is offered, and a marked one that is no longer logged stays', () => {
    expect(personChoices(['db-primary', 'Sarah (PM)'], ['Sarah (PM)', 'Old boss'])).toEqual([
      'db-primary',
      'Sarah (PM)',
      'Old boss',
    ]);
  });

  test('a mark is set and taken back without touching the others', () => {
    expect(markPerson(['Sarah (PM)'], 'Tom', true)).toEqual(['Sarah (PM)', 'Tom']);
    expect(markPerson(['Sarah (PM)', 'Tom'], 'Sarah (PM)', false)).toEqual(['Tom']);
    expect(markPerson(['Tom'], 'Tom', true)).toEqual(['Tom']);
  });
});

describe('the self-check’s settings', () => {
  const defaults = {
    default_prefs: prefs({ selfcheck: { reminder: { day: 1, time: '10:00' }, client_word: null } }),
    default_client_word: 'clients',
  };

  test('the reminder is on with its day and time, or off (null)', () => {
    const saved = prefs({ selfcheck: { reminder: { day: 15, time: '09:30' }, client_word: null } });
    const form = prefsFormFrom(saved, defaults);
    expect([form.selfcheckReminder, form.selfcheckDay, form.selfcheckTime]).toEqual([true, 15, '09:30']);
    form.selfcheckDay = '28';
    form.selfcheckTime = '18:00';
    expect(prefsFrom(form, saved).selfcheck.reminder).toEqual({ day: 28, time: '18:00' });
    form.selfcheckReminder = false;
    expect(prefsFrom(form, saved).selfcheck).toEqual({ reminder: null, client_word: null });
  });

  test('turned off, it shows the core’s default to turn on again', () => {
    const off = prefs({ selfcheck: { reminder: null, client_word: null } });
    const form = prefsFormFrom(off, defaults);
    expect([form.selfcheckReminder, form.selfcheckDay, form.selfcheckTime]).toEqual([false, 1, '10:00']);
    expect(prefsChanged(form, off)).toBe(false);
    form.selfcheckReminder = true;
    expect(prefsFrom(form, off).selfcheck.reminder).toEqual({ day: 1, time: '10:00' });
    // Without the facts there is nothing to start from: the fields are empty, not invented.
    expect(prefsFormFrom(off).selfcheckDay).toBe('');
  });

  test('the client scale is off (null) or the person’s word, trimmed; an empty one is the core’s to refuse', () => {
    const saved = prefs();
    const form = prefsFormFrom(saved, defaults);
    expect([form.clientScale, form.clientWord]).toEqual([false, 'clients']);
    form.clientScale = true;
    form.clientWord = ' colleagues you support ';
    expect(prefsFrom(form, saved).selfcheck.client_word).toBe('colleagues you support');
    form.clientWord = ' ';
    expect(prefsFrom(form, saved).selfcheck.client_word).toBe('');
    form.clientScale = false;
    expect(prefsFrom(form, saved).selfcheck.client_word).toBeNull();
  });

  test('a day or a time that cannot be sent names its path', () => {
    const form = prefsFormFrom(prefs(), defaults);
    form.selfcheckDay = 'first';
    expect(failure(() => prefsFrom(form, prefs())).field).toBe('selfcheck.reminder.day');
    // Out of range is a number: sent, and the core says 1 to 28.
    form.selfcheckDay = 31;
    expect(prefsFrom(form, prefs()).selfcheck.reminder?.day).toBe(31);
    form.selfcheckTime = '9';
    expect(failure(() => prefsFrom(form, prefs())).field).toBe('selfcheck.reminder.time');
    // Off, neither is read.
    form.selfcheckReminder = false;
    expect(prefsFrom(form, prefs()).selfcheck.reminder).toBeNull();
  });
});

describe('recording a shortcut', () => {
  const press = (over: Partial<KeyPress>): KeyPress => ({
    key: 'l',
    code: 'KeyL',
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...over,
  });

  test('modifiers and one key, in the order the parser expects', () => {
    expect(shortcutFromKey(press({ ctrlKey: true, altKey: true }))).toBe('Ctrl+Alt+L');
    expect(shortcutFromKey(press({ metaKey: true, shiftKey: true, code: 'Digit5', key: '%' }))).toBe('Shift+Super+5');
    expect(shortcutFromKey(press({ ctrlKey: true, code: 'ArrowUp', key: 'ArrowUp' }))).toBe('Ctrl+Up');
    expect(shortcutFromKey(press({ altKey: true, code: 'Space', key: ' ' }))).toBe('Alt+Space');
    // The physical key: an AZERTY "a" on the Q key is still KeyQ.
    expect(shortcutFromKey(press({ ctrlKey: true, code: 'KeyQ', key: 'a' }))).toBe('Ctrl+Q');
  });

  test('function keys alone are fine; letters alone or with Shift only are not', () => {
    expect(shortcutFromKey(press({ code: 'F9', key: 'F9' }))).toBe('F9');
    expect(shortcutFromKey(press({}))).toBeNull();
    expect(shortcutFromKey(press({ shiftKey: true }))).toBeNull();
  });

  test('while only modifiers are held, nothing yet', () => {
    expect(shortcutFromKey(press({ ctrlKey: true, code: 'ControlLeft', key: 'Control' }))).toBeNull();
    expect(shortcutFromKey(press({ altKey: true, code: 'AltRight', key: 'AltGraph' }))).toBeNull();
    expect(shortcutFromKey(press({ ctrlKey: true, code: 'IntlBackslash', key: '<' }))).toBeNull();
  });
});
