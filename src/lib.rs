//! Loadline's domain, with no GUI: interruptions and their classification against working
//! hours, sleep hours and non-negotiables; weeks against the load line; the SQLite store; and
//! the command line. The core never reads the system clock: `now` is always an argument.

pub mod backups;
pub mod boundaries;
pub mod capture;
pub mod classify;
pub mod cli;
pub mod error;
pub mod export;
pub mod facts;
pub mod files;
pub mod interruptions;
pub mod json;
pub mod notices;
pub mod paper;
pub mod prefs;
pub mod presets;
pub mod quickform;
pub mod reflection;
pub mod reminders;
pub mod rfc3339;
pub mod schedule;
pub mod selfcheck;
pub mod store;
pub mod summary;
pub mod team;
pub mod timeline;
pub mod usecases;
pub mod week;
pub mod zone;

pub use error::{Error, Result};
