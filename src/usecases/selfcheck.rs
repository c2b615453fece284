//! Taking the monthly self-check, correcting a take the same day, and the view that sets the
//! takes beside the months' after-hours load.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::classify::Classifier;
use crate::error::{Error, Result};
use crate::selfcheck::{
    check_at, in_words, month_rows, months_up_to, questions, questions_for, Month, MonthLoad, Question, SelfCheckView,
    Take, TakeInput, TakeView, CITATION, HELP, NOT_A_DIAGNOSIS,
};
use crate::store::Store;
use crate::zone::parse_at;

use super::home_zone;

/// Keeps a take: its answers checked item by item, at `input.at` or now, in the home zone.
pub fn take(store: &mut Store, input: &TakeInput, system_zone: Tz, now: DateTime<Utc>) -> Result<TakeView> {
    let zone = home_zone(store, None, system_zone)?;
    let answers = input.answers()?;
    let at = match &input.at {
        Some(text) => parse_at("at", text, zone)?,
        None => now,
    };
    check_at(at, now)?;
    let kept = store.add_selfcheck(&Take {
        id: 0,
        uid: uuid::Uuid::new_v4().to_string(),
        at,
        zone,
        answers,
        updated_at: now,
    })?;
    Ok(TakeView::new(&kept, now, true))
}

/// Corrects a take's answers: only on the day it was taken, in its own zone.
pub fn correct(store: &mut Store, id: i64, input: &TakeInput, now: DateTime<Utc>) -> Result<TakeView> {
    let answers = input.answers()?;
    let kept = store.selfcheck(id)?;
    if !kept.correctable(now) {
        return Err(Error::invalid(
            "id",
            "a take can be corrected only on the day it was taken; take the self-check again instead",
        ));
    }
    if input.at.is_some() {
        return Err(Error::invalid("at", "stays when it was taken; a correction changes only the answers"));
    }
    Ok(TakeView::new(&store.correct_selfcheck(id, &answers, now)?, now, true))
}

/// Every take, newest first, with its scores.
pub fn takes(store: &Store, now: DateTime<Utc>) -> Result<Vec<TakeView>> {
    Ok(store.selfchecks()?.iter().map(|t| TakeView::new(t, now, false)).collect())
}

/// The questions to ask now: the client scale when it is turned on, in the person's word.
pub fn form(store: &Store) -> Result<Vec<Question>> {
    Ok(questions(store.prefs()?.selfcheck.client_word.as_deref()))
}

/// The questions a correction of take `id` asks: the scales it was asked, in the person's word.
pub fn correction_form(store: &Store, id: i64) -> Result<Vec<Question>> {
    let take = store.selfcheck(id)?;
    Ok(questions_for(&take.answers, store.prefs()?.selfcheck.client_word.as_deref()))
}

/// The last twelve months: each month's latest take beside its after-hours minutes and
/// sacrifices, the latest take in words, and the words that go with it.
pub fn view(store: &Store, system_zone: Tz, now: DateTime<Utc>) -> Result<SelfCheckView> {
    let zone = home_zone(store, None, system_zone)?;
    let months = months_up_to(now, zone);
    let (start, _) = months[0].bounds(zone);
    let (_, end) = months[months.len() - 1].bounds(zone);
    let entries = store.counted((start, end))?;
    let timeline = store.timeline()?;
    let mut classifier = Classifier::new(&timeline);
    let loads: Vec<_> = months
        .iter()
        .map(|m| {
            let (from, to) = m.bounds(zone);
            let mut load = MonthLoad::default();
            for i in entries.iter().filter(|i| i.entry.start >= from && i.entry.start < to) {
                let c = classifier.classify(&i.entry);
                load.after_hours_minutes += c.after_hours_minutes;
                load.sacrifices += u32::from(c.is_sacrifice());
            }
            (*m, load)
        })
        .collect();
    let takes = store.selfchecks()?;
    let last_take = takes.first().map(|t| t.at);
    Ok(SelfCheckView {
        months: month_rows(&loads, &takes, zone),
        latest: in_words(&takes, zone, now),
        takes: takes.iter().map(|t| TakeView::new(t, now, true)).collect(),
        not_a_diagnosis: NOT_A_DIAGNOSIS.into(),
        help: HELP.into(),
        citation: CITATION.into(),
        due: last_take.map(|t| Month::of(t, zone)) != Some(Month::of(now, zone)),
    })
}
