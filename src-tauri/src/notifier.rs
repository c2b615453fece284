//! Desktop notifications through notify-rust (org.freedesktop.Notifications on Linux). Without
//! a bus or a notification server, `show` fails: the engine logs it once and carries on, and
//! the in-app list still shows every warning. A chosen action comes back to the app as the
//! `notification-action` event, so this module calls nothing of the app's.

use tauri::{AppHandle, Emitter, Runtime};

use crate::events;

/// What the person can do from a notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open the main window at a view ("warnings", "reflection", "selfcheck").
    Open(&'static str),
}

impl Action {
    /// The event payload: `open:<view>`.
    pub fn key(self) -> String {
        match self {
            Action::Open(view) => format!("open:{view}"),
        }
    }
}

pub struct Note {
    pub title: String,
    pub body: String,
    pub actions: Vec<(Action, &'static str)>,
}

pub fn show<R: Runtime>(app: &AppHandle<R>, note: Note) -> Result<(), String> {
    let mut n = notify_rust::Notification::new();
    // The icon the package installs in the hicolor theme, named after the app's binary.
    n.appname("Loadline").summary(&note.title).body(&note.body).icon("loadline-app");
    for (action, label) in &note.actions {
        n.action(&action.key(), label);
    }
    let handle = n.show().map_err(|e| e.to_string())?;
    if note.actions.is_empty() {
        return Ok(());
    }
    // Waiting for the person's choice blocks, so it gets a thread of its own.
    let app = app.clone();
    let spawned = std::thread::Builder::new().name("notification".into()).spawn(move || {
        handle.wait_for_action(|chosen| {
            if chosen != "__closed" {
                let _ = app.emit(events::NOTIFICATION_ACTION, chosen.to_string());
            }
        })
    });
    if let Err(e) = spawned {
        tracing::warn!("cannot wait for the notification's actions: {e}");
    }
    Ok(())
}
