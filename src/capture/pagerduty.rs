//! PagerDuty, read from the JSON its REST API and its webhooks write: the incident list saved
//! from `GET /incidents` (`{"incidents": [...]}`), log entries saved from `GET /log_entries`
//! (`{"log_entries": [...]}`, of which the `notify_log_entry`s say who was reached and when), and
//! webhook V3 payloads (`{"event": {...}}`) saved as an array or one per line.
//!
//! An incident becomes one page, whichever shape it came in: its `external_id` is the incident id,
//! so the same incident read from two shapes never doubles. It starts when it first reached the
//! person (an assignment or a notification to them; without `--me`, or when only an
//! acknowledgement says it was theirs, at the trigger), lasts until it was resolved (still open:
//! until now), at least `MIN_PAGE_MINUTES` and at most `Options::max_page_minutes`. Its source is
//! the service, its severity the priority (P1–P4) or else the urgency (`severity_of`). The file is
//! read whole before anything is found: a malformed record refuses the file, naming the record
//! and the field (`incidents[3].created_at`, `line 4: event.occurred_at`). A field this reader
//! uses may appear only once in its object (serde's derive refuses a duplicate); the many fields
//! it does not use are skipped unread.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::de::{self, Deserializer};
use serde::Deserialize;

use super::mapped::severity_named;
use super::{Event, Found, Kind, Options, Skip, MIN_PAGE_MINUTES};
use crate::error::{quoted, Error, Result};
use crate::interruptions::Severity;

/// Reads one PagerDuty file: an incident list, log entries, or webhook V3 events.
pub fn read(text: &str, opts: &Options) -> Result<Found> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let me = opts.me.as_deref().map(Me::new);
    let me = me.as_ref();
    let pages = if text.trim_start().starts_with('[') {
        let events: Vec<Envelope> = typed(text, None)?;
        webhook_pages(events.into_iter().enumerate().map(|(n, e)| (format!("[{n}]."), e.event)), me)?
    } else if one_per_line(text) {
        let mut events = Vec::new();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            events.push((format!("line {}: ", n + 1), typed::<Envelope>(line, Some(n + 1))?.event));
        }
        webhook_pages(events.into_iter(), me)?
    } else {
        let top: Top = typed(text, None)?;
        if let Some(incidents) = top.incidents {
            incident_pages(incidents, me)
        } else if let Some(entries) = top.log_entries {
            log_entry_pages(entries, me)?
        } else if let Some(event) = top.event {
            webhook_pages(std::iter::once((String::new(), event)), me)?
        } else {
            return Err(Error::invalid(
                "file",
                "this is not a PagerDuty export: expected the incident list of GET /incidents ({\"incidents\": [...]}), \
                 log entries ({\"log_entries\": [...]}) or webhook V3 events ({\"event\": {...}}, as an array or one per line)",
            ));
        }
    };
    let mut found = Found::default();
    for page in pages {
        page.finish(me, opts, &mut found);
    }
    found.events.sort_by(|a, b| (a.start, &a.external_id).cmp(&(b.start, &b.external_id)));
    Ok(found)
}

/// Whether `text` holds one JSON value a line (webhook events saved as they came): its first
/// line is a whole value, and more follows.
fn one_per_line(text: &str) -> bool {
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else { return false };
    first.len() < text.trim().len() && serde_json::from_str::<de::IgnoredAny>(first).is_ok()
}

/// The severity of a page: its priority when that is P1–P4 (or a word `severity_named` knows),
/// else its urgency in the words of PagerDuty's default priorities, whose P2 is "High" and P4
/// "Low": high → P2, low → P4.
pub fn severity_of(priority: Option<&str>, urgency: Option<&str>) -> Severity {
    if let Some(s) = priority.and_then(severity_named) {
        return s;
    }
    match urgency.map(|u| u.trim().to_ascii_lowercase()).as_deref() {
        Some("high") => Severity::P2,
        Some("low") => Severity::P4,
        _ => Severity::None,
    }
}

/// How long a page lasts from `start`: until `end` (unknown: until now), in whole minutes rounded
/// up, at least `MIN_PAGE_MINUTES` and at most `opts.max_page_minutes`.
pub(crate) fn page_minutes(start: DateTime<Utc>, end: Option<DateTime<Utc>>, opts: &Options) -> u32 {
    let longest = opts.max_page_minutes.max(MIN_PAGE_MINUTES);
    let seconds = (end.unwrap_or(opts.now) - start).num_seconds().max(0);
    u32::try_from((seconds + 59) / 60).unwrap_or(u32::MAX).clamp(MIN_PAGE_MINUTES, longest)
}

