//! The quick-log form, as a value: what it holds, the `Draft` it sends, the draft it keeps while
//! the person types, and what its keys do. Pure, so the native quick-log window (Linux) is a
//! thin drawing of it. The webview's form (`ui/src/quicklog.ts`, Windows and macOS) follows the
//! same cases, read by both test suites from `tests/quickform-cases.json`, so the two cannot drift.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::interruptions::Draft;
use crate::summary::{format_minutes, Entry};

/// The channels the number keys reach: 1 to 9.
pub const MAX_NUMBERED: usize = 9;

/// The version of the kept draft's text, shared with the webview's form.
const DRAFT_VERSION: u32 = 2;

/// What the form holds, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuickForm {
    pub channel: String,
    /// Whole minutes, or empty.
    pub minutes: String,
    /// "Started N minutes ago"; empty or 0 is `ago_from` itself.
    pub ago: String,
    /// The instant "N minutes ago" counts back from (RFC 3339): when the window opened.
    pub ago_from: String,
    pub source: String,
    pub chosen: bool,
    pub delegable: bool,
    pub note: String,
    /// Comma separated.
    pub tags: String,
}

impl QuickForm {
    pub fn blank(ago_from: DateTime<Utc>) -> QuickForm {
        QuickForm { ago: "0".into(), ago_from: crate::rfc3339::utc(ago_from).to_string(), ..QuickForm::default() }
    }

    /// Nothing typed yet (the moment alone is no input).
    pub fn is_blank(&self) -> bool {
        let ago = self.ago.trim();
        self.channel.trim().is_empty()
            && self.minutes.trim().is_empty()
            && (ago.is_empty() || ago == "0")
            && self.source.trim().is_empty()
            && !self.chosen
            && !self.delegable
            && self.note.is_empty()
            && self.tags.trim().is_empty()
    }

    /// The Draft to log. Minutes that are not a whole number are left out, for the core's check
    /// to ask for; a "minutes ago" that is not one is refused here, naming `ago_minutes`.
    pub fn draft(&self) -> Result<Draft> {
        let ago = match self.ago.trim() {
            "" => 0,
            text => whole(text).ok_or_else(|| Error::invalid("ago_minutes", "Type a whole number"))?,
        };
        let source = self.source.trim();
        Ok(Draft {
            channel: self.channel.trim().to_string(),
            minutes: whole(&self.minutes),
            source: (!source.is_empty()).then(|| source.to_string()),
            chosen: Some(self.chosen),
            delegable: Some(self.delegable),
            note: Some(self.note.clone()),
            tags: Some(self.tags.split(',').map(str::trim).filter(|t| !t.is_empty()).map(String::from).collect()),
            ago_minutes: Some(ago),
            ago_from: (!self.ago_from.is_empty()).then(|| self.ago_from.clone()),
            ..Draft::default()
        })
    }

    /// The text kept with `Store::set_draft`; `None` for a blank form (nothing worth keeping).
    pub fn kept(&self) -> Option<String> {
        #[derive(Serialize)]
        struct Kept<'a> {
            v: u32,
            #[serde(flatten)]
            form: &'a QuickForm,
        }
        (!self.is_blank()).then(|| serde_json::to_string(&Kept { v: DRAFT_VERSION, form: self }).unwrap_or_default())
    }

    /// The form a kept draft holds, or `None` for none, a blank one or unreadable text. It keeps
    /// the instant it counted back from, so "N minutes ago" still means the same start; one
    /// without counts back from `ago_from`.
    pub fn restore(kept: Option<&str>, ago_from: DateTime<Utc>) -> Option<QuickForm> {
        let raw: serde_json::Map<String, serde_json::Value> = serde_json::from_str(kept?.trim()).ok()?;
        let text = |key: &str| match raw.get(key) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        let flag = |key: &str| raw.get(key) == Some(&serde_json::Value::Bool(true));
        // A draft kept before the instant was (v1) has its `anchor`, in milliseconds.
        let anchor = raw
            .get("anchor")
            .and_then(serde_json::Value::as_f64)
            .and_then(|ms| DateTime::from_timestamp_millis(ms as i64));
        let from = Some(text("agoFrom"))
            .filter(|f| !f.is_empty())
            .or_else(|| anchor.map(|a| a.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)))
            .unwrap_or_default();
        let form = QuickForm {
            channel: text("channel"),
            minutes: text("minutes"),
            ago: Some(text("ago")).filter(|a| !a.is_empty()).unwrap_or_else(|| "0".into()),
            ago_from: if from.is_empty() { crate::rfc3339::utc(ago_from).to_string() } else { from },
            source: text("source"),
            chosen: flag("chosen"),
            delegable: flag("delegable"),
            note: text("note"),
            tags: text("tags"),
        };
        (!form.is_blank()).then_some(form)
    }

    /// When the entry will say it started, in `zone`: "at 22:40" or "20 min before 22:40"; empty
    /// while "minutes ago" is not a whole number.
    pub fn started(&self, zone: Tz) -> String {
        let Ok(from) = DateTime::parse_from_rfc3339(&self.ago_from) else { return String::new() };
        let at = from.with_timezone(&zone).format("%H:%M");
        match self.ago.trim() {
            "" | "0" => format!("at {at}"),
            text => match whole(text) {
                Some(0) => format!("at {at}"),
                // As the webview's form says it; the core refuses a negative one when logging.
                Some(n) => format!("{} before {at}", format_minutes(n.clamp(0, i64::from(u32::MAX)) as u32)),
                None => String::new(),
            },
        }
    }
}

