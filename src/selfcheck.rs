//! The monthly self-check: the Copenhagen Burnout Inventory (Kristensen, Borritz, Villadsen &
//! Christensen, 2005, *Work & Stress* 19(3):192–207, doi:10.1080/02678370500297720), as published
//! for free use by the Danish National Research Centre for the Working Environment. Its items
//! in their published English wording, its scoring, and the months beside the record. Pure:
//! values in, values out.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::schedule::ClockTime;
use crate::zone::window_edge;

/// The citation the app and the docs show beside the questions.
pub const CITATION: &str = "Copenhagen Burnout Inventory: Kristensen, T. S., Borritz, M., Villadsen, E., & Christensen, K. B. (2005). The Copenhagen Burnout Inventory: A new tool for the assessment of burnout. Work & Stress, 19(3), 192–207. doi:10.1080/02678370500297720. Published for free use by the Danish National Research Centre for the Working Environment.";

/// What the scores are and are not, in one breath.
pub const NOT_A_DIAGNOSIS: &str = "A self-check to follow your own trend, not a diagnosis: the inventory has no clinical cut-off, and Loadline claims none.";

/// Where to find help: one line, not a lecture.
pub const HELP: &str =
    "If it feels like too much, talk to your doctor, your employee assistance programme, or someone you trust.";

/// How many months the chart shows.
pub const MONTHS_SHOWN: u32 = 12;

/// The word used in the client items when the person chose none.
pub const DEFAULT_CLIENT_WORD: &str = "clients";

/// The words a person is offered for whom they serve; any other of their own is fine too.
pub const CLIENT_WORDS: [&str; 4] = [DEFAULT_CLIENT_WORD, "customers", "users", "colleagues you support"];

/// The longest word for whom the person serves.
pub const MAX_CLIENT_WORD_CHARS: usize = 40;

/// The latest day of the month the reminder can ask on: every month has it.
pub const LAST_REMINDER_DAY: u32 = 28;

/// The two answer scales of the inventory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Scale {
    /// always, often, sometimes, seldom, never/almost never
    Frequency,
    /// to a very high degree … to a very low degree
    Degree,
}

impl Scale {
    pub fn answers(self) -> &'static [Answer] {
        match self {
            Scale::Frequency => &[Answer::Always, Answer::Often, Answer::Sometimes, Answer::Seldom, Answer::Never],
            Scale::Degree => &[Answer::VeryHigh, Answer::High, Answer::Somewhat, Answer::Low, Answer::VeryLow],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Scale::Frequency => "frequency",
            Scale::Degree => "degree",
        }
    }
}

/// One answer, written as the words of its scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Answer {
    #[serde(rename = "always")]
    Always,
    #[serde(rename = "often")]
    Often,
    #[serde(rename = "sometimes")]
    Sometimes,
    #[serde(rename = "seldom")]
    Seldom,
    #[serde(rename = "never")]
    Never,
    #[serde(rename = "very high")]
    VeryHigh,
    #[serde(rename = "high")]
    High,
    #[serde(rename = "somewhat")]
    Somewhat,
    #[serde(rename = "low")]
    Low,
    #[serde(rename = "very low")]
    VeryLow,
}

impl Answer {
    const ALL: [Answer; 10] = [
        Answer::Always,
        Answer::Often,
        Answer::Sometimes,
        Answer::Seldom,
        Answer::Never,
        Answer::VeryHigh,
        Answer::High,
        Answer::Somewhat,
        Answer::Low,
        Answer::VeryLow,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Answer::Always => "always",
            Answer::Often => "often",
            Answer::Sometimes => "sometimes",
            Answer::Seldom => "seldom",
            Answer::Never => "never",
            Answer::VeryHigh => "very high",
            Answer::High => "high",
            Answer::Somewhat => "somewhat",
            Answer::Low => "low",
            Answer::VeryLow => "very low",
        }
    }

    /// As the form shows it, in the inventory's own words.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Always => "Always",
            Answer::Often => "Often",
            Answer::Sometimes => "Sometimes",
            Answer::Seldom => "Seldom",
            Answer::Never => "Never/almost never",
            Answer::VeryHigh => "To a very high degree",
            Answer::High => "To a high degree",
            Answer::Somewhat => "Somewhat",
            Answer::Low => "To a low degree",
            Answer::VeryLow => "To a very low degree",
        }
    }

    pub fn scale(self) -> Scale {
        match self {
            Answer::Always | Answer::Often | Answer::Sometimes | Answer::Seldom | Answer::Never => Scale::Frequency,
            _ => Scale::Degree,
        }
    }

    /// 100 for "always" and "to a very high degree", down to 0, in steps of 25.
    fn points(self) -> u32 {
        let rank = self.scale().answers().iter().position(|a| *a == self).expect("an answer is on its scale");
        100 - 25 * rank as u32
    }
}

