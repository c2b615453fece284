//! The desktop app: one main window made on demand (closing it destroys its webview, so the
//! tray idles light), a tray icon, a single instance, and the watcher on the data directory.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use tauri::{Listener, Manager, RunEvent};

use crate::actions;
use crate::capture_watch;
use crate::commands;
use crate::desktop;
use crate::engine;
use crate::events;
use crate::logs;
use crate::quicklog;
use crate::shortcut::{self, ShortcutProblem};
use crate::state::AppState;
use crate::tray;
use crate::watch;
use crate::windows;

/// `explicit_data_dir` is set when the person chose the data directory (`--data-dir`).
pub fn run(data_dir: PathBuf, explicit_data_dir: bool, hidden: bool, started: Instant) -> ExitCode {
    render_without_gl();
    logs::init(&data_dir);
    let builder = tauri::Builder::default();
    // Elsewhere the plugin listens for the shortcut; on Linux `x11_shortcut` does (it says why).
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(shortcut::plugin());
    let app = builder
        // A second launch focuses the running app instead of opening the database twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| windows::show_main(app)))
        // Used from Rust only (save and open dialogs); the page is granted none of it.
        .plugin(tauri_plugin_dialog::init())
        .plugin(desktop::autostart_plugin(explicit_data_dir.then_some(data_dir.as_path())))
        // Used from Rust only (open the data directory); the page is granted none of it.
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(commands::handler())
        .setup(move |app| {
            app.manage(AppState::open(data_dir.clone()));
            app.manage(ShortcutProblem::default());
            app.manage(quicklog::Asked::default());
            shortcut::listen(app.handle());
            let handle = app.handle().clone();
            app.listen(events::NOTIFICATION_ACTION, move |event| {
                let key: String = serde_json::from_str(event.payload()).unwrap_or_default();
                actions::on_notification(&handle, &key);
            });
            match tray::create(app.handle(), actions::on_menu) {
                Ok(()) => tracing::info!("tray ready {:.1} ms after start", started.elapsed().as_secs_f64() * 1000.0),
                Err(e) => tracing::error!("no tray icon: {e}"),
            }
            quicklog::follow_prefs(app.handle());
            app.manage(capture_watch::Watched::default());
            capture_watch::follow_prefs(app.handle());
            watch::start(app.handle(), &data_dir);
            engine::start(app.handle());
            if !hidden {
                windows::show_main(app.handle());
            }
            Ok(())
        })
        .build(crate::context());
    let app = match app {
        Ok(app) => app,
        Err(e) => {
            eprintln!("loadline: cannot start the app: {e}");
            return ExitCode::from(1);
        }
    };
    app.run(|app, event| match event {
        // Closing the last window keeps the app in the tray; only "Quit" ends it.
        RunEvent::ExitRequested { code: None, api, .. } => api.prevent_exit(),
        RunEvent::Exit => engine::stop(app),
        _ => {}
    });
    ExitCode::SUCCESS
}

/// GDK loads the OpenGL driver when it opens the display, though the tray needs none: under
/// software rendering that is LLVM, a third of the idle tree (98 -> 66 MiB PSS, see ARCHITECTURE.md,
/// "Windows and what they cost"). WebKit still brings GL up for itself when a window is made. A
/// value the person set is left alone. Called before GTK starts and before any other thread
/// exists, as changing the environment requires.
fn render_without_gl() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("GDK_GL").is_none() {
        std::env::set_var("GDK_GL", "disable");
    }
}
