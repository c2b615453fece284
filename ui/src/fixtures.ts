// Shapes the core returns, for tests.
import type { HabitWeek } from './bindings/HabitWeek';
import type { Entry } from './bindings/Entry';
import type { HeatDay } from './bindings/HeatDay';
import type { Notice } from './bindings/Notice';
import type { Prefs } from './bindings/Prefs';
import type { Reflection } from './bindings/Reflection';
import type { Warning } from './bindings/Warning';
import type { WeekSummary } from './bindings/WeekSummary';

export function entry(over: Partial<Entry> = {}): Entry {
  return {
    id: 7,
    uid: '5f0c7a2e-1d3b-4c8e-9a6f-2b7d1e4c9a10',
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
    over_sacrifices: true,
    over_minutes: true,
    breaches: [],
    ...over,
  };
}

/** A week behind the habit warning, as the core words it. */
export function habitWeek(over: Partial<HabitWeek> = {}): HabitWeek {
  return {
    week: '2026-W48',
    start: '2026-11-23T00:00:00+01:00',
    sacrifices: 3,
    after_hours_minutes: 90,
    load_line: { sacrifices: 2, minutes: 120 },
    over_sacrifices: true,
    over_minutes: false,
    over: true,
    standing: 'Over: sacrifices',
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
      title: 'Over your load line this week',
      explanation: '3 sacrifices and 2 h 10 min after hours this week: over your load line of 2 and 2 h.',
      suggestion: "Protect tomorrow's boundary: say no to the next non-urgent ask.",
      entries: [7, 9, 12],
      weeks: [],
      ...warning,
    },
  };
}

export function prefs(over: Partial<Prefs> = {}): Prefs {
  return {
    zone: null,
    thresholds: {
      habit_weeks: 3,
      habit_window_weeks: 4,
      streak_days: 3,
      streak_window_days: 7,
      sleep_interruptions: 2,
      reactive_min_sacrifices: 3,
      source_sacrifices: 3,
      source_window_days: 14,
    },
    warnings_paused: false,
    reflection: { day: 'fri', time: '16:00' },
    presets: [
      { label: 'Paged', channel: 'page', minutes: 15 },
      { label: 'Call', channel: 'call', minutes: 30 },
      { label: 'Chat ping', channel: 'chat', minutes: 5 },
    ],
    shortcut: 'Ctrl+Alt+L',
    welcomed: true,
    selfcheck: { reminder: { day: 1, time: '10:00' }, client_word: null },
    capture: { me: {}, maps: {}, max_page_minutes: 240, watched_folder: null },
    quicklog_ready: false,
    notifications_per_week: 3,
    owner: { name: '', role: '' },
    paper: 'auto',
    people: [],
    ...over,
  };
}

/** A week of 24-hour days, Monday 2026-11-23 first, with Mon–Fri 09:00–17:00 working and 22:00–07:00 sleep. */
export function heatmap(): HeatDay[] {
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  return days.map((day, d) => ({
    day,
    date: `2026-11-${String(23 + d).padStart(2, '0')}`,
    hours: Array.from({ length: 24 }, (_, h) => ({
      minutes: 0,
      working: d < 5 && h >= 9 && h < 17,
      sleep: h >= 22 || h < 7,
      protected: [] as string[],
    })),
  }));
}

export function reflection(over: Partial<Reflection> = {}): Reflection {
  const w = week();
  return {
    week: w,
    verdict: 'Over your load line',
    next_step: "Protect tomorrow's boundary: say no to the next non-urgent ask.",
    trend: Array.from({ length: 12 }, (_, i) => week({ week: `2026-W${String(37 + i).padStart(2, '0')}`, sacrifices: i % 4 })),
    heatmap: heatmap(),
    top_sources: [{ source: 'db-primary', interruptions: 3, sacrifices: 2, delegable: 2 }],
    warnings: [notice().warning],
    answers: { cost: '', chosen: '', runbook: '', protect: '', energy: null },
    entries: [entry()],
    ...over,
  };
}
