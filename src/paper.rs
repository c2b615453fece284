//! The paper a report is laid out for: A4, or Letter where Letter is the paper people buy. The
//! person can choose; "automatic" follows the home time zone, the one place that says where they
//! live, so the core decides it without reading the system's locale.

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The paper size a person picks for reports; `Auto` follows the home zone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Paper {
    #[default]
    Auto,
    A4,
    Letter,
}

/// The zones of the countries whose paper is Letter (CLDR's `paperSize`: Belize, Canada, Chile,
/// Colombia, Costa Rica, El Salvador, Guatemala, Mexico, Nicaragua, Panama, the Philippines,
/// Puerto Rico, the United States, Venezuela), from the tz database's `zone.tab`, with their
/// older names (`US/Eastern`, `Canada/Pacific`) and the US rule zones. Sorted, for a binary
/// search.
const LETTER_ZONES: [&str; 124] = [
    "America/Adak",
    "America/Anchorage",
    "America/Atikokan",
    "America/Atka",
    "America/Bahia_Banderas",
    "America/Belize",
    "America/Blanc-Sablon",
    "America/Bogota",
    "America/Boise",
    "America/Cambridge_Bay",
    "America/Cancun",
    "America/Caracas",
    "America/Chicago",
    "America/Chihuahua",
    "America/Ciudad_Juarez",
    "America/Coral_Harbour",
    "America/Costa_Rica",
    "America/Coyhaique",
    "America/Creston",
    "America/Dawson",
    "America/Dawson_Creek",
    "America/Denver",
    "America/Detroit",
    "America/Edmonton",
    "America/El_Salvador",
    "America/Ensenada",
    "America/Fort_Nelson",
    "America/Fort_Wayne",
    "America/Glace_Bay",
    "America/Goose_Bay",
    "America/Guatemala",
    "America/Halifax",
    "America/Hermosillo",
    "America/Indiana/Indianapolis",
    "America/Indiana/Knox",
    "America/Indiana/Marengo",
    "America/Indiana/Petersburg",
    "America/Indiana/Tell_City",
    "America/Indiana/Vevay",
    "America/Indiana/Vincennes",
    "America/Indiana/Winamac",
    "America/Indianapolis",
    "America/Inuvik",
    "America/Iqaluit",
    "America/Juneau",
    "America/Kentucky/Louisville",
    "America/Kentucky/Monticello",
    "America/Knox_IN",
    "America/Los_Angeles",
    "America/Louisville",
    "America/Managua",
    "America/Matamoros",
    "America/Mazatlan",
    "America/Menominee",
    "America/Merida",
    "America/Metlakatla",
    "America/Mexico_City",
    "America/Moncton",
    "America/Monterrey",
    "America/Montreal",
    "America/New_York",
    "America/Nipigon",
    "America/Nome",
    "America/North_Dakota/Beulah",
    "America/North_Dakota/Center",
    "America/North_Dakota/New_Salem",
    "America/Ojinaga",
    "America/Panama",
    "America/Pangnirtung",
    "America/Phoenix",
    "America/Puerto_Rico",
    "America/Punta_Arenas",
    "America/Rainy_River",
    "America/Rankin_Inlet",
    "America/Regina",
    "America/Resolute",
    "America/Santa_Isabel",
    "America/Santiago",
    "America/Shiprock",
    "America/Sitka",
    "America/St_Johns",
    "America/Swift_Current",
    "America/Thunder_Bay",
    "America/Tijuana",
    "America/Toronto",
    "America/Vancouver",
    "America/Virgin",
    "America/Whitehorse",
    "America/Winnipeg",
    "America/Yakutat",
    "America/Yellowknife",
    "Asia/Manila",
    "CST6CDT",
    "Canada/Atlantic",
    "Canada/Central",
    "Canada/Eastern",
    "Canada/Mountain",
    "Canada/Newfoundland",
    "Canada/Pacific",
    "Canada/Saskatchewan",
    "Canada/Yukon",
    "Chile/Continental",
    "Chile/EasterIsland",
    "EST5EDT",
    "MST7MDT",
    "Mexico/BajaNorte",
    "Mexico/BajaSur",
    "Mexico/General",
    "Navajo",
    "PST8PDT",
    "Pacific/Easter",
    "Pacific/Honolulu",
    "Pacific/Johnston",
    "US/Alaska",
    "US/Aleutian",
    "US/Arizona",
    "US/Central",
    "US/East-Indiana",
    "US/Eastern",
    "US/Hawaii",
    "US/Indiana-Starke",
    "US/Michigan",
    "US/Mountain",
    "US/Pacific",
];

impl Paper {
    /// The paper to lay a report out for: the one chosen, or for `Auto` the paper of the home
    /// zone's country (Letter in the Americas' Letter countries and the Philippines, else A4).
    pub fn for_zone(self, zone: Tz) -> Paper {
        match self {
            Paper::Auto if LETTER_ZONES.binary_search(&zone.name()).is_ok() => Paper::Letter,
            Paper::Auto => Paper::A4,
            chosen => chosen,
        }
    }

    /// The name CSS's `@page { size }` and people use.
    pub fn name(self) -> &'static str {
        match self {
            Paper::Auto => "auto",
            Paper::A4 => "A4",
            Paper::Letter => "Letter",
        }
    }

    pub fn parse(field: &str, text: &str) -> crate::error::Result<Paper> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Paper::Auto),
            "a4" => Ok(Paper::A4),
            "letter" => Ok(Paper::Letter),
            _ => Err(crate::error::Error::invalid(
                field,
                format!("{} is not a paper size; use auto, a4 or letter", crate::error::quoted(text)),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Paper, LETTER_ZONES};

    #[test]
    fn the_letter_zones_are_sorted_and_real() {
        assert!(LETTER_ZONES.windows(2).all(|w| w[0] < w[1]), "sorted, no duplicates");
        let known = LETTER_ZONES.iter().filter(|z| z.parse::<chrono_tz::Tz>().is_ok()).count();
        assert!(known * 10 >= LETTER_ZONES.len() * 9, "{known} of {} are zones chrono-tz knows", LETTER_ZONES.len());
    }

    #[test]
    fn automatic_paper_follows_the_home_zone() {
        for (zone, want) in [
            ("Europe/Berlin", Paper::A4),
            ("Europe/London", Paper::A4),
            ("Asia/Tokyo", Paper::A4),
            ("Australia/Sydney", Paper::A4),
            ("America/Sao_Paulo", Paper::A4),
            ("America/New_York", Paper::Letter),
            ("America/Los_Angeles", Paper::Letter),
            ("America/Toronto", Paper::Letter),
            ("America/Mexico_City", Paper::Letter),
            ("Asia/Manila", Paper::Letter),
            ("Pacific/Honolulu", Paper::Letter),
            ("US/Eastern", Paper::Letter),
            ("UTC", Paper::A4),
        ] {
            assert_eq!(Paper::Auto.for_zone(zone.parse().unwrap()), want, "{zone}");
        }
        assert_eq!(Paper::A4.for_zone("America/New_York".parse().unwrap()), Paper::A4, "a choice wins");
        assert_eq!(Paper::Letter.for_zone("Europe/Berlin".parse().unwrap()), Paper::Letter);
    }
}