/// One question of the inventory.
#[derive(Clone, Copy, Debug)]
pub struct Item {
    pub text: &'static str,
    pub scale: Scale,
    /// Scored the other way round ("Do you have enough energy for family and friends…").
    pub reversed: bool,
}

const fn item(text: &'static str, scale: Scale) -> Item {
    Item { text, scale, reversed: false }
}

pub const PERSONAL: [Item; 6] = [
    item("How often do you feel tired?", Scale::Frequency),
    item("How often are you physically exhausted?", Scale::Frequency),
    item("How often are you emotionally exhausted?", Scale::Frequency),
    item("How often do you think: \u{201c}I can\u{2019}t take it anymore\u{201d}?", Scale::Frequency),
    item("How often do you feel worn out?", Scale::Frequency),
    item("How often do you feel weak and susceptible to illness?", Scale::Frequency),
];

pub const WORK: [Item; 7] = [
    item("Is your work emotionally exhausting?", Scale::Degree),
    item("Do you feel burnt out because of your work?", Scale::Degree),
    item("Does your work frustrate you?", Scale::Degree),
    item("Do you feel worn out at the end of the working day?", Scale::Frequency),
    item("Are you exhausted in the morning at the thought of another day at work?", Scale::Frequency),
    item("Do you feel that every working hour is tiring for you?", Scale::Frequency),
    Item {
        text: "Do you have enough energy for family and friends during leisure time?",
        scale: Scale::Frequency,
        reversed: true,
    },
];

/// Written with "clients"; the person's own word replaces it (`client_items`).
pub const CLIENT: [Item; 6] = [
    item("Do you find it hard to work with clients?", Scale::Degree),
    item("Do you find it frustrating to work with clients?", Scale::Degree),
    item("Does it drain your energy to work with clients?", Scale::Degree),
    item("Do you feel that you give more than you get back when you work with clients?", Scale::Degree),
    item("Are you tired of working with clients?", Scale::Frequency),
    item("Do you sometimes wonder how long you will be able to continue working with clients?", Scale::Frequency),
];

/// The three scales of the inventory, each with the fewest answers that make a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Part {
    Personal,
    Work,
    Client,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Personal, Part::Work, Part::Client];

    pub fn items(self) -> &'static [Item] {
        match self {
            Part::Personal => &PERSONAL,
            Part::Work => &WORK,
            Part::Client => &CLIENT,
        }
    }

    /// Fewer answered items than this make the scale "not enough answers", never a number.
    pub fn min_answered(self) -> usize {
        match self {
            Part::Personal | Part::Client => 3,
            Part::Work => 4,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Part::Personal => "personal",
            Part::Work => "work",
            Part::Client => "client",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Part::Personal => "Personal burnout",
            Part::Work => "Work-related burnout",
            Part::Client => "Client-related burnout",
        }
    }
}

/// One take's answers, item by item; `None` is an item left unanswered. `client` is absent when
/// the client scale was not asked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TakeAnswers {
    pub personal: Vec<Option<Answer>>,
    pub work: Vec<Option<Answer>>,
    #[serde(default)]
    pub client: Option<Vec<Option<Answer>>>,
}

/// A take as it comes in: answers as words, so a wrong one is named with its item.
#[derive(Clone, Debug, Default, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct TakeInput {
    pub personal: Vec<Option<String>>,
    pub work: Vec<Option<String>>,
    #[serde(default)]
    #[ts(optional)]
    pub client: Option<Vec<Option<String>>>,
    /// RFC 3339; when it was taken (default: now).
    #[serde(default)]
    #[ts(optional)]
    pub at: Option<String>,
}

impl TakeInput {
    /// Checks every answer against its item's scale.
    pub fn answers(&self) -> Result<TakeAnswers> {
        let client = self.client.as_deref().map(|c| read_part(Part::Client, c)).transpose()?;
        Ok(TakeAnswers {
            personal: read_part(Part::Personal, &self.personal)?,
            work: read_part(Part::Work, &self.work)?,
            client,
        })
    }
}

