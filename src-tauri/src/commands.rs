//! The commands the page may call. Each converts its arguments, calls one use case and converts
//! the result back; after a write it calls `changed::after_write`. Those that touch the store
//! are async: they run off the main thread, so a window never waits on the engine's backup.

use std::path::PathBuf;

use loadline_core::backups::{self, BackupInfo};
use loadline_core::boundaries::BoundaryInput;
use loadline_core::capture::inbox::{CaptureReport, SuggestionEdit};
use loadline_core::export::{ExportPreview, ExportRequest};
use loadline_core::facts::Facts;
use loadline_core::files;
use loadline_core::interruptions::Draft;
use loadline_core::notices::Notice;
use loadline_core::prefs::Prefs;
use loadline_core::reflection::{Answers, Reflection};
use loadline_core::schedule::ScheduleInput;
use loadline_core::selfcheck::{Question, SelfCheckView, TakeInput, TakeView};
use loadline_core::store::{ImportReport, Store};
use loadline_core::summary::{Entry, WeekSummary};
use loadline_core::usecases::boundaries::{self, BoundaryView};
use loadline_core::usecases::capture::{self, CaptureRequest, Inbox};
use loadline_core::usecases::engine::{self, ReminderState, Trial};
use loadline_core::usecases::team::TeamMerge;
use loadline_core::usecases::{self, entries, exports, selfcheck as selfchecks, team, views};
use loadline_core::week::WeekNav;
use loadline_core::Error;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::changed;
use crate::clock;
use crate::desktop::{self, About};
use crate::ipc::{ApiError, ApiResult, Arg, Settings, ShortcutStatus, TypedKey};
use crate::quicklog;
use crate::shortcut;
use crate::state::AppState;
use crate::tray;
use crate::window_app;

/// Every command the page may call. `build.rs` lists the same names, so that each one needs a
/// permission and `capabilities/main.json` decides which the windows get.
pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        facts,
        week_nav,
        week_summary,
        list_entries,
        log_entry,
        update_entry,
        delete_entry,
        restore_entry,
        settings,
        save_settings,
        boundaries,
        add_boundary,
        edit_boundary,
        remove_boundary,
        sources,
        store_problem,
        notices,
        mark_notices_read,
        entries_by_ids,
        reminder_state,
        set_warnings_paused,
        snooze_today,
        export_preview,
        export_save,
        import_backup,
        team_choose,
        team_merge,
        team_save,
        backups,
        restore_backup,
        prefs,
        save_prefs,
        reminder_trial,
        inbox,
        capture_files,
        choose_capture_files,
        accept_suggestions,
        accept_edited_suggestion,
        dismiss_suggestions,
        shortcut_status,
        quicklog_draft,
        set_quicklog_draft,
        close_quicklog,
        quicklog_ready,
        reflection,
        save_reflection,
        selfcheck,
        selfcheck_questions,
        take_selfcheck,
        correct_selfcheck,
        about,
        open_data_dir,
        set_autostart,
    ]
}

/// The limits, lists and defaults the core checks against, for the forms to show.
#[tauri::command]
pub fn facts() -> Facts {
    Facts::get()
}

fn zone(s: &Store) -> loadline_core::Result<chrono_tz::Tz> {
    usecases::home_zone(s, None, clock::system_zone())
}

/// Where a week view stands: the week, its neighbours, this week, today and now.
#[tauri::command(async)]
pub fn week_nav(state: State<'_, AppState>, week: Arg<Option<String>>) -> ApiResult<WeekNav> {
    state.with_store(|s| views::nav(week.0.as_deref(), zone(s)?, clock::now()))
}

#[tauri::command(async)]
pub fn week_summary(state: State<'_, AppState>, week: Arg<Option<String>>) -> ApiResult<WeekSummary> {
    state.with_store(|s| {
        let zone = zone(s)?;
        views::week(s, views::week_or_now(week.0.as_deref(), zone, clock::now())?, zone)
    })
}

#[tauri::command(async)]
pub fn list_entries(state: State<'_, AppState>, week: Arg<Option<String>>) -> ApiResult<Vec<Entry>> {
    state.with_store(|s| {
        let zone = zone(s)?;
        views::entries(s, Some(views::week_or_now(week.0.as_deref(), zone, clock::now())?.bounds(zone)))
    })
}

