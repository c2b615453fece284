//! Declaring, editing, pausing and removing non-negotiables. Each edit is a new version from
//! now on, so past weeks keep what they had.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::boundaries::Boundary;
use crate::error::{quoted, Error, Result};
use crate::store::Store;

/// A non-negotiable as it stands now; a removed one is listed too, so past breaches keep a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BoundaryView {
    pub id: i64,
    #[serde(flatten)]
    pub boundary: Boundary,
    /// Removed from now on.
    pub removed: bool,
}

/// Every non-negotiable ever declared, as it stands now (a removed one as it last stood).
pub fn all(store: &Store, now: DateTime<Utc>) -> Result<Vec<BoundaryView>> {
    let timeline = store.timeline()?;
    Ok(timeline
        .boundaries
        .iter()
        .filter_map(|h| {
            let current = timeline.boundary_at(h.id, now);
            let shown = current.or_else(|| timeline.boundary_as_of(h.id, now))?;
            Some(BoundaryView { id: h.id, boundary: shown.clone(), removed: current.is_none() })
        })
        .collect())
}

/// Those in force now (paused ones included), by id.
pub fn in_force(store: &Store, now: DateTime<Utc>) -> Result<Vec<(i64, Boundary)>> {
    Ok(store.timeline()?.boundaries_at(now).map(|(id, b)| (id, b.clone())).collect())
}

/// One in force now, by id or by name (any case), as a person types it.
pub fn find(store: &Store, target: &str, now: DateTime<Utc>) -> Result<(i64, Boundary)> {
    let target = target.trim();
    in_force(store, now)?
        .into_iter()
        .find(|(id, b)| target.parse::<i64>().is_ok_and(|n| n == *id) || b.name.eq_ignore_ascii_case(target))
        .ok_or_else(|| Error::NotFound(format!("no non-negotiable {}; see `loadline boundary list`", quoted(target))))
}

/// Declares one; returns its id.
pub fn add(store: &mut Store, boundary: Boundary, now: DateTime<Utc>) -> Result<i64> {
    store.add_boundary(boundary, now)
}

pub fn edit(store: &mut Store, id: i64, boundary: Boundary, now: DateTime<Utc>) -> Result<()> {
    store.edit_boundary(id, Some(boundary), now)
}

/// Pauses (a vacation) or resumes one, keeping everything else as it stands.
pub fn set_paused(store: &mut Store, id: i64, paused: bool, now: DateTime<Utc>) -> Result<()> {
    let current = store
        .timeline()?
        .boundary_at(id, now)
        .cloned()
        .ok_or_else(|| Error::NotFound(format!("no non-negotiable with id {id}")))?;
    store.edit_boundary(id, Some(Boundary { paused, ..current }), now)
}

pub fn remove(store: &mut Store, id: i64, now: DateTime<Utc>) -> Result<()> {
    store.edit_boundary(id, None, now)
}
