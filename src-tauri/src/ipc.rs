//! Shapes that cross the IPC boundary and exist only for it. Domain types (entries, weeks,
//! schedules) come from the core; ts-rs generates their TypeScript twins into ui/src/bindings.

use loadline_core::boundaries::Boundary;
use loadline_core::schedule::ScheduleInput;
use loadline_core::Error;
use serde::Serialize;
use ts_rs::TS;

/// What a failed command returns to the page: `field` is set for bad input, so the form can
/// put the message beside it.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ApiError {
    pub code: ErrorCode,
    pub field: Option<String>,
    pub message: String,
}

#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    Invalid,
    NotFound,
    StoreUnavailable,
    Failed,
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        match e {
            Error::Invalid { field, message } => ApiError { code: ErrorCode::Invalid, field: Some(field), message },
            Error::NotFound(message) => ApiError { code: ErrorCode::NotFound, field: None, message },
            other => {
                tracing::error!("command failed: {other}");
                ApiError { code: ErrorCode::Failed, field: None, message: other.to_string() }
            }
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct Settings {
    pub schedule: ScheduleInput,
    /// The zone set in settings, or `None` to follow the system.
    pub zone: Option<String>,
    pub system_zone: String,
    pub channels: Vec<String>,
    pub categories: Vec<String>,
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct BoundaryView {
    pub id: i64,
    #[serde(flatten)]
    pub boundary: Boundary,
    /// Removed from now on; listed so past breaches keep a name.
    pub removed: bool,
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ReminderState {
    /// "Pause all warnings" is on.
    pub paused: bool,
    /// RFC 3339, while "snooze for today" holds.
    pub snoozed_until: Option<String>,
    pub unread: u32,
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ShortcutStatus {
    pub shortcut: String,
    /// Why it is not active (taken, unknown keys, or a Wayland session); `None` when it works.
    pub problem: Option<String>,
}
