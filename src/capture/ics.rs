//! The calendar source: an iCalendar file (RFC 5545) as Google Calendar and Outlook/Exchange
//! export it, read into the meetings it holds. A time with a TZID keeps its wall clock in that
//! zone (IANA names, and Windows names mapped with CLDR's `windowsZones` table); recurring events
//! (RRULE, RDATE, EXDATE, and instances moved or cancelled by a RECURRENCE-ID) are expanded only
//! up to the end of the range asked for. The file is checked whole before anything is found: a
//! malformed one is refused naming its line and property, and gives no events.
//!
//! Recurrences are computed on the wall clock: the rule is expanded by `rrule` in a frame without
//! daylight saving time (the local times written as if they were UTC), and each local time is
//! then placed in its zone by `zone::window_edge`, the one DST policy of the core (a time that
//! occurs twice is the earlier; one that a spring-forward skips moves forward by the gap, as RFC
//! 5545 says). That is what RFC 5545 asks of a recurrence, and it keeps `rrule`'s known
//! difficulties across DST changes out of the way.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::parser::{read_calendar_simple, Component, Property};
use rrule::{RRule, Unvalidated};

use super::{Event, Found, Kind, Options, Skip};
use crate::error::{quoted, Error, Result};
use crate::interruptions::{Severity, MAX_MINUTES};
use crate::zone::window_edge;

/// The most instances one recurring event may have up to the end of the range: a daily meeting
/// since 1900 has about 46,000; a rule that recurs every second does not describe a meeting.
const MAX_INSTANCES: usize = 200_000;

/// The title of an event that has none, as Google Calendar shows it.
const NO_TITLE: &str = "(no title)";

/// Reads an iCalendar file: its meetings in `[opts.from, opts.to)`, and how many it skipped and
/// why. All or nothing: a malformed file is an `Invalid` error whose field names the line and the
/// property (`line 12: DTSTART`), and no event.
///
/// - The person (`opts.me`, an address with or without `mailto:`) organized an event: `chosen`.
///   Its `source` is the organizer's name (CN), else their address.
/// - Skipped, in this order: outside the range (`OutOfRange`), all-day (`AllDay`), declined by the
///   person (`Declined`), starting after `opts.now` (`Future`). A recurring event is expanded only
///   within the range, so its instances outside it are not counted, except that a series with no
///   instance in the range counts once.
/// - Cancelled events and instances (`STATUS:CANCELLED`) did not happen: they are left out, not
///   counted as skipped.
pub fn read(text: &str, opts: &Options) -> Result<Found> {
    let file = Unfolded::new(text);
    file.check_lines()?;
    let first = file.content_line(0);
    if first.is_empty() {
        return Err(Error::invalid("line 1", "the file is empty: an iCalendar file begins with BEGIN:VCALENDAR"));
    }
    if !first.eq_ignore_ascii_case("BEGIN:VCALENDAR") {
        let n = file.starts.first().map_or(1, |&(_, n)| n);
        return Err(Error::invalid(
            format!("line {n}"),
            format!("{} begins no calendar: an iCalendar file begins with BEGIN:VCALENDAR", quoted(first)),
        ));
    }
    let roots = read_calendar_simple(&file.text).map_err(|e| file.syntax_error(e.input))?;
    let calendar = match roots.first() {
        Some(root) if root.name.as_str().eq_ignore_ascii_case("VCALENDAR") => root,
        _ => return Err(Error::invalid("line 1", "this is not an iCalendar file: it must begin with BEGIN:VCALENDAR")),
    };
    let zones = Zones::of(calendar, &file);
    let reader = Reader { file: &file, zones, opts };

    let mut events = Vec::new();
    for component in calendar.components.iter().filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT")) {
        events.push(reader.vevent(component)?);
    }

    // The instances that an override (a VEVENT with the same UID and a RECURRENCE-ID) replaces.
    let mut replaced: HashMap<&str, HashSet<DateTime<Utc>>> = HashMap::new();
    for e in &events {
        if let Some(original) = e.recurrence_id {
            replaced.entry(e.uid.as_str()).or_default().insert(original);
        }
    }

    let mut found = Found::default();
    let mut seen = HashSet::new();
    for e in &events {
        let none = HashSet::new();
        let replaced = if e.recurrence_id.is_none() { replaced.get(e.uid.as_str()).unwrap_or(&none) } else { &none };
        reader.instances(e, replaced, &mut found, &mut seen)?;
    }
    found.events.sort_by(|a, b| (a.start, &a.external_id).cmp(&(b.start, &b.external_id)));
    Ok(found)
}

