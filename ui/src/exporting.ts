// The Export view's choices and the ExportRequest they make. The core renders the export; the
// preview and the saved file come from the same request, so what the person sees is exactly what
// leaves the machine.

import type { ExportPreview } from './bindings/ExportPreview';
import type { ExportRequest } from './bindings/ExportRequest';
import type { Include } from './bindings/Include';
import { formatDayRange } from './time';

/** The core's named ranges (whole ISO weeks up to its today), and the person's own days. */
export type RangePreset = 'this-week' | '4-weeks' | 'quarter' | 'custom' | 'all';

export const RANGE_PRESETS: readonly { value: RangePreset; label: string }[] = [
  { value: 'this-week', label: 'This week' },
  { value: '4-weeks', label: 'Last 4 weeks' },
  { value: 'quarter', label: 'This quarter (last 13 weeks)' },
  { value: 'custom', label: 'Custom…' },
  { value: 'all', label: 'All time' },
];

export type ExportFormat = 'html' | 'md' | 'csv' | 'json' | 'team';

export const FORMATS: readonly { value: ExportFormat; label: string; detail: string }[] = [
  { value: 'html', label: 'Summary report (HTML)', detail: 'A page a manager reads in a minute; prints well to PDF.' },
  { value: 'md', label: 'Summary report (Markdown)', detail: 'The same report as text, to paste into a message or doc.' },
  { value: 'csv', label: 'Entries (CSV)', detail: 'One row per interruption, for a spreadsheet.' },
  { value: 'json', label: 'Full backup (JSON)', detail: 'Everything, to keep or to restore with "Import backup…".' },
  {
    value: 'team',
    label: 'Team share file',
    detail: 'Weekly totals only, for whoever merges the team\'s files in the Team view.',
  },
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
  /** For the team share: the name or pseudonym the team sees you by. */
  teamName: string;
  /** For the team share: the passphrase the team agreed on. Held by this view only, never stored. */
  teamKey: string;
};

export function defaultOptions(): ExportOptions {
  return {
    range: '4-weeks',
    customFrom: '',
    customTo: '',
    format: 'html',
    include: { notes: false, sources: false, names: false, owner: false, selfcheck: false },
    message: '',
    teamName: '',
    teamKey: '',
  };
}

/**
 * The request for these options. A named range is the core's to resolve, from its own today; a
 * custom one sends its days ("" leaves that end open) and the core checks them. A full backup is
 * always everything: no range, every name and note, no message.
 */
export function buildRequest(options: ExportOptions): ExportRequest {
  if (options.format === 'json') {
    return {
      format: 'json',
      from: null,
      to: null,
      include: { notes: true, sources: true, names: true, owner: true, selfcheck: true },
      message: null,
    };
  }
  const message = isReport(options.format) ? options.message.trim() || null : null;
  // Only the summary reports carry the owner's name and the self-check: a CSV has no place for them.
  const report = isReport(options.format);
  const include = {
    ...options.include,
    owner: options.include.owner && report,
    selfcheck: options.include.selfcheck && report,
  };
  const request: ExportRequest = { format: options.format, from: null, to: null, include, message };
  if (options.format === 'team') {
    // Weekly totals and, if ticked, source names: nothing else goes in a share. The name and the
    // passphrase go as typed; the core checks them (and says what is missing).
    request.include = { notes: false, sources: options.include.sources, names: false, owner: false, selfcheck: false };
    request.team_name = options.teamName;
    request.team_key = options.teamKey;
  }
  if (options.range === 'custom') {
    request.from = options.customFrom.trim() || null;
    request.to = options.customTo.trim() || null;
  } else {
    request.range = options.range;
  }
  return request;
}

/** How the days the core resolved read under the picker: "23 Nov – 3 Dec 2026". */
export function describeRange(preview: Pick<ExportPreview, 'from' | 'to'>): string {
  return formatDayRange(preview.from, preview.to);
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
