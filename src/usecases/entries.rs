//! Logging an interruption, editing, deleting, putting back and undoing one. Every way in (the
//! window, the quick-log, the tray's presets, flags, JSON on standard input) builds a `Draft`
//! and comes here: `Draft::resolve` checks it, the store writes it in one transaction.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::interruptions::{Draft, Interruption};
use crate::store::Store;
use crate::summary::Entry;

use super::home_zone;

/// Logs all of `drafts` or none of them; a batch names the bad entry (`entry 2: minutes`).
pub fn log(store: &mut Store, drafts: &[Draft], system_zone: Tz, now: DateTime<Utc>) -> Result<Vec<Entry>> {
    let zone = home_zone(store, None, system_zone)?;
    let many = drafts.len() > 1;
    let entries = drafts
        .iter()
        .enumerate()
        .map(|(n, d)| d.resolve(now, zone).map_err(|e| if many { e.within(&format!("entry {}", n + 1)) } else { e }))
        .collect::<Result<Vec<_>>>()?;
    let logged = store.log(&entries, now)?;
    let timeline = store.timeline()?;
    Ok(Entry::all(&logged, &timeline))
}

/// Logs one entry.
pub fn log_one(store: &mut Store, draft: &Draft, system_zone: Tz, now: DateTime<Utc>) -> Result<Entry> {
    let mut logged = log(store, std::slice::from_ref(draft), system_zone, now)?;
    Ok(logged.remove(0))
}

pub fn edit(store: &mut Store, id: i64, draft: &Draft, system_zone: Tz, now: DateTime<Utc>) -> Result<Entry> {
    let entry = draft.resolve(now, home_zone(store, None, system_zone)?)?;
    let updated = store.update(id, &entry)?;
    Ok(Entry::new(&updated, &store.timeline()?))
}

/// Deletes an entry; returns it whole, so it can be put back as it was.
pub fn delete(store: &mut Store, id: i64) -> Result<Interruption> {
    store.delete(id)
}

/// Takes back one log (the tray's "Undo last log"): only if `id` still holds the entry `uid`.
pub fn undo_log(store: &mut Store, id: i64, uid: &str) -> Result<Interruption> {
    store.delete_exact(id, uid)
}

/// Puts back an entry that was deleted, with its identity.
pub fn put_back(store: &mut Store, gone: &Interruption) -> Result<Entry> {
    let back = store.restore(gone)?;
    Ok(Entry::new(&back, &store.timeline()?))
}

/// Removes the most recently logged entry; `None` when there is none.
pub fn undo_last(store: &mut Store) -> Result<Option<Interruption>> {
    store.undo_last()
}

/// The entries behind a warning, newest first; deleted ones are skipped.
pub fn by_ids(store: &Store, ids: &[i64]) -> Result<Vec<Entry>> {
    let timeline = store.timeline()?;
    let mut found = Vec::new();
    for &id in ids {
        match store.get(id) {
            Ok(i) => found.push(i),
            Err(Error::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
    }
    // By instant: the entries' own RFC 3339 texts carry different offsets and do not sort.
    found.sort_by_key(|i| std::cmp::Reverse(i.entry.start));
    Ok(Entry::all(&found, &timeline))
}