/// Maps a TZID to an IANA zone: an IANA name (also as Mozilla's `/mozilla.org/…/Europe/Berlin`
/// prefix writes it), or a Windows zone name ("W. Europe Standard Time"), which maps to CLDR's
/// world-wide default zone for it (territory `001`).
pub fn zone_for_tzid(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(tz) = tzid.parse::<Tz>() {
        return Some(tz);
    }
    if tzid.starts_with('/') {
        // `/mozilla.org/20050126_1/Europe/Berlin`, `/softwarestudio.org/Olson_20011030_5/America/New_York`.
        let parts: Vec<&str> = tzid.split('/').collect();
        for n in (1..parts.len()).rev().take(3) {
            if let Ok(tz) = parts[parts.len() - n..].join("/").parse::<Tz>() {
                return Some(tz);
            }
        }
    }
    windows_zone(tzid)
}

/// A Windows time zone name mapped with CLDR's `windowsZones` table, as the `windows-timezones`
/// crate carries it.
pub fn windows_zone(name: &str) -> Option<Tz> {
    name.trim().parse::<windows_timezones::WindowsTimezone>().ok().map(Tz::from)
}

/// The file's content lines unfolded (RFC 5545 §3.1), one a line, with the line of the file each
/// one began on: the parser reads the unfolded text, and a message names the file's own line.
struct Unfolded {
    text: String,
    /// (offset in `text`, line number in the file), in order.
    starts: Vec<(usize, usize)>,
}

impl Unfolded {
    fn new(raw: &str) -> Self {
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let mut text = String::with_capacity(raw.len());
        let mut starts = Vec::new();
        for (n, line) in raw.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if !starts.is_empty() {
                if let Some(rest) = line.strip_prefix([' ', '\t']) {
                    text.push_str(rest);
                    continue;
                }
            }
            if line.trim().is_empty() {
                continue;
            }
            if !starts.is_empty() {
                // CRLF, as RFC 5545 writes it: the parser looks for it first, and over a text
                // of bare LFs each of its searches would run to the end of the file.
                text.push_str("\r\n");
            }
            starts.push((text.len(), n + 1));
            text.push_str(line);
        }
        text.push_str("\r\n");
        Unfolded { text, starts }
    }

    /// Every content line is `NAME *(;PARAM=VALUE) :VALUE` (RFC 5545 §3.1): the parser would read
    /// `SUMMARY Payments` as two properties without values, so each line is checked first.
    fn check_lines(&self) -> Result<()> {
        for &(start, n) in &self.starts {
            let line = self.content_line(start);
            let name_end = line.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(line.len());
            let name = &line[..name_end];
            let field =
                if name.is_empty() { format!("line {n}") } else { format!("line {n}: {}", name.to_ascii_uppercase()) };
            let bad = |why: &str| Err(Error::invalid(field.clone(), format!("{} {why}", quoted(line))));
            if name.is_empty() {
                return bad("is not an iCalendar content line: it must begin with a property name (NAME:VALUE)");
            }
            let mut rest = &line[name_end..];
            while let Some(params) = rest.strip_prefix(';') {
                let key_end = params.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(params.len());
                let Some(mut value) = params[key_end..].strip_prefix('=').filter(|_| key_end > 0) else {
                    return bad("has a parameter without a name or an = sign (NAME;PARAM=VALUE:VALUE)");
                };
                loop {
                    if let Some(quoted_value) = value.strip_prefix('"') {
                        let Some(close) = quoted_value.find('"') else {
                            return bad("has a quoted parameter value that is never closed");
                        };
                        value = &quoted_value[close + 1..];
                    } else {
                        value = &value[value.find([';', ':', ',']).unwrap_or(value.len())..];
                    }
                    match value.strip_prefix(',') {
                        Some(more) => value = more,
                        None => break,
                    }
                }
                rest = value;
            }
            if !rest.starts_with(':')
                && !(rest.is_empty() && (name.eq_ignore_ascii_case("BEGIN") || name.eq_ignore_ascii_case("END")))
            {
                return bad("has no ':' between the property's name and its value (NAME:VALUE)");
            }
        }
        Ok(())
    }

    /// The file's line number of the content line at `offset` in the unfolded text.
    fn line_at(&self, offset: usize) -> usize {
        let i = self.starts.partition_point(|&(start, _)| start <= offset);
        self.starts.get(i.saturating_sub(1)).map_or(1, |&(_, line)| line)
    }

    /// The line a slice of the unfolded text (a property's or a component's name) stands on.
    fn line_of(&self, part: &str) -> usize {
        let base = self.text.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        if at >= base && at <= base + self.text.len() {
            self.line_at(at - base)
        } else {
            1
        }
    }

    /// The content line at `offset`, as the file has it unfolded.
    fn content_line(&self, offset: usize) -> &str {
        let start = self.text[..offset.min(self.text.len())].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[start..].find('\n').map_or(self.text.len(), |i| start + i);
        self.text[start..end].trim_end_matches('\r')
    }

    /// The parser stopped at `rest`: name the line it is on and what it holds.
    fn syntax_error(&self, rest: &str) -> Error {
        let offset = (rest.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize).min(self.text.len());
        let end = self.text.trim_end().len();
        if offset >= end {
            let last = self.starts.last().map_or(1, |&(_, n)| n);
            return Error::invalid(
                format!("line {last}"),
                "the file ends inside a component: each BEGIN needs its END, in order",
            );
        }
        let line = self.content_line(offset);
        let n = self.line_at(offset);
        let name: String = line.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        let field =
            if name.is_empty() { format!("line {n}") } else { format!("line {n}: {}", name.to_ascii_uppercase()) };
        let message = if name.eq_ignore_ascii_case("END") {
            format!("{} does not close the component open here: each BEGIN needs its END, in order", quoted(line))
        } else {
            format!("{} is not an iCalendar content line (NAME;PARAMETER=VALUE:VALUE)", quoted(line))
        };
        Error::invalid(field, message)
    }
}

