//! Living on a desktop: start at login (tauri-plugin-autostart writes an XDG autostart entry
//! that starts `loadline --hidden`), whether the desktop shows tray icons at all, and the
//! About view's facts.

use std::path::Path;

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::ManagerExt;
use ts_rs::TS;

use crate::logs;
use crate::state::AppState;

/// Starting at login runs `loadline --hidden`, on the same data directory when one was given.
pub fn autostart_plugin(data_dir: Option<&Path>) -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let mut args = vec!["--hidden".to_string()];
    if let Some(dir) = data_dir {
        args.extend(["--data-dir".to_string(), dir.display().to_string()]);
    }
    tauri_plugin_autostart::Builder::new().args(args).build()
}

pub fn autostart_enabled<R: Runtime>(app: &AppHandle<R>) -> Result<bool, String> {
    app.autolaunch().is_enabled().map_err(|e| e.to_string())
}

pub fn set_autostart<R: Runtime>(app: &AppHandle<R>, enabled: bool) -> Result<(), String> {
    let launcher = app.autolaunch();
    if enabled { launcher.enable() } else { launcher.disable() }.map_err(|e| e.to_string())
}

/// Tray icons on Linux are StatusNotifierItems, shown only when something owns
/// `org.kde.StatusNotifierWatcher` (KDE, most panels, GNOME with the AppIndicator extension).
pub fn tray_shown() -> bool {
    let owned = || -> zbus::Result<bool> {
        let bus = zbus::blocking::Connection::session()?;
        let reply = bus.call_method(
            Some("org.freedesktop.DBus"),
            "/org/freedesktop/DBus",
            Some("org.freedesktop.DBus"),
            "NameHasOwner",
            &("org.kde.StatusNotifierWatcher",),
        )?;
        reply.body().deserialize::<bool>()
    };
    cfg!(not(target_os = "linux")) || owned().unwrap_or(false)
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct About {
    pub version: String,
    pub data_dir: String,
    pub database: String,
    pub log_dir: String,
    /// Whether the desktop shows Loadline's tray icon.
    pub tray_shown: bool,
    pub autostart: bool,
}

pub fn about<R: Runtime>(app: &AppHandle<R>) -> About {
    let state = app.state::<AppState>();
    let data_dir = state.data_dir.clone();
    About {
        version: app.package_info().version.to_string(),
        database: data_dir.join(loadline_core::store::DB_FILE).display().to_string(),
        log_dir: logs::dir(&data_dir).display().to_string(),
        data_dir: data_dir.display().to_string(),
        tray_shown: tray_shown(),
        autostart: autostart_enabled(app).unwrap_or(false),
    }
}