fn read_part(part: Part, given: &[Option<String>]) -> Result<Vec<Option<Answer>>> {
    let items = part.items();
    if given.len() != items.len() {
        return Err(Error::invalid(
            part.key(),
            format!("needs {} answers, one per item (null for one left unanswered); got {}", items.len(), given.len()),
        ));
    }
    items
        .iter()
        .zip(given)
        .enumerate()
        .map(|(n, (item, word))| {
            word.as_deref().map(|w| read_answer(item, w, &format!("{}[{n}]", part.key()))).transpose()
        })
        .collect()
}

fn read_answer(item: &Item, word: &str, field: &str) -> Result<Answer> {
    let typed = word.trim().to_lowercase();
    let found = Answer::ALL.into_iter().find(|a| a.word() == typed);
    match found {
        Some(a) if a.scale() == item.scale => Ok(a),
        _ => Err(Error::invalid(
            field,
            format!(
                "answered on the {} scale: {}",
                item.scale.name(),
                item.scale.answers().iter().map(|a| a.word()).collect::<Vec<_>>().join(", ")
            ),
        )),
    }
}

impl TakeAnswers {
    /// The same checks as a take coming in: right lengths, each answer on its item's scale.
    pub fn validate(&self) -> Result<()> {
        let parts = [
            (Part::Personal, Some(&self.personal)),
            (Part::Work, Some(&self.work)),
            (Part::Client, self.client.as_ref()),
        ];
        for (part, answers) in parts {
            let Some(answers) = answers else { continue };
            let items = part.items();
            if answers.len() != items.len() {
                return Err(Error::invalid(
                    part.key(),
                    format!("needs {} answers; got {}", items.len(), answers.len()),
                ));
            }
            for (n, (item, a)) in items.iter().zip(answers).enumerate() {
                if let Some(a) = a {
                    read_answer(item, a.word(), &format!("{}[{n}]", part.key()))?;
                }
            }
        }
        Ok(())
    }

    fn of(&self, part: Part) -> Option<&[Option<Answer>]> {
        match part {
            Part::Personal => Some(&self.personal),
            Part::Work => Some(&self.work),
            Part::Client => self.client.as_deref(),
        }
    }

    pub fn answered(&self, part: Part) -> Option<u32> {
        self.of(part).map(|a| a.iter().flatten().count() as u32)
    }

    /// A scale's score: the mean of its answered items, the reversed item turned round; `None`
    /// when too few were answered (or the scale was not asked).
    pub fn score(&self, part: Part) -> Option<f64> {
        let answers = self.of(part)?;
        let points: Vec<u32> = part
            .items()
            .iter()
            .zip(answers)
            .filter_map(|(item, a)| a.map(|a| if item.reversed { 100 - a.points() } else { a.points() }))
            .collect();
        (points.len() >= part.min_answered()).then(|| f64::from(points.iter().sum::<u32>()) / points.len() as f64)
    }

    pub fn scores(&self) -> Scores {
        Scores { personal: self.score(Part::Personal), work: self.score(Part::Work), client: self.score(Part::Client) }
    }
}

/// A score as the terminal and the reports print it: one decimal, or a dash for "not enough
/// answers" or a scale not asked.
pub fn score_text(s: Option<f64>) -> String {
    s.map_or_else(|| "—".to_string(), |s| format!("{s:.1}"))
}

/// A score to one decimal, as shown and exported.
fn one_decimal(x: Option<f64>) -> Option<f64> {
    x.map(|x| (x * 10.0).round() / 10.0)
}

/// The three scores of one take, each a number from 0 to 100 (one decimal) or null for "not
/// enough answers".
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Scores {
    pub personal: Option<f64>,
    pub work: Option<f64>,
    pub client: Option<f64>,
}

impl Scores {
    pub fn rounded(self) -> Scores {
        Scores { personal: one_decimal(self.personal), work: one_decimal(self.work), client: one_decimal(self.client) }
    }

    fn of(&self, part: Part) -> Option<f64> {
        match part {
            Part::Personal => self.personal,
            Part::Work => self.work,
            Part::Client => self.client,
        }
    }
}

/// How many items of each scale were answered; null for a scale not asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Answered {
    pub personal: u32,
    pub work: u32,
    pub client: Option<u32>,
}

/// A take as kept: when, in which zone, and the answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Take {
    pub id: i64,
    pub uid: String,
    pub at: DateTime<Utc>,
    pub zone: Tz,
    pub answers: TakeAnswers,
    pub updated_at: DateTime<Utc>,
}

