//! Automatic daily backups: one a day, seven kept, and a restore that sets the current file
//! aside rather than deleting it.

use std::fs;

use chrono::NaiveDate;
use loadline_core::backups::{self, KEEP};
use loadline_core::store::{Store, DB_FILE};
use loadline_core::usecases;
use loadline_core::Error;

use crate::support::{entry, temp_store, utc, BERLIN};

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, n).unwrap()
}

#[test]
fn one_backup_a_day_and_only_the_last_seven_are_kept() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-11-18T23:30", 45));
    let first = usecases::backups::take_daily(&t.store, t.dir.path(), day(1)).unwrap();
    assert!(first.is_some());
    assert!(usecases::backups::take_daily(&t.store, t.dir.path(), day(1)).unwrap().is_none(), "once a day");
    for d in 2..=10 {
        usecases::backups::take_daily(&t.store, t.dir.path(), day(d)).unwrap();
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
    let backup = usecases::backups::take_daily(&t.store, t.dir.path(), day(18)).unwrap().unwrap();
    t.log(entry(BERLIN, "2026-11-19T23:30", 45));
    drop(t.store);
    let aside = usecases::backups::restore(t.dir.path(), &backup, utc("2026-11-20T08:00:00Z")).unwrap().unwrap();
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
    let backup = usecases::backups::take_daily(&t.store, t.dir.path(), day(18)).unwrap().unwrap();
    drop(t.store);
    let garbage = b"not a database".repeat(500);
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(t.dir.path().join(format!("{DB_FILE}{suffix}")));
    }
    fs::write(t.dir.path().join(DB_FILE), &garbage).unwrap();
    assert!(matches!(Store::open(t.dir.path()), Err(Error::Damaged { .. })));
    let aside = usecases::backups::restore(t.dir.path(), &backup, utc("2026-11-20T08:00:00Z")).unwrap().unwrap();
    assert_eq!(fs::read(aside).unwrap(), garbage, "the damaged file is kept as it was");
    assert_eq!(Store::open(t.dir.path()).unwrap().count().unwrap(), 1);
}

#[test]
fn a_broken_backup_is_refused_and_nothing_moves() {
    let t = temp_store();
    let bad = t.dir.path().join("broken.db");
    fs::write(&bad, b"garbage".repeat(1000)).unwrap();
    let e = usecases::backups::restore(t.dir.path(), &bad, utc("2026-11-20T08:00:00Z")).unwrap_err();
    assert!(matches!(e, Error::RestoreFailed { .. }), "{e}");
    assert!(e.to_string().contains("not a Loadline database"), "{e}");
    assert!(t.dir.path().join(DB_FILE).exists());
    assert_eq!(
        fs::read_dir(t.dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().contains("set-aside"))
            .count(),
        0
    );
}

const NOW: &str = "2026-11-20T08:00:00Z";

fn notes(dir: &std::path::Path) -> Vec<String> {
    let store = Store::open(dir).unwrap();
    store.interruptions(None).unwrap().into_iter().map(|i| i.entry.note).collect()
}

fn set_aside_files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("set-aside") && !n.ends_with("-wal") && !n.ends_with("-shm"))
        .collect();
    names.sort();
    names
}

fn noted(note: &str) -> loadline_core::interruptions::NewInterruption {
    let mut e = entry(BERLIN, "2026-11-18T23:30", 45);
    e.note = note.into();
    e
}

#[test]
fn the_live_file_itself_is_refused_by_any_name_and_nothing_changes() {
    let mut t = temp_store();
    t.log(noted("mine"));
    drop(t.store);
    let live = t.dir.path().join(DB_FILE);
    let link = t.dir.path().join("link.db");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&live, &link).unwrap();
    let dotted = t.dir.path().join("backups").join("..").join(DB_FILE);
    fs::create_dir_all(t.dir.path().join("backups")).unwrap();
    for name in [&live, &link, &dotted] {
        let e = usecases::backups::restore(t.dir.path(), name, utc(NOW)).unwrap_err();
        assert!(e.to_string().contains("is the database in use itself"), "{e}");
        assert!(e.to_string().contains(&live.display().to_string()), "says where the record is: {e}");
    }
    assert_eq!(notes(t.dir.path()), ["mine"]);
    assert!(set_aside_files(t.dir.path()).is_empty());
}

