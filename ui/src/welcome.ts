// The first-run welcome: its steps and the non-negotiables it suggests. Everything it sets is
// an ordinary setting, editable later in Settings.

import type { BoundaryInput } from './bindings/BoundaryInput';

export const WELCOME_STEPS = ['intro', 'schedule', 'protect', 'login', 'tray'] as const;
export type WelcomeStep = (typeof WELCOME_STEPS)[number];

/** At most this many non-negotiables are declared from the welcome; more can follow in Settings. */
export const MAX_WELCOME_BOUNDARIES = 3;

export type Suggestion = BoundaryInput & { why: string };

/**
 * The suggestions, with sleep following the person's own sleep hours ("22:00-07:00"), or the
 * core's default ones (`fallback`) when they declared none.
 */
export function suggestions(sleep: string | null, fallback: string): Suggestion[] {
  const span = /^\d{2}:\d{2}-\d{2}:\d{2}$/;
  const night = sleep && span.test(sleep) ? sleep : fallback;
  return [
    {
      name: 'Family dinner',
      category: 'family',
      windows: ['Mon-Fri 18:00-20:00'],
      allowance: 0,
      paused: false,
      why: 'Weekdays 18:00–20:00',
    },
    {
      name: 'Sleep',
      category: 'sleep',
      windows: [`daily ${night}`],
      allowance: 0,
      paused: false,
      why: `Every night ${night.replace('-', '–')}`,
    },
    {
      name: 'Exercise',
      category: 'health',
      windows: ['Tue,Thu 07:00-08:00'],
      allowance: 0,
      paused: false,
      why: 'Tuesday and Thursday 07:00–08:00',
    },
    {
      name: 'Weekends',
      category: 'rest',
      windows: ['Sat,Sun all day'],
      allowance: 0,
      paused: false,
      why: 'Saturday and Sunday, all day',
    },
  ];
}

/** The same name, ignoring case and spaces around it. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The chosen list with `b` toggled: removed if there, else added while fewer than the most.
 * Returns the same list when it is full.
 */
export function toggleChoice<T extends { name: string }>(chosen: readonly T[], b: T, most = MAX_WELCOME_BOUNDARIES): T[] {
  if (chosen.some((c) => sameName(c.name, b.name))) return chosen.filter((c) => !sameName(c.name, b.name));
  if (chosen.length >= most) return [...chosen];
  return [...chosen, b];
}
