//! Whole-second instants written as RFC 3339, digit by digit. An export of ten years writes
//! 100,000 of them, and chrono's formatter (a parsed pattern run through `fmt`) was a fifth of
//! the export's time; no small crate writes chrono's types faster. The output is exactly
//! chrono's for whole seconds (`to_rfc3339` for a zone, `Z` for UTC), which the tests check.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDateTime, Offset, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

/// `2026-11-18T22:30:00Z` or `2026-11-18T23:30:00+01:00`, on the stack.
#[derive(Clone, Copy)]
pub struct Rfc3339 {
    /// Long enough for any instant chrono can hold (`+262143-…` with nanoseconds).
    text: [u8; 40],
    len: usize,
}

impl Rfc3339 {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.text[..self.len]).expect("digits and separators are ASCII")
    }
}

impl fmt::Display for Rfc3339 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Years 0 to 9999 with whole seconds are written by hand; anything else goes to chrono.
fn by_hand(t: &NaiveDateTime) -> bool {
    (0..=9999).contains(&t.year()) && t.nanosecond() == 0
}

fn put(text: &mut [u8], at: usize, width: usize, mut n: u32) {
    for i in (at..at + width).rev() {
        text[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

fn date_time(t: &NaiveDateTime) -> [u8; 40] {
    let mut text = [b' '; 40];
    text[..25].copy_from_slice(b"0000-00-00T00:00:00+00:00");
    put(&mut text, 0, 4, t.year() as u32);
    put(&mut text, 5, 2, t.month());
    put(&mut text, 8, 2, t.day());
    put(&mut text, 11, 2, t.hour());
    put(&mut text, 14, 2, t.minute());
    put(&mut text, 17, 2, t.second());
    text
}

fn from_chrono(text: &str) -> Rfc3339 {
    let mut out = Rfc3339 { text: [b' '; 40], len: text.len().min(40) };
    out.text[..out.len].copy_from_slice(&text.as_bytes()[..out.len]);
    out
}

/// In UTC, as chrono serialises a `DateTime<Utc>`: `2026-11-18T22:30:00Z`.
pub fn utc(t: DateTime<Utc>) -> Rfc3339 {
    let naive = t.naive_utc();
    if !by_hand(&naive) {
        return from_chrono(&t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
    }
    let mut text = date_time(&naive);
    text[19] = b'Z';
    Rfc3339 { text, len: 20 }
}

/// In `zone`, with its offset then, as `to_rfc3339` writes it: `2026-11-18T23:30:00+01:00`.
pub fn local(t: DateTime<Utc>, zone: Tz) -> Rfc3339 {
    let offset = zone.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc();
    let naive = t.naive_utc() + chrono::Duration::seconds(offset.into());
    if !by_hand(&naive) || offset % 60 != 0 {
        return from_chrono(&t.with_timezone(&zone).to_rfc3339());
    }
    let mut text = date_time(&naive);
    let minutes = offset.unsigned_abs() / 60;
    text[19] = if offset < 0 { b'-' } else { b'+' };
    put(&mut text, 20, 2, minutes / 60);
    put(&mut text, 23, 2, minutes % 60);
    Rfc3339 { text, len: 25 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_writes_what_chrono_writes() {
        let zones: [Tz; 5] = [
            chrono_tz::Europe::Berlin,
            chrono_tz::America::St_Johns,
            chrono_tz::Asia::Kolkata,
            chrono_tz::UTC,
            chrono_tz::Pacific::Chatham,
        ];
        let start = DateTime::parse_from_rfc3339("1999-12-31T23:59:59Z").unwrap().with_timezone(&Utc);
        for n in 0..2000i64 {
            let t = start + chrono::Duration::seconds(n * 86_413 * 7 + n * 61);
            assert_eq!(utc(t).as_str(), t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
            assert_eq!(utc(t).as_str(), serde_json::to_value(t).unwrap().as_str().unwrap());
            for zone in zones {
                assert_eq!(local(t, zone).as_str(), t.with_timezone(&zone).to_rfc3339(), "{t} in {zone}");
            }
        }
    }

    #[test]
    fn instants_it_does_not_write_by_hand_go_to_chrono() {
        let t = DateTime::parse_from_rfc3339("2026-11-18T22:30:00.5Z").unwrap().with_timezone(&Utc);
        assert_eq!(utc(t).as_str(), "2026-11-18T22:30:00.500Z");
        let far = DateTime::parse_from_rfc3339("9999-12-31T23:00:00Z").unwrap().with_timezone(&Utc)
            + chrono::Duration::days(400);
        assert_eq!(
            local(far, chrono_tz::Europe::Berlin).as_str(),
            far.with_timezone(&chrono_tz::Europe::Berlin).to_rfc3339()
        );
        assert_eq!(utc(far).as_str(), far.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
    }
}
