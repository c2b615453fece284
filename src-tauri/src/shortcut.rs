//! The global shortcut (default Ctrl+Alt+L) that opens the quick-log window from any
//! application. X11 offers global shortcuts (Xvfb included); Wayland sessions do not: a
//! shortcut that cannot be registered is kept as a message for the settings view. On Linux the
//! key is grabbed by `x11_shortcut` (it says why), elsewhere by tauri-plugin-global-shortcut.

use std::sync::Mutex;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_global_shortcut::Shortcut;

use crate::quicklog;
use crate::state::AppState;
use crate::window_app;

/// Why the shortcut is not active, if it is not.
#[derive(Default)]
pub struct ShortcutProblem(pub Mutex<Option<String>>);

/// The X11 key grab, or why there is none (no X display).
#[cfg(target_os = "linux")]
struct Listener(Result<crate::x11_shortcut::Grabber, String>);

#[cfg(not(target_os = "linux"))]
pub fn plugin() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    use tauri_plugin_global_shortcut::ShortcutState;
    tauri_plugin_global_shortcut::Builder::new()
        .with_handler(|app, _shortcut, event| {
            if event.state == ShortcutState::Pressed {
                quicklog::show(app);
            }
        })
        .build()
}

/// Starts listening for the shortcut and registers the one in the preferences.
pub fn listen(app: &AppHandle) {
    #[cfg(target_os = "linux")]
    {
        let handle = app.clone();
        app.manage(Listener(crate::x11_shortcut::Grabber::start(move || quicklog::show(&handle))));
    }
    apply(app);
}

/// The keys typed since the shortcut was last pressed, in order, and lets go of the keyboard
/// (see `x11_shortcut`). Elsewhere than on X11 the keys go to the window as it opens: none here.
pub fn typed_ahead<R: Runtime>(app: &AppHandle<R>) -> Vec<crate::ipc::TypedKey> {
    #[cfg(target_os = "linux")]
    if let Some(Ok(grabber)) = app.try_state::<Listener>().as_ref().map(|l| &l.0) {
        return grabber.take_typed();
    }
    let _ = app;
    Vec::new()
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

/// (Re)registers the shortcut from the preferences; in the main window's process, asks the
/// tray's process to, since the shortcut is held there.
pub fn apply<R: Runtime>(app: &AppHandle<R>) {
    if window_app::shortcut_problem(app, true).is_some() {
        return;
    }
    let wanted = app.state::<AppState>().with_store(|s| Ok(s.prefs()?.shortcut)).unwrap_or_default();
    let problem = register(app, &wanted).err();
    if let Some(why) = &problem {
        tracing::warn!("global shortcut {wanted:?} not available: {why}");
    }
    *app.state::<ShortcutProblem>().0.lock().unwrap_or_else(|p| p.into_inner()) = problem;
}

/// Why the shortcut is not active, if it is not: the tray's process knows.
pub fn problem<R: Runtime>(app: &AppHandle<R>) -> Option<String> {
    window_app::shortcut_problem(app, false)
        .unwrap_or_else(|| app.state::<ShortcutProblem>().0.lock().unwrap_or_else(|p| p.into_inner()).clone())
}

fn register<R: Runtime>(app: &AppHandle<R>, wanted: &str) -> Result<(), String> {
    let shortcut = if wanted.trim().is_empty() {
        None
    } else if std::env::var_os("WAYLAND_DISPLAY").is_some() && std::env::var_os("DISPLAY").is_none() {
        return Err(
            "this Wayland session does not let apps register global shortcuts; use the tray's \"Log with details…\""
                .into(),
        );
    } else {
        Some(wanted.parse::<Shortcut>().map_err(|e| format!("'{wanted}' is not a key combination ({e})"))?)
    };
    #[cfg(target_os = "linux")]
    {
        let listener = app.try_state::<Listener>();
        match (listener.as_ref().map(|l| &l.0), shortcut) {
            (Some(Ok(grabber)), shortcut) => grabber.set(shortcut.as_ref()),
            // No shortcut asked for: nothing is wrong, with or without an X display.
            (_, None) => Ok(()),
            (Some(Err(why)), Some(_)) => Err(why.clone()),
            (None, Some(_)) => Err("the shortcut listener is not running".into()),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        use tauri_plugin_global_shortcut::GlobalShortcutExt;
        let shortcuts = app.global_shortcut();
        shortcuts.unregister_all().map_err(|e| e.to_string())?;
        match shortcut {
            Some(shortcut) => {
                shortcuts.register(shortcut).map_err(|e| format!("{e} (another application may already use {wanted})"))
            }
            None => Ok(()),
        }
    }
}