/// Whether an event starting at `start` is kept: not after `opts.now` (else `Future`), and in
/// `[from, to)` (else `OutOfRange`); a skipped one is counted in `found`.
pub(crate) fn admit(found: &mut Found, start: DateTime<Utc>, opts: &Options) -> bool {
    let why = if start > opts.now {
        Skip::Future
    } else if start < opts.from || start >= opts.to {
        Skip::OutOfRange
    } else {
        return true;
    };
    found.skip(why);
    false
}

/// `t` floored to the whole minute: entries start on a minute.
pub(crate) fn whole_minute(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(t.timestamp().div_euclid(60) * 60, 0).unwrap_or(t)
}

/// The person as `--me` names them: a user id, name or email, compared without case.
struct Me(String);

impl Me {
    fn new(me: &str) -> Me {
        Me(me.trim().to_lowercase())
    }
}

/// A user as PagerDuty refers to one (`{"id", "summary"}`), or in full (`name`, `email`) when the
/// export asked for `include[]=users`.
#[derive(Deserialize)]
struct User {
    id: Option<String>,
    summary: Option<String>,
    name: Option<String>,
    email: Option<String>,
}

impl User {
    fn is(&self, me: &Me) -> bool {
        [&self.id, &self.summary, &self.name, &self.email]
            .into_iter()
            .flatten()
            .map(|v| v.trim())
            .any(|v| v.eq_ignore_ascii_case(&me.0) || (!v.is_ascii() && v.to_lowercase() == me.0))
    }
}

/// A reference with a name: a service, a priority.
#[derive(Deserialize)]
struct Named {
    summary: Option<String>,
    name: Option<String>,
}

impl Named {
    fn text(&self) -> Option<&str> {
        self.summary.as_deref().or(self.name.as_deref()).map(str::trim).filter(|s| !s.is_empty())
    }
}

/// An RFC 3339 instant, refused with a message that says what to write.
struct Instant(DateTime<Utc>);

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(text.trim()).map(|t| Instant(t.with_timezone(&Utc))).map_err(|_| {
            de::Error::custom(format!("{} is not an RFC 3339 time such as 2026-11-18T23:30:00Z", quoted(&text)))
        })
    }
}

#[derive(Deserialize)]
struct Top {
    incidents: Option<Vec<Incident>>,
    log_entries: Option<Vec<LogEntry>>,
    event: Option<WebhookEvent>,
}

#[derive(Deserialize)]
struct Incident {
    id: String,
    incident_number: Option<u64>,
    title: Option<String>,
    summary: Option<String>,
    created_at: Instant,
    status: Option<String>,
    urgency: Option<String>,
    priority: Option<Named>,
    service: Option<Named>,
    #[serde(default)]
    assignments: Vec<Assignment>,
    #[serde(default)]
    acknowledgements: Vec<Acknowledgement>,
    resolved_at: Option<Instant>,
    last_status_change_at: Option<Instant>,
}

#[derive(Deserialize)]
struct Assignment {
    at: Option<Instant>,
    assignee: User,
}

#[derive(Deserialize)]
struct Acknowledgement {
    acknowledger: User,
}

#[derive(Deserialize)]
struct LogEntry {
    #[serde(rename = "type")]
    kind: String,
    created_at: Instant,
    user: Option<User>,
    agent: Option<User>,
    #[serde(default)]
    assignees: Vec<User>,
    channel: Option<Channel>,
    incident: Option<IncidentRef>,
    service: Option<Named>,
}

#[derive(Deserialize)]
struct Channel {
    #[serde(rename = "type")]
    kind: Option<String>,
}

/// An incident as a log entry or a webhook event names it: a reference, or the whole incident.
#[derive(Deserialize)]
struct IncidentRef {
    id: String,
    summary: Option<String>,
    title: Option<String>,
    urgency: Option<String>,
    priority: Option<Named>,
    service: Option<Named>,
}

#[derive(Deserialize)]
struct Envelope {
    event: WebhookEvent,
}

#[derive(Deserialize)]
struct WebhookEvent {
    event_type: String,
    occurred_at: Instant,
    agent: Option<User>,
    data: Option<WebhookData>,
}

/// An incident event's `data`: the incident itself (`"type": "incident"`), or for events about
/// something of an incident (a responder added, a note) that thing, with the incident beside it.
#[derive(Deserialize)]
struct WebhookData {
    id: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    title: Option<String>,
    created_at: Option<Instant>,
    urgency: Option<String>,
    priority: Option<Named>,
    service: Option<Named>,
    #[serde(default)]
    assignees: Vec<User>,
    user: Option<User>,
    incident: Option<IncidentRef>,
}