#[test]
fn two_restores_in_one_second_keep_both_set_aside_files() {
    let mut t = temp_store();
    t.log(noted("first"));
    let backup = usecases::backups::take_daily(&t.store, t.dir.path(), day(18)).unwrap().unwrap();
    t.log(noted("second"));
    drop(t.store);
    let a = usecases::backups::restore(t.dir.path(), &backup, utc(NOW)).unwrap().unwrap();
    let b = usecases::backups::restore(t.dir.path(), &backup, utc(NOW)).unwrap().unwrap();
    assert_ne!(a, b);
    assert_eq!(set_aside_files(t.dir.path()).len(), 2);
    let count = |p: &std::path::Path| -> i64 {
        rusqlite::Connection::open(p)
            .unwrap()
            .query_row("SELECT count(*) FROM interruptions", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count(&a), 2, "the first set-aside file still holds both entries");
    assert_eq!(count(&b), 1);
}

#[test]
fn a_backup_whose_last_commits_are_in_its_wal_is_restored_whole() {
    let source = tempfile::tempdir().unwrap();
    let mut store = Store::open(source.path()).unwrap();
    // Keep every commit in the WAL, as a copy taken while the app ran has it.
    rusqlite::Connection::open(source.path().join(DB_FILE))
        .unwrap()
        .execute_batch("PRAGMA wal_autocheckpoint=0")
        .unwrap();
    store.log(&[noted("in the wal")], utc(NOW)).unwrap();
    let copies = tempfile::tempdir().unwrap();
    let copy = copies.path().join("copy.db");
    fs::copy(source.path().join(DB_FILE), &copy).unwrap();
    fs::copy(source.path().join(format!("{DB_FILE}-wal")), copies.path().join("copy.db-wal")).unwrap();
    assert!(fs::metadata(copies.path().join("copy.db-wal")).unwrap().len() > 0, "the commit is in the WAL");

    let target = tempfile::tempdir().unwrap();
    drop(Store::open(target.path()).unwrap());
    usecases::backups::restore(target.path(), &copy, utc(NOW)).unwrap();
    assert_eq!(notes(target.path()), ["in the wal"]);
}

#[test]
fn a_restore_while_another_loadline_has_the_store_open_is_refused() {
    let mut t = temp_store();
    t.log(noted("held"));
    let backup = usecases::backups::take_daily(&t.store, t.dir.path(), day(18)).unwrap().unwrap();
    t.log(noted("acknowledged while the app runs"));
    let e = usecases::backups::restore(t.dir.path(), &backup, utc(NOW)).unwrap_err();
    assert!(matches!(e, Error::InUse { .. }), "{e}");
    assert!(e.to_string().contains("your record is still in"), "{e}");
    assert!(set_aside_files(t.dir.path()).is_empty());
    t.log(noted("still writing"));
    drop(t.store);
    assert_eq!(notes(t.dir.path()), ["held", "acknowledged while the app runs", "still writing"]);
}

#[test]
fn another_programs_sqlite_file_is_refused_even_with_a_plausible_version() {
    let t = temp_store();
    let foreign = t.dir.path().join("foreign.db");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch("CREATE TABLE interruptions (id INTEGER); PRAGMA user_version = 3;").unwrap();
    drop(conn);
    drop(t.store);
    let e = usecases::backups::restore(t.dir.path(), &foreign, utc(NOW)).unwrap_err();
    assert!(e.to_string().contains("another program's SQLite file"), "{e}");
}

#[test]
fn a_missing_database_beside_its_backups_is_not_silently_replaced_by_an_empty_one() {
    let mut t = temp_store();
    t.log(noted("kept"));
    usecases::backups::take_daily(&t.store, t.dir.path(), day(18)).unwrap().unwrap();
    drop(t.store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(t.dir.path().join(format!("{DB_FILE}{suffix}")));
    }
    let e = Store::open(t.dir.path()).err().expect("refused");
    assert!(matches!(e, Error::Missing { .. }), "{e}");
    assert!(!t.dir.path().join(DB_FILE).exists(), "nothing was created");
}

#[test]
fn a_damaged_database_is_never_backed_up_over_a_good_backup() {
    let mut t = temp_store();
    for n in 0..200 {
        t.log(noted(&format!("entry {n} {}", "x".repeat(200))));
    }
    drop(t.store);
    let db = t.dir.path().join(DB_FILE);
    let mut bytes = fs::read(&db).unwrap();
    let page = 4096;
    assert!(bytes.len() > 4 * page);
    // A page in the middle of the file, not the header.
    for b in &mut bytes[3 * page + 100..3 * page + 400] {
        *b = 0xA5;
    }
    fs::write(&db, &bytes).unwrap();
    let store = Store::open(t.dir.path()).unwrap();
    assert!(matches!(store.quick_check(), Err(Error::Damaged { .. })));
    assert!(matches!(usecases::backups::take_daily(&store, t.dir.path(), day(19)), Err(Error::Damaged { .. })));
    assert!(backups::list(t.dir.path()).unwrap().is_empty());
}
