// The only module that talks to the Rust core: every command as a typed function, and the
// events it sends ("data-changed", "warnings-changed", "navigate", "quicklog-shown"). A failed command always rejects with an ApiFailure carrying the core's
// {code, field, message}, whatever shape the rejection had on the wire.

import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type { About } from './bindings/About';
import type { Answers } from './bindings/Answers';
import type { ApiError } from './bindings/ApiError';
import type { BackupInfo } from './bindings/BackupInfo';
import type { BoundaryInput } from './bindings/BoundaryInput';
import type { BoundaryView } from './bindings/BoundaryView';
import type { CaptureReport } from './bindings/CaptureReport';
import type { Draft } from './bindings/Draft';
import type { Entry } from './bindings/Entry';
import type { ErrorCode } from './bindings/ErrorCode';
import type { ExportPreview } from './bindings/ExportPreview';
import type { ExportRequest } from './bindings/ExportRequest';
import type { FieldProblem } from './bindings/FieldProblem';
import type { Facts } from './bindings/Facts';
import type { ImportReport } from './bindings/ImportReport';
import type { Inbox } from './bindings/Inbox';
import type { Notice } from './bindings/Notice';
import type { Prefs } from './bindings/Prefs';
import type { Question } from './bindings/Question';
import type { Reflection } from './bindings/Reflection';
import type { ReminderState } from './bindings/ReminderState';
import type { ScheduleInput } from './bindings/ScheduleInput';
import type { SelfCheckView } from './bindings/SelfCheckView';
import type { Settings } from './bindings/Settings';
import type { ShortcutStatus } from './bindings/ShortcutStatus';
import type { SuggestionEdit } from './bindings/SuggestionEdit';
import type { TakeInput } from './bindings/TakeInput';
import type { Trial } from './bindings/Trial';
import type { TakeView } from './bindings/TakeView';
import type { TypedKey } from './bindings/TypedKey';
import type { TeamMerge } from './bindings/TeamMerge';
import type { WeekNav } from './bindings/WeekNav';
import type { WeekSummary } from './bindings/WeekSummary';

/** The event the core emits after every write, from any window, the tray or the CLI. */
export const DATA_CHANGED = 'data-changed';

/** The reminder engine looked again: the notices and the reminder state may have changed. */
export const WARNINGS_CHANGED = 'warnings-changed';

/** A notification action or the tray asks this window to show a view ("warnings", "settings"). */
export const NAVIGATE = 'navigate';

/** The quick-log window, already open or kept ready, was asked for again (the shortcut, the tray). */
export const QUICKLOG_SHOWN = 'quicklog-shown';

const CODES: readonly ErrorCode[] = ['invalid', 'not_found', 'store_unavailable', 'failed'];

/** A rejected command. `field` is set for bad input, naming the field the message is about. */
export class ApiFailure extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly field: string | null;
  /** The other fields of the same input the core refused. */
  readonly also: FieldProblem[];

  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.field = error.field;
    this.also = error.also ?? [];
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
      const also = Array.isArray(r.also)
        ? r.also.filter((p): p is FieldProblem => typeof p?.field === 'string' && typeof p?.message === 'string')
        : [];
      return new ApiFailure({ code, field, message: r.message, also });
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

/** The core's limits, built-in lists, level order and defaults: static, read once per page. */
export const facts = () => call<Facts>('facts');

/**
 * Where a week view stands: the week, its neighbours, this week, its days, and today and now from
 * the app's clock in the home zone. No week (null) means this week.
 */
export const weekNav = (week: string | null) => call<WeekNav>('week_nav', { week });

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

/**
 * Working hours, sleep hours, the load line and the home zone (null follows the system), in one
 * go: the core checks both and writes both or nothing.
 */
export const saveSettings = (schedule: ScheduleInput, zone: string | null) =>
  call<null>('save_settings', { schedule, zone });

/** Every non-negotiable, the removed ones too (flagged `removed`, kept to name past breaches). */
export const boundaries = () => call<BoundaryView[]>('boundaries');

export const addBoundary = (boundary: BoundaryInput) => call<number>('add_boundary', { boundary });

export const editBoundary = (id: number, boundary: BoundaryInput) => call<null>('edit_boundary', { id, boundary });

export const removeBoundary = (id: number) => call<null>('remove_boundary', { id });

