//! The tray icon: this week at a glance (tooltip and the menu's first, disabled line), "Open
//! Loadline" and "Quit". `data_changed` refreshes it, tells every window and wakes the reminder
//! engine after any write, whether it came from a window or, through the watcher, from the CLI.

use loadline_core::summary::week_from_store;
use loadline_core::week::IsoWeek;
use tauri::image::Image;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Wry};

use crate::app;
use crate::clock;
use crate::engine;
use crate::state::AppState;

pub const TRAY_ID: &str = "loadline";
/// The event every window listens to for "reload what you show".
pub const DATA_CHANGED: &str = "data-changed";

struct TrayMenu {
    headline: MenuItem<Wry>,
}

pub fn create(app: &AppHandle) -> tauri::Result<()> {
    let headline = MenuItem::with_id(app, "headline", headline_text(app), false, None::<&str>)?;
    let open = MenuItem::with_id(app, "open", "Open Loadline", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Loadline", true, None::<&str>)?;
    let separator = || PredefinedMenuItem::separator(app);
    let menu = Menu::with_items(app, &[&headline, &separator()?, &open, &separator()?, &quit])?;
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(Image::from_bytes(include_bytes!("../../icons/tray/tray.png"))?)
        .tooltip(headline_text(app))
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => app::show_main(app),
            "quit" => app.exit(0),
            _ => {}
        })
        .build(app)?;
    app.manage(TrayMenu { headline });
    Ok(())
}

fn headline_text(app: &AppHandle) -> String {
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
pub fn data_changed(app: &AppHandle) {
    refresh(app);
    if let Err(e) = app.emit(DATA_CHANGED, ()) {
        tracing::warn!("cannot tell the windows about new data: {e}");
    }
    engine::poke(app);
}

/// Updates the tooltip and the menu's first line.
pub fn refresh(app: &AppHandle) {
    let text = headline_text(app);
    if let Some(menu) = app.try_state::<TrayMenu>() {
        if let Err(e) = menu.headline.set_text(&text) {
            tracing::warn!("cannot update the tray menu: {e}");
        }
    }
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        if let Err(e) = tray.set_tooltip(Some(&text)) {
            tracing::warn!("cannot update the tray tooltip: {e}");
        }
    }
}
