// The monthly self-check in the window: walking through the core's questions from the keyboard,
// the answers sent back, and how the twelve months are drawn. Nothing is scored or dated here:
// the questions, their answers' labels, the scores, the months and the words all come from the
// core; this module only keeps the person's place in the form and picks positions for a chart.

import type { Answer } from './bindings/Answer';
import type { MonthRow } from './bindings/MonthRow';
import type { Part } from './bindings/Part';
import type { Question } from './bindings/Question';
import type { TakeAnswers } from './bindings/TakeAnswers';
import type { TakeInput } from './bindings/TakeInput';
import { COUNT_STEPS, MINUTE_STEPS, niceScale, type Scale } from './reflection';

/** How each scale of the inventory is named: in headings, and shorter in a table or a legend. */
export const PART_LABEL: Record<Part, { title: string; short: string }> = {
  personal: { title: 'Personal burnout', short: 'Personal' },
  work: { title: 'Work-related burnout', short: 'Work-related' },
  client: { title: 'Client-related burnout', short: 'Client-related' },
};

// ---------- the walk through the questions ----------

/** Where the person is in the form: a question (0 …), or the review before saving (`questions.length`). */
export type Walk = {
  questions: readonly Question[];
  /** One per question, in order; null is left unanswered (skipped or not reached yet). */
  answers: (Answer | null)[];
  step: number;
  /** A question opened from the review goes back there once answered. */
  fromReview: boolean;
  /** Escape was pressed once with answers given: a second one leaves without saving. */
  leaving: boolean;
  /** The person left: the form closes, nothing is saved. */
  closed: boolean;
};

export type WalkAction =
  | { kind: 'pick'; choice: number }
  | { kind: 'skip' }
  | { kind: 'next' }
  | { kind: 'back' }
  | { kind: 'goto'; step: number }
  | { kind: 'leave' }
  | { kind: 'stay' };

/**
 * A new walk: a new take starts at the first question; a correction (`prefill`, the take's
 * answers) starts at the review, showing every answer as it was kept.
 */
export function startWalk(questions: readonly Question[], prefill?: TakeAnswers | null): Walk {
  const answers = questions.map((q) => {
    if (!prefill) return null;
    const part = q.part === 'client' ? prefill.client : prefill[q.part];
    return part?.[q.index] ?? null;
  });
  return { questions, answers, step: prefill ? questions.length : 0, fromReview: false, leaving: false, closed: false };
}

export function atReview(w: Walk): boolean {
  return w.step >= w.questions.length;
}

/** How many questions have an answer. */
export function answeredCount(w: Walk): number {
  return w.answers.filter((a) => a !== null).length;
}

/** "4 of 13" on a question; the review says where it stands in words. */
export function progress(w: Walk): string {
  return atReview(w) ? `Review · ${answeredCount(w)} of ${w.questions.length} answered` : `${w.step + 1} of ${w.questions.length}`;
}

/** The step after the current question: the next one, or the review when opened from it. */
function onward(w: Walk): number {
  return w.fromReview ? w.questions.length : Math.min(w.step + 1, w.questions.length);
}

/** The walk after one action; the walk given is not changed. */
export function applyWalk(w: Walk, action: WalkAction): Walk {
  const next: Walk = { ...w, answers: [...w.answers], leaving: false };
  const question = w.questions[w.step];
  switch (action.kind) {
    case 'pick': {
      const choice = question?.choices[action.choice];
      if (!choice) return next;
      next.answers[w.step] = choice.answer;
      next.step = onward(w);
      break;
    }
    case 'skip':
      if (!question) return next;
      next.answers[w.step] = null;
      next.step = onward(w);
      break;
    case 'next':
      if (!question) return next;
      next.step = onward(w);
      break;
    case 'back':
      next.step = Math.max(0, w.step - 1);
      break;
    case 'goto':
      next.step = Math.max(0, Math.min(action.step, w.questions.length));
      next.fromReview = atReview(w) && next.step < w.questions.length;
      return next;
    case 'leave':
      // Nothing given yet is nothing lost: leave at once. Otherwise ask once more.
      if (answeredCount(w) === 0 || w.leaving) next.closed = true;
      else next.leaving = true;
      return next;
    case 'stay':
      return next;
  }
  if (next.step >= w.questions.length || action.kind === 'back') next.fromReview = false;
  return next;
}

/** A key as the form reads it. */
export type WalkKey = {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
};

/**
 * What a key does in the form, or null to leave it to the page (Tab, ↑/↓ between the answers,
 * Space and Enter on a focused button). On a question: 1–5 pick that answer and go on, → or
 * Enter go on (keeping the answer), S skips, ← or Backspace go back. On the review: ← or
 * Backspace go back to the last question. Escape leaves (asking once if answers were given).
 */
