//! What reacts to a write, listed once. Every command that writes, the tray's actions and the
//! data-directory watcher (for the CLI's writes) call `after_write` and nothing else.

use tauri::{AppHandle, Emitter, Runtime};

use crate::{capture_watch, engine, events, quicklog, tray};

pub fn after_write<R: Runtime>(app: &AppHandle<R>) {
    // The week's headline and the presets may have changed.
    tray::refresh(app);
    // The change may have been the "keep the quick-log window ready" setting, or the folder
    // capture watches.
    quicklog::follow_prefs(app);
    capture_watch::follow_prefs(app);
    if let Err(e) = app.emit(events::DATA_CHANGED, ()) {
        tracing::warn!("cannot tell the windows about new data: {e}");
    }
    engine::poke(app);
}
