//! Notices writes by other processes (the CLI, a pager webhook) through a file-system watch on
//! the data directory, not a polling loop, and refreshes the tray and the windows.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use tauri::{AppHandle, Manager};

use crate::changed;
use crate::state::AppState;

/// Writes come in bursts (WAL, shm, checkpoint): wait for the burst to end, then look once.
const SETTLE: Duration = Duration::from_millis(150);

pub fn start(app: &AppHandle, data_dir: &Path) {
    let (tx, rx) = mpsc::channel();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        let ours =
            event.paths.iter().any(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("loadline.db")));
        if ours && (event.kind.is_modify() || event.kind.is_create()) {
            let _ = tx.send(());
        }
    });
    let mut watcher = match watcher {
        Ok(w) => w,
        Err(e) => return tracing::warn!("cannot watch the data directory, CLI writes show on the next refresh: {e}"),
    };
    if let Err(e) = watcher.watch(data_dir, RecursiveMode::NonRecursive) {
        return tracing::warn!("cannot watch {}: {e}", data_dir.display());
    }
    let app = app.clone();
    std::thread::Builder::new()
        .name("data-watch".into())
        .spawn(move || {
            let _keep_alive = watcher;
            let mut seen = version(&app);
            while rx.recv().is_ok() {
                while rx.recv_timeout(SETTLE).is_ok() {}
                let now = version(&app);
                if now != seen {
                    seen = now;
                    changed::after_write(&app);
                }
            }
        })
        .expect("spawning a thread only fails when the system is out of resources");
}

fn version(app: &AppHandle) -> Option<i64> {
    app.state::<AppState>().with_store(|s| s.data_version()).ok()
}
