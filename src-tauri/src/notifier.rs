//! Desktop notifications through notify-rust (org.freedesktop.Notifications on Linux). Without
//! a bus or a notification server, `show` fails: the engine logs it once and carries on, and
//! the in-app list still shows every warning.

use tauri::AppHandle;

use crate::{app, engine};

/// What the person can do from a notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open the main window at a view ("warnings", "reflection").
    Open(&'static str),
    SnoozeToday,
}

pub struct Note {
    pub title: String,
    pub body: String,
    pub actions: Vec<(Action, &'static str)>,
}

pub fn show(app: &AppHandle, note: Note) -> Result<(), String> {
    let mut n = notify_rust::Notification::new();
    n.appname("Loadline").summary(&note.title).body(&note.body).icon("loadline");
    for (action, label) in &note.actions {
        n.action(key(*action), label);
    }
    let views: Vec<&'static str> =
        note.actions.iter().filter_map(|(a, _)| if let Action::Open(view) = a { Some(*view) } else { None }).collect();
    let handle = n.show().map_err(|e| e.to_string())?;
    if note.actions.is_empty() {
        return Ok(());
    }
    // Waiting for the person's choice blocks, so it gets a thread of its own.
    let app = app.clone();
    let spawned = std::thread::Builder::new().name("notification".into()).spawn(move || {
        handle.wait_for_action(|chosen| match chosen {
            "open" => app::show_main_at(&app, views.first().copied().unwrap_or("")),
            "snooze" => engine::snooze_today(&app),
            _ => {}
        })
    });
    if let Err(e) = spawned {
        tracing::warn!("cannot wait for the notification's actions: {e}");
    }
    Ok(())
}

fn key(action: Action) -> &'static str {
    match action {
        Action::Open(_) => "open",
        Action::SnoozeToday => "snooze",
    }
}
