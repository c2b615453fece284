//! The commands the page may call. Each converts its arguments, calls one core function and
//! converts the result back; after a write it tells every window and the tray.

use loadline_core::backups::{self, BackupInfo};
use loadline_core::boundaries::BoundaryInput;
use loadline_core::export::{backup, ExportPreview, ExportRequest};
use loadline_core::facts::Facts;
use loadline_core::files;
use loadline_core::interruptions::Draft;
use loadline_core::notices::Notice;
use loadline_core::prefs::Prefs;
use loadline_core::reflection::{self, Answers, Reflection};
use loadline_core::schedule::ScheduleInput;
use loadline_core::store::ImportReport;
use loadline_core::summary::{entries_from_store, week_from_store, Entry, WeekSummary};
use loadline_core::week::{IsoWeek, WeekNav};
use loadline_core::Error;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::clock;
use crate::desktop::{self, About};
use crate::engine;
use crate::ipc::{ApiError, ApiResult, Arg, BoundaryView, ReminderState, Settings, ShortcutStatus};
use crate::quicklog;
use crate::shortcut::{self, ShortcutProblem};
use crate::state::AppState;
use crate::tray;

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
        backups,
        restore_backup,
        prefs,
        save_prefs,
        shortcut_status,
        quicklog_draft,
        set_quicklog_draft,
        close_quicklog,
        quicklog_ready,
        reflection,
        save_reflection,
        about,
        open_data_dir,
        set_autostart,
    ]
}

fn week_or_now(week: Option<String>, zone: chrono_tz::Tz) -> loadline_core::Result<IsoWeek> {
    week.map_or_else(|| Ok(IsoWeek::of(clock::now(), zone)), |w| w.parse())
}

/// The limits, lists and defaults the core checks against, for the forms to show.
#[tauri::command]
pub fn facts() -> Facts {
    Facts::get()
}

/// Where a week view stands: the week, its neighbours, this week, today and now.
#[tauri::command]
pub fn week_nav(state: State<AppState>, week: Arg<Option<String>>) -> ApiResult<WeekNav> {
    state.with_store(|s| {
        let zone = AppState::home_zone(s)?;
        Ok(WeekNav::new(week_or_now(week.0, zone)?, zone, clock::now()))
    })
}

#[tauri::command]
pub fn week_summary(state: State<AppState>, week: Arg<Option<String>>) -> ApiResult<WeekSummary> {
    state.with_store(|s| {
        let zone = AppState::home_zone(s)?;
        week_from_store(s, week_or_now(week.0, zone)?, zone)
    })
}

#[tauri::command]
pub fn list_entries(state: State<AppState>, week: Arg<Option<String>>) -> ApiResult<Vec<Entry>> {
    state.with_store(|s| {
        let zone = AppState::home_zone(s)?;
        entries_from_store(s, Some(week_or_now(week.0, zone)?.bounds(zone)))
    })
}

#[tauri::command]
pub fn log_entry<R: Runtime>(app: AppHandle<R>, state: State<AppState>, draft: Arg<Draft>) -> ApiResult<Entry> {
    let entry = state.with_store(|s| {
        let now = clock::now();
        let new = draft.0.resolve(now, AppState::home_zone(s)?)?;
        let logged = s.log(&[new], now)?;
        Ok(Entry::new(&logged[0], &s.timeline()?))
    })?;
    tray::data_changed(&app);
    Ok(entry)
}

#[tauri::command]
pub fn update_entry<R: Runtime>(
    app: AppHandle<R>,
    state: State<AppState>,
    id: Arg<i64>,
    draft: Arg<Draft>,
) -> ApiResult<Entry> {
    let entry = state.with_store(|s| {
        let new = draft.0.resolve(clock::now(), AppState::home_zone(s)?)?;
        let updated = s.update(id.0, &new)?;
        Ok(Entry::new(&updated, &s.timeline()?))
    })?;
    tray::data_changed(&app);
    Ok(entry)
}

