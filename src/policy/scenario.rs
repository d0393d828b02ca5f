//! The scenario a decision is made in: the calendar date, where the user is,
//! which phone they hold and whether a VPN is on.
//!
//! These types are shared by the engine and the app state, so they live in the
//! pure `policy` module and know nothing of the browser.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date (proleptic Gregorian), ordered chronologically.
///
/// Kept as three small integers rather than a date library because the app
/// only needs parsing, comparison and printing, and every dependency costs
/// bundle size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1..=9999.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of the month, 1..=31 depending on the month.
    pub day: u8,
}

/// Why a text is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Format,
    /// Well formed, but no such day exists (e.g. `2021-13-45`, `2021-02-29`).
    NoSuchDay,
}

impl Date {
    /// Builds a date, or `None` when the day does not exist.
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year == 0 || year > 9999 || month == 0 || month > 12 || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (what `<input type="date">` produces).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        let num = |range: std::ops::Range<usize>| -> Result<u16, DateError> {
            let mut v: u16 = 0;
            for &c in &b[range] {
                if !c.is_ascii_digit() {
                    return Err(DateError::Format);
                }
                v = v * 10 + u16::from(c - b'0');
            }
            Ok(v)
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        // m and d have two digits, so they fit in u8.
        Date::new(y, m as u8, d as u8).ok_or(DateError::NoSuchDay)
    }

    /// Days since 0001-01-01, for arithmetic such as "30 days later".
    pub fn ordinal(self) -> i32 {
        let y = i32::from(self.year) - 1;
        let mut days = y * 365 + y / 4 - y / 100 + y / 400;
        for m in 1..self.month {
            days += i32::from(days_in_month(self.year, m));
        }
        days + i32::from(self.day) - 1
    }

    /// The date `n` days after this one (or before, for negative `n`),
    /// clamped to the representable range.
    pub fn add_days(self, n: i32) -> Date {
        let mut target = self.ordinal().saturating_add(n).max(0);
        let mut year: u16 = 1;
        loop {
            let len = if is_leap(year) { 366 } else { 365 };
            if target < len || year == 9999 {
                break;
            }
            target -= len;
            year += 1;
        }
        let mut month = 1;
        while month < 12 && target >= i32::from(days_in_month(year, month)) {
            target -= i32::from(days_in_month(year, month));
            month += 1;
        }
        let day = (target + 1).min(i32::from(days_in_month(year, month))) as u8;
        Date { year, month, day }
    }
}