export function walkKey(e: WalkKey, w: Walk): WalkAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  if (e.key === 'Escape') return { kind: 'leave' };
  if (e.key === 'ArrowLeft' || e.key === 'Backspace') return w.step > 0 ? { kind: 'back' } : null;
  const question = w.questions[w.step];
  if (!question) return null;
  if (/^[1-9]$/.test(e.key)) {
    const choice = Number(e.key) - 1;
    return choice < question.choices.length ? { kind: 'pick', choice } : null;
  }
  if (e.key === 'ArrowRight' || e.key === 'Enter') return { kind: 'next' };
  if (e.key === 's' || e.key === 'S') return { kind: 'skip' };
  return null;
}

/** The path the core names for a question's answer when it refuses it: `work[3]`. */
export function answerPath(q: Pick<Question, 'part' | 'index'>): string {
  return `${q.part}[${q.index}]`;
}

/** The answers as the core takes them: each scale's in its items' order, the client scale only when asked. */
export function takeInput(w: Walk): TakeInput {
  const input: TakeInput = { personal: [], work: [] };
  w.questions.forEach((q, i) => {
    const list = q.part === 'client' ? (input.client ??= []) : input[q.part];
    list[q.index] = w.answers[i];
  });
  return input;
}

/** The label of the answer given to question `i`, or null when it was left unanswered. */
export function answerLabel(w: Walk, i: number): string | null {
  const a = w.answers[i];
  if (a === null || a === undefined) return null;
  return w.questions[i]?.choices.find((c) => c.answer === a)?.label ?? a;
}

/** The questions grouped by scale, in order, each with its place in the walk. */
export function sections(questions: readonly Question[]): { part: Part; items: { q: Question; i: number }[] }[] {
  const out: { part: Part; items: { q: Question; i: number }[] }[] = [];
  questions.forEach((q, i) => {
    const last = out[out.length - 1];
    if (last && last.part === q.part) last.items.push({ q, i });
    else out.push({ part: q.part, items: [{ q, i }] });
  });
  return out;
}

// ---------- the twelve months ----------

/** The scales a chart shows: personal and work always, client when some month has a score for it. */
export function chartParts(months: readonly MonthRow[]): Part[] {
  return months.some((m) => m.scores.client !== null) ? ['personal', 'work', 'client'] : ['personal', 'work'];
}

/** The fixed 0–100 axis of the scores: months and people compare on the same scale. */
export const SCORE_SCALE: Scale = { max: 100, ticks: [0, 25, 50, 75, 100] };

/** The bar panels' scales: after-hours minutes and sacrifices, each month against the others. */
export function monthScales(months: readonly MonthRow[]): { minutes: Scale; sacrifices: Scale } {
  return {
    minutes: niceScale(
      months.map((m) => m.after_hours_minutes),
      MINUTE_STEPS,
      3,
    ),
    sacrifices: niceScale(
      months.map((m) => m.sacrifices),
      COUNT_STEPS,
      3,
    ),
  };
}

export type Segment = { from: number; to: number; gap: boolean };

/**
 * How a scale's line joins its months (indexes into `months`): a solid segment between
 * neighbouring months with a score, a faint one across months without a take, so a line never
 * pretends to know a month nobody answered.
 */
export function segments(months: readonly MonthRow[], part: Part): Segment[] {
  const scored = months.flatMap((m, i) => (m.scores[part] === null ? [] : [i]));
  const out: Segment[] = [];
  for (let k = 1; k < scored.length; k++) out.push({ from: scored[k - 1], to: scored[k], gap: scored[k] - scored[k - 1] > 1 });
  return out;
}

/**
 * Where the end labels of several lines sit: each at its value's height, pushed apart so no
 * two are closer than `gap`, kept within `[top, bottom]`. Returns heights in the order given.
 */
export function spreadLabels(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + gap);
  if (placed.length > 0) placed[placed.length - 1] = Math.min(placed[placed.length - 1], bottom);
  for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k], placed[k + 1] - gap);
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = Math.max(top, placed[k])));
  return out;
}

/** A score as the core rounded it: "58", "58.3"; "—" for not enough answers. */
export function scoreText(score: number | null): string {
  if (score === null) return '—';
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/** The year under a month's label: at the first month shown and at every January. */
export function yearMark(months: readonly MonthRow[], i: number): string | null {
  const m = months[i];
  if (!m) return null;
  return i === 0 || m.month.endsWith('-01') ? m.month.slice(0, 4) : null;
}
