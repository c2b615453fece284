// The first-run welcome: its steps and the non-negotiables the core suggests. Everything it sets is
// an ordinary setting, editable later in Settings.

import type { BoundaryInput } from './bindings/BoundaryInput';
import type { SuggestedBoundary } from './bindings/SuggestedBoundary';

export const WELCOME_STEPS = ['intro', 'schedule', 'protect', 'login', 'tray'] as const;
export type WelcomeStep = (typeof WELCOME_STEPS)[number];

/** At most this many non-negotiables are declared from the welcome; more can follow in Settings. */
export const MAX_WELCOME_BOUNDARIES = 3;

export type Suggestion = BoundaryInput & { why: string };

/** The core's suggestions (`Facts.welcome_boundaries`) as the welcome's choices. */
export function suggestions(offered: readonly SuggestedBoundary[]): Suggestion[] {
  return offered.map((s) => ({ ...s.boundary, why: s.why }));
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
