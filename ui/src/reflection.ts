// The weekly reflection: how the core's numbers are drawn and read. Nothing is counted or
// classified here — the heatmap's minutes, the trend's weeks, the verdict and the breaches all
// come from the core; this module only picks shades, scales and words for them.

import type { Answers } from './bindings/Answers';
import type { BreachCount } from './bindings/BreachCount';
import type { Day } from './bindings/Day';
import type { HabitWeek } from './bindings/HabitWeek';
import type { HeatCell } from './bindings/HeatCell';
import type { WeekSummary } from './bindings/WeekSummary';
import { formatDay, formatMinutes, localTime, plural } from './time';

// ---------- the heatmap ----------

export const DAY_SHORT: Record<Day, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/**
 * Shades of an hour by its minutes of interruptions, on a fixed scale so weeks compare: a
 * quarter of an hour per step, and "45 min or more" for an hour mostly lost.
 */
export const HEAT_STEPS = [
  { level: 1, from: 1, label: 'under 15 min' },
  { level: 2, from: 15, label: '15–29 min' },
  { level: 3, from: 30, label: '30–44 min' },
  { level: 4, from: 45, label: '45 min or more' },
] as const;

export type HeatLevel = 0 | 1 | 2 | 3 | 4;

export function heatLevel(minutes: number): HeatLevel {
  let level: HeatLevel = 0;
  for (const step of HEAT_STEPS) if (minutes >= step.from) level = step.level;
  return level;
}

/** "18:00" for hour 18. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/**
 * What a screen reader says for one hour: "Wed 18:00, 20 minutes, Family dinner", then the
 * windows it lies in ("sleep hours", "working hours").
 */
export function cellLabel(day: Day, hour: number, cell: HeatCell): string {
  const parts = [
    `${DAY_SHORT[day]} ${hourLabel(hour)}`,
    cell.minutes === 0 ? 'nothing logged' : plural(cell.minutes, 'minute', 'minutes'),
    ...cell.protected,
  ];
  if (cell.sleep) parts.push('sleep hours');
  if (cell.working) parts.push('working hours');
  return parts.join(', ');
}

/** Every hour with interruptions, in order, for the heatmap's summary line. */
export function busyHours(days: readonly { day: Day; hours: readonly HeatCell[] }[]): number {
  return days.reduce((n, d) => n + d.hours.filter((c) => c.minutes > 0).length, 0);
}

// ---------- the trend ----------

export type Scale = { max: number; ticks: number[] };

/** Tick steps for counts of sacrifices. */
export const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
/** Tick steps for minutes: half hours, hours, and whole days of hours. */
export const MINUTE_STEPS = [30, 60, 120, 180, 240, 360, 480, 720, 960, 1440, 2880, 5760, 10_080];

/**
 * A scale from 0 that holds every value (and the load line) with a little room above the
 * highest, in at most `most` round steps. Never empty: a trend of zeros still has a first step.
 */
