// The "Log an interruption" form and the entry edit form: their values, and the Draft they
// send. The core checks every field and words every refusal: minutes that are empty or not a
// whole number are sent as none, and the core says what to enter. Limits and lists come from
// the core's Facts.

import type { Draft } from './bindings/Draft';
import type { Entry } from './bindings/Entry';
import type { Severity } from './bindings/Severity';
import { invalid, wholeNumber } from './errors';
import { inputValueOf } from './time';

export type EntryForm = {
  channel: string;
  /** As the number input gives it: a number, an empty value, or text. */
  minutes: number | string | null | undefined;
  /** datetime-local value, "YYYY-MM-DDTHH:MM". */
  at: string;
  /** False while the start still means "now". */
  atTouched: boolean;
  zone: string;
  source: string;
  severity: Severity;
  chosen: boolean;
  delegable: boolean;
  note: string;
  /** Comma separated. */
  tags: string;
  costs: number[];
};

/** A fresh form: now, in the home zone, reactive. */
export function blankForm(homeZone: string): EntryForm {
  return {
    channel: '',
    minutes: null,
    at: '',
    atTouched: false,
    zone: homeZone,
    source: '',
    severity: 'none',
    chosen: false,
    delegable: false,
    note: '',
    tags: '',
    costs: [],
  };
}

/** The edit form of a stored entry, at its own local time and zone. */
export function formFromEntry(entry: Entry): EntryForm {
  return {
    channel: entry.channel,
    minutes: entry.minutes,
    at: inputValueOf(entry.start),
    atTouched: true,
    zone: entry.zone,
    source: entry.source ?? '',
    severity: entry.severity,
    chosen: entry.chosen,
    delegable: entry.delegable,
    note: entry.note,
    tags: entry.tags.join(', '),
    costs: [...entry.costs],
  };
}

/** "db, night , ,oncall" -> ["db", "night", "oncall"] */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Characters as the core counts them (code points, not UTF-16 units). */
export function noteLength(text: string): number {
  return [...text].length;
}

/**
 * The Draft a form sends. A new entry whose start was left alone is logged "now" (no `at`),
 * in the home zone unless another zone was chosen. An edited entry always says when and where,
 * or saving it would move it to now. Minutes that are not a whole number are left out, for the
 * core to ask for.
 */
export function draftFromForm(form: EntryForm, opts: { homeZone: string; editing: boolean }): Draft {
  const zone = form.zone.trim();
  const at = form.at.trim();
  const draft: Draft = {
    channel: form.channel.trim(),
    severity: form.severity,
    chosen: form.chosen,
    delegable: form.delegable,
    note: form.note,
    tags: parseTags(form.tags),
    costs: [...form.costs],
  };
  const minutes = wholeNumber(form.minutes);
  if (minutes !== null) draft.minutes = minutes;
  const source = form.source.trim();
  if (source !== '') draft.source = source;
  if (opts.editing) {
    if (at === '') throw invalid('at', 'give the local time the interruption started, YYYY-MM-DDTHH:MM');
    draft.at = at;
    if (zone !== '') draft.tz = zone;
  } else {
    if (form.atTouched && at !== '') draft.at = at;
    if (zone !== '' && zone !== opts.homeZone) draft.tz = zone;
  }
  return draft;
}
