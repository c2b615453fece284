//! The tray icon and its menu: this week at a glance (tooltip and the menu's first, disabled
//! line), the capture inbox when it holds anything ("5 found in your calendar…"), one-click presets, "Just ended…", "Undo last log" for a few minutes after a one-click
//! log, "Open Loadline" and "Quit". What the items do is `actions`; `refresh` rebuilds the menu
//! after any write and after every run of the reminder engine.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use loadline_core::presets::JUST_ENDED_MINUTES;
use loadline_core::summary::format_minutes;
use loadline_core::usecases::{self, capture, views};
use loadline_core::week::IsoWeek;
use tauri::image::Image;
use tauri::menu::{IsMenuItem, Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Listener, Manager, Runtime};

use crate::clock;
use crate::events;
use crate::state::AppState;

pub const TRAY_ID: &str = "loadline";
/// How long "Undo last log" stays in the menu after a one-click log.
pub const UNDO_WINDOW: Duration = Duration::from_secs(5 * 60);

/// The entry the last one-click log wrote, and when: the menu offers to undo it for a while.
#[derive(Default)]
pub struct LastLog(pub Mutex<Option<(i64, String, Instant)>>);

/// Makes the tray; `on_menu` gets the id of the item chosen. The tray follows the engine's
/// runs itself, so the engine needs to know nothing of it.
pub fn create(app: &AppHandle, on_menu: fn(&AppHandle, &str)) -> tauri::Result<()> {
    app.manage(LastLog::default());
    let (headline, over) = this_week(app);
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(icon(over)?)
        .tooltip(&headline)
        .menu(&menu(app, &headline)?)
        .on_menu_event(move |app, event| on_menu(app, event.id().as_ref()))
        .build(app)?;
    let handle = app.clone();
    app.listen(events::WARNINGS_CHANGED, move |_| refresh(&handle));
    Ok(())
}

fn menu<R: Runtime>(app: &AppHandle<R>, headline: &str) -> tauri::Result<Menu<R>> {
    let state = app.state::<AppState>();
    let presets = state.with_store(|s| Ok(s.prefs()?.presets)).unwrap_or_default();
    let inbox = state.with_store(|s| Ok(capture::inbox_view(s)?.headline)).unwrap_or_default();
    let mut items: Vec<Box<dyn IsMenuItem<R>>> =
        vec![Box::new(MenuItem::with_id(app, "headline", headline, false, None::<&str>)?)];
    // Captured suggestions waiting: "5 found in your calendar…" opens the inbox.
    if let Some(found) = inbox {
        items.push(Box::new(MenuItem::with_id(app, "inbox", format!("{found}…"), true, None::<&str>)?));
    }
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
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

/// The entry "Undo last log" would take back, by id and uid, while its few minutes last.
pub fn undo_target<R: Runtime>(app: &AppHandle<R>) -> Option<(i64, String)> {
    let last = app.try_state::<LastLog>()?;
    let last = last.0.lock().unwrap_or_else(|p| p.into_inner());
    last.as_ref().filter(|(_, _, at)| at.elapsed() < UNDO_WINDOW).map(|(id, uid, _)| (*id, uid.clone()))
}

/// This week's line for the tray, and whether the week is over the load line.
fn this_week<R: Runtime>(app: &AppHandle<R>) -> (String, bool) {
    let state = app.state::<AppState>();
    let summary = state.with_store(|s| {
        let zone = usecases::home_zone(s, None, clock::system_zone())?;
        Ok((views::week(s, IsoWeek::of(clock::now(), zone), zone)?, s.unread_notices()?))
    });
    match summary {
        Ok((week, 0)) => (week.headline(), week.over_load_line),
        Ok((week, 1)) => (format!("{} · 1 unread warning", week.headline()), week.over_load_line),
        Ok((week, n)) => (format!("{} · {n} unread warnings", week.headline()), week.over_load_line),
        Err(e) => (format!("Loadline cannot read its data: {}", e.message), false),
    }
}

/// The icon: its bars run past the line while this week is over the load line.
fn icon(over: bool) -> tauri::Result<Image<'static>> {
    if over {
        Image::from_bytes(include_bytes!("../../icons/tray/tray-over.png"))
    } else {
        Image::from_bytes(include_bytes!("../../icons/tray/tray.png"))
    }
}

/// Rebuilds the menu (presets may have changed; Undo may have expired), the tooltip and the
/// icon.
pub fn refresh<R: Runtime>(app: &AppHandle<R>) {
    let Some(tray) = app.tray_by_id(TRAY_ID) else { return };
    let (text, over) = this_week(app);
    if let Err(e) = menu(app, &text).and_then(|m| tray.set_menu(Some(m))) {
        tracing::warn!("cannot update the tray menu: {e}");
    }
    if let Err(e) = tray.set_tooltip(Some(&text)) {
        tracing::warn!("cannot update the tray tooltip: {e}");
    }
    if let Err(e) = icon(over).and_then(|i| tray.set_icon(Some(i))) {
        tracing::warn!("cannot update the tray icon: {e}");
    }
}
