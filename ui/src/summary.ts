// The week at a glance, in words, from numbers the core computed. Nothing is recounted here.

import type { WeekSummary } from './bindings/WeekSummary';
import { formatMinutes, plural } from './time';

/** "3 sacrifices · 2 h 10 min after hours — load line 2 · 2 h" */
export function headline(week: WeekSummary): string {
  return (
    `${plural(week.sacrifices, 'sacrifice', 'sacrifices')} · ${formatMinutes(week.after_hours_minutes)} after hours` +
    ` — load line ${week.load_line.sacrifices} · ${formatMinutes(week.load_line.minutes)}`
  );
}

/** The plain verdict the core reached about the load line. */
export function verdict(week: WeekSummary): string {
  return week.over_load_line ? 'Over your load line' : 'Under your load line';
}

/** "4 interruptions · 1 in sleep hours" — the rest of a week's numbers, for the week's list. */
export function weekDetails(week: WeekSummary): string {
  const parts = [plural(week.interruptions, 'interruption', 'interruptions')];
  if (week.sleep_interruptions > 0) parts.push(`${week.sleep_interruptions} in sleep hours`);
  if (week.sacrifices > 0) parts.push(`${week.reactive} reactive, ${week.chosen} chosen`);
  return parts.join(' · ');
}
