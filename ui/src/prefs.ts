// The preferences form in Settings: the tray's presets, the quick-log shortcut, the weekly
// reflection reminder, the reports (the owner's name and role, the paper, which sources are
// people), the monthly self-check (its reminder and the client scale's word) and the reminder
// rules' thresholds, and the Prefs it sends. The core
// checks everything and names the field by its path (`presets[1].label`, `thresholds.streak_days`).

import type { Day } from './bindings/Day';
import type { Facts } from './bindings/Facts';
import type { Paper } from './bindings/Paper';
import type { Prefs } from './bindings/Prefs';
import type { Preset } from './bindings/Preset';
import type { Thresholds } from './bindings/Thresholds';
import { invalid, needWhole } from './errors';

export const DAYS: readonly { day: Day; name: string }[] = [
  { day: 'mon', name: 'Monday' },
  { day: 'tue', name: 'Tuesday' },
  { day: 'wed', name: 'Wednesday' },
  { day: 'thu', name: 'Thursday' },
  { day: 'fri', name: 'Friday' },
  { day: 'sat', name: 'Saturday' },
  { day: 'sun', name: 'Sunday' },
];

/** The paper choices, as Settings offers them; automatic is the core's to resolve. */
export const PAPERS: readonly { value: Paper; label: string }[] = [
  { value: 'auto', label: 'Automatic, from your home time zone' },
  { value: 'a4', label: 'A4' },
  { value: 'letter', label: 'Letter' },
];

type Typed = number | string | null | undefined;

export type PresetRow = {
  /** Stable across reorders, for the list's keys and ids. */
  key: number;
  label: string;
  channel: string;
  minutes: Typed;
};

/** The rules' thresholds, in the order Settings shows them, and how each reads. */
export const THRESHOLDS: readonly { key: keyof Thresholds; label: string; hint: string }[] = [
  {
    key: 'habit_weeks',
    label: 'Weeks over the load line that make a habit',
    hint: 'Counted in the window below, this week included.',
  },
  { key: 'habit_window_weeks', label: '…out of the last (weeks)', hint: '1 to 12.' },
  {
    key: 'streak_days',
    label: 'Days in a row with after-hours work',
    hint: 'At least 2, and no more than the window below.',
  },
  { key: 'streak_window_days', label: '…within the last (days)', hint: '2 to 28.' },
  {
    key: 'sleep_interruptions',
    label: 'Sleep-hour interruptions in a week',
    hint: 'This many in one week is a warning.',
  },
  {
    key: 'reactive_min_sacrifices',
    label: 'Mostly reactive: at least this many sacrifices',
    hint: 'With more than half of them reactive.',
  },
  {
    key: 'source_sacrifices',
    label: 'One source behind this many sacrifices',
    hint: 'Mostly delegable: you may be its single point of failure.',
  },
  { key: 'source_window_days', label: '…within (days)', hint: '1 to 90.' },
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
  /** Desktop notifications in a week at the most. */
  notificationsPerWeek: Typed;
  ownerName: string;
  ownerRole: string;
  paper: Paper;
  /** The sources marked as people, exactly as stored. */
  people: string[];
  /** The self-check's monthly reminder: on, its day of the month and its "HH:MM". */
  selfcheckReminder: boolean;
  selfcheckDay: Typed;
  selfcheckTime: string;
  /** The optional client scale: asked, and the person's word for whom they serve. */
  clientScale: boolean;
  clientWord: string;
};

/** What a setting turned on starts from when it was off: the core's defaults. */
export type PrefsDefaults = Pick<Facts, 'default_prefs' | 'default_client_word'>;

let nextKey = 1;

/** A row for a preset, with a fresh key; a new one starts from `fresh` (the core's first channel and quick minutes). */
export function presetRow(p: Preset): PresetRow {
  return { key: nextKey++, label: p.label, channel: p.channel, minutes: p.minutes };
}

/**
 * The form for `p`. A self-check setting that is off shows what it would be when turned on:
 * the core's default reminder and word (`defaults`, from the facts), else empty fields.
 */
export function prefsFormFrom(p: Prefs, defaults?: PrefsDefaults | null): PrefsForm {
  const reminder = p.selfcheck.reminder ?? defaults?.default_prefs.selfcheck.reminder ?? null;
  return {
    presets: p.presets.map((x) => presetRow(x)),
    shortcut: p.shortcut,
    quicklogReady: p.quicklog_ready,
    reflectionDay: p.reflection.day,
    reflectionTime: p.reflection.time,
    thresholds: { ...p.thresholds },
    notificationsPerWeek: p.notifications_per_week,
    ownerName: p.owner.name,
    ownerRole: p.owner.role,
    paper: p.paper,
    people: [...p.people],
    selfcheckReminder: p.selfcheck.reminder !== null,
    selfcheckDay: reminder?.day ?? '',
    selfcheckTime: reminder?.time ?? '',
    clientScale: p.selfcheck.client_word !== null,
    clientWord: p.selfcheck.client_word ?? defaults?.default_client_word ?? '',
  };
}

/**
 * The sources Settings offers to mark as people: those logged before (most used first), then
 * any marked ones no longer among them, so a mark can always be taken back.
 */
export function personChoices(sources: readonly string[], people: readonly string[]): string[] {
  return [...sources, ...people.filter((p) => !sources.includes(p))];
}

/** `people` with `source` marked (or no longer marked) as a person. */
export function markPerson(people: readonly string[], source: string, person: boolean): string[] {
  const rest = people.filter((p) => p !== source);
  return person ? [...rest, source] : rest;
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
 * form holds. Throws an ApiFailure naming the path for what cannot even be sent (a number that
 * is not one); the core checks the rest.
 */
export function prefsFrom(form: PrefsForm, fresh: Prefs): Prefs {
  const presets = form.presets.map((r, i) => ({
    label: r.label.trim(),
    channel: r.channel.trim(),
    minutes: needWhole(`presets[${i}].minutes`, r.minutes),
  }));
  const time = form.reflectionTime.trim();
  if (!CLOCK.test(time)) throw invalid('reflection.time', 'Give a time of day, HH:MM');
  let reminder: Prefs['selfcheck']['reminder'] = null;
  if (form.selfcheckReminder) {
    const day = needWhole('selfcheck.reminder.day', form.selfcheckDay);
    const at = form.selfcheckTime.trim();
    if (!CLOCK.test(at)) throw invalid('selfcheck.reminder.time', 'Give a time of day, HH:MM');
    reminder = { day, time: at };
  }
  const thresholds = { ...fresh.thresholds };
  for (const t of THRESHOLDS) thresholds[t.key] = needWhole(`thresholds.${t.key}`, form.thresholds[t.key]);
  return {
    ...fresh,
    presets,
    shortcut: form.shortcut.trim(),
    quicklog_ready: form.quicklogReady,
    reflection: { day: form.reflectionDay, time },
    thresholds,
    notifications_per_week: needWhole('notifications_per_week', form.notificationsPerWeek),
    owner: { name: form.ownerName.trim(), role: form.ownerRole.trim() },
    paper: form.paper,
    people: [...form.people],
    selfcheck: { reminder, client_word: form.clientScale ? form.clientWord.trim() : null },
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
