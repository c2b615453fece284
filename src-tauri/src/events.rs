//! The events the app sends, in one place: to its windows, and from a notification back to the
//! app. Senders and listeners name them here instead of knowing each other.

/// Every window reloads what it shows: something was written, by a window, the tray or the CLI.
pub const DATA_CHANGED: &str = "data-changed";
/// The reminder engine looked again: the notices and the reminder state may have changed.
pub const WARNINGS_CHANGED: &str = "warnings-changed";
/// Asks the open main window to show a view (`warnings`, `settings`, …).
pub const NAVIGATE: &str = "navigate";
/// A notification's action was chosen; the payload is the action's key (`open:<view>`, `snooze`).
pub const NOTIFICATION_ACTION: &str = "notification-action";
/// The quick-log window, already open or kept ready, was asked for again: its page takes the keys
/// typed since (`quicklog_ready`), as it does when it first loads. The webview's window only.
#[cfg(not(target_os = "linux"))]
pub const QUICKLOG_SHOWN: &str = "quicklog-shown";
