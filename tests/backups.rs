//! Automatic daily backups: one a day, seven kept, and a restore that sets the current file
//! aside rather than deleting it.

use std::fs;

use chrono::NaiveDate;
use loadline_core::backups::{self, KEEP};
use loadline_core::store::{Store, DB_FILE};
use loadline_core::Error;

use crate::support::{entry, temp_store, utc, BERLIN};

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, n).unwrap()
}

#[test]
fn one_backup_a_day_and_only_the_last_seven_are_kept() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-11-18T23:30", 45));
    let first = backups::take_daily(&t.store, t.dir.path(), day(1)).unwrap();
    assert!(first.is_some());
    assert!(backups::take_daily(&t.store, t.dir.path(), day(1)).unwrap().is_none(), "once a day");
    for d in 2..=10 {
        backups::take_daily(&t.store, t.dir.path(), day(d)).unwrap();
    }
    let list = backups::list(t.dir.path()).unwrap();
    assert_eq!(list.len(), KEEP);
    assert_eq!(list[0].day, "2026-11-10");
    assert_eq!(list[KEEP - 1].day, "2026-11-04");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(&list[0].file).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn restoring_sets_the_current_file_aside_and_brings_the_backup_back() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-11-18T23:30", 45));
    let backup = backups::take_daily(&t.store, t.dir.path(), day(18)).unwrap().unwrap();
    t.log(entry(BERLIN, "2026-11-19T23:30", 45));
    drop(t.store);
    let aside = backups::restore(t.dir.path(), &backup, utc("2026-11-20T08:00:00Z")).unwrap();
    assert!(aside.exists(), "the previous database is kept");
    let store = Store::open(t.dir.path()).unwrap();
    assert_eq!(store.count().unwrap(), 1, "the backup's state");
    let kept: i64 = rusqlite::Connection::open(&aside)
        .unwrap()
        .query_row("SELECT count(*) FROM interruptions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 2, "the set-aside file still holds both");
}

#[test]
fn a_damaged_database_can_be_replaced_by_its_backup_and_is_never_overwritten() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-11-18T23:30", 45));
    let backup = backups::take_daily(&t.store, t.dir.path(), day(18)).unwrap().unwrap();
    drop(t.store);
    let garbage = b"not a database".repeat(500);
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(t.dir.path().join(format!("{DB_FILE}{suffix}")));
    }
    fs::write(t.dir.path().join(DB_FILE), &garbage).unwrap();
    assert!(matches!(Store::open(t.dir.path()), Err(Error::Damaged { .. })));
    let aside = backups::restore(t.dir.path(), &backup, utc("2026-11-20T08:00:00Z")).unwrap();
    assert_eq!(fs::read(aside).unwrap(), garbage, "the damaged file is kept as it was");
    assert_eq!(Store::open(t.dir.path()).unwrap().count().unwrap(), 1);
}

#[test]
fn a_broken_backup_is_refused_and_nothing_moves() {
    let t = temp_store();
    let bad = t.dir.path().join("broken.db");
    fs::write(&bad, b"garbage".repeat(1000)).unwrap();
    assert!(matches!(backups::restore(t.dir.path(), &bad, utc("2026-11-20T08:00:00Z")), Err(Error::Damaged { .. })));
    assert!(t.dir.path().join(DB_FILE).exists());
    assert_eq!(
        fs::read_dir(t.dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().contains("set-aside"))
            .count(),
        0
    );
}