/// One incident as the shapes of a file tell it, before it becomes an event.
struct Page {
    id: String,
    title: Option<String>,
    source: Option<String>,
    severity: Severity,
    trigger: Option<DateTime<Utc>>,
    reached_me: Option<DateTime<Utc>>,
    reached_anyone: Option<DateTime<Utc>>,
    /// Assigned to, notified to or acknowledged by the person.
    mine: bool,
    resolved: Option<DateTime<Utc>>,
    /// When and how the first notification reached the person (`sms`, `phone`, …).
    how: Option<(DateTime<Utc>, String)>,
}

impl Page {
    fn new(id: String) -> Page {
        Page {
            id,
            title: None,
            source: None,
            severity: Severity::None,
            trigger: None,
            reached_me: None,
            reached_anyone: None,
            mine: false,
            resolved: None,
            how: None,
        }
    }

    fn reached(&mut self, at: Option<DateTime<Utc>>, to_me: bool) {
        self.reached_anyone = earliest(self.reached_anyone, at);
        if to_me {
            self.mine = true;
            self.reached_me = earliest(self.reached_me, at);
        }
    }

    /// What an incident reference or snapshot says of the incident, where it says anything.
    fn learn(&mut self, title: Option<&str>, service: Option<&Named>, priority: Option<&Named>, urgency: Option<&str>) {
        if let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) {
            self.title = Some(title.to_owned());
        }
        if let Some(source) = service.and_then(Named::text) {
            self.source = Some(source.to_owned());
        }
        let severity = severity_of(priority.and_then(Named::text), urgency);
        if severity != Severity::None {
            self.severity = severity;
        }
    }

    fn finish(self, me: Option<&Me>, opts: &Options, found: &mut Found) {
        if me.is_some() && !self.mine {
            return found.skip(Skip::NotMe);
        }
        let reached = if me.is_some() { self.reached_me } else { None };
        let Some(start) = reached.or(self.trigger).or(self.reached_anyone) else { return };
        if !admit(found, start, opts) {
            return;
        }
        let start = whole_minute(start);
        let mut title = self.title.unwrap_or_else(|| format!("PagerDuty incident {}", self.id));
        if let Some((_, how)) = self.how {
            title = format!("{title} (by {})", how.replace('_', " "));
        }
        found.events.push(Event {
            kind: Kind::Pagerduty,
            minutes: page_minutes(start, self.resolved, opts),
            external_id: self.id,
            title,
            start,
            zone: opts.zone,
            channel: "page".into(),
            source: self.source,
            severity: self.severity,
            chosen: false,
        });
    }
}

fn earliest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn incident_pages(incidents: Vec<Incident>, me: Option<&Me>) -> Vec<Page> {
    let mut seen = std::collections::HashSet::new();
    let mut pages = Vec::with_capacity(incidents.len());
    for i in incidents {
        if !seen.insert(i.id.clone()) {
            continue;
        }
        let mut page = Page::new(i.id);
        let title = i.title.as_deref().or(i.summary.as_deref());
        let numbered = match (i.incident_number, title) {
            (Some(n), Some(t)) => Some(format!("#{n} {}", t.trim())),
            (_, t) => t.map(str::to_owned),
        };
        page.learn(numbered.as_deref(), i.service.as_ref(), i.priority.as_ref(), i.urgency.as_deref());
        page.trigger = Some(i.created_at.0);
        for a in &i.assignments {
            page.reached(a.at.as_ref().map(|t| t.0), me.is_some_and(|m| a.assignee.is(m)));
        }
        // An acknowledgement says it was theirs, not when it reached them: the trigger stands.
        page.mine |= me.is_some_and(|m| i.acknowledgements.iter().any(|a| a.acknowledger.is(m)));
        page.resolved = i.resolved_at.map(|t| t.0).or(match i.status.as_deref() {
            Some("resolved") => i.last_status_change_at.map(|t| t.0),
            _ => None,
        });
        pages.push(page);
    }
    pages
}