/// What a property says, with the line it is on for messages.
struct Prop<'p, 'a> {
    prop: &'p Property<'a>,
    line: usize,
}

impl Prop<'_, '_> {
    fn name(&self) -> String {
        self.prop.name.as_str().to_ascii_uppercase()
    }

    fn value(&self) -> &str {
        self.prop.val.as_str().trim()
    }

    fn param(&self, key: &str) -> Option<&str> {
        self.prop
            .params
            .iter()
            .find(|p| p.key.as_str().eq_ignore_ascii_case(key))
            .and_then(|p| p.val.as_ref())
            .map(|v| v.as_str().trim().trim_matches('"'))
    }

    fn invalid(&self, message: impl Into<String>) -> Error {
        Error::invalid(format!("line {}: {}", self.line, self.name()), message)
    }
}

/// The zones the file's TZIDs stand for.
struct Zones {
    by_tzid: HashMap<String, Tz>,
}

impl Zones {
    /// Reads the VTIMEZONEs: a TZID that is neither an IANA nor a Windows name may still name its
    /// IANA zone in `X-LIC-LOCATION` (Lightning, Evolution), or be a fixed offset of whole hours.
    fn of(calendar: &Component, file: &Unfolded) -> Self {
        let mut by_tzid = HashMap::new();
        for vtimezone in calendar.components.iter().filter(|c| c.name.as_str().eq_ignore_ascii_case("VTIMEZONE")) {
            let Some(tzid) = find(vtimezone, "TZID", file) else { continue };
            let tzid = tzid.value().to_string();
            let zone = zone_for_tzid(&tzid)
                .or_else(|| find(vtimezone, "X-LIC-LOCATION", file).and_then(|p| zone_for_tzid(p.value())))
                .or_else(|| fixed_offset(vtimezone, file));
            if let Some(zone) = zone {
                by_tzid.insert(tzid, zone);
            }
        }
        Zones { by_tzid }
    }

