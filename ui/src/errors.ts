// Bad input comes back from the core as {code: "invalid", field, message}. This module decides
// which form control a field belongs to and how its name reads, so each message lands beside the
// control it is about and nowhere else.

import { ApiFailure, toApiError } from './api';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_SHORT = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** An error made in the page before anything was sent, shaped like the core's. */
export function invalid(field: string, message: string): ApiFailure {
  return new ApiFailure({ code: 'invalid', field, message });
}

/** The weekday (Monday = 0) a "working hours Wed" field is about, or null. */
export function dayOfField(field: string | null): number | null {
  const m = /^working hours (\w{3})$/i.exec(field ?? '');
  if (!m) return null;
  const i = DAY_SHORT.indexOf(m[1].toLowerCase());
  return i < 0 ? null : i;
}

const LABELS: Record<string, string> = {
  channel: 'Channel',
  minutes: 'Minutes',
  at: 'Started at',
  tz: 'Zone',
  source: 'Source',
  severity: 'Severity',
  note: 'Note',
  tags: 'Tags',
  tag: 'Each tag',
  costs: 'Costs',
  week: 'Week',
  zone: 'Home time zone',
  'sleep hours': 'Sleep hours',
  'working hours': 'Working hours',
  'load line sacrifices': 'Sacrifices a week',
  'load line minutes': 'After-hours minutes a week',
  name: 'Name',
  category: 'Category',
  windows: 'Windows',
  allowance: 'Allowance',
  ago: 'Started',
  cost: 'What it cost',
  chosen: 'What you chose',
  runbook: 'Runbook',
  protect: 'Boundary to protect',
  energy: 'Energy',
  shortcut: 'Shortcut',
  presets: 'Presets',
};

/** How a field's name reads in front of its message: "Minutes", "Wednesday", "Window 2". */
export function fieldLabel(field: string): string {
  const day = dayOfField(field);
  if (day !== null) return DAY_NAMES[day];
  const window = /^window (\d+)$/i.exec(field);
  if (window) return `Window ${window[1]}`;
  return LABELS[field] ?? field.charAt(0).toUpperCase() + field.slice(1);
}

/** What a form shows after a failed save: a message beside one field, or one for the form. */
export type Problem = {
  /** The ApiError field when the input was bad, else null. */
  field: string | null;
  message: string;
};

export function problemOf(raw: unknown): Problem {
  const e = toApiError(raw);
  if (e.code === 'invalid' && e.field) return { field: e.field, message: e.message };
  return { field: null, message: e.message };
}

/** The message for a control showing any of `fields`, if the problem is about one of them. */
export function messageFor(problem: Problem | null, ...fields: string[]): string | null {
  if (!problem || problem.field === null) return null;
  return fields.includes(problem.field) ? problem.message : null;
}

/**
 * Whether no control of the form claims the problem's field; the form then shows it at its
 * foot, still as a field error naming the field.
 */
export function unclaimed(problem: Problem | null, claims: (field: string) => boolean): boolean {
  return !!problem && problem.field !== null && !claims(problem.field);
}
