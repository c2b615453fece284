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

/// The plugins the page's commands use, in either of the app's processes, with the commands.
/// `data_dir` is the one the person chose, if they did.
pub fn with_commands(builder: tauri::Builder<tauri::Wry>, data_dir: Option<&Path>) -> tauri::Builder<tauri::Wry> {
    builder
        // Used from Rust only (save and open dialogs); the page is granted none of it.
        .plugin(tauri_plugin_dialog::init())
        .plugin(autostart_plugin(data_dir))
        // Used from Rust only (open the data directory); the page is granted none of it.
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(crate::commands::handler())
}

/// Starting at login runs `loadline --hidden`, on the same data directory when one was given.
fn autostart_plugin(data_dir: Option<&Path>) -> tauri::plugin::TauriPlugin<tauri::Wry> {
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

/// Whether the desktop shows Loadline's tray icon, as far as can be known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum TrayPresence {
    Shown,
    /// Known: neither kind of tray is there.
    Absent,
    /// Neither could be asked: say nothing rather than guess.
    Unknown,
}

/// On Linux the tray icon is a StatusNotifierItem, shown when something owns
/// `org.kde.StatusNotifierWatcher` (KDE, most panels, GNOME with the AppIndicator extension);
/// without one, libappindicator falls back to an XEmbed icon, shown when an X11 system tray owns
/// `_NET_SYSTEM_TRAY_S<screen>` (XFCE, LXDE, MATE, openbox panels, stalonetray).
pub fn tray() -> TrayPresence {
    if cfg!(not(target_os = "linux")) {
        return TrayPresence::Shown;
    }
    presence(status_notifier_watcher(), xembed_tray())
}

fn presence(watcher: Option<bool>, xembed: Option<bool>) -> TrayPresence {
    match (watcher, xembed) {
        (Some(true), _) | (_, Some(true)) => TrayPresence::Shown,
        (None, None) => TrayPresence::Unknown,
        _ => TrayPresence::Absent,
    }
}

fn status_notifier_watcher() -> Option<bool> {
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
    owned().ok()
}

#[cfg(target_os = "linux")]
fn xembed_tray() -> Option<bool> {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::ConnectionExt;
    // No X display (a Wayland session without XWayland): no XEmbed tray can show the icon.
    let Ok((conn, screen)) = x11rb::connect(None) else { return Some(false) };
    let name = format!("_NET_SYSTEM_TRAY_S{screen}");
    let atom = conn.intern_atom(false, name.as_bytes()).ok()?.reply().ok()?.atom;
    let owner = conn.get_selection_owner(atom).ok()?.reply().ok()?.owner;
    let _ = conn.flush();
    Some(owner != x11rb::NONE)
}

#[cfg(not(target_os = "linux"))]
fn xembed_tray() -> Option<bool> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn either_tray_shows_the_icon_and_absence_is_claimed_only_when_known() {
        assert_eq!(presence(Some(false), Some(true)), TrayPresence::Shown, "an XEmbed tray shows it");
        assert_eq!(presence(Some(true), Some(false)), TrayPresence::Shown);
        assert_eq!(presence(Some(false), Some(false)), TrayPresence::Absent);
        assert_eq!(presence(None, Some(false)), TrayPresence::Absent);
        assert_eq!(presence(None, None), TrayPresence::Unknown);
    }
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct About {
    pub version: String,
    pub data_dir: String,
    pub database: String,
    pub log_dir: String,
    /// Whether the desktop shows Loadline's tray icon.
    pub tray: TrayPresence,
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
        tray: tray(),
        autostart: autostart_enabled(app).unwrap_or(false),
    }
}
