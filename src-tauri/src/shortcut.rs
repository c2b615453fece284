//! The global shortcut (default Ctrl+Alt+L) that opens the quick-log window from any
//! application. X11 offers global shortcuts (Xvfb included); Wayland sessions do not: a
//! shortcut that cannot be registered is kept as a message for the settings view.

use std::sync::Mutex;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_global_shortcut::{GlobalShortcutExt, Shortcut, ShortcutState};

use crate::quicklog;
use crate::state::AppState;

/// Why the shortcut is not active, if it is not.
#[derive(Default)]
pub struct ShortcutProblem(pub Mutex<Option<String>>);

pub fn plugin() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    tauri_plugin_global_shortcut::Builder::new()
        .with_handler(|app, _shortcut, event| {
            if event.state == ShortcutState::Pressed {
                quicklog::show(app);
            }
        })
        .build()
}

/// Refuses a shortcut that is not a key combination, before it is saved.
pub fn check(wanted: &str) -> loadline_core::Result<()> {
    if wanted.trim().is_empty() || wanted.parse::<Shortcut>().is_ok() {
        return Ok(());
    }
    Err(loadline_core::Error::invalid(
        "shortcut",
        format!("'{wanted}' is not a key combination; write it like Ctrl+Alt+L or Super+Shift+K"),
    ))
}

/// (Re)registers the shortcut from the preferences.
pub fn apply<R: Runtime>(app: &AppHandle<R>) {
    let wanted = app.state::<AppState>().with_store(|s| Ok(s.prefs()?.shortcut)).unwrap_or_default();
    let problem = register(app, &wanted).err();
    if let Some(why) = &problem {
        tracing::warn!("global shortcut {wanted:?} not available: {why}");
    }
    *app.state::<ShortcutProblem>().0.lock().unwrap_or_else(|p| p.into_inner()) = problem;
}

fn register<R: Runtime>(app: &AppHandle<R>, wanted: &str) -> Result<(), String> {
    let shortcuts = app.global_shortcut();
    shortcuts.unregister_all().map_err(|e| e.to_string())?;
    if wanted.trim().is_empty() {
        return Ok(());
    }
    if std::env::var_os("WAYLAND_DISPLAY").is_some() && std::env::var_os("DISPLAY").is_none() {
        return Err(
            "this Wayland session does not let apps register global shortcuts; use the tray's \"Log with details…\""
                .into(),
        );
    }
    let shortcut: Shortcut = wanted.parse().map_err(|e| format!("'{wanted}' is not a key combination ({e})"))?;
    shortcuts.register(shortcut).map_err(|e| format!("{e} (another application may already use {wanted})"))
}