impl Take {
    /// Can it still be corrected: the same local day as when it was taken.
    pub fn correctable(&self, now: DateTime<Utc>) -> bool {
        self.at.with_timezone(&self.zone).date_naive() == now.with_timezone(&self.zone).date_naive()
    }
}

/// A take as the CLI and the window show it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TakeView {
    pub id: i64,
    /// RFC 3339 with the offset of the zone it was taken in.
    pub at: String,
    pub personal: Option<f64>,
    pub work: Option<f64>,
    pub client: Option<f64>,
    pub answered: Answered,
    /// Its answers, for the form that corrects it; the CLI's list leaves them out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers: Option<TakeAnswers>,
    /// It can still be corrected (today, in its zone).
    pub correctable: bool,
}

impl TakeView {
    pub fn new(take: &Take, now: DateTime<Utc>, with_answers: bool) -> TakeView {
        let s = take.answers.scores().rounded();
        let a = &take.answers;
        TakeView {
            id: take.id,
            at: take.at.with_timezone(&take.zone).to_rfc3339(),
            personal: s.personal,
            work: s.work,
            client: s.client,
            answered: Answered {
                personal: a.answered(Part::Personal).unwrap_or(0),
                work: a.answered(Part::Work).unwrap_or(0),
                client: a.answered(Part::Client),
            },
            answers: with_answers.then(|| take.answers.clone()),
            correctable: take.correctable(now),
        }
    }
}

/// One question as the form asks it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Question {
    pub part: Part,
    /// Its place in its scale, from 0.
    pub index: u32,
    pub text: String,
    pub choices: Vec<Choice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Choice {
    pub answer: Answer,
    pub label: String,
}

/// The questions to ask, in order: the client scale only when the person turned it on, with
/// their own word for whom they serve.
pub fn questions(client_word: Option<&str>) -> Vec<Question> {
    let word = client_word.map(str::trim).filter(|w| !w.is_empty());
    Part::ALL
        .into_iter()
        .filter(|p| *p != Part::Client || word.is_some())
        .flat_map(|part| {
            part.items().iter().enumerate().map(move |(n, item)| Question {
                part,
                index: n as u32,
                text: match (part, word) {
                    (Part::Client, Some(w)) => item.text.replace(DEFAULT_CLIENT_WORD, w),
                    _ => item.text.to_string(),
                },
                choices: item.scale.answers().iter().map(|a| Choice { answer: *a, label: a.label().into() }).collect(),
            })
        })
        .collect()
}

/// The questions a correction of `answers` asks: the scales that take was asked, so correcting
/// it never adds or drops the client scale. Its items use the person's word, or the published
/// "clients" when the scale has been turned off since.
pub fn questions_for(answers: &TakeAnswers, client_word: Option<&str>) -> Vec<Question> {
    let word = client_word.map(str::trim).filter(|w| !w.is_empty()).unwrap_or(DEFAULT_CLIENT_WORD);
    questions(answers.client.is_some().then_some(word))
}

/// The person's word for whom they serve, checked.
pub fn check_client_word(word: &str) -> Result<()> {
    let w = word.trim();
    if w.is_empty() || w.chars().count() > MAX_CLIENT_WORD_CHARS || w.chars().any(|c| c.is_control()) {
        let [a, b, c, d] = CLIENT_WORDS;
        return Err(Error::invalid(
            "client_word",
            format!("must be 1 to {MAX_CLIENT_WORD_CHARS} characters, e.g. {a}, {b}, {c} or {d}"),
        ));
    }
    Ok(())
}

/// When the monthly reminder comes: a day of the month (1 to 28, so every month has it) and a
/// local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MonthlyTime {
    pub day: u32,
    pub time: ClockTime,
}

impl MonthlyTime {
    pub fn validate(&self) -> Result<()> {
        if !(1..=LAST_REMINDER_DAY).contains(&self.day) {
            return Err(Error::invalid(
                "selfcheck.reminder.day",
                format!(
                    "must be a day of the month from 1 to {LAST_REMINDER_DAY} (every month has it); got {}",
                    self.day
                ),
            ));
        }
        Ok(())
    }

    /// This month's reminder instant in `zone`.
    pub fn in_month(self, month: Month, zone: Tz) -> DateTime<Utc> {
        let date =
            NaiveDate::from_ymd_opt(month.year, month.month, self.day).expect("days 1 to 28 exist in every month");
        window_edge(zone, date.and_time(self.time.to_naive()))
    }
}

