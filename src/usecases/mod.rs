//! The use cases: one function, and at most one write transaction, per action a person can
//! take. Every front end (the CLI, the app's commands, the tray, the reminder engine, the tests)
//! converts what it was given, calls one of these, and converts the answer back; none makes a
//! domain decision of its own. Below this layer, pure judgement (classification, summaries,
//! rules, quiet windows, the heatmap, the verdict) takes values and never a store, and the
//! store knows only rows and value types.

pub mod backups;
pub mod boundaries;
pub mod capture;
pub mod engine;
pub mod entries;
pub mod exports;
pub mod selfcheck;
pub mod settings;
pub mod team;
pub mod views;

use chrono_tz::Tz;

use crate::error::Result;
use crate::store::Store;
use crate::zone::parse_zone;

/// The zone weeks are counted in: `tz` when asked for, else the settings' zone, else the
/// system's. The one place this is decided.
pub fn home_zone(store: &Store, tz: Option<&str>, system_zone: Tz) -> Result<Tz> {
    match tz {
        Some(name) => parse_zone("tz", name),
        None => store.prefs()?.home_zone(system_zone),
    }
}
