//! What reacts to a write, listed once. Every command that writes, the tray's actions and the
//! data-directory watcher (for the CLI's writes, and the other app process's) call `after_write`
//! and nothing else.

use tauri::{AppHandle, Emitter, Runtime};

use crate::{capture_watch, engine, events, quicklog, tray, window_app};

pub fn after_write<R: Runtime>(app: &AppHandle<R>) {
    if let Err(e) = app.emit(events::DATA_CHANGED, ()) {
        tracing::warn!("cannot tell the windows about new data: {e}");
    }
    // The rest is the tray's, which does it when its watcher sees the main window's write.
    if window_app::is_window_process(app) {
        return;
    }
    // The week's headline and the presets may have changed.
    tray::refresh(app);
    // The change may have been the "keep the quick-log window ready" setting, or the folder
    // capture watches.
    quicklog::follow_prefs(app);
    capture_watch::follow_prefs(app);
    engine::poke(app);
}
