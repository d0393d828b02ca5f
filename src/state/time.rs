//! Message timestamps: seconds since 1970-01-01 in China time (UTC+8).
//!
//! The simulation lives in China's one time zone, so timestamps carry the
//! wall-clock time directly and need no time-zone database.

use crate::policy::scenario::Date;

const EPOCH: Date = Date {
    year: 1970,
    month: 1,
    day: 1,
};

/// The timestamp of `hour:minute` on `date`.
pub fn at(date: Date, hour: u8, minute: u8) -> i64 {
    let days = i64::from(date.ordinal() - EPOCH.ordinal());
    days * 86_400 + i64::from(hour) * 3_600 + i64::from(minute) * 60
}

/// The day and the `(hour, minute)` of a timestamp.
pub fn split(ts: i64) -> (Date, u8, u8) {
    let days = ts.div_euclid(86_400);
    let secs = ts.rem_euclid(86_400);
    let date = EPOCH.add_days(days.clamp(-700_000, 3_000_000) as i32);
    (date, (secs / 3_600) as u8, ((secs % 3_600) / 60) as u8)
}

/// The day part of a message time, relative to the scenario's day: only
/// the calendar, so that the words ("Yesterday", "昨天") stay with the
/// string table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Day {
    /// The same day: the clock time alone.
    Today,
    /// The day before.
    Yesterday,
    /// Any other day, written as the date.
    On(Date),
}

/// A message time as WeChat labels it relative to today: the day and the
/// clock time, which the chat list and a chat's separators write out in
/// the user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    /// Today, yesterday or a date.
    pub day: Day,
    /// The hour, 0–23.
    pub hour: u8,
    /// The minute, 0–59.
    pub minute: u8,
}

impl Label {
    /// The clock time, `21:07`: the same in both languages.
    pub fn clock(self) -> String {
        let mut s = String::with_capacity(5);
        push2(&mut s, self.hour);
        s.push(':');
        push2(&mut s, self.minute);
        s
    }
}

/// The label of `ts` seen on `today`.
pub fn label(ts: i64, today: Date) -> Label {
    let (date, hour, minute) = split(ts);
    let day = if date == today {
        Day::Today
    } else if date.add_days(1) == today {
        Day::Yesterday
    } else {
        Day::On(date)
    };
    Label { day, hour, minute }
}

/// How long ago a Moments post was, as WeChat's Moments says it: minutes,
/// hours, yesterday, days up to a week, then the date. The counts are at
/// least one (`Minutes(1)` is "1 minute ago").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ago {
    /// Under a minute (or a time after now, from a clock set back).
    JustNow,
    /// Whole minutes, under an hour.
    Minutes(u32),
    /// Whole hours, under a day.
    Hours(u32),
    /// One to two days.
    Yesterday,
    /// Whole days, two to six.
    Days(u32),
    /// A week or more: the date.
    On(Date),
}

/// How long before `now` `ts` was.
pub fn ago(ts: i64, now: i64) -> Ago {
    let secs = now.saturating_sub(ts).max(0);
    // Each arm's range bounds its quotient, so the casts cannot truncate.
    match secs {
        0..60 => Ago::JustNow,
        60..3_600 => Ago::Minutes((secs / 60) as u32),
        3_600..86_400 => Ago::Hours((secs / 3_600) as u32),
        86_400..172_800 => Ago::Yesterday,
        172_800..604_800 => Ago::Days((secs / 86_400) as u32),
        _ => Ago::On(split(ts).0),
    }
}

fn push2(s: &mut String, n: u8) {
    s.push(char::from(b'0' + n / 10 % 10));
    s.push(char::from(b'0' + n % 10));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn round_trips() {
        let ts = at(d("2021-11-30"), 9, 5);
        assert_eq!(split(ts), (d("2021-11-30"), 9, 5));
        assert_eq!(at(d("1970-01-02"), 0, 0), 86_400);
    }

    #[test]
    fn labels_relative_to_today() {
        let ts = at(d("2021-11-30"), 21, 7);
        let on = |today| label(ts, d(today)).day;
        assert_eq!(on("2021-11-30"), Day::Today);
        assert_eq!(on("2021-12-01"), Day::Yesterday);
        assert_eq!(on("2022-01-01"), Day::On(d("2021-11-30")));
        assert_eq!(on("2021-11-29"), Day::On(d("2021-11-30")), "a later day");
        assert_eq!(label(ts, d("2022-01-01")).clock(), "21:07");
        assert_eq!(
            label(at(d("2021-11-30"), 0, 5), d("2021-11-30")).clock(),
            "00:05"
        );
    }

    #[test]
    fn ages_as_moments_counts_them() {
        let now = at(d("2021-12-01"), 12, 0);
        let t = |secs: i64| ago(now - secs, now);
        assert_eq!(t(5), Ago::JustNow);
        assert_eq!(t(-50), Ago::JustNow, "a time after now");
        assert_eq!(t(60), Ago::Minutes(1));
        assert_eq!(t(119), Ago::Minutes(1));
        assert_eq!(t(180), Ago::Minutes(3));
        assert_eq!(t(3_599), Ago::Minutes(59));
        assert_eq!(t(3_600), Ago::Hours(1));
        assert_eq!(t(3 * 3_600), Ago::Hours(3));
        assert_eq!(t(86_400), Ago::Yesterday);
        assert_eq!(t(172_799), Ago::Yesterday);
        assert_eq!(t(3 * 86_400), Ago::Days(3));
        assert_eq!(t(30 * 86_400), Ago::On(d("2021-11-01")));
        // A damaged save's times do not overflow.
        assert!(matches!(ago(i64::MIN, i64::MAX), Ago::On(_)));
        assert_eq!(ago(i64::MAX, i64::MIN), Ago::JustNow);
    }
}