impl Default for MonthlyTime {
    fn default() -> Self {
        MonthlyTime { day: 1, time: ClockTime::hm(10, 0) }
    }
}

/// A calendar month, written `2026-11`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(instant: DateTime<Utc>, zone: Tz) -> Month {
        let d = instant.with_timezone(&zone).date_naive();
        Month { year: d.year(), month: d.month() }
    }

    fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a month has a first day")
    }

    pub fn previous(self) -> Month {
        let d = self.first_day() - Months::new(1);
        Month { year: d.year(), month: d.month() }
    }

    pub fn next(self) -> Month {
        let d = self.first_day() + Months::new(1);
        Month { year: d.year(), month: d.month() }
    }

    /// Its first and the next month's first local midnight.
    pub fn bounds(self, zone: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        let edge = |d: NaiveDate| window_edge(zone, d.and_time(NaiveTime::MIN));
        (edge(self.first_day()), edge(self.next().first_day()))
    }

    /// "October"; "October 2025" when it is not of `this_year`.
    pub fn name(self, this_year: i32) -> String {
        let name = self.first_day().format("%B").to_string();
        if self.year == this_year {
            name
        } else {
            format!("{name} {}", self.year)
        }
    }

    /// "October 2026", always with its year.
    pub fn long(self) -> String {
        self.first_day().format("%B %Y").to_string()
    }

    /// "Oct", for a chart's axis.
    pub fn short(self) -> String {
        self.first_day().format("%b").to_string()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl From<Month> for String {
    fn from(m: Month) -> String {
        m.to_string()
    }
}

impl TryFrom<String> for Month {
    type Error = Error;
    fn try_from(s: String) -> Result<Month> {
        let bad = || Error::invalid("month", format!("{} is not a month; use YYYY-MM", crate::error::quoted(&s)));
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        let (year, month) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
        Ok(Month { year, month })
    }
}

/// How long after its day the monthly reminder still asks: a person who opens the app late in
/// the month (or installs it then) is not greeted by last fortnight's reminder.
pub const REMINDER_DAYS: i64 = 7;

/// Is the monthly reminder due: its time this month has come less than a week ago, and this
/// month was neither reminded nor already taken.
pub fn reminder_due(
    reminder: Option<MonthlyTime>,
    reminded: Option<Month>,
    last_take: Option<DateTime<Utc>>,
    zone: Tz,
    now: DateTime<Utc>,
) -> bool {
    let Some(r) = reminder else { return false };
    let month = Month::of(now, zone);
    let at = r.in_month(month, zone);
    reminded != Some(month)
        && last_take.map(|t| Month::of(t, zone)) != Some(month)
        && now >= at
        && now < at + Duration::days(REMINDER_DAYS)
}

/// The next reminder instant after `now`, if there is a reminder.
pub fn next_reminder(reminder: Option<MonthlyTime>, zone: Tz, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let r = reminder?;
    let month = Month::of(now, zone);
    [r.in_month(month, zone), r.in_month(month.next(), zone)].into_iter().find(|t| *t > now)
}

/// One month of the chart: the month's latest take beside the month's after-hours load.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MonthRow {
    /// `2026-11`
    pub month: String,
    /// "Nov"
    pub label: String,
    /// "November 2026", for the chart's table and tooltips.
    pub name: String,
    /// The month's latest take, rounded; all null in a month without one.
    pub scores: Scores,
    pub after_hours_minutes: u32,
    pub sacrifices: u32,
}

/// The month's numbers of the record, as the use case counts them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MonthLoad {
    pub after_hours_minutes: u32,
    pub sacrifices: u32,
}

/// The self-check beside the record: the last `MONTHS_SHOWN` months up to `now`'s, oldest
/// first, and the latest take in words.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SelfCheckView {
    pub months: Vec<MonthRow>,
    /// Newest first.
    pub takes: Vec<TakeView>,
    /// "Personal 58 — up from 42 in October. …"; empty before the first take.
    pub latest: String,
    pub not_a_diagnosis: String,
    pub help: String,
    pub citation: String,
    /// No take yet this month: the view offers the form at once.
    pub due: bool,
}

/// The months shown, oldest first, ending with `now`'s.
pub fn months_up_to(now: DateTime<Utc>, zone: Tz) -> Vec<Month> {
    let mut m = Month::of(now, zone);
    let mut out = vec![m];
    for _ in 1..MONTHS_SHOWN {
        m = m.previous();
        out.push(m);
    }
    out.reverse();
    out
}

