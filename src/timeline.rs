//! What was in force when: every edit of the schedule or of a non-negotiable is a new version
//! with a valid-from instant, so a past week keeps the classification it had when it was lived.
//! A version valid from `None` holds from the beginning of time (the person's first settings).

use chrono::{DateTime, Utc};

use crate::boundaries::Boundary;
use crate::schedule::Schedule;

#[derive(Clone, Debug, PartialEq)]
pub struct Versioned<T> {
    pub valid_from: Option<DateTime<Utc>>,
    pub value: T,
}

/// One version of a non-negotiable; `None` means it was removed from `valid_from` on.
pub type BoundaryVersion = Versioned<Option<Boundary>>;

#[derive(Clone, Debug, PartialEq)]
pub struct BoundaryHistory {
    pub id: i64,
    /// In the order they were made.
    pub versions: Vec<BoundaryVersion>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// In the order they were made; never empty.
    schedules: Vec<Versioned<Schedule>>,
    pub boundaries: Vec<BoundaryHistory>,
}

/// The version in force at `t`: the latest valid-from not after `t`; `max_by_key` keeps the last
/// of equal keys, so of two edits at the same instant the later one wins.
fn in_force<T>(versions: &[Versioned<T>], t: DateTime<Utc>) -> Option<&T> {
    versions.iter().filter(|v| v.valid_from.is_none_or(|from| from <= t)).max_by_key(|v| v.valid_from).map(|v| &v.value)
}

impl Timeline {
    /// Until the person's first settings the product defaults hold, from the beginning of time.
    pub fn new(mut schedules: Vec<Versioned<Schedule>>, boundaries: Vec<BoundaryHistory>) -> Timeline {
        if !schedules.iter().any(|v| v.valid_from.is_none()) {
            schedules.insert(0, Versioned { valid_from: None, value: Schedule::default() });
        }
        Timeline { schedules, boundaries }
    }

    pub fn schedule_at(&self, t: DateTime<Utc>) -> &Schedule {
        in_force(&self.schedules, t).expect("a version valid from the beginning of time always exists")
    }

    pub fn schedules(&self) -> &[Versioned<Schedule>] {
        &self.schedules
    }

    /// A non-negotiable as it stood at `t`; `None` if it did not exist then or was removed.
    pub fn boundary_at(&self, id: i64, t: DateTime<Utc>) -> Option<&Boundary> {
        let history = self.boundaries.iter().find(|b| b.id == id)?;
        in_force(&history.versions, t)?.as_ref()
    }

    /// A non-negotiable as it is shown for `t`: the version in force then; if it had been removed
    /// by then, its last version before that; if it was declared later (an entry marked as
    /// costing it before it existed), its first. Every view of a past week names it this way.
    pub fn boundary_as_of(&self, id: i64, t: DateTime<Utc>) -> Option<&Boundary> {
        let history = self.boundaries.iter().find(|b| b.id == id)?;
        let declared = || history.versions.iter().filter_map(|v| v.value.as_ref());
        in_force(&history.versions, t).and_then(Option::as_ref).or_else(|| {
            let before = history.versions.iter().filter(|v| v.valid_from.is_none_or(|from| from <= t));
            before.filter_map(|v| v.value.as_ref()).next_back().or_else(|| declared().next())
        })
    }

    /// Non-negotiables that exist (declared, not removed) at `t`, paused ones included.
    pub fn boundaries_at(&self, t: DateTime<Utc>) -> impl Iterator<Item = (i64, &Boundary)> + '_ {
        self.boundaries.iter().filter_map(move |h| Some((h.id, in_force(&h.versions, t)?.as_ref()?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::LoadLine;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn the_version_in_force_is_the_latest_one_not_after_the_instant() {
        let with_line = |n| Schedule { load_line: LoadLine { sacrifices: n, minutes: 120 }, ..Schedule::default() };
        let t = Timeline::new(
            vec![
                Versioned { valid_from: None, value: with_line(2) },
                Versioned { valid_from: Some(at("2026-11-18T12:00:00Z")), value: with_line(5) },
                Versioned { valid_from: Some(at("2026-11-18T12:00:00Z")), value: with_line(6) },
            ],
            vec![],
        );
        assert_eq!(t.schedule_at(at("1970-01-01T00:00:00Z")).load_line.sacrifices, 2);
        assert_eq!(t.schedule_at(at("2026-11-18T11:59:59Z")).load_line.sacrifices, 2);
        assert_eq!(t.schedule_at(at("2026-11-18T12:00:00Z")).load_line.sacrifices, 6, "the later edit wins a tie");
    }

    #[test]
    fn no_schedule_means_the_defaults() {
        assert_eq!(*Timeline::new(vec![], vec![]).schedule_at(at("2026-01-01T00:00:00Z")), Schedule::default());
    }
}
