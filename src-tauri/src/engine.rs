//! The reminder engine's thread. It runs the core's `usecases::engine::step` after every change
//! (a `poke` from `changed::after_write`) and otherwise sleeps until the next instant that
//! matters; no polling. Each run also takes the day's automatic backup if it is not there yet,
//! and ends by sending `warnings-changed`, which the tray and the windows follow.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::{DateTime, Utc};
use loadline_core::notices::{Delivery, Step};
use loadline_core::usecases::{self, backups, engine};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::notifier::{self, Action, Note};
use crate::state::AppState;
use crate::{clock, events};

/// The longest sleep: the monotonic timer does not follow the wall clock through a suspend or
/// a clock change, so wake at least this often to look at the real time again.
const MAX_SLEEP: Duration = Duration::from_secs(3600);

enum Signal {
    Run,
    Quit,
}

pub struct Engine {
    tx: Mutex<Sender<Signal>>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

pub fn start(app: &AppHandle) {
    let (tx, rx) = mpsc::channel();
    let handle = app.clone();
    let thread = std::thread::Builder::new()
        .name("reminder-engine".into())
        .spawn(move || {
            let mut delivery_failed = false;
            loop {
                let wait = run(&handle, &mut delivery_failed);
                match rx.recv_timeout(wait) {
                    Ok(Signal::Run) | Err(RecvTimeoutError::Timeout) => {}
                    Ok(Signal::Quit) | Err(RecvTimeoutError::Disconnected) => break,
                }
            }
            tracing::info!("reminder engine stopped");
        })
        .expect("spawning a thread only fails when the system is out of resources");
    app.manage(Engine { tx: Mutex::new(tx), thread: Mutex::new(Some(thread)) });
}

/// Asks the engine to look again now.
pub fn poke<R: Runtime>(app: &AppHandle<R>) {
    if let Some(engine) = app.try_state::<Engine>() {
        let _ = engine.tx.lock().unwrap_or_else(|p| p.into_inner()).send(Signal::Run);
    }
}

/// Ends the engine thread and waits for it, so nothing is half-written at exit.
pub fn stop(app: &AppHandle) {
    if let Some(engine) = app.try_state::<Engine>() {
        let _ = engine.tx.lock().unwrap_or_else(|p| p.into_inner()).send(Signal::Quit);
        if let Some(thread) = engine.thread.lock().unwrap_or_else(|p| p.into_inner()).take() {
            let _ = thread.join();
        }
    }
}

/// One run; returns how long to sleep.
fn run(app: &AppHandle, delivery_failed: &mut bool) -> Duration {
    let now = clock::now();
    let state = app.state::<AppState>();
    let backup = state.with_store(|s| {
        let today = now.with_timezone(&usecases::home_zone(s, None, clock::system_zone())?).date_naive();
        backups::take_daily(s, &state.data_dir, today)
    });
    match backup {
        Ok(Some(file)) => tracing::info!("daily backup written to {}", file.display()),
        Ok(None) => {}
        Err(e) => tracing::warn!("no daily backup: {}", e.message),
    }
    let step = match state.with_store(|s| engine::step(s, clock::system_zone(), now)) {
        Ok(step) => step,
        Err(e) => {
            tracing::warn!("reminder engine: {}", e.message);
            return MAX_SLEEP;
        }
    };
    deliver(app, &step, now, delivery_failed);
    let _ = app.emit(events::WARNINGS_CHANGED, ());
    (step.wake_at - clock::now()).to_std().unwrap_or(Duration::ZERO).clamp(Duration::from_secs(1), MAX_SLEEP)
}

/// Shows what the step decided (at most one notification for warnings, and the reminders due)
/// and reports each back to the core.
fn deliver(app: &AppHandle, step: &Step, now: DateTime<Utc>, delivery_failed: &mut bool) {
    let state = app.state::<AppState>();
    for d in &step.deliveries {
        let (view, label) = action(d);
        let note = Note { title: d.title.clone(), body: d.body.clone(), actions: vec![(Action::Open(view), label)] };
        if let Err(e) = notifier::show(app, note) {
            if !*delivery_failed {
                tracing::warn!("no desktop notifications ({e}); warnings stay in the app's list");
                *delivery_failed = true;
            }
        }
        // Counted either way: the in-app list has it, and a missing notification service must
        // not turn into the same attempt every wake.
        // Counted at the step's instant: showing it may have waited on the bus past midnight.
        if let Err(e) = state.with_store(|s| engine::delivered(s, d, clock::system_zone(), now)) {
            tracing::warn!("cannot record a delivered notice: {}", e.message);
        }
    }
}

/// The view a notification's one action opens, and its button's words.
fn action(d: &Delivery) -> (&'static str, &'static str) {
    match d.view.as_str() {
        "reflection" => ("reflection", "Open reflection"),
        "selfcheck" => ("selfcheck", "Open self-check"),
        _ => ("warnings", "Open warnings"),
    }
}
