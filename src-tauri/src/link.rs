//! What the tray's process and the main window's process say to each other: one JSON object a
//! line, the tray writing to the window's standard input and the window to its standard output
//! (see `windows` for the tray's side, `window_app` for the window's). The window asks only what
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
    /// The answer to the window's last question.
    Answer { answer: Answer },
}

/// From the window to the tray; each gets one `ToWindow::Answer`, in order.
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

/// Each message read until the other side closes its end; a line that is not one is logged
/// and skipped (a library printing to standard output must not end the conversation).
pub fn receive<T: DeserializeOwned>(input: impl BufRead, mut each: impl FnMut(T)) {
    for line in input.lines() {
        let Ok(line) = line else { return };
        match serde_json::from_str(&line) {
            Ok(message) => each(message),
            Err(e) => tracing::warn!("not a message from the other process ({e}): {line:.80}"),
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
        wire.extend_from_slice(b"Gtk-Message: a library's chatter\n");
        let answer = Answer::Restored { failed: Some("the file is damaged".into()) };
        send(&mut wire, &ToWindow::Answer { answer }).unwrap();
        let mut got = Vec::new();
        receive(wire.as_slice(), |m: ToWindow| got.push(m));
        assert_eq!(
            got,
            [
                ToWindow::Show { view: "settings".into() },
                ToWindow::Answer { answer: Answer::Restored { failed: Some("the file is damaged".into()) } },
            ]
        );
        let mut wire = Vec::new();
        send(&mut wire, &Ask::Restore { backup: "/data/backups/loadline-2026-12-06.db".into() }).unwrap();
        assert_eq!(
            String::from_utf8(wire).unwrap(),
            "{\"kind\":\"restore\",\"backup\":\"/data/backups/loadline-2026-12-06.db\"}\n"
        );
    }
}