/// Whether `year` has a 29 February.
pub const fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` of `year`.
pub const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl crate::json::ToJson for Date {
    fn to_json(&self, out: &mut String) {
        crate::json::write_str(out, &self.to_string());
    }
}

impl crate::json::FromJson for Date {
    fn from_json(n: &crate::json::Node) -> Result<Self, crate::json::Error> {
        n.as_str()
            .and_then(|s| Date::parse(s).ok())
            .ok_or_else(|| crate::json::Error::new(n.at, crate::json::ErrorKind::ExpectedDate))
    }
}

crate::json_str_enum!(Region, ["mainland", "overseas"]);
crate::json_str_enum!(Os, ["ios", "android"]);
crate::json_str_enum!(Cohort, ["early", "late"]);
/// Written with every field; `cohort` may be absent (saves and addresses
/// from before cohorts existed), which reads as the default, late.
impl crate::json::ToJson for Scenario {
    fn to_json(&self, out: &mut String) {
        use crate::json::key;
        out.push('{');
        key(out, true, "date");
        self.date.to_json(out);
        key(out, false, "region");
        self.region.to_json(out);
        key(out, false, "os");
        self.os.to_json(out);
        key(out, false, "vpn");
        self.vpn.to_json(out);
        key(out, false, "cohort");
        self.cohort.to_json(out);
        out.push('}');
    }
}

impl crate::json::FromJson for Scenario {
    fn from_json(n: &crate::json::Node) -> Result<Self, crate::json::Error> {
        n.field("date")?;
        Ok(Scenario {
            date: n.read("date")?,
            region: n.read("region")?,
            os: n.read("os")?,
            vpn: n.read("vpn")?,
            cohort: n.read::<Option<Cohort>>("cohort")?.unwrap_or_default(),
        })
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse(&text).map_err(|_| serde::de::Error::custom("invalid date"))
    }
}

/// Where the user's account is registered and where they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// Mainland China: the Great Firewall applies, mainland rules apply.
    #[default]
    Mainland,
    /// Anywhere else.
    Overseas,
}

/// The phone's operating system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Os {
    /// Apple iOS.
    #[default]
    Ios,
    /// Google Android.
    Android,
}

/// The scenario: everything about the world that a rule may depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Scenario {
    /// The day being simulated.
    pub date: Date,
    /// Mainland China or overseas.
    pub region: Region,
    /// iOS or Android.
    pub os: Os,
    /// Whether a VPN is on (reaches sites blocked in the mainland).
    pub vpn: bool,
    /// Whether this account got gradual rollouts early or late (record §1:
    /// two users saw different things on the same day).
    #[serde(default)]
    pub cohort: Cohort,
}

/// When an account got a gradually rolled-out change: the record's
/// "rollout gradual" and "pilot" made two users see different things on the
/// same day, and the simulator makes that a choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cohort {
    /// Got the change among the first.
    Early,
    /// Got it last, or not during the rollout (the default).
    #[default]
    Late,
}

impl Cohort {
    /// The value used in URLs and data files.
    pub const fn as_str(self) -> &'static str {
        match self {
            Cohort::Early => "early",
            Cohort::Late => "late",
        }
    }
    /// Parses the URL/data value.
    pub fn parse(s: &str) -> Option<Cohort> {
        match s {
            "early" => Some(Cohort::Early),
            "late" => Some(Cohort::Late),
            _ => None,
        }
    }
    /// The other cohort.
    pub const fn other(self) -> Cohort {
        match self {
            Cohort::Early => Cohort::Late,
            Cohort::Late => Cohort::Early,
        }
    }
}

/// The earliest date there is: the start of a rule the record dates no
/// start for (`rules::NO_START`).
pub const EARLIEST: Date = Date {
    year: 1,
    month: 1,
    day: 1,
};

/// The default simulated day: just after WeChat opened one-to-one chats
/// (record R-2021-11-29), an interesting moment to start exploring.
pub const DEFAULT_DATE: Date = Date {
    year: 2021,
    month: 12,
    day: 1,
};

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            date: DEFAULT_DATE,
            region: Region::Mainland,
            os: Os::Ios,
            vpn: false,
            cohort: Cohort::Late,
        }
    }
}

impl Region {
    /// The value used in URLs and data files.
    pub const fn as_str(self) -> &'static str {
        match self {
            Region::Mainland => "mainland",
            Region::Overseas => "overseas",
        }
    }
    /// Parses the URL/data value.
    pub fn parse(s: &str) -> Option<Region> {
        match s {
            "mainland" => Some(Region::Mainland),
            "overseas" => Some(Region::Overseas),
            _ => None,
        }
    }
}

impl Os {
    /// The value used in URLs and data files.
    pub const fn as_str(self) -> &'static str {
        match self {
            Os::Ios => "ios",
            Os::Android => "android",
        }
    }
    /// Parses the URL/data value.
    pub fn parse(s: &str) -> Option<Os> {
        match s {
            "ios" => Some(Os::Ios),
            "android" => Some(Os::Android),
            _ => None,
        }
    }
}

/// Parses the URL value of the VPN switch.
pub fn parse_vpn(s: &str) -> Option<bool> {
    match s {
        "on" => Some(true),
        "off" => Some(false),
        _ => None,
    }
}

/// The URL value of the VPN switch.
pub const fn vpn_str(on: bool) -> &'static str {
    if on {
        "on"
    } else {
        "off"
    }
}

/// The default scenario on day `s` (`YYYY-MM-DD`), for tests.
#[cfg(test)]
pub(crate) fn day(s: &str) -> Scenario {
    Scenario {
        date: Date::parse(s).expect("a valid test date"),
        ..Scenario::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_good_dates() {
        assert_eq!(
            Date::parse("2021-12-01"),
            Ok(Date::new(2021, 12, 1).unwrap())
        );
        assert_eq!(Date::parse("2020-02-29").unwrap().day, 29);
    }

    #[test]
    fn refuses_bad_dates() {
        assert_eq!(Date::parse("2021-13-45"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2021-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2021-00-10"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("0000-01-01"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("21-12-01"), Err(DateError::Format));
        assert_eq!(Date::parse("2021/12/01"), Err(DateError::Format));
        assert_eq!(Date::parse("2021-1a-01"), Err(DateError::Format));
        assert_eq!(Date::parse("２０２１-12-01"), Err(DateError::Format));
        assert_eq!(Date::parse(""), Err(DateError::Format));
    }

    #[test]
    fn dates_order_and_print() {
        let a = Date::parse("2021-09-17").unwrap();
        let b = Date::parse("2021-11-29").unwrap();
        assert!(a < b);
        assert_eq!(a.to_string(), "2021-09-17");
    }

    #[test]
    fn adds_days_across_months_and_leap_years() {
        let d = Date::parse("2020-02-28").unwrap();
        assert_eq!(d.add_days(1).to_string(), "2020-02-29");
        assert_eq!(d.add_days(2).to_string(), "2020-03-01");
        assert_eq!(
            Date::parse("2021-12-31").unwrap().add_days(1).to_string(),
            "2022-01-01"
        );
        assert_eq!(
            Date::parse("2022-01-01").unwrap().add_days(-1).to_string(),
            "2021-12-31"
        );
        let x = Date::parse("2021-07-27").unwrap();
        assert_eq!(x.add_days(30).ordinal() - x.ordinal(), 30);
    }

    #[test]
    fn serde_round_trip() {
        let s = Scenario::default();
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("\"2021-12-01\""));
        assert_eq!(serde_json::from_str::<Scenario>(&json).unwrap(), s);
        assert!(serde_json::from_str::<Date>("\"2021-13-45\"").is_err());
        use crate::json::{FromJson, ToJson};
        let ours = s.to_json_string();
        assert_eq!(ours, json);
        assert_eq!(Scenario::from_json_str(&ours).unwrap(), s);
        assert!(Date::from_json_str("\"2021-13-45\"").is_err());
        assert!(Region::from_json_str("\"mars\"").is_err());
    }

    #[test]
    fn enum_values_round_trip() {
        for r in [Region::Mainland, Region::Overseas] {
            assert_eq!(Region::parse(r.as_str()), Some(r));
        }
        for o in [Os::Ios, Os::Android] {
            assert_eq!(Os::parse(o.as_str()), Some(o));
        }
        assert_eq!(parse_vpn(vpn_str(true)), Some(true));
        assert_eq!(Region::parse("mars"), None);
        assert_eq!(parse_vpn("maybe"), None);
    }
}