    fn zone(&self, tzid: &str, prop: &Prop) -> Result<Tz> {
        let tzid = tzid.trim().trim_matches('"');
        self.by_tzid.get(tzid).copied().or_else(|| zone_for_tzid(tzid)).ok_or_else(|| {
            prop.invalid(format!(
                "TZID {} is neither an IANA time zone (Europe/Berlin) nor a Windows one (W. Europe Standard Time), and no VTIMEZONE of the file names one",
                quoted(tzid)
            ))
        })
    }
}

/// A VTIMEZONE without daylight saving time whose offset is whole hours: `Etc/GMT-N`.
fn fixed_offset(vtimezone: &Component, file: &Unfolded) -> Option<Tz> {
    let rules: Vec<&Component> = vtimezone.components.iter().collect();
    let [standard] = rules.as_slice() else { return None };
    if !standard.name.as_str().eq_ignore_ascii_case("STANDARD") {
        return None;
    }
    let offset = find(standard, "TZOFFSETTO", file)?;
    let text = offset.value();
    let (sign, digits) = text.split_at(text.find(|c: char| c.is_ascii_digit())?);
    if digits.len() != 4 || !digits.ends_with("00") {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let east = if sign == "-" { -hours } else { hours };
    match east {
        0 => Some(Tz::UTC),
        // `Etc/GMT-1` is one hour east of Greenwich: the POSIX sign.
        e if e > 0 => format!("Etc/GMT-{e}").parse().ok(),
        e => format!("Etc/GMT+{}", -e).parse().ok(),
    }
}

fn find<'p, 'a>(component: &'p Component<'a>, name: &str, file: &Unfolded) -> Option<Prop<'p, 'a>> {
    component
        .properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
        .map(|prop| Prop { prop, line: file.line_of(prop.name.as_str()) })
}

fn find_all<'p, 'a>(
    component: &'p Component<'a>,
    name: &'p str,
    file: &'p Unfolded,
) -> impl Iterator<Item = Prop<'p, 'a>> + 'p {
    component
        .properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
        .map(move |prop| Prop { prop, line: file.line_of(prop.name.as_str()) })
}

/// A date or a date-time as the file writes it, before a zone places it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Written {
    Date(NaiveDate),
    /// No zone: the person's (`opts.zone`).
    Floating(NaiveDateTime),
    Utc(NaiveDateTime),
    Zoned(NaiveDateTime, Tz),
}

impl Written {
    /// Whether it is written as earlier than `other`: both in one zone (or both dates), before
    /// any zone's rules apply.
    fn written_before(self, other: Written) -> bool {
        let midnight = |d: NaiveDate| d.and_time(NaiveTime::MIN);
        match (self, other) {
            (Written::Date(a), Written::Date(b)) => a < b,
            (Written::Floating(a), Written::Floating(b)) | (Written::Utc(a), Written::Utc(b)) => a < b,
            (Written::Zoned(a, x), Written::Zoned(b, y)) if x == y => a < b,
            (Written::Date(a), Written::Floating(b)) => midnight(a) < b,
            (Written::Floating(a), Written::Date(b)) => a < midnight(b),
            _ => false,
        }
    }

    /// The instant it names; a date is its midnight in `home`.
    fn instant(self, home: Tz) -> DateTime<Utc> {
        match self {
            Written::Date(d) => window_edge(home, d.and_time(NaiveTime::MIN)),
            Written::Floating(t) => window_edge(home, t),
            Written::Utc(t) => Utc.from_utc_datetime(&t),
            Written::Zoned(t, zone) => window_edge(zone, t),
        }
    }
}

/// The wall clock a recurring event keeps, and the zone its instances are shown in.
#[derive(Clone, Copy, Debug)]
struct Frame {
    wall: Tz,
    shown: Tz,
}

impl Frame {
    fn of(start: Written, home: Tz) -> Self {
        match start {
            Written::Zoned(_, zone) => Frame { wall: zone, shown: zone },
            Written::Utc(_) => Frame { wall: Tz::UTC, shown: home },
            Written::Date(_) | Written::Floating(_) => Frame { wall: home, shown: home },
        }
    }

    /// The wall-clock time of an instant in this frame.
    fn local(self, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&self.wall).naive_local()
    }
}

