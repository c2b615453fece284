// The quick-log window's form: what it holds, the Draft it sends, the draft it keeps while the
// person types (so an accidental close loses nothing), and the keys that drive it. Built for
// 3 a.m.: a number picks the channel, a few more keys give the minutes, Enter logs it.

import type { Draft } from './bindings/Draft';
import type { Entry } from './bindings/Entry';
import { parseTags } from './drafts';
import { needWhole, wholeNumber } from './errors';
import { formatMinutes, localTime } from './time';

/** The channels the number keys reach: 1 to 9. */
export const MAX_NUMBERED = 9;

export type QuickForm = {
  channel: string;
  /** As typed: whole minutes, or empty. */
  minutes: string;
  /** "Started N minutes ago", as typed; empty or 0 is the moment below. */
  ago: string;
  /**
   * The moment "N minutes ago" counts back from: the app's clock (week_nav's `now`, RFC 3339)
   * when the window opened or the form was started over; "" when it could not be read.
   */
  agoFrom: string;
  source: string;
  chosen: boolean;
  delegable: boolean;
  note: string;
  /** Comma separated. */
  tags: string;
};

export function blankQuick(agoFrom: string): QuickForm {
  return {
    channel: '',
    minutes: '',
    ago: '0',
    agoFrom,
    source: '',
    chosen: false,
    delegable: false,
    note: '',
    tags: '',
  };
}

/** Whether nothing was typed yet (the moment alone is no input). */
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

/** "Started N minutes ago" as a number; empty is 0. Throws an ApiFailure on `ago_minutes`. */
export function agoMinutes(form: Pick<QuickForm, 'ago'>): number {
  if (form.ago.trim() === '') return 0;
  return needWhole('ago_minutes', form.ago);
}

/**
 * The Draft the form sends: how long ago it started and the moment that counts back from, for
 * the core to turn into a start (in the home zone); every flag said out loud, the source only
 * when there is one. Minutes that are not a whole number are left out, for the core to ask for;
 * throws an ApiFailure naming `ago_minutes` for a "minutes ago" that cannot even be sent.
 */
export function quickDraft(form: QuickForm): Draft {
  const draft: Draft = {
    channel: form.channel.trim(),
    ago_minutes: agoMinutes(form),
    chosen: form.chosen,
    delegable: form.delegable,
    note: form.note,
    tags: parseTags(form.tags),
  };
  const minutes = wholeNumber(form.minutes);
  if (minutes !== null) draft.minutes = minutes;
  if (form.agoFrom !== '') draft.ago_from = form.agoFrom;
  const source = form.source.trim();
  if (source !== '') draft.source = source;
  return draft;
}

// ---------- the draft kept while typing ----------

const DRAFT_VERSION = 2;

/** The text stored with `set_quicklog_draft`; null for a blank form (nothing worth keeping). */
export function serializeQuick(form: QuickForm): string | null {
  if (isBlank(form)) return null;
  return JSON.stringify({ v: DRAFT_VERSION, ...form });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/**
 * The form a stored draft holds, or null for none, a blank one or unreadable text. It keeps the
 * moment it counted back from, so "N minutes ago" still means the same start; a draft kept
 * before that moment was stored (its `anchor`, ms) keeps its own, and one with neither counts
 * back from `agoFrom`.
 */
export function restoreQuick(stored: string | null, agoFrom: string): QuickForm | null {
  if (stored === null || stored.trim() === '') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const kept =
    typeof r.agoFrom === 'string' && r.agoFrom !== ''
      ? r.agoFrom
      : typeof r.anchor === 'number' && Number.isFinite(r.anchor)
        ? new Date(r.anchor).toISOString()
        : agoFrom;
  const form: QuickForm = {
    channel: text(r.channel),
    minutes: text(r.minutes),
    ago: text(r.ago) || '0',
    agoFrom: kept,
    source: text(r.source),
    chosen: r.chosen === true,
    delegable: r.delegable === true,
    note: text(r.note),
    tags: text(r.tags),
  };
  return isBlank(form) ? null : form;
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

/** ↑ and ↓ in the minutes field step through the core's quick minutes (15 · 30 · 60 · 90). */
export function stepMinutes(minutes: string, delta: 1 | -1, quick: readonly number[]): string {
  if (quick.length === 0) return minutes;
  const n = wholeNumber(minutes);
  if (n === null || n <= 0) return String(quick[0]);
  if (delta > 0) return String(quick.find((m) => m > n) ?? quick[quick.length - 1]);
  return String([...quick].reverse().find((m) => m < n) ?? quick[0]);
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

/**
 * When the entry will say it started, in words, without working it out: "at 22:40" (the moment
 * the window opened, as the core's clock read it) or "20 min before 22:40". The core counts back.
 */
export function startedLabel(form: Pick<QuickForm, 'ago' | 'agoFrom'>): string {
  const from = localTime(form.agoFrom);
  const ago = wholeNumber(form.ago.trim() === '' ? '0' : form.ago);
  if (!from || ago === null) return '';
  return ago === 0 ? `at ${from.time}` : `${formatMinutes(ago)} before ${from.time}`;
}

/** "Logged: page, 30 min · 30 min after hours · 30 min in sleep hours". */
export function loggedLine(entry: Entry): string {
  const start = localTime(entry.start);
  const parts = [`Logged: ${entry.channel}, ${formatMinutes(entry.minutes)}${start ? `, started ${start.time}` : ''}`];
  if (entry.after_hours_minutes > 0) parts.push(`${formatMinutes(entry.after_hours_minutes)} after hours`);
  if (entry.sleep_minutes > 0) parts.push(`${formatMinutes(entry.sleep_minutes)} in sleep hours`);
  if (entry.breaches.length > 0) parts.push(entry.breaches.length === 1 ? 'a breach' : `${entry.breaches.length} breaches`);
  return parts.join(' · ');
}