/** Sources used before, for autocomplete. */
export const sources = () => call<string[]>('sources');

/** Why the database could not be opened, or null when all is well. */
export const storeProblem = () => call<string | null>('store_problem');

// ---------- the reminder engine ----------

/** The in-app list of warnings, newest first. */
export const notices = () => call<Notice[]>('notices');

export const markNoticesRead = (ids: number[]) => call<null>('mark_notices_read', { ids });

/** The entries behind a warning ("Why am I seeing this?"), newest first; deleted ones are skipped. */
export const entriesByIds = (ids: number[]) => call<Entry[]>('entries_by_ids', { ids });

export const reminderState = () => call<ReminderState>('reminder_state');

/** "Pause all warnings" (a vacation): on or off. */
export const setWarningsPaused = (paused: boolean) => call<null>('set_warnings_paused', { paused });

/** "Snooze for today": no notifications until the end of the local day. */
export const snoozeToday = () => call<null>('snooze_today');

// ---------- export, import and backups ----------

/** Exactly the text `exportSave` would write for the same request, with the days it covers. */
export const exportPreview = (request: ExportRequest) =>
  call<ExportPreview>('export_preview', { request: present(request) as ExportRequest });

/** Opens the system's save dialog and writes the export; the path written, or null if cancelled. */
export const exportSave = (request: ExportRequest) =>
  call<string | null>('export_save', { request: present(request) as ExportRequest });

/**
 * Opens the system's open dialog and imports a JSON backup in one transaction; null if cancelled.
 * A bad file rejects with {code: "invalid", field: "entries[3].minutes", …} and imports nothing.
 */
export const importBackup = () => call<ImportReport | null>('import_backup');

// ---------- the team view ----------

/** Opens the system's open dialog for the team's share files; their paths, or null if cancelled. */
export const teamChoose = () => call<string[] | null>('team_choose');

/**
 * Merges the share files at these paths (chosen, or dropped on the window). A refusal names the
 * file: {code: "invalid", field: "ben.json", message: "was made with another team key than ana.json"}.
 */
export const teamMerge = (paths: string[]) => call<TeamMerge>('team_merge', { paths });

/** Merges the files again and saves the report ("html" or "md") through the save dialog; the path, or null. */
export const teamSave = (paths: string[], format: 'html' | 'md') => call<string | null>('team_save', { paths, format });

/** The automatic daily backups, newest first. */
export const backups = () => call<BackupInfo[]>('backups');

/** Puts an automatic backup in place of the current data, which is set aside (never deleted). */
export const restoreBackup = (file: string) => call<null>('restore_backup', { file });

// ---------- preferences, the quick-log window, the reflection and the desktop ----------

/** Presets, the shortcut, the reflection reminder, the rules' thresholds, "welcomed". */
export const prefs = () => call<Prefs>('prefs');

/**
 * Saves every preference at once. `save_settings` writes `zone` too, so build `prefs` from a
 * fresh `prefs()` read and change only what the form holds.
 */
export const savePrefs = (prefs: Prefs) => call<null>('save_prefs', { prefs });

/** The capture inbox: what was captured and waits to be accepted or dismissed. */
export const inbox = () => call<Inbox>('inbox');
/** Captures these files (dropped on the window); each kind is told from the file. */
export const captureFiles = (paths: string[]) => call<CaptureReport>('capture_files', { paths });
/** "Capture from a file…": null when the person cancels the dialog. */
export const chooseCaptureFiles = () => call<CaptureReport | null>('choose_capture_files');
/** Logs suggestions as found; null: all of them. */
export const acceptSuggestions = (ids: number[] | null) => call<Entry[]>('accept_suggestions', { ids });
/** Logs one suggestion as the person edited it. */
export const acceptEditedSuggestion = (id: number, edit: SuggestionEdit) =>
  call<Entry>('accept_edited_suggestion', { id, edit });
/** Drops suggestions for good; null: all of them. */
export const dismissSuggestions = (ids: number[] | null) => call<number>('dismiss_suggestions', { ids });

/** What the reminder engine would have shown over the last four weeks under these (unsaved) preferences. */
export const reminderTrial = (prefs: Prefs) => call<Trial>('reminder_trial', { prefs });