/// A whole number as typed ("40", "-3"), or `None`.
fn whole(text: &str) -> Option<i64> {
    let t = text.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// The channel a number key picks ("1" is the first), or `None`.
pub fn channel_for_key<'a>(key: &str, channels: &'a [String]) -> Option<&'a str> {
    let n: usize = key.parse().ok().filter(|_| key.len() == 1)?;
    (1..=channels.len().min(MAX_NUMBERED)).contains(&n).then(|| channels[n - 1].as_str())
}

/// The channel `delta` steps from `current` (the arrow keys), wrapping; from none, the first
/// (forward) or the last (back).
pub fn step_channel<'a>(channels: &'a [String], current: &str, delta: i32) -> Option<&'a str> {
    let n = channels.len() as i64;
    if n == 0 {
        return None;
    }
    let at = channels.iter().position(|c| *c == current.trim().to_lowercase());
    let i = match at {
        None if delta >= 0 => 0,
        None => n - 1,
        Some(i) => (i as i64 + delta as i64).rem_euclid(n),
    };
    Some(channels[i as usize].as_str())
}

/// The next channel after `current` that starts with `letter` (typing "c" twice: call, then chat).
pub fn channel_by_letter<'a>(channels: &'a [String], current: &str, letter: &str) -> Option<&'a str> {
    let mut chars = letter.chars();
    let l = chars.next().filter(|c| c.is_alphabetic() && chars.next().is_none())?.to_lowercase().to_string();
    let n = channels.len();
    // From none, the search starts at the first channel.
    let start = channels.iter().position(|c| *c == current.trim().to_lowercase()).unwrap_or(n.wrapping_sub(1));
    (1..=n).map(|k| &channels[start.wrapping_add(k) % n]).find(|c| c.to_lowercase().starts_with(&l)).map(String::as_str)
}

/// ↑ and ↓ in the minutes field step through the quick minutes (15 · 30 · 60 · 90).
pub fn step_minutes(minutes: &str, delta: i32, quick: &[u32]) -> String {
    let (Some(&first), Some(&last)) = (quick.first(), quick.last()) else { return minutes.to_string() };
    let stepped = match whole(minutes) {
        Some(n) if n > 0 && delta > 0 => quick.iter().find(|&&m| i64::from(m) > n).copied().unwrap_or(last),
        Some(n) if n > 0 => quick.iter().rev().find(|&&m| i64::from(m) < n).copied().unwrap_or(first),
        _ => first,
    };
    stepped.to_string()
}

/// Earlier sources that fit what was typed, case-insensitively: those that start with it, then
/// those that contain it, in the given order; none once it is typed out exactly.
pub fn suggest_sources<'a>(all: &'a [String], typed: &str, limit: usize) -> Vec<&'a str> {
    let t = typed.trim().to_lowercase();
    if t.is_empty() {
        return all.iter().take(limit).map(String::as_str).collect();
    }
    if all.iter().any(|s| s.to_lowercase() == t) {
        return Vec::new();
    }
    let starts = all.iter().filter(|s| s.to_lowercase().starts_with(&t));
    let contains = all.iter().filter(|s| !s.to_lowercase().starts_with(&t) && s.to_lowercase().contains(&t));
    starts.chain(contains).take(limit).map(String::as_str).collect()
}

