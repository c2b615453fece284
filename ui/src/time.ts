// Display of minutes, local times and ISO weeks. Nothing here classifies anything: the core
// decides what is after hours; this module only writes numbers and times the way people read them.

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "0 min", "45 min", "2 h", "2 h 10 min" — the same words the core and the tray use. */
export function formatMinutes(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  if (m === 0) return `${h} h`;
  return `${h} h ${m} min`;
}

/** "1 sacrifice", "3 sacrifices". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A moment as it was lived: the wall-clock date and time in the entry's own zone. */
export type LocalTime = {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** "+01:00", "-05:00" or "Z" */
  offset: string;
  /** Monday = 0 */
  weekday: number;
};

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Reads the local date and time straight out of an RFC 3339 string. The core writes an entry's
 * start with the offset of the entry's own zone, so the text already is the local time there;
 * converting through the machine's zone would show a traveller's entry in the wrong hour.
 */
export function localTime(rfc3339: string): LocalTime | null {
  const m = RFC3339.exec(rfc3339.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, off] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCMonth() !== Number(mo) - 1) return null;
  return {
    date: `${y}-${mo}-${d}`,
    time: `${h}:${mi}`,
    offset: off.toUpperCase(),
    weekday: (day.getUTCDay() + 6) % 7,
  };
}

/** "Tue 24 Nov" for a YYYY-MM-DD date. */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return `${WEEKDAYS[(day.getUTCDay() + 6) % 7]} ${d} ${MONTHS[m - 1]}`;
}

/** "Tue 24 Nov · 23:30" for an entry's start, in its own local time. */
export function formatStart(rfc3339: string): string {
  const t = localTime(rfc3339);
  if (!t) return rfc3339;
  return `${formatDay(t.date)} · ${t.time}`;
}

/** The value a datetime-local input takes for an entry's start: "2026-11-24T23:30". */
export function inputValueOf(rfc3339: string): string {
  const t = localTime(rfc3339);
  return t ? `${t.date}T${t.time}` : '';
}

/**
 * The wall-clock "now" in an IANA zone, as a datetime-local value. Falls back to the machine's
 * own clock if the zone is unknown to this webview.
 */
export function nowInZone(zone: string, now: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
    const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
  } catch {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
  }
}

// ISO weeks ("2026-W47"): Monday first; week 1 holds the year's first Thursday.

const WEEK = /^(\d{4})-W(\d{2})$/;

function mondayOfWeek1(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * 86_400_000;
}

function weeksIn(year: number): number {
  return Math.round((mondayOfWeek1(year + 1) - mondayOfWeek1(year)) / (7 * 86_400_000));
}

/** Parses "2026-W47"; null for anything that is not a real ISO week. */
export function parseWeek(text: string): { year: number; week: number } | null {
  const m = WEEK.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > weeksIn(year)) return null;
  return { year, week };
}

