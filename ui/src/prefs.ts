// The preferences form in Settings: the tray's presets, the quick-log shortcut, the weekly
// reflection reminder and the reminder rules' thresholds, and the Prefs it sends. The core
// checks everything and names the field; this module also says which preset row is wrong,
// which the core's message cannot.

import type { Day } from './bindings/Day';
import type { Prefs } from './bindings/Prefs';
import type { Preset } from './bindings/Preset';
import type { Thresholds } from './bindings/Thresholds';
import { invalid } from './errors';

export const MAX_PRESETS = 12;
export const MAX_PRESET_LABEL = 40;
export const MAX_MINUTES = 10_080;

export const DAYS: readonly { day: Day; name: string }[] = [
  { day: 'mon', name: 'Monday' },
  { day: 'tue', name: 'Tuesday' },
  { day: 'wed', name: 'Wednesday' },
  { day: 'thu', name: 'Thursday' },
  { day: 'fri', name: 'Friday' },
  { day: 'sat', name: 'Saturday' },
  { day: 'sun', name: 'Sunday' },
];

type Typed = number | string | null | undefined;

export type PresetRow = {
  /** Stable across reorders, for the list's keys and ids. */
  key: number;
  label: string;
  channel: string;
  minutes: Typed;
};

/**
 * The rules' thresholds, in the order Settings shows them, each with the field name the core
 * uses in its messages and how it reads.
 */
export const THRESHOLDS: readonly { key: keyof Thresholds; field: string; label: string; hint: string }[] = [
  {
    key: 'habit_weeks',
    field: 'habit weeks',
    label: 'Weeks over the load line that make a habit',
    hint: 'Counted in the window below, this week included.',
  },
  { key: 'habit_window_weeks', field: 'habit window weeks', label: '…out of the last (weeks)', hint: '1 to 12.' },
  {
    key: 'streak_days',
    field: 'streak days',
    label: 'Days in a row with after-hours work',
    hint: 'At least 2, and no more than the window below.',
  },
  { key: 'streak_window_days', field: 'streak window days', label: '…within the last (days)', hint: '2 to 28.' },
  {
    key: 'sleep_interruptions',
    field: 'sleep interruptions',
    label: 'Sleep-hour interruptions in a week',
    hint: 'This many in one week is a warning.',
  },
  {
    key: 'reactive_min_sacrifices',
    field: 'reactive minimum sacrifices',
    label: 'Running on panic: at least this many sacrifices',
    hint: 'With more than half of them reactive.',
  },
  {
    key: 'source_sacrifices',
    field: 'source sacrifices',
    label: 'One source behind this many sacrifices',
    hint: 'Mostly delegable: you may be its single point of failure.',
  },
  { key: 'source_window_days', field: 'source window days', label: '…within (days)', hint: '1 to 90.' },
];

export type PrefsForm = {
  presets: PresetRow[];
  shortcut: string;
  /** Keep the quick-log window ready: it opens at once, and the app holds more memory. */
  quicklogReady: boolean;
  reflectionDay: Day;
  /** "HH:MM" */
  reflectionTime: string;
  thresholds: Record<keyof Thresholds, Typed>;
};

let nextKey = 1;

/** A row for a preset, with a fresh key. */
export function presetRow(p: Preset | null = null): PresetRow {
  return { key: nextKey++, label: p?.label ?? '', channel: p?.channel ?? 'page', minutes: p?.minutes ?? 15 };
}

export function prefsFormFrom(p: Prefs): PrefsForm {
  return {
    presets: p.presets.map((x) => presetRow(x)),
    shortcut: p.shortcut,
    quicklogReady: p.quicklog_ready,
    reflectionDay: p.reflection.day,
    reflectionTime: p.reflection.time,
    thresholds: { ...p.thresholds },
  };
}