/// "Logged: page, 30 min, started 22:40 · 30 min after hours · 30 min in sleep hours".
pub fn logged_line(entry: &Entry) -> String {
    let start = DateTime::parse_from_rfc3339(&entry.start).map(|s| format!(", started {}", s.format("%H:%M")));
    let mut parts =
        vec![format!("Logged: {}, {}{}", entry.channel, format_minutes(entry.minutes), start.unwrap_or_default())];
    if entry.after_hours_minutes > 0 {
        parts.push(format!("{} after hours", format_minutes(entry.after_hours_minutes)));
    }
    if entry.sleep_minutes > 0 {
        parts.push(format!("{} in sleep hours", format_minutes(entry.sleep_minutes)));
    }
    match entry.breaches.len() {
        0 => {}
        1 => parts.push("a breach".into()),
        n => parts.push(format!("{n} breaches")),
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn strings(v: &Value) -> Vec<String> {
        v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
    }

    fn opt(v: &Value) -> Option<String> {
        v.as_str().map(String::from)
    }

    /// The cases the webview's form passes too (`ui/src/quicklog.test.ts`).
    #[test]
    fn the_shared_cases_hold() {
        let cases: Value = serde_json::from_str(include_str!("../tests/quickform-cases.json")).unwrap();
        let channels = strings(&cases["channels"]);
        let quick: Vec<u32> = cases["quick"].as_array().unwrap().iter().map(|m| m.as_u64().unwrap() as u32).collect();
        for c in cases["channelForKey"].as_array().unwrap() {
            assert_eq!(channel_for_key(c["key"].as_str().unwrap(), &channels).map(String::from), opt(&c["is"]), "{c}");
        }
        for c in cases["stepChannel"].as_array().unwrap() {
            let got = step_channel(&channels, c["from"].as_str().unwrap(), c["delta"].as_i64().unwrap() as i32);
            assert_eq!(got.map(String::from), opt(&c["is"]), "{c}");
        }
        for c in cases["typeahead"].as_array().unwrap() {
            let own = c.get("channels").map(strings);
            let got = channel_by_letter(
                own.as_ref().unwrap_or(&channels),
                c["from"].as_str().unwrap(),
                c["letter"].as_str().unwrap(),
            );
            assert_eq!(got.map(String::from), opt(&c["is"]), "{c}");
        }
        for c in cases["stepMinutes"].as_array().unwrap() {
            let got = step_minutes(c["from"].as_str().unwrap(), c["delta"].as_i64().unwrap() as i32, &quick);
            assert_eq!(got, c["is"].as_str().unwrap(), "{c}");
        }
        let kept = &cases["keptDraft"];
        let form: QuickForm = serde_json::from_value(kept["form"].clone()).unwrap();
        assert_eq!(QuickForm::restore(kept["text"].as_str(), at("2026-12-08T09:00:00Z")), Some(form.clone()));
        assert_eq!(form.kept().as_deref(), kept["text"].as_str(), "kept as the webview's form keeps it");
        let v1 = &cases["keptDraftV1"];
        let form: QuickForm = serde_json::from_value(v1["form"].clone()).unwrap();
        assert_eq!(QuickForm::restore(v1["text"].as_str(), at("2026-12-08T09:00:00Z")), Some(form));
        let sources = strings(&cases["sources"]);
        for c in cases["suggestSources"].as_array().unwrap() {
            let got: Vec<String> =
                suggest_sources(&sources, c["typed"].as_str().unwrap(), 6).into_iter().map(String::from).collect();
            assert_eq!(got, strings(&c["is"]), "{c}");
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_blank_form_keeps_nothing_and_a_typed_one_comes_back_whole() {
        let opened = at("2026-12-07T22:40:00Z");
        let blank = QuickForm::blank(opened);
        assert!(blank.is_blank());
        assert_eq!(blank.kept(), None);
        let typed = QuickForm {
            channel: "page".into(),
            minutes: "40".into(),
            ago: "20".into(),
            source: "payments".into(),
            chosen: true,
            note: "disk".into(),
            tags: "db, night".into(),
            ..blank
        };
        let kept = typed.kept().unwrap();
        assert!(kept.contains(r#""v":2"#) && kept.contains(r#""agoFrom":"2026-12-07T22:40:00Z""#), "{kept}");
        // Restored later, it still counts back from the moment it was typed.
        assert_eq!(QuickForm::restore(Some(&kept), at("2026-12-08T09:00:00Z")), Some(typed));
        assert_eq!(QuickForm::restore(Some("not json"), opened), None);
        assert_eq!(QuickForm::restore(Some(r#"{"v":2,"ago":"0"}"#), opened), None);
        assert_eq!(QuickForm::restore(None, opened), None);
    }

    #[test]
    fn the_draft_leaves_the_arithmetic_to_the_core_and_names_a_bad_ago() {
        let mut form = QuickForm::blank(at("2026-12-07T22:40:00Z"));
        form.channel = " page ".into();
        form.minutes = "4o".into();
        form.tags = "db, ,night".into();
        let draft = form.draft().unwrap();
        assert_eq!(draft.channel, "page");
        assert_eq!(draft.minutes, None, "not a whole number: the core asks for the minutes");
        assert_eq!(draft.ago_minutes, Some(0));
        assert_eq!(draft.ago_from.as_deref(), Some("2026-12-07T22:40:00Z"));
        assert_eq!(draft.tags, Some(vec!["db".to_string(), "night".to_string()]));
        assert_eq!(draft.source, None);
        form.ago = "ten".into();
        let e = form.draft().unwrap_err();
        assert!(e.to_string().starts_with("ago_minutes:"), "{e}");
    }

    #[test]
    fn started_says_when_in_the_home_zone() {
        let mut form = QuickForm::blank(at("2026-12-07T21:40:00Z"));
        assert_eq!(form.started(chrono_tz::Europe::Berlin), "at 22:40");
        form.ago = "80".into();
        assert_eq!(form.started(chrono_tz::Europe::Berlin), "1 h 20 min before 22:40");
        form.ago = "x".into();
        assert_eq!(form.started(chrono_tz::Europe::Berlin), "");
    }
}
