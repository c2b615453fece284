// The quick-log window's form: what it holds, the Draft it sends, the draft it keeps while the
// person types (so an accidental close loses nothing), and the keys that drive it. Built for
// 3 a.m.: a number picks the channel, a few more keys give the minutes, Enter logs it.

import type { Draft } from './bindings/Draft';
import type { Entry } from './bindings/Entry';
import { parseTags } from './drafts';
import { invalid } from './errors';
import { formatMinutes } from './time';

export const QUICK_MINUTES = [15, 30, 60, 90] as const;
export const MAX_MINUTES = 10_080;
/** "Started N minutes ago" reaches back a week; anything older is logged in the main window. */
export const MAX_AGO = 10_080;
/** The channels the number keys reach: 1 to 9. */
export const MAX_NUMBERED = 9;

export type QuickForm = {
  channel: string;
  /** As typed: whole minutes, or empty. */
  minutes: string;
  /** "Started N minutes ago", as typed; empty or 0 is now. */
  ago: string;
  /** The moment (ms since the epoch) "N minutes ago" counts back from: when it was last typed. */
  anchor: number;
  source: string;
  chosen: boolean;
  delegable: boolean;
  note: string;
  /** Comma separated. */
  tags: string;
};

export function blankQuick(now: number): QuickForm {
  return {
    channel: '',
    minutes: '',
    ago: '0',
    anchor: now,
    source: '',
    chosen: false,
    delegable: false,
    note: '',
    tags: '',
  };
}

/** Whether nothing was typed yet (the anchor alone is no input). */
export function isBlank(form: QuickForm): boolean {
  const agoText = form.ago.trim();
  return (
    form.channel.trim() === '' &&
    form.minutes.trim() === '' &&
    (agoText === '' || agoText === '0') &&
    form.source.trim() === '' &&
    !form.chosen &&
    !form.delegable &&
    form.note === '' &&
    form.tags.trim() === ''
  );
}

