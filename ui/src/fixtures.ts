// Shapes the core returns, for tests.
import type { Entry } from './bindings/Entry';
import type { Notice } from './bindings/Notice';
import type { Warning } from './bindings/Warning';
import type { WeekSummary } from './bindings/WeekSummary';

export function entry(over: Partial<Entry> = {}): Entry {
  return {
    id: 7,
    start: '2026-11-24T23:30:00+01:00',
    zone: 'Europe/Berlin',
    minutes: 40,
    channel: 'page',
    source: 'db-primary',
    severity: 'P2',
    chosen: false,
    delegable: true,
    note: 'failover',
    tags: ['db', 'night'],
    costs: [2],
    after_hours_minutes: 40,
    sleep_minutes: 40,
    breaches: [2],
    sacrifice: true,
    ...over,
  };
}

export function week(over: Partial<WeekSummary> = {}): WeekSummary {
  return {
    week: '2026-W48',
    zone: 'Europe/Berlin',
    start: '2026-11-23T00:00:00+01:00',
    end: '2026-11-30T00:00:00+01:00',
    interruptions: 4,
    sacrifices: 3,
    after_hours_minutes: 130,
    sleep_minutes: 40,
    sleep_interruptions: 1,
    chosen: 1,
    reactive: 2,
    delegable: 1,
    load_line: { sacrifices: 2, minutes: 120 },
    over_load_line: true,
    breaches: [],
    ...over,
  };
}

export function notice(over: Partial<Omit<Notice, 'warning'>> & { warning?: Partial<Warning> } = {}): Notice {
  const { warning, ...rest } = over;
  return {
    id: 11,
    first_seen: '2026-11-24T22:40:00+00:00',
    notified: 'warning',
    read: false,
    ...rest,
    warning: {
      rule: 'over_load_line',
      severity: 'warning',
      subject_kind: 'week',
      subject: '2026-W48',
      week: '2026-W48',
      explanation: '3 sacrifices and 2 h 10 min after hours this week: over your load line of 2 and 2 h.',
      suggestion: "Protect tomorrow's boundary: say no to the next non-urgent ask.",
      entries: [7, 9, 12],
      ...warning,
    },
  };
}