#[tauri::command]
pub fn delete_entry<R: Runtime>(app: AppHandle<R>, state: State<AppState>, id: Arg<i64>) -> ApiResult<()> {
    let gone = state.with_store(|s| s.delete(id.0))?;
    state.stash_deleted(gone);
    tray::data_changed(&app);
    Ok(())
}

#[tauri::command]
pub fn restore_entry<R: Runtime>(app: AppHandle<R>, state: State<AppState>, id: Arg<i64>) -> ApiResult<Entry> {
    let id = id.0;
    let gone = state
        .take_deleted(id)
        .ok_or_else(|| ApiError::from(Error::NotFound(format!("entry {id} can no longer be restored"))))?;
    let entry = state.with_store(|s| {
        let back = s.restore(&gone)?;
        Ok(Entry::new(&back, &s.timeline()?))
    })?;
    tray::data_changed(&app);
    Ok(entry)
}

#[tauri::command]
pub fn settings(state: State<AppState>) -> ApiResult<Settings> {
    state.with_store(|s| {
        let timeline = s.timeline()?;
        Ok(Settings {
            schedule: ScheduleInput::of(timeline.schedule_at(clock::now())),
            zone: s.prefs()?.zone,
            system_zone: clock::system_zone().name().to_string(),
        })
    })
}

/// Saves the schedule and the home zone together: both are checked before either is written.
#[tauri::command]
pub fn save_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<AppState>,
    schedule: Arg<ScheduleInput>,
    zone: Arg<Option<String>>,
) -> ApiResult<()> {
    state.with_store(|s| {
        let schedule = schedule.0.resolve()?;
        let mut prefs = s.prefs()?;
        prefs.zone = zone.0.filter(|z| !z.trim().is_empty());
        prefs.validate()?;
        let now = clock::now();
        if schedule != *s.timeline()?.schedule_at(now) {
            s.set_schedule(&schedule, now)?;
        }
        s.set_prefs(&prefs)
    })?;
    tray::data_changed(&app);
    Ok(())
}

/// Every non-negotiable as it stands now; removed ones too (flagged), so past breaches keep a name.
#[tauri::command]
pub fn boundaries(state: State<AppState>) -> ApiResult<Vec<BoundaryView>> {
    state.with_store(|s| {
        let timeline = s.timeline()?;
        let now = clock::now();
        let list = timeline
            .boundaries
            .iter()
            .filter_map(|h| {
                let current = timeline.boundary_at(h.id, now);
                let last = current.or_else(|| h.versions.iter().rev().find_map(|v| v.value.as_ref()))?;
                Some(BoundaryView { id: h.id, boundary: last.clone(), removed: current.is_none() })
            })
            .collect();
        Ok(list)
    })
}

#[tauri::command]
pub fn add_boundary<R: Runtime>(
    app: AppHandle<R>,
    state: State<AppState>,
    boundary: Arg<BoundaryInput>,
) -> ApiResult<i64> {
    let id = state.with_store(|s| s.add_boundary(boundary.0.resolve()?, clock::now()))?;
    tray::data_changed(&app);
    Ok(id)
}

#[tauri::command]
pub fn edit_boundary<R: Runtime>(
    app: AppHandle<R>,
    state: State<AppState>,
    id: Arg<i64>,
    boundary: Arg<BoundaryInput>,
) -> ApiResult<()> {
    state.with_store(|s| s.edit_boundary(id.0, Some(boundary.0.resolve()?), clock::now()))?;
    tray::data_changed(&app);
    Ok(())
}

#[tauri::command]
pub fn remove_boundary<R: Runtime>(app: AppHandle<R>, state: State<AppState>, id: Arg<i64>) -> ApiResult<()> {
    state.with_store(|s| s.edit_boundary(id.0, None, clock::now()))?;
    tray::data_changed(&app);
    Ok(())
}

#[tauri::command]
pub fn sources(state: State<AppState>) -> ApiResult<Vec<String>> {
    state.with_store(|s| s.sources())
}

