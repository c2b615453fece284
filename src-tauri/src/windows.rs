//! The main window: made on demand, destroyed on close (so an idle tray holds no web page),
//! shown at a view when a notification or the tray asks for one.

use tauri::{AppHandle, Emitter, Manager, WebviewUrl, WebviewWindowBuilder, WindowEvent};

use crate::events;
use crate::state::AppState;

pub const MAIN: &str = "main";

/// Shows and focuses the main window, creating it if it was closed.
pub fn show_main(app: &AppHandle) {
    show_main_at(app, "");
}

/// Shows the main window at a view; a new window starts there through its URL's hash.
pub fn show_main_at(app: &AppHandle, view: &str) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
        if !view.is_empty() {
            let _ = window.emit(events::NAVIGATE, view);
        }
        return;
    }
    let url = if view.is_empty() { "index.html".to_string() } else { format!("index.html#/{view}") };
    let built = WebviewWindowBuilder::new(app, MAIN, WebviewUrl::App(url.into()))
        .title("Loadline")
        .inner_size(1040.0, 740.0)
        .min_inner_size(760.0, 540.0)
        .center()
        .build();
    match built {
        Ok(window) => {
            // The last export preview is only for this window's "Save…": do not keep it all day.
            let app = app.clone();
            window.on_window_event(move |event| {
                if matches!(event, WindowEvent::Destroyed) {
                    if let Some(state) = app.try_state::<AppState>() {
                        state.forget_preview();
                    }
                }
            });
        }
        Err(e) => tracing::error!("cannot open the main window: {e}"),
    }
}
