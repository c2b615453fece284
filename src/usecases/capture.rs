//! Capturing from files, and the inbox: accept (as found, or edited), dismiss.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::capture::inbox::{headline, suggest, CaptureReport, Suggestion, SuggestionEdit, SAME_TIME_MINUTES};
use crate::capture::mapped::Mapping;
use crate::capture::{detect, read, Kind, Options};
use crate::error::{quoted, Error, Result};
use crate::export::day;
use crate::prefs::Prefs;
use crate::store::Store;
use crate::summary::Entry;
use crate::zone::window_edge;

use super::home_zone;

/// How far back a capture looks when `--from` is not given.
pub const DEFAULT_WEEKS: i64 = 12;

/// What a person asked to capture.
#[derive(Clone, Debug, Default)]
pub struct CaptureRequest {
    pub paths: Vec<PathBuf>,
    /// Detected from each file when not given.
    pub kind: Option<Kind>,
    /// Kept per kind once given.
    pub me: Option<String>,
    /// Local days, `YYYY-MM-DD`, both inclusive; default: the last 12 weeks up to now.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The zone for instants without one (default: the home zone).
    pub tz: Option<String>,
    /// A mapping for CSV and JSON: a spec (`start=created_at,…`) or a saved name.
    pub map: Option<String>,
    /// Save `map` (a spec) under this name.
    pub save_map: Option<String>,
}

/// Reads every file whole first: a file that fails names itself and nothing is suggested from
/// any. Then each event is judged, and the new suggestions are kept in one transaction.
pub fn capture(
    store: &mut Store,
    request: &CaptureRequest,
    system_zone: Tz,
    now: DateTime<Utc>,
) -> Result<CaptureReport> {
    if request.paths.is_empty() {
        return Err(Error::invalid("files", "name at least one file, folder or repository to capture from"));
    }
    let zone = home_zone(store, request.tz.as_deref(), system_zone)?;
    let mut prefs = store.prefs()?;
    let mapping = mapping(&prefs, request)?;
    let today = now.with_timezone(&zone).date_naive();
    let edge = |d: chrono::NaiveDate| window_edge(zone, d.and_time(NaiveTime::MIN));
    let from = match &request.from {
        Some(text) => edge(day("from", text)?),
        None => edge(today - Duration::weeks(DEFAULT_WEEKS)),
    };
    let to = match &request.to {
        Some(text) => edge(day("to", text)? + Duration::days(1)),
        None => now + Duration::seconds(1),
    };
    if to <= from {
        return Err(Error::invalid("to", "is before --from"));
    }

    let mut read_all = Vec::new();
    for path in &request.paths {
        let label = path.display().to_string();
        let kind = kind_of(path, request.kind).map_err(|e| e.within(&label))?;
        let me = request.me.clone().or_else(|| prefs.capture.me.get(kind.name()).cloned());
        let opts = Options { me, from, to, zone, max_page_minutes: prefs.capture.max_page_minutes, now };
        let found = read(kind, path, &opts, mapping.as_ref()).map_err(|e| e.within(&label))?;
        read_all.push((kind, found));
    }

    let mut seen = store.captured()?;
    let timeline = store.timeline()?;
    let near = Duration::minutes(SAME_TIME_MINUTES);
    let logged = store.interruptions(Some((from - near, to + near)))?;
    let mut report = CaptureReport::new();
    for (_, found) in read_all.iter().cloned() {
        suggest(found, &timeline, &logged, &mut seen, now, &mut report);
    }
    report.suggestions = store.keep_suggestions(&report.suggestions, now)?;
    report.suggested = report.suggestions.len() as u32;
    report.said = report.summary();

    // What to remember: who the person is in this source, and a mapping to save.
    let mut remember = false;
    if let (Some(me), Some((kind, _))) = (&request.me, read_all.first()) {
        remember |=
            prefs.capture.me.insert(kind.name().to_string(), me.trim().to_string()).as_deref() != Some(me.trim());
    }
    if let (Some(name), Some(m)) = (&request.save_map, &mapping) {
        prefs.capture.maps.insert(name.trim().to_string(), m.spec());
        remember = true;
    }
    if remember {
        store.set_prefs(&prefs)?;
    }
    Ok(report)
}