export function formatWeek(year: number, week: number): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week `delta` weeks after `week` (negative goes back), across year ends. */
export function shiftWeek(week: string, delta: number): string {
  const parsed = parseWeek(week);
  if (!parsed) throw new Error(`'${week}' is not an ISO week`);
  const monday = mondayOfWeek1(parsed.year) + (parsed.week - 1 + delta) * 7 * 86_400_000;
  // The Thursday of a week decides which year the week belongs to.
  const thursday = new Date(monday + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week1 = mondayOfWeek1(year);
  return formatWeek(year, Math.floor((monday - week1) / (7 * 86_400_000)) + 1);
}

/** "16 – 22 Nov 2026" or "30 Nov – 6 Dec 2026" from a week's local Monday and next Monday. */
export function formatWeekRange(start: string, end: string): string {
  const a = localTime(start);
  const b = localTime(end);
  if (!a || !b) return '';
  const [ay, am, ad] = a.date.split('-').map(Number);
  const [by, bm, bd] = b.date.split('-').map(Number);
  const last = new Date(Date.UTC(by, bm - 1, bd) - 86_400_000);
  const ly = last.getUTCFullYear();
  const lm = last.getUTCMonth() + 1;
  const ld = last.getUTCDate();
  if (ay !== ly) return `${ad} ${MONTHS[am - 1]} ${ay} – ${ld} ${MONTHS[lm - 1]} ${ly}`;
  if (am !== lm) return `${ad} ${MONTHS[am - 1]} – ${ld} ${MONTHS[lm - 1]} ${ly}`;
  return `${ad} – ${ld} ${MONTHS[lm - 1]} ${ly}`;
}

// Local days ("2026-11-24") as plain calendar dates: no zone, no clock.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function dayToUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function utcToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `n` days after `date` (negative goes back). */
export function addDays(date: string, n: number): string {
  return utcToDay(dayToUtc(date) + n * 86_400_000);
}

/** The Monday of the ISO week `date` is in. */
export function mondayOf(date: string): string {
  const weekday = (new Date(dayToUtc(date)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The Monday of an ISO week ("2026-W48" -> "2026-11-23"), or null for a bad week. */
export function mondayOfWeek(week: string): string | null {
  const parsed = parseWeek(week);
  if (!parsed) return null;
  return utcToDay(mondayOfWeek1(parsed.year) + (parsed.week - 1) * 7 * 86_400_000);
}

/** "16 – 22 Nov 2026" for an ISO week. */
export function formatIsoWeekRange(week: string): string {
  const monday = mondayOfWeek(week);
  if (!monday) return '';
  return formatWeekRange(`${monday}T00:00:00Z`, `${addDays(monday, 7)}T00:00:00Z`);
}

/** "24 Nov 2026" for a YYYY-MM-DD day. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "24 Nov – 3 Dec 2026", "30 Dec 2026 – 2 Jan 2027", "24 Nov 2026" for two inclusive days. */
export function formatDayRange(from: string, to: string): string {
  if (from === to) return formatDate(from);
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  if (fy !== ty) return `${formatDate(from)} – ${formatDate(to)}`;
  if (fm !== tm) return `${fd} ${MONTHS[fm - 1]} – ${formatDate(to)}`;
  return `${fd} – ${formatDate(to)}`;
}

type ZoneParts = { date: string; time: string };

function partsInZone(instant: Date, zone: string | undefined): ZoneParts {
  const format = (timeZone: string | undefined) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(instant);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = format(zone);
  } catch {
    parts = format(undefined);
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** Today's local day in an IANA zone (the machine's own zone if it is unknown here). */
export function todayInZone(zone: string | undefined, now: Date = new Date()): string {
  return partsInZone(now, zone).date;
}

/**
 * "Tue 24 Nov · 23:30" for an instant the core stamped (in UTC), as the clock read in `zone`;
 * with the year when it is not `now`'s year. Unreadable text comes back as it was.
 */
export function formatInstant(rfc3339: string, zone: string | undefined, now: Date = new Date()): string {
  const instant = new Date(rfc3339);
  if (Number.isNaN(instant.getTime())) return rfc3339;
  const { date, time } = partsInZone(instant, zone);
  const year = date.slice(0, 4);
  const sameYear = year === partsInZone(now, zone).date.slice(0, 4);
  return `${formatDay(date)}${sameYear ? '' : ` ${year}`} · ${time}`;
}

/**
 * How far a snooze reaches, read in `zone`: "midnight" for the end of today, "18:00" later
 * today, else the whole "Wed 25 Nov · 09:00".
 */
export function formatUntil(rfc3339: string, zone: string | undefined, now: Date = new Date()): string {
  const instant = new Date(rfc3339);
  if (Number.isNaN(instant.getTime())) return rfc3339;
  const { date, time } = partsInZone(instant, zone);
  const today = partsInZone(now, zone).date;
  if (date === today) return time;
  if (date === addDays(today, 1) && time === '00:00') return 'midnight';
  return formatInstant(rfc3339, zone, now);
}

/** "512 bytes", "48 KB", "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
