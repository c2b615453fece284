//! The desktop app: one main window made on demand (closing it destroys its webview, so the
//! tray idles light), a tray icon, a single instance, and the watcher on the data directory.

use std::path::PathBuf;
use std::process::ExitCode;

use tauri::{AppHandle, Manager, RunEvent, WebviewUrl, WebviewWindowBuilder};

use crate::commands;
use crate::state::AppState;
use crate::tray;
use crate::watch;

pub const MAIN: &str = "main";

pub fn run(data_dir: PathBuf, hidden: bool) -> ExitCode {
    let app = tauri::Builder::default()
        // A second launch focuses the running app instead of opening the database twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| show_main(app)))
        .invoke_handler(tauri::generate_handler![
            commands::week_summary,
            commands::list_entries,
            commands::log_entry,
            commands::update_entry,
            commands::delete_entry,
            commands::restore_entry,
            commands::settings,
            commands::save_schedule,
            commands::save_zone,
            commands::boundaries,
            commands::add_boundary,
            commands::edit_boundary,
            commands::remove_boundary,
            commands::sources,
            commands::store_problem,
        ])
        .setup(move |app| {
            app.manage(AppState::open(data_dir.clone()));
            if let Err(e) = tray::create(app.handle()) {
                log::error!("no tray icon: {e}");
            }
            watch::start(app.handle(), &data_dir);
            if !hidden {
                show_main(app.handle());
            }
            Ok(())
        })
        .build(tauri::generate_context!());
    let app = match app {
        Ok(app) => app,
        Err(e) => {
            eprintln!("loadline: cannot start the app: {e}");
            return ExitCode::from(1);
        }
    };
    app.run(|_, event| {
        // Closing the last window keeps the app in the tray; only "Quit" ends it.
        if let RunEvent::ExitRequested { code: None, api, .. } = event {
            api.prevent_exit();
        }
    });
    ExitCode::SUCCESS
}

/// Shows and focuses the main window, creating it if it was closed.
pub fn show_main(app: &AppHandle) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
        return;
    }
    let built = WebviewWindowBuilder::new(app, MAIN, WebviewUrl::App("index.html".into()))
        .title("Loadline")
        .inner_size(1040.0, 740.0)
        .min_inner_size(760.0, 540.0)
        .center()
        .build();
    if let Err(e) = built {
        log::error!("cannot open the main window: {e}");
    }
}
