// The in-app list of warnings: how each notice reads and in what order they stand. The reminder
// engine in the core decides what is a warning and words its explanation and next step; this
// module only names, orders and groups what it said.

import type { Level } from './bindings/Level';
import type { Notice } from './bindings/Notice';
import type { ReminderState } from './bindings/ReminderState';
import type { Rule } from './bindings/Rule';
import type { Warning } from './bindings/Warning';
import { formatInstant, formatUntil, plural } from './time';

export const SEVERITY_LABEL: Record<Level, string> = { nudge: 'Nudge', warning: 'Warning', habit: 'Habit' };

/** What each rule watches for, as a short title. */
export const RULE_TITLE: Record<Rule, string> = {
  over_load_line: 'Over the load line this week',
  habit: 'Over the load line, again and again',
  allowance: 'A non-negotiable breached past its allowance',
  streak: 'After hours, day after day',
  sleep: 'Interrupted in sleep hours',
  reactive: 'Mostly reactive',
  single_point_of_failure: 'A possible single point of failure',
};

export function ruleTitle(rule: Rule): string {
  return RULE_TITLE[rule] ?? rule.replace(/_/g, ' ');
}

/** "Week 2026-W47", "Non-negotiable: Family dinner", "Source: db-primary". */
export function subjectLabel(w: Pick<Warning, 'subject_kind' | 'subject'>): string {
  switch (w.subject_kind) {
    case 'week':
      return `Week ${w.subject}`;
    case 'non_negotiable':
      return `Non-negotiable: ${w.subject}`;
    case 'source':
      return `Source: ${w.subject}`;
    default:
      return w.subject;
  }
}

/**
 * The order within a week: the loudest first, by the core's `levels` (least serious first), then
 * the newest, then the highest id, so equal stamps still stand in a stable order.
 */
export function compareNotices(levels: readonly Level[]): (a: Notice, b: Notice) => number {
  const rank = (n: Notice) => levels.indexOf(n.warning.severity);
  return (a, b) => rank(b) - rank(a) || b.first_seen.localeCompare(a.first_seen) || b.id - a.id;
}

export type NoticeGroup = {
  /** The ISO week the warnings are about. */
  week: string;
  notices: Notice[];
};

/**
 * Notices grouped by the week they are about, newest week first (ISO week names sort as
 * text); within a week, `compareNotices`.
 */
export function groupByWeek(notices: readonly Notice[], levels: readonly Level[]): NoticeGroup[] {
  const byWeek = new Map<string, Notice[]>();
  for (const n of notices) {
    const list = byWeek.get(n.warning.week);
    if (list) list.push(n);
    else byWeek.set(n.warning.week, [n]);
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([week, list]) => ({ week, notices: [...list].sort(compareNotices(levels)) }));
}

/** The heading of a week's group: "This week", "Last week" or "Week 2026-W45". */
export function weekHeading(week: string, thisWeek: string | null, lastWeek: string | null): string {
  if (week === thisWeek) return 'This week';
  if (week === lastWeek) return 'Last week';
  return `Week ${week}`;
}

/** The ids of the unread notices among `notices`. */
export function unreadIds(notices: readonly Notice[]): number[] {
  return notices.filter((n) => !n.read).map((n) => n.id);
}

/** "1 unread warning", "3 unread warnings"; "" when there are none. */
export function unreadLabel(unread: number): string {
  return unread > 0 ? plural(unread, 'unread warning', 'unread warnings') : '';
}

/**
 * The state of the reminders in one sentence, or null when they run as usual: paused wins over
 * snoozed, since a pause holds until the person resumes.
 */
export function reminderStatus(state: ReminderState | null, zone: string, now: Date = new Date()): string | null {
  if (!state) return null;
  if (state.paused) return 'All warnings are paused. Loadline keeps your record, and stays quiet until you resume.';
  if (state.snoozed_until) return `Snoozed until ${formatUntil(state.snoozed_until, zone, now)}`;
  return null;
}

/** "First seen Tue 24 Nov · 23:30". */
export function firstSeen(n: Notice, zone: string, now: Date = new Date()): string {
  return `First seen ${formatInstant(n.first_seen, zone, now)}`;
}
