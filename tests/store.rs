//! The store on real files: round trips, all-or-nothing writes, refusing what is not ours,
//! migrations from every earlier version, owner-only files, and two writers at once.

use std::fs;

use loadline_core::store::{Store, DB_FILE, MIGRATIONS};
use loadline_core::Error;
use rusqlite::Connection;

use crate::support::{entry, temp_store, utc, BERLIN};

#[test]
fn an_entry_round_trips_through_the_file() {
    let mut t = temp_store();
    let mut e = entry(BERLIN, "2026-11-18T23:30", 45);
    e.source = Some("db-primary".into());
    e.note = "Ünïcode ✓ and \"quotes\"".into();
    e.tags = vec!["db".into(), "night".into()];
    let logged = t.log(e.clone());
    drop(t.store);
    let reopened = Store::open(t.dir.path()).unwrap();
    let back = reopened.get(logged.id).unwrap();
    assert_eq!(back.entry, e);
    assert_eq!(back.uid, logged.uid);
}

#[test]
fn update_delete_restore_and_undo() {
    let mut t = temp_store();
    let a = t.log(entry(BERLIN, "2026-11-18T10:00", 10));
    let b = t.log(entry(BERLIN, "2026-11-18T11:00", 20));
    let updated = t.store.update(a.id, &entry(BERLIN, "2026-11-18T10:30", 15)).unwrap();
    assert_eq!(updated.entry.minutes, 15);
    let gone = t.store.delete(a.id).unwrap();
    assert!(matches!(t.store.get(a.id), Err(Error::NotFound(_))));
    t.store.restore(&gone).unwrap();
    assert_eq!(t.store.count().unwrap(), 2);
    // Undo removes the most recently logged entry: the restored one.
    let undone = t.store.undo_last().unwrap().unwrap();
    assert_eq!(undone.uid, a.uid);
    assert_eq!(t.store.undo_last().unwrap().unwrap().id, b.id);
    assert!(t.store.undo_last().unwrap().is_none());
    assert!(matches!(t.store.delete(999), Err(Error::NotFound(_))));
}

#[test]
fn a_batch_with_one_bad_entry_writes_nothing() {
    let mut t = temp_store();
    let good = entry(BERLIN, "2026-11-18T10:00", 10);
    let mut bad = entry(BERLIN, "2026-11-18T11:00", 10);
    bad.costs = vec![42];
    let err = t.store.log(&[good, bad], utc("2026-11-25T00:00:00Z")).unwrap_err();
    assert_eq!(err.to_string(), "entry 2: costs: there is no non-negotiable with id 42");
    assert_eq!(t.store.count().unwrap(), 0);
}

#[test]
fn entries_are_listed_by_start_within_a_range() {
    let mut t = temp_store();
    t.log(entry(BERLIN, "2026-11-20T10:00", 10));
    t.log(entry(BERLIN, "2026-11-16T10:00", 10));
    t.log(entry(BERLIN, "2026-11-23T00:00", 10));
    let week = "2026-W47".parse::<loadline_core::week::IsoWeek>().unwrap().bounds(BERLIN);
    let starts: Vec<String> =
        t.store.interruptions(Some(week)).unwrap().iter().map(|i| i.entry.start.to_rfc3339()).collect();
    assert_eq!(starts, vec!["2026-11-16T09:00:00+00:00", "2026-11-20T09:00:00+00:00"]);
}

fn bytes_of(dir: &std::path::Path) -> Vec<u8> {
    fs::read(dir.join(DB_FILE)).unwrap()
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let t = temp_store();
    drop(t.store);
    let conn = Connection::open(t.dir.path().join(DB_FILE)).unwrap();
    conn.pragma_update(None, "user_version", MIGRATIONS.len() as i64 + 1).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    let before = bytes_of(t.dir.path());
    let err = Store::open(t.dir.path()).err().expect("refused");
    assert!(matches!(err, Error::NewerDatabase { .. }), "{err}");
    assert!(err.to_string().contains("newer Loadline"), "{err}");
    assert_eq!(bytes_of(t.dir.path()), before);
}

