//! What the tray's process and the main window's process say to each other: one JSON object a
//! line, the tray writing to the window's standard input and the window to its standard output
//! (see `windows` for the tray's side, `window_app` for the window's; the window keeps them off
//! its standard input and output, which WebKit's processes inherit). The window asks only what
//! the tray alone can do: the shortcut is grabbed there, and a restore must close every
//! connection to the store, the tray's included.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// From the tray to the window.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ToWindow {
    /// Come to the front, at this view unless it is empty.
    Show { view: String },
    /// Pass this event on to the page (the reminder engine looked again).
    Emit { event: String },
    /// The answer to the window's question `id`.
    Answer { id: u64, answer: Answer },
}

/// From the window to the tray.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ToTray {
    /// A question, answered once with the same `id`.
    Ask { id: u64, ask: Ask },
    /// The window closed and its process is ending: the next "Open" starts another.
    Closed,
    /// A `Show` came after the window closed: start another at this view.
    Reopen { view: String },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Ask {
    /// Why the shortcut is not working, if it is not; with `apply`, after taking the saved
    /// preferences' shortcut first.
    Shortcut { apply: bool },
    /// Restore this automatic backup: the window's store is closed meanwhile.
    Restore { backup: PathBuf },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Answer {
    Shortcut { problem: Option<String> },
    Restored { failed: Option<String> },
}

/// Writes one message and its newline, and flushes: the other side reads line by line.
pub fn send<T: Serialize>(out: &mut impl Write, message: &T) -> io::Result<()> {
    let mut line = serde_json::to_vec(message)?;
    line.push(b'\n');
    out.write_all(&line)?;
    out.flush()
}

/// Each message read until the other side closes its end. A line that is not one (not JSON,
/// not even UTF-8) is logged and skipped: nothing but a closed pipe ends the conversation.
pub fn receive<T: DeserializeOwned>(mut input: impl BufRead, mut each: impl FnMut(T)) {
    let mut line = Vec::new();
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => match serde_json::from_slice(&line) {
                Ok(message) => each(message),
                Err(e) => {
                    tracing::warn!("not a message from the other process ({e}): {:.80}", String::from_utf8_lossy(&line))
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_survive_the_line_between_the_processes_and_junk_is_skipped() {
        let mut wire = Vec::new();
        send(&mut wire, &ToWindow::Show { view: "settings".into() }).unwrap();
        wire.extend_from_slice(b"Gtk-Message: a library's chatter\n\xff\xfe not even UTF-8\n");
        let answer = Answer::Restored { failed: Some("the file is damaged".into()) };
        send(&mut wire, &ToWindow::Answer { id: 7, answer }).unwrap();
        let mut got = Vec::new();
        receive(wire.as_slice(), |m: ToWindow| got.push(m));
        assert_eq!(
            got,
            [
                ToWindow::Show { view: "settings".into() },
                ToWindow::Answer { id: 7, answer: Answer::Restored { failed: Some("the file is damaged".into()) } },
            ]
        );
        let mut wire = Vec::new();
        let ask = Ask::Restore { backup: "/data/backups/loadline-2026-12-06.db".into() };
        send(&mut wire, &ToTray::Ask { id: 3, ask }).unwrap();
        assert_eq!(
            String::from_utf8(wire).unwrap(),
            "{\"kind\":\"ask\",\"id\":3,\"ask\":{\"kind\":\"restore\",\"backup\":\"/data/backups/loadline-2026-12-06.db\"}}\n"
        );
    }
}
