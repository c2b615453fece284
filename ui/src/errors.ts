// Bad input comes back from the core as {code: "invalid", field, message}, where `field` is a
// path into the argument that was sent: `minutes`, `tags[1]`, `working_hours[2]`,
// `presets[0].label`. A form's fields each claim a path; this module decides which claim a
// problem belongs to, so each message lands beside the control it is about and nowhere else.

import { ApiFailure, toApiError } from './api';

/** An error made in the page before anything was sent, shaped like the core's. */
export function invalid(field: string, message: string): ApiFailure {
  return new ApiFailure({ code: 'invalid', field, message });
}

/** What a form shows after a failed save: a message beside one field, or one for the form. */
export type Problem = {
  /** The path the core named when the input was bad, else null. */
  field: string | null;
  message: string;
};

export function problemOf(raw: unknown): Problem {
  const e = toApiError(raw);
  if (e.code === 'invalid' && e.field) return { field: e.field, message: e.message };
  return { field: null, message: e.message };
}

/** Every problem of a failed save, in the core's order: the first one, then the other refused fields. */
export function problemsOf(raw: unknown): Problem[] {
  const e = toApiError(raw);
  const first = problemOf(e);
  return e.code === 'invalid' && first.field ? [first, ...e.also.map((p) => ({ field: p.field, message: p.message }))] : [first];
}

/** Whether `field` is `path` or lies inside it: `tags[1]` and `presets[0].label` inside `tags`, `presets[0]`. */
export function inside(field: string, path: string): boolean {
  if (field === path) return true;
  if (!field.startsWith(path)) return false;
  const next = field.charAt(path.length);
  return next === '[' || next === '.';
}

/** The claimed path a field belongs to: the most specific one it lies inside, or null for none. */
export function ownerOf(field: string | null, claims: Iterable<string>): string | null {
  if (field === null) return null;
  let best: string | null = null;
  for (const path of claims) {
    if (inside(field, path) && (best === null || path.length > best.length)) best = path;
  }
  return best;
}

/** How a path reads when no field of the form shows it: `load_line_minutes` -> "load line minutes". */
export function pathWords(field: string): string {
  return field
    .replace(/\[(\d+)\]/g, (_, n: string) => ` ${Number(n) + 1}`)
    .replace(/[._]/g, ' ')
    .trim();
}

/** The page's one reading of a whole number typed into a field; null for anything else. */
export function wholeNumber(value: number | string | null | undefined): number | null {
  const text = typeof value === 'number' ? String(value) : (value ?? '').trim();
  return /^-?\d+$/.test(text) ? Number(text) : null;
}

/**
 * A whole number for the field at `path`, or an ApiFailure naming it: the page cannot send
 * text where the core reads a number. The core checks the range and says what is allowed.
 */
export function needWhole(path: string, value: number | string | null | undefined): number {
  const n = wholeNumber(value);
  if (n === null) throw invalid(path, 'Type a whole number');
  return n;
}
