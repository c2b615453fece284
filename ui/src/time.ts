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
 * An instant the core gave (its `now`), as the wall clock reads it in an IANA zone, for a
 * datetime-local input: "2026-11-24T23:30". Unknown zones read in the machine's own zone.
 */
export function inputValueIn(instant: string, zone: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  const { date, time } = partsInZone(d, zone);
  return `${date}T${time}`;
}

/** The day after a YYYY-MM-DD day, for reading a stamp as "midnight" (display only). */
function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
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
  if (date === nextDay(today) && time === '00:00') return 'midnight';
  return formatInstant(rfc3339, zone, now);
}

/** "512 bytes", "48 KB", "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
