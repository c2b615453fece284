//! Shared fixtures: a fixed clock, zones by name, and a store in a fresh temporary directory.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use loadline_core::interruptions::{Draft, Interruption, NewInterruption};
use loadline_core::store::Store;
use tempfile::TempDir;

pub const BERLIN: Tz = chrono_tz::Europe::Berlin;

pub fn utc(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).expect("test instants are RFC 3339").with_timezone(&Utc)
}

/// An entry logged in `zone` at local time `at` (`YYYY-MM-DDTHH:MM`), reactive, not delegable.
pub fn entry(zone: Tz, at: &str, minutes: u32) -> NewInterruption {
    Draft {
        channel: "page".into(),
        minutes: Some(minutes.into()),
        at: Some(at.into()),
        tz: Some(zone.name().into()),
        ..Draft::default()
    }
    .resolve(utc("2030-01-01T00:00:00Z"), zone)
    .expect("test entries are valid")
}

pub struct TempStore {
    pub dir: TempDir,
    pub store: Store,
}

pub fn temp_store() -> TempStore {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = Store::open(dir.path()).expect("a new store opens");
    TempStore { dir, store }
}

impl TempStore {
    pub fn log(&mut self, e: NewInterruption) -> Interruption {
        self.store.log(&[e], utc("2026-11-25T12:00:00Z")).expect("logging works").remove(0)
    }
}

/// What capture is told in its tests: November 2026 in Berlin, seen at noon on the 25th.
pub fn capture_options(me: Option<&str>) -> loadline_core::capture::Options {
    loadline_core::capture::Options {
        me: me.map(str::to_owned),
        from: utc("2026-11-01T00:00:00Z"),
        to: utc("2026-12-01T00:00:00Z"),
        zone: BERLIN,
        max_page_minutes: loadline_core::capture::DEFAULT_MAX_PAGE_MINUTES,
        now: utc("2026-11-25T12:00:00Z"),
    }
}

/// A file under `tests/fixtures/capture/`.
pub fn capture_fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/capture/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}