/// Why the store could not be opened, for the window to show; `None` when all is well.
#[tauri::command]
pub fn store_problem(state: State<AppState>) -> Option<String> {
    state.store_problem()
}

#[tauri::command]
pub fn notices(state: State<AppState>) -> ApiResult<Vec<Notice>> {
    state.with_store(|s| s.notices(200))
}

#[tauri::command]
pub fn mark_notices_read<R: Runtime>(app: AppHandle<R>, state: State<AppState>, ids: Arg<Vec<i64>>) -> ApiResult<()> {
    state.with_store(|s| s.mark_read(&ids.0, clock::now()))?;
    tray::refresh(&app);
    Ok(())
}

/// The entries behind a warning ("why am I seeing this?"), newest first; deleted ones are skipped.
#[tauri::command]
pub fn entries_by_ids(state: State<AppState>, ids: Arg<Vec<i64>>) -> ApiResult<Vec<Entry>> {
    state.with_store(|s| {
        let timeline = s.timeline()?;
        let mut found = Vec::new();
        for id in ids.0 {
            match s.get(id) {
                Ok(i) => found.push(i),
                Err(Error::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        // By instant: the entries' own RFC 3339 texts carry different offsets and do not sort.
        found.sort_by_key(|i| std::cmp::Reverse(i.entry.start));
        Ok(found.iter().map(|i| Entry::new(i, &timeline)).collect())
    })
}

#[tauri::command]
pub fn reminder_state(state: State<AppState>) -> ApiResult<ReminderState> {
    state.with_store(|s| {
        let snoozed_until = s.engine_state()?.snoozed_until.filter(|t| *t > clock::now()).map(|t| t.to_rfc3339());
        Ok(ReminderState { paused: s.prefs()?.warnings_paused, snoozed_until, unread: s.unread_notices()? })
    })
}

#[tauri::command]
pub fn set_warnings_paused<R: Runtime>(app: AppHandle<R>, state: State<AppState>, paused: Arg<bool>) -> ApiResult<()> {
    state.with_store(|s| {
        let mut prefs = s.prefs()?;
        prefs.warnings_paused = paused.0;
        s.set_prefs(&prefs)
    })?;
    tray::data_changed(&app);
    Ok(())
}

#[tauri::command]
pub fn snooze_today<R: Runtime>(app: AppHandle<R>) {
    engine::snooze_today(&app);
}

#[tauri::command]
pub fn export_preview(state: State<AppState>, request: Arg<ExportRequest>) -> ApiResult<ExportPreview> {
    state.with_store(|s| request.0.preview(s, AppState::home_zone(s)?, clock::now()))
}

/// Asks where to save (the system's dialog), then writes exactly what the preview showed.
/// `None` when the person cancels. Async so the dialog does not block the main thread.
#[tauri::command(async)]
pub fn export_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: Arg<ExportRequest>,
) -> ApiResult<Option<String>> {
    let now = clock::now();
    let (text, name) = state.with_store(|s| {
        let zone = AppState::home_zone(s)?;
        Ok((request.0.render(s, zone, now)?, request.0.file_name(s, zone, now)?))
    })?;
    let Some(path) = app.dialog().file().set_title("Save the export").set_file_name(&name).blocking_save_file() else {
        return Ok(None);
    };
    let path = path.into_path().map_err(|e| ApiError::from(Error::invalid("file", e.to_string())))?;
    files::write_private(&path, text.as_bytes())?;
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
    let text = files::read_limited(&path, backup::MAX_BYTES)?;
    let set = backup::parse(&text)?;
    let report = state.with_store(|s| s.import(&set))?;
    tray::data_changed(&app);
    Ok(Some(report))
}

#[tauri::command]
pub fn backups(state: State<AppState>) -> ApiResult<Vec<BackupInfo>> {
    Ok(backups::list(&state.data_dir)?)
}

/// Puts an automatic backup in place of the current database, which is set aside.
#[tauri::command]
pub fn restore_backup<R: Runtime>(app: AppHandle<R>, state: State<AppState>, file: Arg<String>) -> ApiResult<()> {
    let file = file.0;
    let known = backups::list(&state.data_dir)?.into_iter().any(|b| b.file == file);
    if !known {
        return Err(Error::invalid("file", "is not one of Loadline's automatic backups").into());
    }
    state.restore(std::path::Path::new(&file))?;
    tray::data_changed(&app);
    Ok(())
}

#[tauri::command]
pub fn prefs(state: State<AppState>) -> ApiResult<Prefs> {
    state.with_store(|s| s.prefs())
}

/// Saves the preferences (presets, shortcut, reflection time, rule thresholds, warnings paused).
#[tauri::command]
pub fn save_prefs<R: Runtime>(app: AppHandle<R>, state: State<AppState>, prefs: Arg<Prefs>) -> ApiResult<()> {
    shortcut::check(&prefs.0.shortcut)?;
    state.with_store(|s| s.set_prefs(&prefs.0))?;
    shortcut::apply(&app);
    tray::data_changed(&app);
    Ok(())
}

#[tauri::command]
pub fn shortcut_status(state: State<AppState>, problem: State<ShortcutProblem>) -> ApiResult<ShortcutStatus> {
    let shortcut = state.with_store(|s| Ok(s.prefs()?.shortcut))?;
    let problem = problem.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
    Ok(ShortcutStatus { shortcut, problem })
}

/// The quick-log window's unsaved draft, kept in the database so an accidental close loses nothing.
#[tauri::command]
pub fn quicklog_draft(state: State<AppState>) -> ApiResult<Option<String>> {
    state.with_store(|s| s.draft())
}

#[tauri::command]
pub fn set_quicklog_draft(state: State<AppState>, draft: Arg<Option<String>>) -> ApiResult<()> {
    state.with_store(|s| s.set_draft(draft.0.as_deref()))
}

/// The quick-log page is focused and ready to type: log how long that took since it was asked for.
#[tauri::command]
pub fn quicklog_ready<R: Runtime>(app: AppHandle<R>, page_ms: Arg<f64>) {
    quicklog::ready(&app, page_ms.0);
}

/// Closes the quick-log window (only hides it when the person keeps it ready).
#[tauri::command]
pub fn close_quicklog<R: Runtime>(app: AppHandle<R>) {
    quicklog::close(&app);
}

/// One week's reflection; `None` is the current week.
#[tauri::command]
pub fn reflection(state: State<AppState>, week: Arg<Option<String>>) -> ApiResult<Reflection> {
    state.with_store(|s| {
        let zone = AppState::home_zone(s)?;
        reflection::build(s, week_or_now(week.0, zone)?, zone)
    })
}

#[tauri::command]
pub fn save_reflection<R: Runtime>(
    app: AppHandle<R>,
    state: State<AppState>,
    week: Arg<String>,
    answers: Arg<Answers>,
) -> ApiResult<()> {
    state.with_store(|s| s.save_reflection(week.0.parse()?, &answers.0, clock::now()))?;
    tray::data_changed(&app);
    Ok(())
}

#[tauri::command(async)]
pub fn about<R: Runtime>(app: AppHandle<R>) -> About {
    desktop::about(&app)
}

/// Opens the data directory in the system's file manager.
#[tauri::command]
pub fn open_data_dir<R: Runtime>(app: AppHandle<R>, state: State<AppState>) -> ApiResult<()> {
    use tauri_plugin_opener::OpenerExt;
    app.opener()
        .open_path(state.data_dir.display().to_string(), None::<&str>)
        .map_err(|e| ApiError::from(Error::io("cannot open the data directory", std::io::Error::other(e.to_string()))))
}

#[tauri::command]
pub fn set_autostart<R: Runtime>(app: AppHandle<R>, enabled: Arg<bool>) -> ApiResult<()> {
    desktop::set_autostart(&app, enabled.0)
        .map_err(|e| ApiError::from(Error::io("cannot change start at login", std::io::Error::other(e))))
}
