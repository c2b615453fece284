//! The tray icon and its menu: this week at a glance (tooltip and the menu's first, disabled
//! line), one-click presets, "Just ended…", "Undo last log" for a few minutes after a one-click
//! log, "Open Loadline" and "Quit". `data_changed` rebuilds it, tells every window and wakes the
//! reminder engine after any write, whether it came from a window, the tray or the CLI.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use loadline_core::interruptions::Draft;
use loadline_core::presets::{just_ended, JUST_ENDED_MINUTES};
use loadline_core::summary::{format_minutes, week_from_store, Entry};
use loadline_core::week::IsoWeek;
use tauri::image::Image;
use tauri::menu::{IsMenuItem, Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::app;
use crate::clock;
use crate::engine;
use crate::notifier::{self, Note};
use crate::quicklog;
use crate::state::AppState;

pub const TRAY_ID: &str = "loadline";
/// The event every window listens to for "reload what you show".
pub const DATA_CHANGED: &str = "data-changed";
/// How long "Undo last log" stays in the menu after a one-click log.
const UNDO_WINDOW: Duration = Duration::from_secs(5 * 60);

/// The entry the last one-click log wrote, and when.
#[derive(Default)]
struct LastLog(Mutex<Option<(i64, Instant)>>);

pub fn create(app: &AppHandle) -> tauri::Result<()> {
    app.manage(LastLog::default());
    let headline = headline_text(app);
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(Image::from_bytes(include_bytes!("../../icons/tray/tray.png"))?)
        .tooltip(&headline)
        .menu(&menu(app, &headline)?)
        .on_menu_event(|app, event| on_menu(app, event.id().as_ref()))
        .build(app)?;
    Ok(())
}

fn menu<R: Runtime>(app: &AppHandle<R>, headline: &str) -> tauri::Result<Menu<R>> {
    let presets = app.state::<AppState>().with_store(|s| Ok(s.prefs()?.presets)).unwrap_or_default();
    let mut items: Vec<Box<dyn IsMenuItem<R>>> = vec![
        Box::new(MenuItem::with_id(app, "headline", headline, false, None::<&str>)?),
        Box::new(PredefinedMenuItem::separator(app)?),
    ];
    for (n, p) in presets.iter().enumerate() {
        let label = format!("{} · {}", p.label, format_minutes(p.minutes));
        items.push(Box::new(MenuItem::with_id(app, format!("preset:{n}"), label, true, None::<&str>)?));
    }
    let ended: Vec<MenuItem<R>> = JUST_ENDED_MINUTES
        .iter()
        .map(|m| MenuItem::with_id(app, format!("ended:{m}"), format!("{m} min"), true, None::<&str>))
        .collect::<tauri::Result<_>>()?;
    let ended_refs: Vec<&dyn IsMenuItem<R>> = ended.iter().map(|i| i as &dyn IsMenuItem<R>).collect();
    items.push(Box::new(Submenu::with_id_and_items(app, "ended", "Just ended…", true, &ended_refs)?));
    items.push(Box::new(MenuItem::with_id(app, "details", "Log with details…", true, None::<&str>)?));
    items.push(Box::new(MenuItem::with_id(app, "undo", "Undo last log", undo_target(app).is_some(), None::<&str>)?));
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    items.push(Box::new(MenuItem::with_id(app, "open", "Open Loadline", true, None::<&str>)?));
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    items.push(Box::new(MenuItem::with_id(app, "quit", "Quit Loadline", true, None::<&str>)?));
    let refs: Vec<&dyn IsMenuItem<R>> = items.iter().map(|b| b.as_ref()).collect();
    Menu::with_items(app, &refs)
}

fn on_menu(app: &AppHandle, id: &str) {
    match id {
        "open" => app::show_main(app),
        "details" => quicklog::show(app),
        "quit" => app.exit(0),
        "undo" => undo(app),
        _ => {
            let now = clock::now();
            let draft = if let Some(n) = id.strip_prefix("preset:").and_then(|n| n.parse::<usize>().ok()) {
                let presets = app.state::<AppState>().with_store(|s| Ok(s.prefs()?.presets)).unwrap_or_default();
                presets.get(n).map(|p| (p.label.clone(), p.starting_now(now)))
            } else {
                let ended = id.strip_prefix("ended:").and_then(|m| m.parse::<u32>().ok());
                ended.map(|m| (format!("Just ended, {m} min"), just_ended(JUST_ENDED_CHANNEL, m, now)))
            };
            if let Some((label, draft)) = draft {
                one_click_log(app, &label, draft);
            }
        }
    }
}

/// "Just ended…" entries are pages unless edited later: the tray is for the on-call night.
const JUST_ENDED_CHANNEL: &str = "page";

fn one_click_log(app: &AppHandle, label: &str, draft: Draft) {
    let state = app.state::<AppState>();
    let logged = state.with_store(|s| {
        let now = clock::now();
        let new = draft.resolve(now, AppState::home_zone(s)?)?;
        let logged = s.log(&[new], now)?;
        Ok(Entry::new(&logged[0], &s.timeline()?))
    });
    match logged {
        Ok(entry) => {
            *app.state::<LastLog>().0.lock().unwrap_or_else(|p| p.into_inner()) = Some((entry.id, Instant::now()));
            tracing::info!("logged entry {} from the tray", entry.id);
            // Confirm without taking focus; the menu offers Undo for a few minutes.
            let note = Note {
                title: format!("Logged: {label}"),
                body: format!(
                    "{}, {}. Undo is in the tray menu for 5 minutes.",
                    entry.channel,
                    format_minutes(entry.minutes)
                ),
                actions: Vec::new(),
            };
            let _ = notifier::show(app, note);
            let later = app.clone();
            std::thread::spawn(move || {
                std::thread::sleep(UNDO_WINDOW);
                refresh(&later);
            });
        }
        Err(e) => tracing::warn!("cannot log from the tray: {}", e.message),
    }
    data_changed(app);
}

fn undo_target<R: Runtime>(app: &AppHandle<R>) -> Option<i64> {
    let last = app.try_state::<LastLog>()?;
    let last = last.0.lock().unwrap_or_else(|p| p.into_inner());
    last.filter(|(_, at)| at.elapsed() < UNDO_WINDOW).map(|(id, _)| id)
}

fn undo(app: &AppHandle) {
    if let Some(id) = undo_target(app) {
        match app.state::<AppState>().with_store(|s| s.delete(id)) {
            Ok(_) => tracing::info!("undid entry {id} from the tray"),
            Err(e) => tracing::warn!("cannot undo entry {id}: {}", e.message),
        }
        *app.state::<LastLog>().0.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
    data_changed(app);
}

fn headline_text<R: Runtime>(app: &AppHandle<R>) -> String {
    let state = app.state::<AppState>();
    let summary = state.with_store(|s| {
        let zone = AppState::home_zone(s)?;
        Ok((week_from_store(s, IsoWeek::of(clock::now(), zone), zone)?, s.unread_notices()?))
    });
    match summary {
        Ok((week, 0)) => week.headline(),
        Ok((week, 1)) => format!("{} · 1 unread warning", week.headline()),
        Ok((week, n)) => format!("{} · {n} unread warnings", week.headline()),
        Err(e) => format!("Loadline cannot read its data: {}", e.message),
    }
}

/// After any write, from anywhere: refresh the tray, tell every window, wake the engine.
pub fn data_changed<R: Runtime>(app: &AppHandle<R>) {
    refresh(app);
    // The change may have been the "keep the quick-log window ready" setting.
    quicklog::follow_prefs(app);
    if let Err(e) = app.emit(DATA_CHANGED, ()) {
        tracing::warn!("cannot tell the windows about new data: {e}");
    }
    engine::poke(app);
}

/// Rebuilds the menu (presets may have changed; Undo may have expired) and the tooltip.
pub fn refresh<R: Runtime>(app: &AppHandle<R>) {
    let Some(tray) = app.tray_by_id(TRAY_ID) else { return };
    let text = headline_text(app);
    if let Err(e) = menu(app, &text).and_then(|m| tray.set_menu(Some(m))) {
        tracing::warn!("cannot update the tray menu: {e}");
    }
    if let Err(e) = tray.set_tooltip(Some(&text)) {
        tracing::warn!("cannot update the tray tooltip: {e}");
    }
}
