// The settings form for working hours, sleep hours and the load line, and the ScheduleInput it
// sends. The core checks every field and names the one that is wrong; its defaults (Facts)
// fill the times a day off or "no sleep hours" would show once turned on.

import type { ScheduleInput } from './bindings/ScheduleInput';
import { needWhole } from './errors';

export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export type DayRow = { on: boolean; start: string; end: string };

export type ScheduleForm = {
  days: DayRow[];
  sleepOn: boolean;
  sleepStart: string;
  sleepEnd: string;
  sacrifices: number | string | null | undefined;
  minutes: number | string | null | undefined;
};

/** "09:00-17:30" -> {start: "09:00", end: "17:30"}; null for "" (a day off, no sleep hours). */
export function splitSpan(text: string): { start: string; end: string } | null {
  const t = text.trim();
  if (t === '') return null;
  const [start, end] = t.split('-', 2).map((s) => s.trim());
  return { start: start ?? '', end: end ?? '' };
}

/**
 * The form for a schedule. A day off shows the core's default hours for that day (or its first
 * working day's) once ticked; no sleep hours show the default sleep hours once ticked.
 */
export function scheduleFormFrom(input: ScheduleInput, defaults: ScheduleInput): ScheduleForm {
  const firstDefault = defaults.working_hours.find((w) => w.trim() !== '') ?? '';
  const blank = { start: '', end: '' };
  const days = Array.from({ length: 7 }, (_, i) => {
    const span = splitSpan(input.working_hours[i] ?? '');
    const fallback = splitSpan(defaults.working_hours[i] || firstDefault) ?? blank;
    return span ? { on: true, ...span } : { on: false, ...fallback };
  });
  const sleep = splitSpan(input.sleep);
  const sleepFallback = splitSpan(defaults.sleep) ?? blank;
  return {
    days,
    sleepOn: sleep !== null,
    sleepStart: sleep?.start ?? sleepFallback.start,
    sleepEnd: sleep?.end ?? sleepFallback.end,
    sacrifices: input.load_line_sacrifices,
    minutes: input.load_line_minutes,
  };
}

/** Throws an ApiFailure if a load-line number is not a whole number. */
export function scheduleInputFrom(form: ScheduleForm): ScheduleInput {
  return {
    working_hours: form.days.map((d) => (d.on ? `${d.start.trim()}-${d.end.trim()}` : '')),
    sleep: form.sleepOn ? `${form.sleepStart.trim()}-${form.sleepEnd.trim()}` : '',
    load_line_sacrifices: needWhole('load_line_sacrifices', form.sacrifices),
    load_line_minutes: needWhole('load_line_minutes', form.minutes),
  };
}

/** Whether saving the form would change the schedule in force. */
export function scheduleChanged(form: ScheduleForm, saved: ScheduleInput): boolean {
  try {
    return JSON.stringify(scheduleInputFrom(form)) !== JSON.stringify(saved);
  } catch {
    return true;
  }
}

/** Zones offered in the zone pickers; any IANA name can be typed. */
export const COMMON_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Amsterdam',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Helsinki',
  'Europe/Athens',
  'Europe/Istanbul',
  'Europe/Kyiv',
  'Europe/Moscow',
  'Africa/Lagos',
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Perth',
  'Australia/Adelaide',
  'Australia/Sydney',
  'Pacific/Auckland',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'America/Mexico_City',
  'America/Bogota',
  'America/New_York',
  'America/Toronto',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Vancouver',
  'America/Anchorage',
  'Pacific/Honolulu',
] as const;