/// The chart's rows: each month's latest take (takes newest first) beside its load.
pub fn month_rows(months: &[(Month, MonthLoad)], takes: &[Take], zone: Tz) -> Vec<MonthRow> {
    months
        .iter()
        .map(|(month, load)| {
            let latest = takes.iter().find(|t| Month::of(t.at, zone) == *month);
            MonthRow {
                month: month.to_string(),
                label: month.short(),
                name: month.long(),
                scores: latest.map(|t| t.answers.scores().rounded()).unwrap_or_default(),
                after_hours_minutes: load.after_hours_minutes,
                sacrifices: load.sacrifices,
            }
        })
        .collect()
}

/// The latest take in plain words, each scale beside the take before it: "Personal 58 — up
/// from 42 in October. Work-related 50 — the same as in October." Takes newest first.
pub fn in_words(takes: &[Take], zone: Tz, now: DateTime<Utc>) -> String {
    let Some(latest) = takes.first() else { return String::new() };
    let previous = takes.get(1);
    let this_year = now.with_timezone(&zone).year();
    let name = |t: &Take| {
        let when = Month::of(t.at, zone);
        if when == Month::of(latest.at, zone) {
            let days = (latest.at - t.at).num_days();
            if days < 1 {
                "your take before".to_string()
            } else {
                format!("your take {} before", crate::summary::plural(days as u32, "day", "days"))
            }
        } else {
            format!("in {}", when.name(this_year))
        }
    };
    let now_scores = latest.answers.scores().rounded();
    let before = previous.map(|p| (p.answers.scores().rounded(), name(p)));
    let label = |part: Part| match part {
        Part::Personal => "Personal",
        Part::Work => "Work-related",
        Part::Client => "Client-related",
    };
    Part::ALL
        .into_iter()
        .filter(|p| *p != Part::Client || latest.answers.client.is_some())
        .map(|part| {
            let Some(score) = now_scores.of(part) else {
                return format!("{}: not enough answers to score.", label(part));
            };
            let shown = show(score);
            match before.as_ref().and_then(|(s, when)| s.of(part).map(|b| (b, when))) {
                Some((b, when)) if b < score => format!("{} {shown} — up from {} {when}.", label(part), show(b)),
                Some((b, when)) if b > score => format!("{} {shown} — down from {} {when}.", label(part), show(b)),
                Some((_, when)) => format!("{} {shown} — the same as {when}.", label(part)),
                None => format!("{} {shown}.", label(part)),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// 58 for 58.0, 58.3 otherwise.
fn show(score: f64) -> String {
    if score.fract() == 0.0 {
        format!("{score:.0}")
    } else {
        format!("{score:.1}")
    }
}

/// A take is about how the person feels now or felt earlier, never a time to come.
pub fn check_at(at: DateTime<Utc>, now: DateTime<Utc>) -> Result<()> {
    if at > now + Duration::minutes(5) {
        return Err(Error::invalid("at", "is in the future; a self-check is about how you feel now or earlier"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn input(personal: &[Option<&str>], work: &[Option<&str>], client: Option<&[Option<&str>]>) -> TakeInput {
        let own = |a: &[Option<&str>]| a.iter().map(|w| w.map(String::from)).collect();
        TakeInput { personal: own(personal), work: own(work), client: client.map(own), at: None }
    }

    #[test]
    fn every_answer_sometimes_scores_fifty() {
        let s = Some("sometimes");
        let d = Some("somewhat");
        let a = input(&[s; 6], &[d, d, d, s, s, s, s], None).answers().unwrap();
        assert_eq!(a.scores(), Scores { personal: Some(50.0), work: Some(50.0), client: None });
    }

    #[test]
    fn the_energy_item_is_reversed() {
        // Hand-computed: work items 100, 75, 50 (degree), 25, 0, 100 (frequency) and the
        // reversed "enough energy" answered "always" scores 0: (100+75+50+25+0+100+0)/7.
        let a = input(
            &[Some("always"), Some("often"), Some("sometimes"), Some("seldom"), Some("never"), Some("always")],
            &[
                Some("very high"),
                Some("high"),
                Some("somewhat"),
                Some("seldom"),
                Some("never"),
                Some("always"),
                Some("always"),
            ],
            None,
        )
        .answers()
        .unwrap();
        let s = a.scores();
        // Personal: (100+75+50+25+0+100)/6 = 58.33…
        assert_eq!(s.rounded().personal, Some(58.3));
        assert_eq!(s.work.unwrap(), 350.0 / 7.0);
        assert_eq!(s.rounded().work, Some(50.0));
        // "never" enough energy is the most exhausted answer: 100.
        let tired = input(
            &[Some("never"); 6],
            &[None, None, None, Some("never"), Some("never"), Some("never"), Some("never")],
            None,
        )
        .answers()
        .unwrap();
        assert_eq!(tired.scores().work, Some(25.0));
    }

    #[test]
    fn unanswered_items_are_left_out_of_the_mean() {
        let a = input(
            &[Some("always"), None, Some("never"), None, Some("often"), None],
            &[Some("high"), None, None, Some("often"), Some("seldom"), None, Some("sometimes")],
            None,
        )
        .answers()
        .unwrap();
        // (100 + 0 + 75) / 3 and (75 + 75 + 25 + 50) / 4
        assert_eq!(a.scores().rounded(), Scores { personal: Some(58.3), work: Some(56.3), client: None });
        assert_eq!(a.answered(Part::Personal), Some(3));
    }

    #[test]
    fn too_few_answers_make_no_score() {
        let a = input(
            &[Some("always"), Some("always"), None, None, None, None],
            &[Some("high"), Some("high"), Some("high"), None, None, None, None],
            Some(&[Some("low"), Some("low"), None, None, None, None]),
        )
        .answers()
        .unwrap();
        assert_eq!(a.scores(), Scores { personal: None, work: None, client: None });
        let enough = input(
            &[Some("always"), Some("always"), Some("always"), None, None, None],
            &[Some("high"), Some("high"), Some("high"), Some("often"), None, None, None],
            Some(&[Some("low"), Some("low"), Some("very low"), None, None, None]),
        )
        .answers()
        .unwrap();
        assert_eq!(enough.scores().rounded(), Scores { personal: Some(100.0), work: Some(75.0), client: Some(16.7) });
    }

    #[test]
    fn the_wrong_scale_is_refused_naming_the_item() {
        let s = Some("sometimes");
        let err = input(&[s; 6], &[s, s, s, s, s, s, s], None).answers().unwrap_err();
        assert_eq!(err.to_string(), "work[0]: answered on the degree scale: very high, high, somewhat, low, very low");
        let err = input(&[Some("very high"); 6], &[None; 7], None).answers().unwrap_err();
        assert_eq!(
            err.to_string(),
            "personal[0]: answered on the frequency scale: always, often, sometimes, seldom, never"
        );
        let err = input(&[s; 5], &[None; 7], None).answers().unwrap_err();
        assert!(err.to_string().starts_with("personal: needs 6 answers"), "{err}");
        let err = input(&[Some("maybe"); 6], &[None; 7], None).answers().unwrap_err();
        assert!(err.to_string().starts_with("personal[0]: "), "{err}");
    }

    #[test]
    fn answers_read_as_typed_and_as_kept() {
        let a = input(
            &[Some(" Always "); 6],
            &[Some("VERY LOW"); 3].into_iter().chain([Some("never"); 4]).collect::<Vec<_>>(),
            None,
        )
        .answers()
        .unwrap();
        let kept = serde_json::to_string(&a).unwrap();
        assert!(kept.contains("\"very low\""), "{kept}");
        let back: TakeAnswers = serde_json::from_str(&kept).unwrap();
        assert_eq!(back, a);
        back.validate().unwrap();
    }

    #[test]
    fn the_client_scale_uses_the_persons_word() {
        assert_eq!(questions(None).len(), 13);
        let q = questions(Some("colleagues you support"));
        assert_eq!(q.len(), 19);
        assert_eq!(q[13].text, "Do you find it hard to work with colleagues you support?");
        assert_eq!(q[0].choices[4].label, "Never/almost never");
        assert_eq!(q[6].choices[0].label, "To a very high degree");
    }

    #[test]
    fn a_correction_asks_the_scales_its_take_was_asked() {
        let s = Some("sometimes");
        let d = Some("somewhat");
        let without = input(&[s; 6], &[d, d, d, s, s, s, s], None).answers().unwrap();
        assert_eq!(questions_for(&without, Some("users")).len(), 13, "turned on since: not added");
        let with = input(&[s; 6], &[d, d, d, s, s, s, s], Some(&[d, d, d, d, s, s])).answers().unwrap();
        let asked = questions_for(&with, Some("users"));
        assert_eq!(asked.len(), 19);
        assert_eq!(asked[18].text, "Do you sometimes wonder how long you will be able to continue working with users?");
        let off_since = questions_for(&with, None);
        assert_eq!(off_since[13].text, "Do you find it hard to work with clients?", "the published word");
    }

    #[test]
    fn the_client_word_and_the_reminder_day_have_their_limits() {
        assert!(check_client_word(&"w".repeat(MAX_CLIENT_WORD_CHARS)).is_ok());
        let long = check_client_word(&"w".repeat(MAX_CLIENT_WORD_CHARS + 1)).unwrap_err();
        assert_eq!(
            long.to_string(),
            "client_word: must be 1 to 40 characters, e.g. clients, customers, users or colleagues you support"
        );
        assert!(check_client_word("  ").is_err());
        for word in CLIENT_WORDS {
            check_client_word(word).unwrap();
        }
        let last = MonthlyTime { day: LAST_REMINDER_DAY, time: ClockTime::MIDNIGHT };
        assert!(last.validate().is_ok());
        assert!(MonthlyTime { day: LAST_REMINDER_DAY + 1, ..last }.validate().is_err());
        assert!(MonthlyTime { day: 0, ..last }.validate().is_err());
    }

    fn take(id: i64, at: DateTime<Utc>, word: &str) -> Take {
        let w = Some(word);
        let answers = input(&[w; 6], &[None; 7], None).answers().unwrap();
        Take { id, uid: format!("t{id}"), at, zone: chrono_tz::Europe::Berlin, answers, updated_at: at }
    }

    #[test]
    fn the_latest_take_in_words() {
        let berlin = chrono_tz::Europe::Berlin;
        let nov = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        let oct = Utc.with_ymd_and_hms(2026, 10, 2, 9, 0, 0).unwrap();
        let takes = [take(2, nov, "often"), take(1, oct, "sometimes")];
        assert_eq!(
            in_words(&takes, berlin, nov),
            "Personal 75 — up from 50 in October. Work-related: not enough answers to score."
        );
        let last_year = Utc.with_ymd_and_hms(2025, 12, 2, 9, 0, 0).unwrap();
        let takes = [take(2, nov, "seldom"), take(1, last_year, "seldom")];
        assert!(in_words(&takes, berlin, nov).starts_with("Personal 25 — the same as in December 2025."));
        assert_eq!(in_words(&[], berlin, nov), "");
    }

    #[test]
    fn months_are_local_and_the_reminder_comes_once() {
        let berlin = chrono_tz::Europe::Berlin;
        // 23:30 UTC on 31 October is already 1 November in Berlin (after the DST change).
        let now = Utc.with_ymd_and_hms(2026, 10, 31, 23, 30, 0).unwrap();
        assert_eq!(Month::of(now, berlin).to_string(), "2026-11");
        let months = months_up_to(now, berlin);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0].to_string(), "2025-12");
        assert_eq!((months[0].short(), months[0].long()), ("Dec".to_string(), "December 2025".to_string()));
        let r = Some(MonthlyTime { day: 1, time: ClockTime::hm(10, 0) });
        assert!(!reminder_due(r, None, None, berlin, now));
        let ten = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        assert!(reminder_due(r, None, None, berlin, ten));
        assert!(!reminder_due(r, Some(Month::of(ten, berlin)), None, berlin, ten));
        assert!(!reminder_due(r, None, Some(now), berlin, ten), "taken this month already");
        assert!(!reminder_due(None, None, None, berlin, ten));
        let late = Utc.with_ymd_and_hms(2026, 11, 8, 9, 0, 0).unwrap();
        assert!(!reminder_due(r, None, None, berlin, late), "a week late it waits for next month");
        assert_eq!(next_reminder(r, berlin, now), Some(ten));
        assert_eq!(next_reminder(r, berlin, ten), Some(Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()));
        assert!(MonthlyTime { day: 31, time: ClockTime::MIDNIGHT }.validate().is_err());
    }

    #[test]
    fn a_take_is_correctable_the_same_local_day() {
        let t = take(1, Utc.with_ymd_and_hms(2026, 11, 20, 22, 0, 0).unwrap(), "often");
        assert!(t.correctable(Utc.with_ymd_and_hms(2026, 11, 20, 22, 59, 0).unwrap()));
        // Midnight in Berlin is 23:00 UTC in November.
        assert!(!t.correctable(Utc.with_ymd_and_hms(2026, 11, 20, 23, 0, 0).unwrap()));
    }
}