#[tauri::command(async)]
pub fn log_entry<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, draft: Arg<Draft>) -> ApiResult<Entry> {
    let entry = state.log_now(&draft.0)?;
    changed::after_write(&app);
    Ok(entry)
}

#[tauri::command(async)]
pub fn update_entry<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: Arg<i64>,
    draft: Arg<Draft>,
) -> ApiResult<Entry> {
    let entry = state.with_store(|s| entries::edit(s, id.0, &draft.0, clock::system_zone(), clock::now()))?;
    changed::after_write(&app);
    Ok(entry)
}

#[tauri::command(async)]
pub fn delete_entry<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: Arg<i64>) -> ApiResult<()> {
    let gone = state.with_store(|s| entries::delete(s, id.0))?;
    state.stash_deleted(gone);
    changed::after_write(&app);
    Ok(())
}

#[tauri::command(async)]
pub fn restore_entry<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: Arg<i64>) -> ApiResult<Entry> {
    let id = id.0;
    let gone = state
        .take_deleted(id)
        .ok_or_else(|| ApiError::from(Error::NotFound(format!("entry {id} can no longer be restored"))))?;
    let entry = state.with_store(|s| entries::put_back(s, &gone))?;
    changed::after_write(&app);
    Ok(entry)
}

#[tauri::command(async)]
pub fn settings(state: State<'_, AppState>) -> ApiResult<Settings> {
    state.with_store(|s| {
        let (schedule, prefs) = usecases::settings::current(s, clock::now())?;
        Ok(Settings {
            schedule: ScheduleInput::of(&schedule),
            zone: prefs.zone,
            system_zone: clock::system_zone().name().to_string(),
        })
    })
}

/// Saves the schedule and the home zone together, in one transaction.
#[tauri::command(async)]
pub fn save_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    schedule: Arg<ScheduleInput>,
    zone: Arg<Option<String>>,
) -> ApiResult<()> {
    state.with_store(|s| usecases::settings::save_form(s, &schedule.0, zone.0.as_deref(), clock::now()))?;
    changed::after_write(&app);
    Ok(())
}

/// Every non-negotiable as it stands now; removed ones too (flagged), so past breaches keep a name.
#[tauri::command(async)]
pub fn boundaries(state: State<'_, AppState>) -> ApiResult<Vec<BoundaryView>> {
    state.with_store(|s| boundaries::all(s, clock::now()))
}

#[tauri::command(async)]
pub fn add_boundary<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    boundary: Arg<BoundaryInput>,
) -> ApiResult<i64> {
    let id = state.with_store(|s| boundaries::add(s, boundary.0.resolve()?, clock::now()))?;
    changed::after_write(&app);
    Ok(id)
}

#[tauri::command(async)]
pub fn edit_boundary<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: Arg<i64>,
    boundary: Arg<BoundaryInput>,
) -> ApiResult<()> {
    state.with_store(|s| boundaries::edit(s, id.0, boundary.0.resolve()?, clock::now()))?;
    changed::after_write(&app);
    Ok(())
}

#[tauri::command(async)]
pub fn remove_boundary<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: Arg<i64>) -> ApiResult<()> {
    state.with_store(|s| boundaries::remove(s, id.0, clock::now()))?;
    changed::after_write(&app);
    Ok(())
}

#[tauri::command(async)]
pub fn sources(state: State<'_, AppState>) -> ApiResult<Vec<String>> {
    state.with_store(|s| s.sources())
}

/// Why the store could not be opened, for the window to show; `None` when all is well.
#[tauri::command(async)]
pub fn store_problem(state: State<'_, AppState>) -> ApiResult<Option<String>> {
    Ok(state.store_problem())
}

#[tauri::command(async)]
pub fn notices(state: State<'_, AppState>) -> ApiResult<Vec<Notice>> {
    state.with_store(|s| s.notices(200))
}

#[tauri::command(async)]
pub fn mark_notices_read<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ids: Arg<Vec<i64>>,
) -> ApiResult<()> {
    state.with_store(|s| s.mark_read(&ids.0, clock::now()))?;
    tray::refresh(&app);
    Ok(())
}

/// The entries behind a warning ("why am I seeing this?"), newest first; deleted ones are skipped.
#[tauri::command(async)]
pub fn entries_by_ids(state: State<'_, AppState>, ids: Arg<Vec<i64>>) -> ApiResult<Vec<Entry>> {
    state.with_store(|s| entries::by_ids(s, &ids.0))
}