/// The kind asked for, checked against what the file looks like; else what it looks like.
fn kind_of(path: &Path, asked: Option<Kind>) -> Result<Kind> {
    let looks = detect(path)?;
    match (asked, looks) {
        (Some(a), Some(l))
            if a != l && !(matches!(a, Kind::Csv | Kind::Json) && matches!(l, Kind::Csv | Kind::Json)) =>
        {
            Err(Error::invalid(
                "kind",
                format!("this looks like {}, not {}; use --kind {}", l.described(), a.described(), l.name()),
            ))
        }
        (Some(a), _) => Ok(a),
        (None, Some(l)) => Ok(l),
        (None, None) => Err(Error::invalid(
            "kind",
            "cannot tell what kind of file this is; give --kind pagerduty, ics, git, csv or json",
        )),
    }
}

fn mapping(prefs: &Prefs, request: &CaptureRequest) -> Result<Option<Mapping>> {
    let Some(map) = request.map.as_deref().map(str::trim) else {
        if request.save_map.is_some() {
            return Err(Error::invalid("save-map", "saves the mapping given with --map; give one"));
        }
        return Ok(None);
    };
    let spec = if map.contains('=') {
        map.to_string()
    } else {
        prefs.capture.maps.get(map).cloned().ok_or_else(|| {
            let saved: Vec<&str> = prefs.capture.maps.keys().map(String::as_str).collect();
            let known =
                if saved.is_empty() { "none is saved yet".to_string() } else { format!("saved: {}", saved.join(", ")) };
            Error::invalid(
                "map",
                format!("{} is neither a mapping (start=…,end=…) nor a saved name ({known})", quoted(map)),
            )
        })?
    };
    Mapping::parse(&spec).map(Some).map_err(|e| e.relabel("map"))
}

pub fn inbox(store: &Store) -> Result<Vec<Suggestion>> {
    store.inbox()
}

/// The inbox, with its headline ("5 found in your calendar") for the tray and the window.
#[derive(Debug, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Inbox {
    pub headline: Option<String>,
    pub suggestions: Vec<Suggestion>,
}

pub fn inbox_view(store: &Store) -> Result<Inbox> {
    let suggestions = store.inbox()?;
    Ok(Inbox { headline: headline(&suggestions), suggestions })
}

/// Accepts suggestions as found (`None`: all of them); returns the new entries.
pub fn accept(store: &mut Store, ids: Option<&[i64]>, system_zone: Tz, now: DateTime<Utc>) -> Result<Vec<Entry>> {
    let zone = home_zone(store, None, system_zone)?;
    let chosen = match ids {
        None => store.inbox()?,
        Some(ids) => ids.iter().map(|id| store.suggestion(*id)).collect::<Result<_>>()?,
    };
    let entries = chosen
        .iter()
        .map(|s| Ok((s.id, s.draft().resolve(now, zone).map_err(|e| e.within(&format!("suggestion {}", s.id)))?)))
        .collect::<Result<Vec<_>>>()?;
    let logged = store.accept_suggestions(&entries, now)?;
    Ok(Entry::all(&logged, &store.timeline()?))
}

/// Accepts one suggestion as the person edited it.
pub fn accept_edited(
    store: &mut Store,
    id: i64,
    edit: &SuggestionEdit,
    system_zone: Tz,
    now: DateTime<Utc>,
) -> Result<Entry> {
    let entry = store.suggestion(id)?.edited(edit).resolve(now, home_zone(store, None, system_zone)?)?;
    let mut logged = store.accept_suggestions(&[(id, entry)], now)?;
    Ok(Entry::new(&logged.remove(0), &store.timeline()?))
}

/// Dismisses suggestions (`None`: all of them); they are never suggested again.
pub fn dismiss(store: &mut Store, ids: Option<&[i64]>, now: DateTime<Utc>) -> Result<u32> {
    let ids: Vec<i64> = match ids {
        None => store.inbox()?.iter().map(|s| s.id).collect(),
        Some(ids) => ids.to_vec(),
    };
    store.dismiss_suggestions(&ids, now)?;
    Ok(ids.len() as u32)
}
