// The only module that talks to the Rust core: every command as a typed function, and the
// "data-changed" event. A failed command always rejects with an ApiFailure carrying the core's
// {code, field, message}, whatever shape the rejection had on the wire.

import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { ApiError } from './bindings/ApiError';
import type { BoundaryInput } from './bindings/BoundaryInput';
import type { BoundaryView } from './bindings/BoundaryView';
import type { Draft } from './bindings/Draft';
import type { Entry } from './bindings/Entry';
import type { ErrorCode } from './bindings/ErrorCode';
import type { ScheduleInput } from './bindings/ScheduleInput';
import type { Settings } from './bindings/Settings';
import type { WeekSummary } from './bindings/WeekSummary';

/** The event the core emits after every write, from any window, the tray or the CLI. */
export const DATA_CHANGED = 'data-changed';

const CODES: readonly ErrorCode[] = ['invalid', 'not_found', 'store_unavailable', 'failed'];

/** A rejected command. `field` is set for bad input, naming the field the message is about. */
export class ApiFailure extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly field: string | null;

  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.field = error.field;
  }
}

/** Turns whatever a rejected invoke gave us into the core's error shape. */
export function toApiError(raw: unknown): ApiFailure {
  if (raw instanceof ApiFailure) return raw;
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>;
    if (typeof r.message === 'string') {
      const code = CODES.includes(r.code as ErrorCode) ? (r.code as ErrorCode) : 'failed';
      const field = typeof r.field === 'string' && r.field !== '' ? r.field : null;
      return new ApiFailure({ code, field, message: r.message });
    }
  }
  // Tauri itself rejects with a plain string when arguments cannot be read or a command is unknown.
  const message = typeof raw === 'string' && raw !== '' ? raw : 'Something went wrong talking to Loadline.';
  return new ApiFailure({ code: 'failed', field: null, message });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toApiError(raw);
  }
}

/** Arguments without the keys whose value is undefined, so optional fields are simply absent. */
function present(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
}

/** A week's totals; no week means the current week in the person's zone. */
export const weekSummary = (week?: string) => call<WeekSummary>('week_summary', present({ week }));

/** A week's entries, newest first. */
export const listEntries = (week?: string) => call<Entry[]>('list_entries', present({ week }));

export const logEntry = (draft: Draft) => call<Entry>('log_entry', { draft: present(draft) as Draft });

export const updateEntry = (id: number, draft: Draft) =>
  call<Entry>('update_entry', { id, draft: present(draft) as Draft });

export const deleteEntry = (id: number) => call<null>('delete_entry', { id });

/** Puts back an entry deleted in this session ("Undo"). */
export const restoreEntry = (id: number) => call<Entry>('restore_entry', { id });

export const settings = () => call<Settings>('settings');

export const saveSchedule = (schedule: ScheduleInput) => call<null>('save_schedule', { schedule });

/** A zone name, or null to follow the system's zone. */
export const saveZone = (zone: string | null) => call<null>('save_zone', { zone });

/** The non-negotiables in force now. */
export const boundaries = () => call<BoundaryView[]>('boundaries');

export const addBoundary = (boundary: BoundaryInput) => call<number>('add_boundary', { boundary });

export const editBoundary = (id: number, boundary: BoundaryInput) => call<null>('edit_boundary', { id, boundary });

export const removeBoundary = (id: number) => call<null>('remove_boundary', { id });

/** Sources used before, for autocomplete. */
export const sources = () => call<string[]>('sources');

/** Why the database could not be opened, or null when all is well. */
export const storeProblem = () => call<string | null>('store_problem');

/** Calls `reload` after every write anywhere; resolves to the function that stops listening. */
export async function onDataChanged(reload: () => void): Promise<() => void> {
  try {
    return await listen(DATA_CHANGED, () => reload());
  } catch (raw) {
    throw toApiError(raw);
  }
}
