//! Shapes that cross the IPC boundary and exist only for it. Domain types (entries, weeks,
//! schedules) come from the core; ts-rs generates their TypeScript twins into ui/src/bindings.

use loadline_core::error::{quoted, FieldProblem};
use loadline_core::schedule::ScheduleInput;
use loadline_core::Error;
use serde::de::DeserializeOwned;
use serde::Serialize;
use tauri::ipc::{CommandArg, CommandItem, InvokeBody, InvokeError};
use tauri::Runtime;
use ts_rs::TS;

/// What a failed command returns to the page: `field` is set for bad input, so the form can
/// put the message beside it.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ApiError {
    pub code: ErrorCode,
    pub field: Option<String>,
    pub message: String,
    /// The other fields of the same input the core refused, so a form shows every message at once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<FieldProblem>>")]
    pub also: Vec<FieldProblem>,
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

impl ApiError {
    /// The store cannot be used, and `why`.
    pub fn unavailable(why: String) -> Self {
        ApiError { code: ErrorCode::StoreUnavailable, field: None, message: why, also: Vec::new() }
    }

    /// Something other than the input went wrong, and `why`.
    pub fn failed(why: String) -> Self {
        ApiError { code: ErrorCode::Failed, field: None, message: why, also: Vec::new() }
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        match e {
            Error::Invalid { field, message, also } => {
                ApiError { code: ErrorCode::Invalid, field: Some(field), message, also }
            }
            Error::NotFound(message) => ApiError { code: ErrorCode::NotFound, field: None, message, also: Vec::new() },
            other => {
                tracing::error!("command failed: {other}");
                ApiError { code: ErrorCode::Failed, field: None, message: other.to_string(), also: Vec::new() }
            }
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// A command's argument as the page sent it. Tauri's own reading answers a malformed argument
/// with a plain string; this answers like any other bad input, with an `invalid` error naming
/// the field (`id`, `minutes`, `windows[0]`), and the command does not run.
pub struct Arg<T>(pub T);

impl<'de, R: Runtime, T: DeserializeOwned> CommandArg<'de, R> for Arg<T> {
    fn from_command(item: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let invalid = |field: &str, message: String| {
            InvokeError::from(ApiError {
                code: ErrorCode::Invalid,
                field: Some(field.to_string()),
                message,
                also: Vec::new(),
            })
        };
        let value = match item.message.payload() {
            InvokeBody::Json(args) => args.get(item.key),
            InvokeBody::Raw(_) => return Err(invalid(item.key, "must be sent as JSON".into())),
        };
        // An absent key reads as null: an optional argument is then `None`, a required one missing.
        let Some(value) = value else {
            return T::deserialize(serde_json::Value::Null)
                .map(Arg)
                .map_err(|_| invalid(item.key, "is missing".into()));
        };
        serde_path_to_error::deserialize(value).map(Arg).map_err(|e| {
            // Inside an object the field's own name (`minutes`), as the core's checks name it;
            // inside a list, the argument's too (`ids[1]`).
            let field = match e.path().to_string() {
                path if path == "." => item.key.to_string(),
                path if path.starts_with('[') => format!("{}{path}", item.key),
                path => path,
            };
            invalid(&field, plain(&e.into_inner().to_string()))
        })
    }
}

/// serde's message in people's words: it names Rust types ("expected i64") and quotes the
/// whole value it refused, however long.
fn plain(serde_message: &str) -> String {
    let message = match (serde_message.find('"'), serde_message.rfind('"')) {
        (Some(open), Some(close)) if close > open => {
            let value = &serde_message[open + 1..close];
            format!("{}{}{}", &serde_message[..open], quoted(value), &serde_message[close + 1..])
        }
        _ => serde_message.to_string(),
    };
    [
        ("expected i64", "expected a whole number"),
        ("expected u32", "expected a whole number from 0 to 4294967295"),
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected f64", "expected a number"),
        ("expected a sequence", "expected a list"),
        ("expected a map", "expected an object"),
    ]
    .iter()
    .fold(message, |m, (rust, words)| m.replace(rust, words))
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct Settings {
    pub schedule: ScheduleInput,
    /// The zone set in settings, or `None` to follow the system.
    pub zone: Option<String>,
    pub system_zone: String,
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ShortcutStatus {
    pub shortcut: String,
    /// Why it is not active (taken, unknown keys, or a Wayland session); `None` when it works.
    pub problem: Option<String>,
    /// The quick-log window is native here (Linux) and opens at once: keeping it ready, a
    /// webview's setting, has nothing to gain.
    pub native_quicklog: bool,
}

/// A key typed after the quick-log shortcut and before its page could take keys: held by the
/// shell and handed to the page in order (`quicklog_ready`). `key` is named as
/// `KeyboardEvent.key` names it ("4", "Enter", "Escape").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TypedKey {
    pub key: String,
    pub shift: bool,
    pub ctrl: bool,
    pub alt: bool,
    pub meta: bool,
}