/// One VEVENT, checked.
struct Vevent {
    uid: String,
    /// The line of its BEGIN:VEVENT.
    line: usize,
    start: Written,
    /// How long each instance lasts.
    length: Duration,
    rule: Option<Rule>,
    rdates: Vec<Written>,
    exdates: Vec<Written>,
    /// An override: the original start of the instance it replaces.
    recurrence_id: Option<DateTime<Utc>>,
    title: String,
    organizer: Option<String>,
    chosen: bool,
    declined: bool,
    /// Others are invited and the person is neither one of them nor the organizer: a shared
    /// calendar's event, not theirs.
    not_mine: bool,
    cancelled: bool,
}

/// An RRULE with its UNTIL taken out: `rrule` would read a local UNTIL in the machine's zone.
struct Rule {
    text: String,
    until: Option<Written>,
    line: usize,
}

struct Reader<'f> {
    file: &'f Unfolded,
    zones: Zones,
    opts: &'f Options,
}

impl Reader<'_> {
    fn prop<'p, 'a>(&self, c: &'p Component<'a>, name: &str) -> Option<Prop<'p, 'a>> {
        find(c, name, self.file)
    }

    fn vevent(&self, c: &Component) -> Result<Vevent> {
        let line = self.file.line_of(c.name.as_str());
        let home = self.opts.zone;
        let uid = self.prop(c, "UID").map(|p| p.value().to_string()).filter(|u| !u.is_empty()).ok_or_else(|| {
            Error::invalid(format!("line {line}: UID"), "this event has no UID; every VEVENT needs one")
        })?;
        let dtstart = self.prop(c, "DTSTART").ok_or_else(|| {
            Error::invalid(format!("line {line}: DTSTART"), "this event has no DTSTART; every VEVENT needs one")
        })?;
        let start = self.written(&dtstart)?;
        let start_at = start.instant(home);

        let length = if let Some(dtend) = self.prop(c, "DTEND") {
            let end = self.written(&dtend)?;
            if end.written_before(start) {
                return Err(dtend.invalid(format!("{} is before the event's DTSTART", quoted(dtend.value()))));
            }
            // A start that a spring-forward skips moves forward by the gap, and may pass its end.
            (end.instant(home) - start_at).max(Duration::zero())
        } else if let Some(duration) = self.prop(c, "DURATION") {
            parse_duration(duration.value()).ok_or_else(|| {
                duration.invalid(format!(
                    "{} is not an iCalendar duration (such as PT1H30M, P1D or P2W)",
                    quoted(duration.value())
                ))
            })?
        } else if matches!(start, Written::Date(_)) {
            Duration::days(1)
        } else {
            Duration::zero()
        };

        let rule = match self.prop(c, "RRULE") {
            Some(p) => Some(self.rule(&p)?),
            None => None,
        };
        let mut rdates = Vec::new();
        for p in find_all(c, "RDATE", self.file) {
            rdates.extend(self.written_list(&p)?);
        }
        let mut exdates = Vec::new();
        for p in find_all(c, "EXDATE", self.file) {
            exdates.extend(self.written_list(&p)?);
        }
        let recurrence_id = match self.prop(c, "RECURRENCE-ID") {
            Some(p) => Some(self.written(&p)?.instant(home)),
            None => None,
        };

        let title = self.prop(c, "SUMMARY").map(|p| p.value().to_string()).filter(|t| !t.is_empty());
        let me = self.opts.me.as_deref().map(address).filter(|m| !m.is_empty());
        let organizer = self.prop(c, "ORGANIZER");
        let chosen = matches!((&organizer, me), (Some(o), Some(me)) if address(o.value()).eq_ignore_ascii_case(me));
        let invited: Vec<String> = find_all(c, "ATTENDEE", self.file).map(|a| address(a.value()).to_string()).collect();
        let not_mine =
            me.is_some_and(|me| !chosen && !invited.is_empty() && !invited.iter().any(|a| a.eq_ignore_ascii_case(me)));
        let organizer = organizer.and_then(|o| {
            o.param("CN").filter(|n| !n.is_empty()).map(str::to_string).or_else(|| {
                let a = address(o.value());
                (!a.is_empty()).then(|| a.to_string())
            })
        });
        let declined = me.is_some_and(|me| {
            find_all(c, "ATTENDEE", self.file).any(|a| {
                address(a.value()).eq_ignore_ascii_case(me)
                    && a.param("PARTSTAT").is_some_and(|s| s.eq_ignore_ascii_case("DECLINED"))
            })
        });
        let cancelled = self.prop(c, "STATUS").is_some_and(|s| s.value().eq_ignore_ascii_case("CANCELLED"));

        Ok(Vevent {
            uid,
            line,
            start,
            length,
            rule,
            rdates,
            exdates,
            recurrence_id,
            title: title.unwrap_or_else(|| NO_TITLE.to_string()),
            organizer,
            chosen,
            declined,
            not_mine,
            cancelled,
        })
    }

    /// A DATE or DATE-TIME value with its TZID.
    fn written(&self, p: &Prop) -> Result<Written> {
        self.written_value(p, p.value())
    }

    /// A property that holds a list of them (EXDATE, RDATE); a period keeps its start.
    fn written_list(&self, p: &Prop) -> Result<Vec<Written>> {
        p.value()
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| self.written_value(p, v.split('/').next().unwrap_or(v)))
            .collect()
    }

    fn written_value(&self, p: &Prop, value: &str) -> Result<Written> {
        let bad = || {
            p.invalid(format!(
                "{} is not an iCalendar date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS, ending in Z for UTC)",
                quoted(value)
            ))
        };
        let value = value.trim();
        if value.len() == 8 {
            return NaiveDate::parse_from_str(value, "%Y%m%d").map(Written::Date).map_err(|_| bad());
        }
        let (local, utc) = match value.strip_suffix(['Z', 'z']) {
            Some(v) => (v, true),
            None => (value, false),
        };
        if local.len() != 15 {
            return Err(bad());
        }
        let t = NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S").map_err(|_| bad())?;
        if utc {
            return Ok(Written::Utc(t));
        }
        match p.param("TZID") {
            Some(tzid) => Ok(Written::Zoned(t, self.zones.zone(tzid, p)?)),
            None => Ok(Written::Floating(t)),
        }
    }

    fn rule(&self, p: &Prop) -> Result<Rule> {
        let mut until = None;
        let mut parts = Vec::new();
        for part in p.value().split(';').filter(|s| !s.trim().is_empty()) {
            match part.split_once('=') {
                Some((key, value)) if key.trim().eq_ignore_ascii_case("UNTIL") => {
                    until = Some(self.written_value(p, value)?)
                }
                _ => parts.push(part.trim()),
            }
        }
        let text = parts.join(";");
        // Parsed here once so that a bad rule names its line; expanded per instance later.
        text.parse::<RRule<Unvalidated>>().map_err(|e| p.invalid(format!("{}: {e}", quoted(p.value()))))?;
        Ok(Rule { text, until, line: p.line })
    }

    /// Each instance of one VEVENT, found or skipped.
    fn instances(
        &self,
        e: &Vevent,
        replaced: &HashSet<DateTime<Utc>>,
        found: &mut Found,
        seen: &mut HashSet<String>,
    ) -> Result<()> {
        if e.cancelled {
            return Ok(());
        }
        let opts = self.opts;
        let home = opts.zone;
        let frame = Frame::of(e.start, home);
        let all_day = matches!(e.start, Written::Date(_));
        let start_at = e.start.instant(home);

        // The original starts of the instances: (instant, the id's instant).
        let mut starts: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
        let recurring = e.recurrence_id.is_none() && (e.rule.is_some() || !e.rdates.is_empty());
        if let Some(original) = e.recurrence_id {
            starts.push((start_at, original));
        } else if recurring {
            let excluded: HashSet<DateTime<Utc>> = e.exdates.iter().map(|w| w.instant(home)).collect();
            let excluded_days: HashSet<NaiveDate> = e
                .exdates
                .iter()
                .filter_map(|w| match w {
                    Written::Date(d) => Some(*d),
                    _ => None,
                })
                .collect();
            for local in self.expand(e, frame)? {
                let at = window_edge(frame.wall, local);
                if excluded.contains(&at)
                    || (!all_day && excluded_days.contains(&local.date()))
                    || replaced.contains(&at)
                {
                    continue;
                }
                starts.push((at, at));
            }
        } else {
            starts.push((start_at, start_at));
        }

        let mut in_range = false;
        for (at, original) in starts {
            if at < opts.from || at >= opts.to {
                if !recurring {
                    found.skip(Skip::OutOfRange);
                }
                continue;
            }
            in_range = true;
            if all_day {
                found.skip(Skip::AllDay);
            } else if e.declined {
                found.skip(Skip::Declined);
            } else if e.not_mine {
                found.skip(Skip::NotMe);
            } else if at > opts.now {
                found.skip(Skip::Future);
            } else {
                let external_id = format!("{}/{}", e.uid, original.format("%Y%m%dT%H%M%SZ"));
                if !seen.insert(external_id.clone()) {
                    continue;
                }
                let minutes = ((e.length.num_seconds() + 30) / 60).clamp(1, MAX_MINUTES) as u32;
                found.events.push(Event {
                    kind: Kind::Ics,
                    external_id,
                    title: e.title.clone(),
                    start: at,
                    zone: frame.shown,
                    minutes,
                    channel: "meeting".to_string(),
                    source: e.organizer.clone(),
                    severity: Severity::None,
                    chosen: e.chosen,
                });
            }
        }
        if recurring && !in_range {
            found.skip(Skip::OutOfRange);
        }
        Ok(())
    }

    /// The wall-clock starts of a recurring event, from its DTSTART up to the end of the range
    /// (never further: a rule without COUNT or UNTIL goes on for ever).
    fn expand(&self, e: &Vevent, frame: Frame) -> Result<Vec<NaiveDateTime>> {
        let home = self.opts.zone;
        let wall_clock = |w: Written| match w {
            Written::Date(d) => d.and_time(NaiveTime::MIN),
            Written::Floating(t) => t,
            other => frame.local(other.instant(home)),
        };
        // Wall-clock times as if they were UTC: a frame without daylight saving time.
        let fake = |t: NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(&t);
        let start = wall_clock(e.start);
        // A wall clock is at most 14 hours ahead of UTC; a day covers every zone.
        let horizon = self.opts.to.naive_utc() + Duration::days(1);

        let mut set = match &e.rule {
            Some(rule) => {
                let mut parsed: RRule<Unvalidated> = rule.text.parse().map_err(|err| {
                    Error::invalid(format!("line {}: RRULE", rule.line), format!("{}: {err}", quoted(&rule.text)))
                })?;
                if let Some(until) = rule.until {
                    let until = match until {
                        // A date UNTIL includes its whole day.
                        Written::Date(d) => d.and_hms_opt(23, 59, 59).unwrap_or(d.and_time(NaiveTime::MIN)),
                        other => wall_clock(other),
                    };
                    if until < start {
                        return Ok(Vec::new());
                    }
                    parsed = parsed.until(fake(until));
                }
                parsed.build(fake(start)).map_err(|err| {
                    Error::invalid(format!("line {}: RRULE", rule.line), format!("{}: {err}", quoted(&rule.text)))
                })?
            }
            None => rrule::RRuleSet::new(fake(start)).rdate(fake(start)),
        };
        for &rdate in &e.rdates {
            set = set.rdate(fake(wall_clock(rdate)));
        }

        let mut out = Vec::new();
        for t in &set {
            let local = t.naive_utc();
            if local >= horizon {
                break;
            }
            out.push(local);
            if out.len() > MAX_INSTANCES {
                return Err(Error::invalid(
                    format!("line {}: RRULE", e.line),
                    format!("this event recurs more than {MAX_INSTANCES} times before the end of the range; a meeting does not recur that often"),
                ));
            }
        }
        Ok(out)
    }
}

