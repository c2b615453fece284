// The non-negotiable form: what it shows for a declared boundary and the BoundaryInput it sends.

import type { BoundaryInput } from './bindings/BoundaryInput';
import type { BoundaryView } from './bindings/BoundaryView';
import { needWhole } from './errors';

export type BoundaryForm = {
  name: string;
  category: string;
  /** One window per line: "Mon-Fri 18:00-20:00", "Sun all day". */
  windows: string;
  allowance: number | string | null | undefined;
  paused: boolean;
};

/** A new non-negotiable, in `category` (the form passes the core's first). */
export function blankBoundary(category: string): BoundaryForm {
  return { name: '', category, windows: '', allowance: 0, paused: false };
}

export function boundaryFormFrom(b: BoundaryView): BoundaryForm {
  return { name: b.name, category: b.category, windows: b.windows.join('\n'), allowance: b.allowance, paused: b.paused };
}

/**
 * Non-empty lines, trimmed: what is sent, so the core's `windows[1]` is the second line the
 * person sees.
 */
export function windowLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Throws an ApiFailure if the allowance is not a whole number. */
export function boundaryInputFrom(form: BoundaryForm): BoundaryInput {
  return {
    name: form.name,
    category: form.category,
    windows: windowLines(form.windows),
    allowance: needWhole('allowance', form.allowance),
    paused: form.paused,
  };
}

/** The same non-negotiable, paused or resumed. */
export function withPaused(b: BoundaryView, paused: boolean): BoundaryInput {
  return { name: b.name, category: b.category, windows: [...b.windows], allowance: b.allowance, paused };
}

/** Whether a non-negotiable was removed: listed only so past breaches keep a name. */
export function isRemoved(b: BoundaryView): boolean {
  return b.removed;
}

/**
 * "Family dinner", "Gym (removed)" for one removed since, or a plain stand-in when the core no
 * longer lists it at all. Pass every non-negotiable, removed ones included.
 */
export function boundaryName(all: readonly BoundaryView[], id: number): string {
  const b = all.find((x) => x.id === id);
  if (!b) return `a removed non-negotiable (#${id})`;
  return isRemoved(b) ? `${b.name} (removed)` : b.name;
}