/** The quick-log shortcut and why it is not active (taken, unknown keys, Wayland), if it is not. */
export const shortcutStatus = () => call<ShortcutStatus>('shortcut_status');

/** The quick-log window's unsaved form, as the opaque text it stored; null when there is none. */
export const quicklogDraft = () => call<string | null>('quicklog_draft');

/** Keeps the quick-log window's form (at most 64 KiB), or forgets it with null. */
export const setQuicklogDraft = (draft: string | null) => call<null>('set_quicklog_draft', { draft });

/** Closes the quick-log window (its webview is destroyed). */
export const closeQuicklog = () => call<null>('close_quicklog');
/**
 * Tells the app the quick-log window is focused and typeable (it logs the time it took); resolves
 * to the keys typed since the shortcut was pressed, in order, for the page to type first.
 */
export const quicklogReady = (pageMs: number) => call<TypedKey[]>('quicklog_ready', { pageMs });

/** One week's reflection; no week means the current week in the person's zone. */
export const reflection = (week?: string) => call<Reflection>('reflection', present({ week }));

/** The person's answers for a week; bad input rejects with field cost|chosen|runbook|protect|energy. */
export const saveReflection = (week: string, answers: Answers) => call<null>('save_reflection', { week, answers });

// ---------- the monthly self-check ----------

/** The last twelve months (each month's latest take beside its after-hours load), every take, the latest in words. */
export const selfcheck = () => call<SelfCheckView>('selfcheck');

/**
 * The questions in order, with the labels of their answers; with a take's id, the questions a
 * correction of that take asks (the scales it was asked).
 */
export const selfcheckQuestions = (id?: number) => call<Question[]>('selfcheck_questions', present({ id }));

/** Keeps a take; a wrong answer rejects naming its item (`work[0]`). */
export const takeSelfcheck = (input: TakeInput) => call<TakeView>('take_selfcheck', { input: present(input) as TakeInput });

/** Corrects the answers of today's take (`correctable`); another day is refused, naming `id`. */
export const correctSelfcheck = (id: number, input: TakeInput) =>
  call<TakeView>('correct_selfcheck', { id, input: present(input) as TakeInput });

/** Version, data directory, database and log paths, whether a tray icon shows, start at login. */
export const about = () => call<About>('about');

/** Opens the data directory in the system's file manager. */
export const openDataDir = () => call<null>('open_data_dir');

/** "Start Loadline at login", on or off. */
export const setAutostart = (enabled: boolean) => call<null>('set_autostart', { enabled });

// ---------- events ----------

async function on<T>(event: string, handler: (payload: T) => void): Promise<() => void> {
  try {
    return await listen<T>(event, (e) => handler(e.payload));
  } catch (raw) {
    throw toApiError(raw);
  }
}

/** Calls `reload` after every write anywhere; resolves to the function that stops listening. */
export const onDataChanged = (reload: () => void) => on<unknown>(DATA_CHANGED, () => reload());

/** Calls `reload` whenever the reminder engine re-evaluated. */
export const onWarningsChanged = (reload: () => void) => on<unknown>(WARNINGS_CHANGED, () => reload());

/** Calls `shown` when the quick-log window, already open or kept ready, is asked for again. */
export const onQuicklogShown = (shown: () => void) => on<unknown>(QUICKLOG_SHOWN, () => shown());

/** Calls `go` with the view the core asks this window to show. */
export const onNavigate = (go: (view: unknown) => void) => on<unknown>(NAVIGATE, go);

/** Files dragged over this window, in the words the Team view needs: over it, dropped (with their paths), or gone. */
export type FileDrag = { kind: 'over' } | { kind: 'drop'; paths: string[] } | { kind: 'leave' };

/**
 * Follows files dragged onto this window (Tauri's drag-drop event on the webview, which gives the
 * dropped files' paths); resolves to the function that stops listening.
 */
export async function onFileDrag(handler: (drag: FileDrag) => void): Promise<() => void> {
  try {
    return await getCurrentWebview().onDragDropEvent(({ payload }) => {
      if (payload.type === 'drop') handler({ kind: 'drop', paths: payload.paths });
      else if (payload.type === 'leave') handler({ kind: 'leave' });
      else handler({ kind: 'over' });
    });
  } catch (raw) {
    throw toApiError(raw);
  }
}
