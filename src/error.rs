//! The core's one error type. Bad input names the field and what is allowed; everything else
//! is a failure of the store or the file system that the caller reports briefly and logs in full.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; `field` is the name the person typed or sees. `also` holds the
    /// other fields of the same input that were refused too (a form shows every message at once).
    #[error("{field}: {message}{}", Also(also))]
    Invalid { field: String, message: String, also: Vec<FieldProblem> },

    #[error("{0}")]
    NotFound(String),

    #[error(
        "the database at {path} was written by a newer Loadline (schema version {found}, this one knows {known}); it was left untouched"
    )]
    NewerDatabase { path: PathBuf, found: i64, known: i64 },

    #[error("the file at {path} is not a Loadline database ({reason}); it was left untouched")]
    Damaged { path: PathBuf, reason: String },

    /// The data directory cannot take a write: its disk is full, or it (or the database file)
    /// is read-only. Any transaction under way was rolled back.
    #[error("cannot write to {dir}: {why}; nothing was written. {remedy}")]
    CannotWrite { dir: PathBuf, why: &'static str, remedy: &'static str },

    /// A restore found another Loadline process using the database it would replace.
    #[error(
        "another Loadline process has the database open (the app in the tray, or a command still waiting for its input): quit it and try again. Nothing was changed; your record is still in {data}"
    )]
    InUse { data: PathBuf },

    /// A restore that did not happen; `data` is where the person's record is now.
    #[error("cannot restore: {why}. Nothing was changed; your record is still in {data}")]
    RestoreFailed { why: String, data: PathBuf },

    /// The database file is gone while backups of it remain: creating an empty one would hide
    /// the record, and its daily backups would in time rotate the real ones out.
    #[error("the database {data} is missing, but automatic backups of it are in {dir}; nothing was created")]
    Missing { data: PathBuf, dir: PathBuf },

    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
}

/// One more refused field of an input, beside the first one an `Invalid` names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

/// The other refused fields, each on its own line as the first one reads.
struct Also<'a>(&'a [FieldProblem]);

impl fmt::Display for Also<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|p| write!(f, "\n{}: {}", p.field, p.message))
    }
}

impl Error {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid { field: field.into(), message: message.into(), also: Vec::new() }
    }

    /// Every refusal of one input as one error, in the order the fields were checked (the order
    /// a form shows them); `None` when nothing was refused. Errors that are not bad input win.
    pub fn all(errors: Vec<Error>) -> Option<Error> {
        let mut problems = Vec::new();
        for e in errors {
            match e {
                Error::Invalid { field, message, also } => {
                    problems.push(FieldProblem { field, message });
                    problems.extend(also);
                }
                other => return Some(other),
            }
        }
        let mut problems = problems.into_iter();
        let first = problems.next()?;
        Some(Error::Invalid { field: first.field, message: first.message, also: problems.collect() })
    }

    /// Every field this error refuses, the first one first.
    pub fn problems(&self) -> Vec<FieldProblem> {
        match self {
            Error::Invalid { field, message, also } => {
                std::iter::once(FieldProblem { field: field.clone(), message: message.clone() })
                    .chain(also.iter().cloned())
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// The same error with every field it names renamed by `rename`.
    fn map_fields(self, rename: impl Fn(String) -> String) -> Self {
        match self {
            Error::Invalid { field, message, also } => Error::Invalid {
                field: rename(field),
                message,
                also: also.into_iter().map(|p| FieldProblem { field: rename(p.field), message: p.message }).collect(),
            },
            other => other,
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io { context: context.into(), source }
    }

    /// Prefixes the field of a validation error, e.g. `entry 2: minutes`.
    pub fn within(self, prefix: &str) -> Self {
        self.map_fields(|field| format!("{prefix}: {field}"))
    }

    /// Puts the field of a validation error under `prefix` as a path into the argument:
    /// `presets[0]` and `label` make `presets[0].label`; `tags` and `[2]` make `tags[2]`.
    pub fn nested(self, prefix: &str) -> Self {
        self.map_fields(
            |field| {
                if field.starts_with('[') {
                    format!("{prefix}{field}")
                } else {
                    format!("{prefix}.{field}")
                }
            },
        )
    }

    /// Renames the field of a validation error, for a value parsed by a shared reader.
    pub fn relabel(self, field: &str) -> Self {
        match self {
            Error::Invalid { message, .. } => Error::invalid(field, message),
            other => other,
        }
    }

    /// SQLite's "malformed" or "not a database", met on any page at any time, as the same
    /// `Damaged` that opening a damaged file gives, so the newest backup is offered either way.
    pub fn damaged_in(self, db: &std::path::Path) -> Self {
        match self {
            Error::Sqlite(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
                ) =>
            {
                Error::Damaged { path: db.to_path_buf(), reason: e.to_string() }
            }
            other => other,
        }
    }

    pub fn is_invalid(&self) -> bool {
        matches!(self, Error::Invalid { .. })
    }
}

/// What someone typed, quoted for a message: a pasted megabyte must not become the message.
pub fn quoted(typed: &str) -> String {
    const MAX_CHARS: usize = 60;
    if typed.chars().count() <= MAX_CHARS {
        format!("'{typed}'")
    } else {
        format!("'{}…'", typed.chars().take(MAX_CHARS - 1).collect::<String>())
    }
}