#[test]
fn garbage_truncated_and_foreign_files_are_refused_and_left_untouched() {
    let good = temp_store();
    drop(good.store);
    let real = bytes_of(good.dir.path());
    let foreign = tempfile::tempdir().unwrap();
    Connection::open(foreign.path().join(DB_FILE)).unwrap().execute_batch("CREATE TABLE photos (id INTEGER)").unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", b"this is not a database at all, it is a note".repeat(200)),
        ("zeroed", vec![0; 8192]),
        ("truncated", real[..100].to_vec()),
        ("foreign", fs::read(foreign.path().join(DB_FILE)).unwrap()),
    ];
    for (what, bytes) in cases {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(DB_FILE), &bytes).unwrap();
        let err = Store::open(dir.path()).err().unwrap_or_else(|| panic!("{what}: opened"));
        assert!(matches!(err, Error::Damaged { .. }), "{what}: {err}");
        assert_eq!(bytes_of(dir.path()), bytes, "{what}: the file was changed");
    }
}

#[test]
fn a_database_of_every_earlier_version_migrates() {
    for version in 0..MIGRATIONS.len() {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        for sql in &MIGRATIONS[..version] {
            conn.execute_batch(sql).unwrap();
        }
        if version > 0 {
            conn.pragma_update(None, "application_id", 0x4C44_4C4E).unwrap();
        }
        conn.pragma_update(None, "user_version", version as i64).unwrap();
        drop(conn);
        let mut store = Store::open(dir.path()).unwrap_or_else(|e| panic!("from version {version}: {e}"));
        store.log(&[entry(BERLIN, "2026-11-18T10:00", 10)], utc("2026-11-25T00:00:00Z")).unwrap();
        let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        let now: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(now, MIGRATIONS.len() as i64);
    }
}

#[cfg(unix)]
#[test]
fn the_data_directory_and_database_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("fresh");
    let mut store = Store::open(&dir).unwrap();
    store.log(&[entry(BERLIN, "2026-11-18T10:00", 10)], utc("2026-11-25T00:00:00Z")).unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    for name in [DB_FILE, "loadline.db-wal"] {
        assert_eq!(mode(&dir.join(name)), 0o600, "{name}");
    }
}

#[test]
fn two_writers_at_once_lose_nothing_and_never_report_a_lock() {
    let t = temp_store();
    let dir = t.dir.path().to_path_buf();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&dir).unwrap();
                for i in 0..50 {
                    let mut e = entry(BERLIN, "2026-11-18T10:00", 10);
                    e.note = format!("writer {w} entry {i}");
                    store.log(&[e], utc("2026-11-25T00:00:00Z")).expect("no 'database is locked'");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    assert_eq!(t.store.count().unwrap(), 200);
}

#[test]
fn a_non_negotiable_must_exist_to_be_edited() {
    let mut t = temp_store();
    let err = t.store.edit_boundary(7, None, utc("2026-11-25T00:00:00Z")).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)));
}

#[test]
fn entries_read_ahead_arrive_in_order_and_a_consumers_error_stops_the_read() {
    let mut t = crate::support::temp_store();
    let entries: Vec<_> = (0..3000)
        .map(|n| {
            crate::support::entry(
                crate::support::BERLIN,
                &format!("2026-{:02}-{:02}T20:00", 1 + n / 280, 1 + n % 28),
                5,
            )
        })
        .collect();
    t.store.log(&entries, crate::support::utc("2026-12-01T12:00:00Z")).unwrap();
    let mut seen = Vec::new();
    t.store
        .each_entry_ahead(None, |e| {
            seen.push(e.start);
            Ok(())
        })
        .unwrap();
    assert_eq!(seen.len(), 3000);
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "by start, across batches");
    let mut n = 0;
    let stopped = t.store.each_entry_ahead(None, |_| {
        n += 1;
        if n == 1500 {
            Err(loadline_core::Error::invalid("tags", "stored value cannot be read"))
        } else {
            Ok(())
        }
    });
    assert!(stopped.unwrap_err().to_string().starts_with("tags:"));
    assert_eq!(n, 1500, "nothing after the error");
}

#[test]
fn undoing_a_log_never_takes_another_entry_that_reused_its_id() {
    use loadline_core::usecases::entries;
    let mut t = crate::support::temp_store();
    let first = t.log(crate::support::entry(crate::support::BERLIN, "2026-11-18T20:00", 15));
    // Undone from the terminal, then another entry logged: SQLite gives it the same row id.
    t.store.undo_last().unwrap();
    let second = t.log(crate::support::entry(crate::support::BERLIN, "2026-11-18T21:00", 25));
    assert_eq!(second.id, first.id, "the row id is reused");
    let e = entries::undo_log(&mut t.store, first.id, &first.uid).unwrap_err();
    assert!(e.to_string().contains("no longer the one logged"), "{e}");
    assert_eq!(t.store.count().unwrap(), 1, "the second entry is still there");
    entries::undo_log(&mut t.store, second.id, &second.uid).unwrap();
    assert_eq!(t.store.count().unwrap(), 0);
}
