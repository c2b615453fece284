//! The desktop app: a tray icon, a single instance, the reminder engine, the shortcut and the
//! quick-log window, and the watcher on the data directory. The main window is made on demand in
//! a process of its own (`windows`), so the tray idles light.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use tauri::{Listener, Manager, RunEvent};

use crate::actions;
use crate::capture_watch;
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
    // A second launch shows the running app's main window instead of starting another tray.
    let builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| windows::show_main(app)));
    // The commands: elsewhere than on Linux the quick-log window is a webview in this process.
    let app = desktop::with_commands(builder, explicit_data_dir.then_some(data_dir.as_path()))
        .setup(move |app| {
            app.manage(AppState::open(data_dir.clone()));
            app.manage(windows::WindowProcess::new(explicit_data_dir.then(|| data_dir.clone())));
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
            windows::follow_engine(app.handle());
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