fn log_entry_pages(entries: Vec<LogEntry>, me: Option<&Me>) -> Result<Vec<Page>> {
    let mut pages: HashMap<String, (Page, bool)> = HashMap::new();
    for (n, e) in entries.into_iter().enumerate() {
        let Some(incident) = e.incident else {
            if e.kind == "notify_log_entry" {
                return Err(Error::invalid(
                    format!("log_entries[{n}].incident"),
                    "missing: a notification names the incident it was for",
                ));
            }
            continue;
        };
        let (page, notified) =
            pages.entry(incident.id.clone()).or_insert_with(|| (Page::new(incident.id.clone()), false));
        let service = incident.service.as_ref().or(e.service.as_ref());
        let title = incident.title.as_deref().or(incident.summary.as_deref());
        page.learn(title, service, incident.priority.as_ref(), incident.urgency.as_deref());
        let at = Some(e.created_at.0);
        let is_me = |u: &Option<User>| me.is_some_and(|m| u.as_ref().is_some_and(|u| u.is(m)));
        match e.kind.as_str() {
            "trigger_log_entry" => page.trigger = earliest(page.trigger, at),
            "notify_log_entry" => {
                *notified = true;
                let to_me = is_me(&e.user);
                if let Some(how) = e.channel.and_then(|c| c.kind).filter(|_| to_me) {
                    if page.how.as_ref().is_none_or(|(first, _)| e.created_at.0 < *first) {
                        page.how = Some((e.created_at.0, how));
                    }
                }
                page.reached(at, to_me);
            }
            "assign_log_entry" => page.reached(at, me.is_some_and(|m| e.assignees.iter().any(|u| u.is(m)))),
            "acknowledge_log_entry" => page.mine |= is_me(&e.agent),
            "resolve_log_entry" => page.resolved = page.resolved.max(at),
            _ => {}
        }
    }
    // An incident no one was notified of, or assigned to the person, paged nobody.
    Ok(pages.into_values().filter(|(p, notified)| *notified || p.mine).map(|(p, _)| p).collect())
}

/// Webhook events, each after the name of its record (`[3].`, `line 4: `), folded by incident.
fn webhook_pages(events: impl Iterator<Item = (String, WebhookEvent)>, me: Option<&Me>) -> Result<Vec<Page>> {
    let mut pages: HashMap<String, Page> = HashMap::new();
    for (record, e) in events {
        let Some(what) = e.event_type.strip_prefix("incident.") else { continue };
        let Some(data) = e.data else { continue };
        let at = Some(e.occurred_at.0);
        let snapshot = data.kind.as_deref() == Some("incident");
        let id = if snapshot { data.id.clone() } else { data.incident.as_ref().map(|i| i.id.clone()) };
        let Some(id) = id else {
            return Err(Error::invalid(
                format!("{record}event.data.id"),
                "missing: an incident event names its incident",
            ));
        };
        let page = pages.entry(id.clone()).or_insert_with(|| Page::new(id));
        if snapshot {
            page.learn(data.title.as_deref(), data.service.as_ref(), data.priority.as_ref(), data.urgency.as_deref());
            page.trigger = earliest(page.trigger, data.created_at.as_ref().map(|t| t.0));
            let to_me = me.is_some_and(|m| data.assignees.iter().any(|u| u.is(m)));
            if to_me || what == "triggered" {
                page.reached(at, to_me);
            }
        } else if let Some(i) = &data.incident {
            let title = i.title.as_deref().or(i.summary.as_deref());
            page.learn(title, i.service.as_ref(), i.priority.as_ref(), i.urgency.as_deref());
        }
        match what {
            "triggered" => page.trigger = earliest(page.trigger, at),
            "responder.added" if me.is_some_and(|m| data.user.as_ref().is_some_and(|u| u.is(m))) => {
                page.reached(at, true)
            }
            "acknowledged" => page.mine |= me.is_some_and(|m| e.agent.as_ref().is_some_and(|u| u.is(m))),
            "resolved" => page.resolved = page.resolved.max(at),
            "reopened" => page.resolved = None,
            _ => {}
        }
    }
    Ok(pages.into_values().collect())
}

/// `text` read as `T`; `line` (1-based) when it is one line of a file. An error names the field
/// by its path (`incidents[3].created_at`), after the line if there is one, and says where in the
/// text it is.
fn typed<'de, T: Deserialize<'de>>(text: &'de str, line: Option<usize>) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if !inner.is_data() {
            return syntax(&inner, line);
        }
        let path = path.trim_start_matches('.');
        let field = match (line, path) {
            (None, "") => "file".to_owned(),
            (None, path) => path.to_owned(),
            (Some(n), "") => format!("line {n}"),
            (Some(n), path) => format!("line {n}: {path}"),
        };
        let at = match line {
            None => format!("line {}, column {}", inner.line(), inner.column()),
            Some(_) => format!("column {}", inner.column()),
        };
        Error::invalid(field, format!("{} ({at})", message(&inner)))
    })?;
    de.end().map_err(|e| syntax(&e, line))?;
    Ok(value)
}

/// A JSON syntax error, where it is: the line and column of the file, or of its line `line`.
fn syntax(e: &serde_json::Error, line: Option<usize>) -> Error {
    match line {
        Some(n) => {
            Error::invalid(format!("line {n}"), format!("not valid JSON at column {}: {}", e.column(), message(e)))
        }
        None => Error::invalid("file", format!("not valid JSON: {e}")),
    }
}

/// serde_json's message without its " at line L column C", which the field already places.
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => text,
    }
}