/// An address without its `mailto:`.
fn address(value: &str) -> &str {
    let v = value.trim();
    match v.get(..7) {
        Some(prefix) if prefix.eq_ignore_ascii_case("mailto:") => v[7..].trim(),
        _ => v,
    }
}

/// An RFC 5545 duration (`PT1H30M`, `P1D`, `P2W`, `P1DT2H`); days and weeks as 24 hours each.
fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    if text.starts_with('-') {
        return None;
    }
    let rest = text.strip_prefix(['P', 'p'])?;
    let mut seconds: i64 = 0;
    let mut in_time = false;
    let mut number = String::new();
    let mut any = false;
    for c in rest.chars() {
        match c.to_ascii_uppercase() {
            'T' if !in_time && number.is_empty() => in_time = true,
            d if d.is_ascii_digit() => number.push(d),
            unit => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                let per = match (unit, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                seconds = seconds.checked_add(n.checked_mul(per)?)?;
                any = true;
            }
        }
    }
    (any && number.is_empty()).then(|| Duration::seconds(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_names_map_to_cldr_default_zones() {
        assert_eq!(windows_zone("W. Europe Standard Time"), Some(chrono_tz::Europe::Berlin));
        assert_eq!(windows_zone("Eastern Standard Time"), Some(chrono_tz::America::New_York));
        assert_eq!(windows_zone("Pacific Standard Time"), Some(chrono_tz::America::Los_Angeles));
        assert_eq!(windows_zone("GMT Standard Time"), Some(chrono_tz::Europe::London));
        assert_eq!(windows_zone("Romance Standard Time"), Some(chrono_tz::Europe::Paris));
        assert_eq!(windows_zone("Tokyo Standard Time"), Some(chrono_tz::Asia::Tokyo));
        assert_eq!(windows_zone("AUS Eastern Standard Time"), Some(chrono_tz::Australia::Sydney));
        // CLDR keeps the older IANA names, which are links to the current ones: the same rules.
        assert_eq!(windows_zone(" India Standard Time "), Some(chrono_tz::Asia::Calcutta));
    }

    #[test]
    fn unknown_windows_names_map_to_nothing() {
        assert_eq!(windows_zone("Customized Time Zone"), None);
        assert_eq!(windows_zone("Europe/Berlin"), None);
        assert_eq!(windows_zone(""), None);
    }

    #[test]
    fn a_tzid_is_an_iana_name_a_mozilla_path_or_a_windows_name() {
        assert_eq!(zone_for_tzid("Europe/Berlin"), Some(chrono_tz::Europe::Berlin));
        assert_eq!(zone_for_tzid("\"America/New_York\""), Some(chrono_tz::America::New_York));
        assert_eq!(zone_for_tzid("/mozilla.org/20050126_1/Europe/Berlin"), Some(chrono_tz::Europe::Berlin));
        assert_eq!(zone_for_tzid("W. Europe Standard Time"), Some(chrono_tz::Europe::Berlin));
        assert_eq!(zone_for_tzid("Mars/Olympus_Mons"), None);
    }

    #[test]
    fn durations_read_as_rfc_5545_writes_them() {
        assert_eq!(parse_duration("PT1H30M"), Some(Duration::minutes(90)));
        assert_eq!(parse_duration("PT45M"), Some(Duration::minutes(45)));
        assert_eq!(parse_duration("P1D"), Some(Duration::days(1)));
        assert_eq!(parse_duration("P2W"), Some(Duration::weeks(2)));
        assert_eq!(parse_duration("P1DT2H"), Some(Duration::hours(26)));
        assert_eq!(parse_duration("+PT10S"), Some(Duration::seconds(10)));
        assert_eq!(parse_duration("-PT1H"), None);
        assert_eq!(parse_duration("PT"), None);
        assert_eq!(parse_duration("1H"), None);
        assert_eq!(parse_duration("PT1H30"), None);
    }

    #[test]
    fn folded_lines_keep_the_line_they_began_on() {
        let file = Unfolded::new("BEGIN:VCALENDAR\r\nSUMMARY:a long\r\n  title\r\nUID:x\r\nEND:VCALENDAR\r\n");
        assert_eq!(file.text, "BEGIN:VCALENDAR\r\nSUMMARY:a long title\r\nUID:x\r\nEND:VCALENDAR\r\n");
        let uid = file.text.find("UID").unwrap();
        assert_eq!(file.line_at(uid), 4);
        assert_eq!(file.line_at(file.text.find("title").unwrap()), 2);
    }

    #[test]
    fn addresses_lose_their_mailto() {
        assert_eq!(address("mailto:Ana@Example.com"), "Ana@Example.com");
        assert_eq!(address("MAILTO:ana@example.com"), "ana@example.com");
        assert_eq!(address("ana@example.com"), "ana@example.com");
    }
}