#[tauri::command(async)]
pub fn reminder_state(state: State<'_, AppState>) -> ApiResult<ReminderState> {
    state.with_store(|s| usecases::engine::reminder_state(s, clock::now()))
}

#[tauri::command(async)]
pub fn set_warnings_paused<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    paused: Arg<bool>,
) -> ApiResult<()> {
    state.with_store(|s| usecases::settings::set_warnings_paused(s, paused.0))?;
    changed::after_write(&app);
    Ok(())
}

#[tauri::command(async)]
pub fn snooze_today<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> ApiResult<()> {
    state.with_store(|s| usecases::engine::snooze_today(s, clock::system_zone(), clock::now()))?;
    changed::after_write(&app);
    Ok(())
}

#[tauri::command(async)]
pub fn export_preview(state: State<'_, AppState>, request: Arg<ExportRequest>) -> ApiResult<ExportPreview> {
    let preview = state.with_store(|s| exports::preview(s, &request.0, clock::system_zone(), clock::now()))?;
    state.keep_preview(request.0, preview.clone());
    Ok(preview)
}

/// Asks where to save (the system's dialog), then writes exactly what the preview showed: the
/// previewed text itself when this request was the last one previewed, else a fresh rendering.
/// `None` when the person cancels.
#[tauri::command(async)]
pub fn export_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: Arg<ExportRequest>,
) -> ApiResult<Option<String>> {
    let preview = match state.preview_of(&request.0) {
        Some(shown) => shown,
        None => state.with_store(|s| exports::preview(s, &request.0, clock::system_zone(), clock::now()))?,
    };
    let Some(path) = save_path(&app, "Save the export", &preview.file_name)? else { return Ok(None) };
    files::write_private(&path, preview.text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}

/// The system's save dialog, offering `file_name`; `None` when the person cancels.
fn save_path<R: Runtime>(app: &AppHandle<R>, title: &str, file_name: &str) -> ApiResult<Option<std::path::PathBuf>> {
    let Some(path) = app.dialog().file().set_title(title).set_file_name(file_name).blocking_save_file() else {
        return Ok(None);
    };
    let path = path.into_path().map_err(|e| ApiError::from(Error::invalid("file", e.to_string())))?;
    Ok(Some(path))
}

/// Asks for the team's share files (the system's open dialog, several at once); their paths,
/// or `None` when the person cancels.
#[tauri::command(async)]
pub fn team_choose<R: Runtime>(app: AppHandle<R>) -> ApiResult<Option<Vec<String>>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Choose your team's share files")
        .add_filter("Loadline team share file", &["json"])
        .blocking_pick_files();
    Ok(picked
        .map(|files| files.into_iter().filter_map(|f| f.into_path().ok()).map(|p| p.display().to_string()).collect()))
}

/// Merges the share files at `paths` (chosen or dropped on the Team view): the report, or a
/// refusal naming the file.
#[tauri::command(async)]
pub fn team_merge(paths: Arg<Vec<String>>) -> ApiResult<TeamMerge> {
    let paths: Vec<&std::path::Path> = paths.0.iter().map(std::path::Path::new).collect();
    Ok(team::merge_files(&paths)?)
}

/// Merges the files again and saves the report as `html` or `md` where the person chooses;
/// the path written, or `None` when they cancel.
#[tauri::command(async)]
pub fn team_save<R: Runtime>(
    app: AppHandle<R>,
    paths: Arg<Vec<String>>,
    format: Arg<String>,
) -> ApiResult<Option<String>> {
    let paths: Vec<&std::path::Path> = paths.0.iter().map(std::path::Path::new).collect();
    let document = team::document(&paths, &format.0, clock::now())?;
    let Some(path) = save_path(&app, "Save the team report", &document.file_name)? else { return Ok(None) };
    files::write_private(&path, document.text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a backup file, checks all of it, then imports it in one transaction.
#[tauri::command(async)]
pub fn import_backup<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> ApiResult<Option<ImportReport>> {
    let Some(path) = app
        .dialog()
        .file()
        .set_title("Import a Loadline backup")
        .add_filter("Loadline backup", &["json"])
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = path.into_path().map_err(|e| ApiError::from(Error::invalid("file", e.to_string())))?;
    let report = state.with_store(|s| exports::import_file(s, &path))?;
    changed::after_write(&app);
    Ok(Some(report))
}

#[tauri::command(async)]
pub fn backups(state: State<'_, AppState>) -> ApiResult<Vec<BackupInfo>> {
    Ok(backups::list(&state.data_dir)?)
}

/// Puts an automatic backup in place of the current database, which is set aside.
#[tauri::command(async)]
pub fn restore_backup<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, file: Arg<String>) -> ApiResult<()> {
    let file = std::path::PathBuf::from(file.0);
    state.check_backup(&file)?;
    window_app::restore(&app, &file)?;
    changed::after_write(&app);
    Ok(())
}

#[tauri::command(async)]
pub fn prefs(state: State<'_, AppState>) -> ApiResult<Prefs> {
    state.with_store(|s| s.prefs())
}

/// Saves the preferences (presets, shortcut, reflection time, rule thresholds, warnings paused).
#[tauri::command(async)]
pub fn save_prefs<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, prefs: Arg<Prefs>) -> ApiResult<()> {
    shortcut::check(&prefs.0.shortcut)?;
    state.with_store(|s| usecases::settings::save_prefs(s, &prefs.0))?;
    shortcut::apply(&app);
    changed::after_write(&app);
    Ok(())
}

