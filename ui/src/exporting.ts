// The Export view's choices and the ExportRequest they make. The core renders the export; the
// preview and the saved file come from the same request, so what the person sees is exactly what
// leaves the machine.

import { invalid } from './errors';
import type { ExportRequest } from './bindings/ExportRequest';
import type { Include } from './bindings/Include';
import { addDays, formatDayRange, isDay, mondayOf } from './time';

export type RangePreset = 'this-week' | '4-weeks' | 'quarter' | 'custom' | 'all';

export const RANGE_PRESETS: readonly { value: RangePreset; label: string }[] = [
  { value: 'this-week', label: 'This week' },
  { value: '4-weeks', label: 'Last 4 weeks' },
  { value: 'quarter', label: 'This quarter (last 13 weeks)' },
  { value: 'custom', label: 'Custom…' },
  { value: 'all', label: 'All time' },
];

export type ExportFormat = 'html' | 'md' | 'csv' | 'json';

export const FORMATS: readonly { value: ExportFormat; label: string; detail: string }[] = [
  { value: 'html', label: 'Summary report (HTML)', detail: 'A page a manager reads in a minute; prints well to PDF.' },
  { value: 'md', label: 'Summary report (Markdown)', detail: 'The same report as text, to paste into a message or doc.' },
  { value: 'csv', label: 'Entries (CSV)', detail: 'One row per interruption, for a spreadsheet.' },
  { value: 'json', label: 'Full backup (JSON)', detail: 'Everything, to keep or to restore with "Import backup…".' },
];

/** Whether a format is a summary report, the only kind that carries a message. */
export const isReport = (format: ExportFormat) => format === 'html' || format === 'md';

export type ExportOptions = {
  range: RangePreset;
  /** The custom range's days, YYYY-MM-DD; "" leaves that end open. */
  customFrom: string;
  customTo: string;
  format: ExportFormat;
  include: Include;
  message: string;
};

export function defaultOptions(): ExportOptions {
  return {
    range: '4-weeks',
    customFrom: '',
    customTo: '',
    format: 'html',
    include: { notes: false, sources: false, names: false },
    message: '',
  };
}

export type DayRange = { from: string | null; to: string | null };

/**
 * The local days a preset covers, both inclusive, counted from `today` (a local day in the home
 * zone). Presets start on a Monday, so the report's weeks are whole ISO weeks, and end today:
 * nothing later has been lived yet. "This quarter" is the last 13 weeks, this one included.
 */
export function presetRange(preset: RangePreset, today: string, custom: { from: string; to: string }): DayRange {
  const monday = mondayOf(today);
  switch (preset) {
    case 'this-week':
      return { from: monday, to: today };
    case '4-weeks':
      return { from: addDays(monday, -3 * 7), to: today };
    case 'quarter':
      return { from: addDays(monday, -12 * 7), to: today };
    case 'custom':
      return { from: custom.from.trim() || null, to: custom.to.trim() || null };
    case 'all':
      return { from: null, to: null };
  }
}

/**
 * The request for these options. A full backup is always everything: no range, every name and
 * note, no message. Throws an ApiFailure naming "from" or "to" for a custom day that is not a
 * real day, or a range that ends before it starts.
 */
export function buildRequest(options: ExportOptions, today: string): ExportRequest {
  if (options.format === 'json') {
    return {
      format: 'json',
      from: null,
      to: null,
      include: { notes: true, sources: true, names: true },
      message: null,
    };
  }
  const { from, to } = presetRange(options.range, today, { from: options.customFrom, to: options.customTo });
  if (from !== null && !isDay(from)) throw invalid('from', 'is not a day; pick one, e.g. 2026-11-16');
  if (to !== null && !isDay(to)) throw invalid('to', 'is not a day; pick one, e.g. 2026-11-22');
  if (from !== null && to !== null && to < from) throw invalid('to', 'must be on or after the first day');
  const message = isReport(options.format) ? options.message.trim() || null : null;
  return { format: options.format, from, to, include: { ...options.include }, message };
}

/** How the range reads under the picker: "23 Nov – 3 Dec 2026", "From the first entry to …". */
export function describeRange(range: DayRange): string {
  if (range.from && range.to) return formatDayRange(range.from, range.to);
  if (range.from) return `${formatDayRange(range.from, range.from)} to the last entry`;
  if (range.to) return `From the first entry to ${formatDayRange(range.to, range.to)}`;
  return 'From the first entry to the last';
}

/** Whether two requests would render the same text. */
export function sameRequest(a: ExportRequest | null, b: ExportRequest | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** "312 lines · 18 KB" for the preview's text. */
export function previewSize(text: string): { lines: number; bytes: number } {
  const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return { lines, bytes: new TextEncoder().encode(text).length };
}
