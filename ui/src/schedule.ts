// The settings form for working hours, sleep hours and the load line, and the ScheduleInput it
// sends. The core checks every field and names the one that is wrong.

import type { ScheduleInput } from './bindings/ScheduleInput';
import { invalid } from './errors';

export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const DEFAULT_WORK = { start: '09:00', end: '17:30' };
const DEFAULT_SLEEP = { start: '22:00', end: '07:00' };

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

export function scheduleFormFrom(input: ScheduleInput): ScheduleForm {
  const days = Array.from({ length: 7 }, (_, i) => {
    const span = splitSpan(input.working_hours[i] ?? '');
    return span ? { on: true, ...span } : { on: false, ...DEFAULT_WORK };
  });
  const sleep = splitSpan(input.sleep);
  return {
    days,
    sleepOn: sleep !== null,
    sleepStart: sleep?.start ?? DEFAULT_SLEEP.start,
    sleepEnd: sleep?.end ?? DEFAULT_SLEEP.end,
    sacrifices: input.load_line_sacrifices,
    minutes: input.load_line_minutes,
  };
}

function whole(field: string, value: ScheduleForm['minutes']): number {
  const text = typeof value === 'number' ? String(value) : (value ?? '').trim();
  if (!/^-?\d+$/.test(text)) throw invalid(field, 'must be a whole number');
  return Number(text);
}

/** Throws an ApiFailure if a load-line number is not a whole number. */
export function scheduleInputFrom(form: ScheduleForm): ScheduleInput {
  return {
    working_hours: form.days.map((d) => (d.on ? `${d.start.trim()}-${d.end.trim()}` : '')),
    sleep: form.sleepOn ? `${form.sleepStart.trim()}-${form.sleepEnd.trim()}` : '',
    load_line_sacrifices: whole('load line sacrifices', form.sacrifices),
    load_line_minutes: whole('load line minutes', form.minutes),
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