/// The capture inbox with its headline.
#[tauri::command(async)]
pub fn inbox(state: State<'_, AppState>) -> ApiResult<Inbox> {
    state.with_store(|s| capture::inbox_view(s))
}

/// Captures files (dropped on the window), each kind told from the file.
#[tauri::command(async)]
pub fn capture_files<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    paths: Arg<Vec<String>>,
) -> ApiResult<CaptureReport> {
    let request =
        CaptureRequest { paths: paths.0.into_iter().map(PathBuf::from).collect(), ..CaptureRequest::default() };
    let report = state.with_store(|s| capture::capture(s, &request, clock::system_zone(), clock::now()))?;
    changed::after_write(&app);
    Ok(report)
}

/// "Capture from a file…": the files the person picks; `None` when they cancel.
#[tauri::command(async)]
pub fn choose_capture_files<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> ApiResult<Option<CaptureReport>> {
    let Some(picked) = app
        .dialog()
        .file()
        .set_title("Capture from a file")
        .add_filter("Pager, calendar or export", &["json", "ics", "csv", "jsonl", "ndjson"])
        .blocking_pick_files()
    else {
        return Ok(None);
    };
    let paths = picked
        .into_iter()
        .map(|p| p.into_path().map_err(|e| ApiError::from(Error::invalid("file", e.to_string()))))
        .collect::<Result<Vec<_>, _>>()?;
    let request = CaptureRequest { paths, ..CaptureRequest::default() };
    let report = state.with_store(|s| capture::capture(s, &request, clock::system_zone(), clock::now()))?;
    changed::after_write(&app);
    Ok(Some(report))
}

/// Logs suggestions as found (`None`: all of them).
#[tauri::command(async)]
pub fn accept_suggestions<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ids: Arg<Option<Vec<i64>>>,
) -> ApiResult<Vec<Entry>> {
    let logged = state.with_store(|s| capture::accept(s, ids.0.as_deref(), clock::system_zone(), clock::now()))?;
    changed::after_write(&app);
    Ok(logged)
}

/// Logs one suggestion as the person edited it.
#[tauri::command(async)]
pub fn accept_edited_suggestion<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: Arg<i64>,
    edit: Arg<SuggestionEdit>,
) -> ApiResult<Entry> {
    let logged = state.with_store(|s| capture::accept_edited(s, id.0, &edit.0, clock::system_zone(), clock::now()))?;
    changed::after_write(&app);
    Ok(logged)
}

#[tauri::command(async)]
pub fn dismiss_suggestions<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ids: Arg<Option<Vec<i64>>>,
) -> ApiResult<u32> {
    let n = state.with_store(|s| capture::dismiss(s, ids.0.as_deref(), clock::now()))?;
    changed::after_write(&app);
    Ok(n)
}

/// What the engine would have said over the last four weeks under preferences not saved yet.
#[tauri::command(async)]
pub fn reminder_trial(state: State<'_, AppState>, prefs: Arg<Prefs>) -> ApiResult<Trial> {
    state.with_store(|s| engine::trial(s, &prefs.0, clock::system_zone(), clock::now()))
}