export function niceScale(values: readonly number[], steps: readonly number[], most = 4): Scale {
  const top = Math.max(0, ...values.filter((v) => Number.isFinite(v))) * 1.1;
  let step = steps.find((s) => top / s <= most);
  if (step === undefined) {
    step = steps[steps.length - 1];
    while (top / step > most) step *= 2;
  }
  const max = Math.max(step, Math.ceil(top / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  return { max, ticks };
}

/** Where a value sits on a chart `height` tall, from the bottom: 0 at 0, `height` at the top. */
export function scaled(value: number, scale: Scale, height: number): number {
  if (scale.max <= 0) return 0;
  return (Math.max(0, Math.min(value, scale.max)) / scale.max) * height;
}

/** The two scales of the 12-week trend: sacrifices and after-hours minutes, each with its load line. */
export function trendScales(trend: readonly WeekSummary[]): { sacrifices: Scale; minutes: Scale } {
  return {
    sacrifices: niceScale(
      trend.flatMap((w) => [w.sacrifices, w.load_line.sacrifices]),
      COUNT_STEPS,
    ),
    minutes: niceScale(
      trend.flatMap((w) => [w.after_hours_minutes, w.load_line.minutes]),
      MINUTE_STEPS,
    ),
  };
}

/** An axis label for minutes: "0", "30 min", "2 h". */
export function minuteTick(minutes: number): string {
  return minutes === 0 ? '0' : formatMinutes(minutes);
}

/** "W47" for "2026-W47". */
export function shortWeek(week: string): string {
  return week.replace(/^\d{4}-/, '');
}

/** "Mon 23 Nov" for a week's local Monday, as the core stamped its start. */
export function weekMonday(w: Pick<WeekSummary, 'start'>): string {
  const t = localTime(w.start);
  return t ? formatDay(t.date) : '';
}

export type WeekRow = { week: string; sacrifices: string; minutes: string; line: string; over: string };

/** One week's numbers in words, for a table: the core's numbers and `standing`, its word on the line. */
function weekRow(
  w: Pick<WeekSummary, 'week' | 'start' | 'sacrifices' | 'after_hours_minutes' | 'load_line'>,
  standing: string,
): WeekRow {
  return {
    week: `${w.week} (from ${weekMonday(w)})`,
    sacrifices: String(w.sacrifices),
    minutes: formatMinutes(w.after_hours_minutes),
    line: `${w.load_line.sacrifices} · ${formatMinutes(w.load_line.minutes)}`,
    over: standing,
  };
}

/** One week of the trend in words, for its table: the core's numbers and its verdict on the line. */
export function trendRow(w: WeekSummary): WeekRow {
  return weekRow(w, w.over_load_line ? 'Over' : 'Under');
}

/** One week behind the habit warning, for its table: the core's numbers and which limit it crossed. */
export function habitRow(w: HabitWeek): WeekRow {
  return weekRow(w, w.standing);
}

// ---------- the headline ----------

/**
 * How full a gauge is drawn, and where the load line's mark sits, both as fractions of the
 * gauge: the line at 80% when under it, so being over it shows as running past the mark.
 */
export function gauge(value: number, line: number): { fill: number; mark: number } {
  const span = Math.max(value, line / 0.8, 1);
  return { fill: Math.min(1, value / span), mark: Math.min(1, line / span) };
}

/** "3 sacrifices against a load line of 2 · 2 h 10 min after hours against 2 h". */
export function headlineText(w: WeekSummary): string {
  return (
    `${plural(w.sacrifices, 'sacrifice', 'sacrifices')} against a load line of ${w.load_line.sacrifices} · ` +
    `${formatMinutes(w.after_hours_minutes)} after hours against ${formatMinutes(w.load_line.minutes)}`
  );
}

export type BreachState = 'kept' | 'within' | 'over' | 'paused';

/** Kept (no breach), within its allowance, or over it as the core judged; paused when not tracked. */
export function breachState(b: BreachCount): BreachState {
  if (b.count === 0) return b.paused ? 'paused' : 'kept';
  return b.over ? 'over' : 'within';
}

/** "Kept", "1 breach — within the allowance of 2", "3 breaches — allowance 1". */
export function breachText(b: BreachCount): string {
  const allowance = b.allowance === 0 ? 'no breaches allowed' : `allowance ${b.allowance}`;
  switch (breachState(b)) {
    case 'paused':
      return 'Paused this week';
    case 'kept':
      return `Kept (${allowance})`;
    case 'within':
      return `${plural(b.count, 'breach', 'breaches')} — within the allowance of ${b.allowance}`;
    default:
      return `${plural(b.count, 'breach', 'breaches')} — ${allowance}`;
  }
}

// ---------- the answers ----------

export type PromptKey = 'cost' | 'chosen' | 'runbook' | 'protect';

export const PROMPTS: readonly { key: PromptKey; prompt: string; placeholder: string }[] = [
  { key: 'cost', prompt: 'What did this week cost me?', placeholder: 'Sleep, a dinner, a run, patience…' },
  {
    key: 'chosen',
    prompt: 'Which of these did I choose, and was it worth it?',
    placeholder: 'The release I stayed for; the page that could have waited…',
  },
  {
    key: 'runbook',
    prompt: 'What could someone else have handled with a runbook?',
    placeholder: 'The db failover; the cache restart…',
  },
  {
    key: 'protect',
    prompt: 'Which boundary will I protect next week?',
    placeholder: 'Family dinner on Tuesday and Thursday…',
  },
];

export const ENERGY_LABELS = ['Drained', 'Low', 'Steady', 'Good', 'Full of energy'] as const;

export function blankAnswers(): Answers {
  return { cost: '', chosen: '', runbook: '', protect: '', energy: null };
}

/** A copy to edit. */
export function answersForm(saved: Answers): Answers {
  return { ...blankAnswers(), ...saved };
}

/** Whether saving the form would change what is stored for the week. */
export function answersDirty(form: Answers, saved: Answers): boolean {
  return (
    form.cost !== saved.cost ||
    form.chosen !== saved.chosen ||
    form.runbook !== saved.runbook ||
    form.protect !== saved.protect ||
    (form.energy ?? null) !== (saved.energy ?? null)
  );
}

/** Whether the person wrote anything for the week. */
export function answered(a: Answers): boolean {
  return answersDirty(a, blankAnswers());
}
