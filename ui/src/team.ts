// The Team view's page logic: the list of share files the person chose or dropped, and how the
// core's TeamReport reads on screen. The merge, the shares, the verdict and the single point of
// failure are the core's; this module only lays them out and words a refusal.

import type { TeamReport } from './bindings/TeamReport';
import { toApiError } from './api';
import { formatDayRange } from './time';

/** A path as the list shows it: the file's name, without its folder. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}

/** The files after adding `added`: in the order given, each path once. */
export function addFiles(current: readonly string[], added: readonly string[]): string[] {
  const files = [...current];
  for (const path of added) if (!files.includes(path)) files.push(path);
  return files;
}

export function removeFile(current: readonly string[], path: string): string[] {
  return current.filter((p) => p !== path);
}

/** What the core refused, in its words, the file first: "ben.json: was made with another team key than ana.json". */
export function refusalText(raw: unknown): string {
  const e = toApiError(raw);
  return e.code === 'invalid' && e.field ? `${e.field}: ${e.message}` : e.message;
}

/** Which of `files` a refusal is about (the core names a file by its name), or null. */
export function refusedFile(raw: unknown, files: readonly string[]): string | null {
  const e = toApiError(raw);
  if (e.code !== 'invalid' || !e.field) return null;
  const field = e.field;
  return files.find((path) => field === fileName(path) || field.startsWith(`${fileName(path)}: `)) ?? null;
}

/** A share as people read it: "80 %" (a half rounded up, as the core writes it in the verdict). */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** A bar's length for a share from 0 to 1, as a CSS width. */
export function barWidth(share: number): string {
  return `${Math.min(100, Math.max(0, share * 100))}%`;
}

/** "2026-W45 to 2026-W48 · 2 Nov – 29 Nov 2026" for the weeks every file holds. */
export function describeWeeks(range: TeamReport['range']): string {
  const weeks = range.from === range.to ? range.from : `${range.from} to ${range.to}`;
  return `${weeks} · ${formatDayRange(range.first_day, range.last_day)}`;
}

/** Shades for the heatmap, darkest for the busiest cell: 0 (none) to 4. The count is always written in too. */
export function heatShade(count: number, most: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || most <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / most))) as 1 | 2 | 3 | 4;
}

/** The busiest cell of the heatmap (the shades' scale). */
export function busiest(heatmap: readonly (readonly number[])[]): number {
  return Math.max(0, ...heatmap.flat());
}

export const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