#[tauri::command(async)]
pub fn shortcut_status<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> ApiResult<ShortcutStatus> {
    let shortcut = state.with_store(|s| Ok(s.prefs()?.shortcut))?;
    Ok(ShortcutStatus { shortcut, problem: shortcut::problem(&app), native_quicklog: cfg!(target_os = "linux") })
}

/// The quick-log window's unsaved draft, kept in the database so an accidental close loses nothing.
#[tauri::command(async)]
pub fn quicklog_draft(state: State<'_, AppState>) -> ApiResult<Option<String>> {
    state.with_store(|s| s.draft())
}

#[tauri::command(async)]
pub fn set_quicklog_draft(state: State<'_, AppState>, draft: Arg<Option<String>>) -> ApiResult<()> {
    state.with_store(|s| s.set_draft(draft.0.as_deref()))
}

/// The quick-log page is focused and ready to type: log how long that took since it was asked for,
/// and return the keys typed since the shortcut, for the page to type first. Off the main thread:
/// it waits for the shortcut's thread, which may be waiting for the main thread to show the window.
#[tauri::command(async)]
pub fn quicklog_ready<R: Runtime>(app: AppHandle<R>, page_ms: Arg<f64>) -> Vec<TypedKey> {
    quicklog::ready(&app, page_ms.0)
}

/// Closes the quick-log window (only hides it when the person keeps it ready).
#[tauri::command]
pub fn close_quicklog<R: Runtime>(app: AppHandle<R>) {
    quicklog::close(&app);
}

/// One week's reflection; `None` is the current week.
#[tauri::command(async)]
pub fn reflection(state: State<'_, AppState>, week: Arg<Option<String>>) -> ApiResult<Reflection> {
    state.with_store(|s| {
        let zone = zone(s)?;
        let now = clock::now();
        views::reflection(s, views::week_or_now(week.0.as_deref(), zone, now)?, zone, now)
    })
}

#[tauri::command(async)]
pub fn save_reflection<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    week: Arg<String>,
    answers: Arg<Answers>,
) -> ApiResult<()> {
    state.with_store(|s| usecases::settings::save_reflection(s, week.0.parse()?, &answers.0, clock::now()))?;
    changed::after_write(&app);
    Ok(())
}

/// The self-check beside the last twelve months, with the takes and the words that go with it.
#[tauri::command(async)]
pub fn selfcheck(state: State<'_, AppState>) -> ApiResult<SelfCheckView> {
    state.with_store(|s| selfchecks::view(s, clock::system_zone(), clock::now()))
}

/// The questions to ask, in order, the client scale only when it is turned on; for correcting
/// take `id`, the scales that take was asked.
#[tauri::command(async)]
pub fn selfcheck_questions(state: State<'_, AppState>, id: Arg<Option<i64>>) -> ApiResult<Vec<Question>> {
    state.with_store(|s| match id.0 {
        Some(id) => selfchecks::correction_form(s, id),
        None => selfchecks::form(s),
    })
}

#[tauri::command(async)]
pub fn take_selfcheck<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg<TakeInput>,
) -> ApiResult<TakeView> {
    let take = state.with_store(|s| selfchecks::take(s, &input.0, clock::system_zone(), clock::now()))?;
    changed::after_write(&app);
    Ok(take)
}

/// Corrects today's take.
#[tauri::command(async)]
pub fn correct_selfcheck<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: Arg<i64>,
    input: Arg<TakeInput>,
) -> ApiResult<TakeView> {
    let take = state.with_store(|s| selfchecks::correct(s, id.0, &input.0, clock::now()))?;
    changed::after_write(&app);
    Ok(take)
}

#[tauri::command(async)]
pub fn about<R: Runtime>(app: AppHandle<R>) -> About {
    desktop::about(&app)
}

/// Opens the data directory in the system's file manager.
#[tauri::command(async)]
pub fn open_data_dir<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> ApiResult<()> {
    use tauri_plugin_opener::OpenerExt;
    app.opener()
        .open_path(state.data_dir.display().to_string(), None::<&str>)
        .map_err(|e| ApiError::from(Error::io("cannot open the data directory", std::io::Error::other(e.to_string()))))
}

#[tauri::command(async)]
pub fn set_autostart<R: Runtime>(app: AppHandle<R>, enabled: Arg<bool>) -> ApiResult<()> {
    desktop::set_autostart(&app, enabled.0)
        .map_err(|e| ApiError::from(Error::io("cannot change start at login", std::io::Error::other(e))))
}
