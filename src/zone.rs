//! Turning local wall-clock times into instants in an IANA zone, with DST handled the same way
//! everywhere: a local time that occurs twice means the earlier; a window edge that a
//! spring-forward skips moves forward by the gap; a time the person typed that is skipped is
//! rejected.

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::{quoted, Error, Result};

/// Parses an IANA zone name such as `Europe/Berlin`.
pub fn parse_zone(field: &str, name: &str) -> Result<Tz> {
    name.trim().parse::<Tz>().map_err(|_| {
        Error::invalid(
            field,
            format!("{} is not an IANA time zone; use a name such as Europe/Berlin or America/New_York", quoted(name)),
        )
    })
}

/// The instant a local time refers to, for window edges: never fails.
pub fn window_edge(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
        LocalResult::None => {
            // Skipped by a spring-forward: read it with the offset in force just before the gap.
            let before = zone
                .from_local_datetime(&(local - Duration::days(1)))
                .earliest()
                .map(|t| t.offset().fix())
                .unwrap_or_else(|| zone.offset_from_utc_datetime(&local).fix());
            Utc.from_utc_datetime(&(local - before))
        }
    }
}

/// The instant a local time the person typed refers to: a skipped time is an error.
pub fn typed_local(field: &str, zone: Tz, local: NaiveDateTime) -> Result<DateTime<Utc>> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(earlier, _) => Ok(earlier.with_timezone(&Utc)),
        LocalResult::None => Err(Error::invalid(
            field,
            format!(
                "{} does not exist in {zone}: the clocks skip it for daylight saving time",
                local.format("%Y-%m-%d %H:%M")
            ),
        )),
    }
}

/// Parses `--at`: a local `YYYY-MM-DDTHH:MM[:SS]` in `zone`, or RFC 3339 with an offset.
pub fn parse_at(field: &str, text: &str, zone: Tz) -> Result<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    for format in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(local) = NaiveDateTime::parse_from_str(text, format) {
            return typed_local(field, zone, local);
        }
    }
    Err(Error::invalid(
        field,
        format!(
            "{} is not a time; use local time YYYY-MM-DDTHH:MM (e.g. 2026-11-18T23:30) or RFC 3339 with an offset",
            quoted(text)
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
    }

    #[test]
    fn a_skipped_window_edge_moves_forward_by_the_gap() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        // 02:30 does not exist on 2026-03-29 in Berlin; read as CET it is 03:30 CEST.
        let t = window_edge(berlin, local(2026, 3, 29, 2, 30));
        assert_eq!(t.to_rfc3339(), "2026-03-29T01:30:00+00:00");
        let sydney: Tz = "Australia/Sydney".parse().unwrap();
        let t = window_edge(sydney, local(2026, 10, 4, 2, 30));
        // 02:30 does not exist on 2026-10-04 in Sydney; read as AEST (+10) it is 03:30 AEDT.
        assert_eq!(t.to_rfc3339(), "2026-10-03T16:30:00+00:00");
    }

    #[test]
    fn a_repeated_local_time_means_the_earlier() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let t = typed_local("at", berlin, local(2026, 10, 25, 2, 30)).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-10-25T00:30:00+00:00");
    }

    #[test]
    fn a_typed_time_the_clocks_skip_is_refused() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let err = parse_at("at", "2026-03-29T02:30", berlin).unwrap_err();
        assert!(err.to_string().starts_with("at: 2026-03-29 02:30 does not exist"), "{err}");
    }

    #[test]
    fn at_accepts_local_and_offset_times() {
        let ny: Tz = "America/New_York".parse().unwrap();
        assert_eq!(parse_at("at", "2026-11-18T23:30", ny).unwrap().to_rfc3339(), "2026-11-19T04:30:00+00:00");
        assert_eq!(parse_at("at", "2026-11-18T23:30:00+01:00", ny).unwrap().to_rfc3339(), "2026-11-18T22:30:00+00:00");
        for bad in ["2026-13-40T25:00", "yesterday", ""] {
            assert!(parse_at("at", bad, ny).unwrap_err().to_string().starts_with("at:"), "{bad}");
        }
    }
}