function wholeOrNull(value: Typed): number | null {
  const text = typeof value === 'number' ? String(value) : (value ?? '').trim();
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** Which preset row is wrong and why, before anything is sent; null when each looks sendable. */
export type PresetProblem = { index: number; field: 'preset label' | 'preset channel' | 'preset minutes'; message: string };

export function presetProblem(rows: readonly PresetRow[]): PresetProblem | null {
  for (const [index, row] of rows.entries()) {
    const label = row.label.trim();
    if (label === '' || [...label].length > MAX_PRESET_LABEL) {
      return { index, field: 'preset label', message: `must be 1 to ${MAX_PRESET_LABEL} characters` };
    }
    if (row.channel.trim() === '') return { index, field: 'preset channel', message: 'pick a channel' };
    const minutes = wholeOrNull(row.minutes);
    if (minutes === null || minutes < 1 || minutes > MAX_MINUTES) {
      return { index, field: 'preset minutes', message: `must be a whole number from 1 to ${MAX_MINUTES}` };
    }
  }
  return null;
}

/** The rows with row `i` moved `delta` places (clamped); the same array when it cannot move. */
export function movePreset<T>(rows: readonly T[], i: number, delta: number): T[] {
  const j = Math.max(0, Math.min(rows.length - 1, i + delta));
  if (i < 0 || i >= rows.length || j === i) return [...rows];
  const out = [...rows];
  const [row] = out.splice(i, 1);
  out.splice(j, 0, row);
  return out;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The Prefs to save: `fresh` (read just now, so nothing else is written over) with what the
 * form holds. Throws an ApiFailure naming the field for what cannot even be sent; a preset's
 * problem is found with `presetProblem` first, to name its row.
 */
export function prefsFrom(form: PrefsForm, fresh: Prefs): Prefs {
  const problem = presetProblem(form.presets);
  if (problem) throw invalid(problem.field, `in row ${problem.index + 1}, ${problem.message}`);
  if (form.presets.length > MAX_PRESETS) throw invalid('presets', `at most ${MAX_PRESETS}`);
  const time = form.reflectionTime.trim();
  if (!CLOCK.test(time)) throw invalid('reflection time', 'give a time of day, HH:MM');
  const thresholds = { ...fresh.thresholds };
  for (const t of THRESHOLDS) {
    const n = wholeOrNull(form.thresholds[t.key]);
    if (n === null) throw invalid(t.field, 'must be a whole number');
    thresholds[t.key] = n;
  }
  return {
    ...fresh,
    presets: form.presets.map((r) => ({
      label: r.label.trim(),
      channel: r.channel.trim(),
      minutes: wholeOrNull(r.minutes) ?? 0,
    })),
    shortcut: form.shortcut.trim(),
    quicklog_ready: form.quicklogReady,
    reflection: { day: form.reflectionDay, time },
    thresholds,
  };
}

/** Whether saving the form would change the stored preferences. */
export function prefsChanged(form: PrefsForm, saved: Prefs): boolean {
  try {
    return JSON.stringify(prefsFrom(form, saved)) !== JSON.stringify(saved);
  } catch {
    return true;
  }
}

// ---------- recording a shortcut ----------

export type KeyPress = {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
};

const MODIFIER_CODES = /^(Control|Alt|Shift|Meta|OS|Super|Hyper)(Left|Right)?$|^(CapsLock|NumLock|Fn|AltGraph)$/;
const NAMED = [
  'Space',
  'Enter',
  'Tab',
  'Backspace',
  'Delete',
  'Insert',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Comma',
  'Period',
  'Slash',
  'Backslash',
  'Semicolon',
  'Quote',
  'Backquote',
  'Minus',
  'Equal',
  'BracketLeft',
  'BracketRight',
  'PrintScreen',
  'Pause',
  'ScrollLock',
];

/** The key's name as the global-shortcut parser reads it, from the physical key pressed. */
function keyName(code: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = /^Key([A-Z])$/.exec(code))) return m[1];
  if ((m = /^Digit(\d)$/.exec(code))) return m[1];
  if ((m = /^Arrow(Up|Down|Left|Right)$/.exec(code))) return m[1];
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  if (/^Numpad(\d|Add|Subtract|Multiply|Divide|Decimal|Enter)$/.test(code)) return code;
  return NAMED.includes(code) ? code : null;
}

/**
 * "Ctrl+Alt+L" for a key pressed with modifiers; null while only modifiers are held, or for a
 * key that is not one a global shortcut can use. Without Ctrl, Alt or Super only function keys
 * count, so a shortcut never swallows ordinary typing.
 */
export function shortcutFromKey(e: KeyPress): string | null {
  if (MODIFIER_CODES.test(e.code) || MODIFIER_CODES.test(e.key)) return null;
  const name = keyName(e.code);
  if (!name) return null;
  const strong = e.ctrlKey || e.altKey || e.metaKey;
  if (!strong && !/^F\d+$/.test(name)) return null;
  const parts: string[] = [];
  if (e.ctrlKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  if (e.metaKey) parts.push('Super');
  parts.push(name);
  return parts.join('+');
}