function whole(text: string): number | null {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** "Started N minutes ago" as a number; empty is 0. Throws an ApiFailure on field `ago`. */
export function agoMinutes(form: Pick<QuickForm, 'ago'>): number {
  if (form.ago.trim() === '') return 0;
  const n = whole(form.ago);
  if (n === null || n > MAX_AGO) {
    throw invalid('ago', `must be a whole number of minutes from 0 (now) to ${MAX_AGO} (a week)`);
  }
  return n;
}

/** When the interruption started: the anchor, minus "N minutes ago". */
export function startOf(form: Pick<QuickForm, 'ago' | 'anchor'>): Date {
  return new Date(form.anchor - agoMinutes(form) * 60_000);
}

/** "2026-11-24T22:30:00Z": RFC 3339 in UTC, to the second (the core keeps the minute). */
export function rfc3339Z(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The Draft the form sends: the start as an instant (so the core fills in the home zone), every
 * flag said out loud, the source only when there is one. Throws an ApiFailure naming `minutes`
 * or `ago` for what cannot even be sent; the core checks the rest.
 */
export function quickDraft(form: QuickForm): Draft {
  const minutes = whole(form.minutes);
  if (minutes === null) throw invalid('minutes', `must be a whole number from 1 to ${MAX_MINUTES}`);
  const draft: Draft = {
    channel: form.channel.trim(),
    minutes,
    at: rfc3339Z(startOf(form)),
    chosen: form.chosen,
    delegable: form.delegable,
    note: form.note,
    tags: parseTags(form.tags),
  };
  const source = form.source.trim();
  if (source !== '') draft.source = source;
  return draft;
}

// ---------- the draft kept while typing ----------

const DRAFT_VERSION = 1;

/** The text stored with `set_quicklog_draft`; null for a blank form (nothing worth keeping). */
export function serializeQuick(form: QuickForm): string | null {
  if (isBlank(form)) return null;
  return JSON.stringify({ v: DRAFT_VERSION, ...form });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/**
 * The form a stored draft holds, or null for none, a blank one or unreadable text. "Started N
 * minutes ago" still means the same moment: the minutes since the draft was kept are added, and
 * the anchor moves forward by exactly as much.
 */
export function restoreQuick(stored: string | null, now: number): QuickForm | null {
  if (stored === null || stored.trim() === '') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const form: QuickForm = {
    channel: text(r.channel),
    minutes: text(r.minutes),
    ago: text(r.ago) || '0',
    anchor: typeof r.anchor === 'number' && Number.isFinite(r.anchor) ? r.anchor : now,
    source: text(r.source),
    chosen: r.chosen === true,
    delegable: r.delegable === true,
    note: text(r.note),
    tags: text(r.tags),
  };
  if (isBlank(form)) return null;
  const ago = whole(form.ago);
  const elapsed = Math.floor((now - form.anchor) / 60_000);
  if (ago !== null && elapsed > 0) {
    form.ago = String(ago + elapsed);
    form.anchor += elapsed * 60_000;
  }
  return form;
}

// ---------- keys ----------

/** What `typesText` looks at: an element's tag, its input type, whether it is editable. */
export type KeyTarget = { tagName?: string; type?: string; isContentEditable?: boolean } | null;

const NOT_TEXT = ['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'];

/** Whether keys typed at `el` are text for it (so a digit is a digit there, not a channel). */
export function typesText(el: KeyTarget): boolean {
  if (!el) return false;
  const tag = (el.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TEXT.includes((el.type ?? 'text').toLowerCase());
  return el.isContentEditable === true;
}

/** The channel a number key picks ("1" is the first), or null. */
export function channelForKey(key: string, channels: readonly string[]): string | null {
  if (!/^[1-9]$/.test(key)) return null;
  const i = Number(key) - 1;
  return i < Math.min(channels.length, MAX_NUMBERED) ? channels[i] : null;
}

/** The channel `delta` steps from `current` (arrow keys), wrapping; from none, the first or last. */
export function stepChannel(channels: readonly string[], current: string, delta: number): string | null {
  if (channels.length === 0) return null;
  const i = channels.indexOf(current.trim().toLowerCase());
  if (i < 0) return delta >= 0 ? channels[0] : channels[channels.length - 1];
  const n = channels.length;
  return channels[(((i + delta) % n) + n) % n];
}

/** The next channel starting with `letter` after `current` (typing "c" twice: call, then chat). */
export function typeahead(channels: readonly string[], current: string, letter: string): string | null {
  const l = letter.toLowerCase();
  if (!/^\p{L}$/u.test(l)) return null;
  const start = channels.indexOf(current.trim().toLowerCase());
  for (let k = 1; k <= channels.length; k++) {
    const c = channels[(start + k + channels.length) % channels.length];
    if (c.toLowerCase().startsWith(l)) return c;
  }
  return null;
}

/** ↑ and ↓ in the minutes field step through the presets: 15 · 30 · 60 · 90. */
export function stepMinutes(minutes: string, delta: 1 | -1): string {
  const n = whole(minutes);
  if (n === null || n === 0) return String(QUICK_MINUTES[0]);
  if (delta > 0) return String(QUICK_MINUTES.find((m) => m > n) ?? QUICK_MINUTES[QUICK_MINUTES.length - 1]);
  return String([...QUICK_MINUTES].reverse().find((m) => m < n) ?? QUICK_MINUTES[0]);
}

// ---------- the source's suggestions ----------

/**
 * Earlier sources that fit what was typed, case-insensitively: those that start with it first,
 * then those that contain it, in the core's order; none once it is typed out exactly.
 */
export function suggestSources(all: readonly string[], typed: string, limit = 6): string[] {
  const t = typed.trim().toLowerCase();
  if (t === '') return all.slice(0, limit);
  if (all.some((s) => s.toLowerCase() === t)) return [];
  const starts = all.filter((s) => s.toLowerCase().startsWith(t));
  const contains = all.filter((s) => !s.toLowerCase().startsWith(t) && s.toLowerCase().includes(t));
  return [...starts, ...contains].slice(0, limit);
}

// ---------- words ----------

function wallClock(instant: Date, zone: string): { day: string; weekday: string; time: string } {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone }).formatToParts(instant);
  } catch {
    parts = new Intl.DateTimeFormat('en-GB', options).formatToParts(instant);
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: `${get('year')}-${get('month')}-${get('day')}`,
    weekday: get('weekday'),
    time: `${get('hour')}:${get('minute')}`,
  };
}

/** "now", "started 22:40", "started Mon 22:40": when the entry will say it started, in `zone`. */
export function startedLabel(start: Date, now: Date, zone: string): string {
  if (Math.abs(now.getTime() - start.getTime()) < 60_000) return 'now';
  const a = wallClock(start, zone);
  const b = wallClock(now, zone);
  return a.day === b.day ? `started ${a.time}` : `started ${a.weekday} ${a.time}`;
}

/** "Logged: page, 30 min · 30 min after hours · 30 min in sleep hours". */
export function loggedLine(entry: Entry): string {
  const parts = [`Logged: ${entry.channel}, ${formatMinutes(entry.minutes)}`];
  if (entry.after_hours_minutes > 0) parts.push(`${formatMinutes(entry.after_hours_minutes)} after hours`);
  if (entry.sleep_minutes > 0) parts.push(`${formatMinutes(entry.sleep_minutes)} in sleep hours`);
  if (entry.breaches.length > 0) parts.push(entry.breaches.length === 1 ? 'a breach' : `${entry.breaches.length} breaches`);
  return parts.join(' · ');
}
