//! The watched folder (a setting, off by default): a file that appears in it is captured, so a
//! person's own script (curl + jq from their pager's API, a calendar export) feeds the inbox.
//! Capturing a file again doubles nothing, so a file written in several steps is simply read
//! again when it settles.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::Duration;

use loadline_core::usecases::capture::{self, CaptureRequest};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;
use crate::{changed, clock};

/// A script writes a file in bursts: wait for the burst to end, then read it once.
const SETTLE: Duration = Duration::from_millis(500);

/// The folder asked for, and its watcher (dropping it ends its thread; `None` when the folder
/// could not be watched: it is tried again when the setting changes, not on every write).
#[derive(Default)]
pub struct Watched(Mutex<Option<(PathBuf, Option<RecommendedWatcher>)>>);

/// Watches the folder the preferences name, if it changed; called at start and after a write.
pub fn follow_prefs<R: Runtime>(app: &AppHandle<R>) {
    let Some(watched) = app.try_state::<Watched>() else { return };
    let wanted =
        app.state::<AppState>().with_store(|s| Ok(s.prefs()?.capture.watched_folder)).ok().flatten().map(PathBuf::from);
    let mut current = watched.0.lock().unwrap_or_else(|p| p.into_inner());
    if current.as_ref().map(|(dir, _)| dir) == wanted.as_ref() {
        return;
    }
    *current = wanted.map(|dir| {
        let watcher = start(app, &dir);
        (dir, watcher)
    });
}

fn start<R: Runtime>(app: &AppHandle<R>, dir: &std::path::Path) -> Option<RecommendedWatcher> {
    let (tx, rx) = mpsc::channel::<PathBuf>();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.kind.is_create() || event.kind.is_modify() {
            for p in event.paths {
                let hidden = p.file_name().is_none_or(|n| n.to_string_lossy().starts_with('.'));
                if !hidden {
                    let _ = tx.send(p);
                }
            }
        }
    });
    let mut watcher = match watcher {
        Ok(w) => w,
        Err(e) => {
            tracing::warn!("cannot watch the capture folder: {e}");
            return None;
        }
    };
    if let Err(e) = watcher.watch(dir, RecursiveMode::NonRecursive) {
        tracing::warn!("cannot watch the capture folder {}: {e}", dir.display());
        return None;
    }
    let app = app.clone();
    std::thread::Builder::new()
        .name("capture-watch".into())
        .spawn(move || {
            while let Ok(first) = rx.recv() {
                let mut paths = BTreeSet::from([first]);
                while let Ok(p) = rx.recv_timeout(SETTLE) {
                    paths.insert(p);
                }
                let request =
                    CaptureRequest { paths: paths.into_iter().filter(|p| p.is_file()).collect(), ..Default::default() };
                if request.paths.is_empty() {
                    continue;
                }
                let state = app.state::<AppState>();
                match state.with_store(|s| capture::capture(s, &request, clock::system_zone(), clock::now())) {
                    Ok(r) if r.suggested > 0 => changed::after_write(&app),
                    Ok(_) => {}
                    Err(e) => tracing::warn!("cannot capture from the watched folder: {}", e.message),
                }
            }
        })
        .expect("spawning a thread only fails when the system is out of resources");
    Some(watcher)
}
