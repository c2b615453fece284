//! What the person does from outside a window: the tray's items (a one-click log, "Just
//! ended…", Undo, Open, Quit) and a notification's action (open a view).
//! Each calls one use case and then `changed::after_write`.

use std::time::Instant;

use loadline_core::interruptions::Draft;
use loadline_core::presets::just_ended;
use loadline_core::summary::format_minutes;
use loadline_core::usecases::entries;
use tauri::{AppHandle, Manager};

use crate::notifier::{self, Note};
use crate::state::AppState;
use crate::{changed, clock, quicklog, tray, windows};

/// What a tray item does, by its id.
pub fn on_menu(app: &AppHandle, id: &str) {
    match id {
        "open" => windows::show_main(app),
        "inbox" => windows::show_main_at(app, "inbox"),
        "details" => quicklog::show(app),
        "quit" => app.exit(0),
        "undo" => undo(app),
        _ => {
            let now = clock::now();
            let draft = if let Some(n) = id.strip_prefix("preset:").and_then(|n| n.parse::<usize>().ok()) {
                let presets = app.state::<AppState>().with_store(|s| Ok(s.prefs()?.presets)).unwrap_or_default();
                presets.get(n).map(|p| (p.label.clone(), p.starting_now(now)))
            } else {
                let ended = id.strip_prefix("ended:").and_then(|m| m.parse::<u32>().ok());
                ended.map(|m| (format!("Just ended, {m} min"), just_ended(JUST_ENDED_CHANNEL, m, now)))
            };
            if let Some((label, draft)) = draft {
                one_click_log(app, &label, draft);
            }
        }
    }
}

/// "Just ended…" entries are pages unless edited later: the tray is for the on-call night.
const JUST_ENDED_CHANNEL: &str = "page";

fn one_click_log(app: &AppHandle, label: &str, draft: Draft) {
    let logged = app.state::<AppState>().log_now(&draft);
    match logged {
        Ok(entry) => {
            *app.state::<tray::LastLog>().0.lock().unwrap_or_else(|p| p.into_inner()) =
                Some((entry.id, entry.uid.clone(), Instant::now()));
            tracing::info!("logged entry {} from the tray", entry.id);
            // Confirm without taking focus; the menu offers Undo for a few minutes.
            let note = Note {
                title: format!("Logged: {label}"),
                body: format!(
                    "{}, {}. Undo is in the tray menu for 5 minutes.",
                    entry.channel,
                    format_minutes(entry.minutes)
                ),
                actions: Vec::new(),
            };
            let _ = notifier::show(app, note);
            let later = app.clone();
            std::thread::spawn(move || {
                std::thread::sleep(tray::UNDO_WINDOW);
                tray::refresh(&later);
            });
        }
        Err(e) => tracing::warn!("cannot log from the tray: {}", e.message),
    }
    changed::after_write(app);
}

fn undo(app: &AppHandle) {
    if let Some((id, uid)) = tray::undo_target(app) {
        match app.state::<AppState>().with_store(|s| entries::undo_log(s, id, &uid)) {
            Ok(_) => tracing::info!("undid entry {id} from the tray"),
            Err(e) => tracing::warn!("cannot undo entry {id}: {}", e.message),
        }
        *app.state::<tray::LastLog>().0.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
    changed::after_write(app);
}

/// A notification's action, as its key came back (`open:<view>`).
pub fn on_notification(app: &AppHandle, key: &str) {
    if let Some(view) = key.strip_prefix("open:") {
        windows::show_main_at(app, view);
    }
}
