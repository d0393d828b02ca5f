//! Message timestamps: seconds since 1970-01-01 in China time (UTC+8).
//!
//! The simulation lives in China's one time zone, so timestamps carry the
//! wall-clock time directly and need no time-zone database.

use crate::i18n::T;
use crate::lang::Lang;
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

/// How WeChat labels a message time relative to `today`: the clock time for
/// today, "Yesterday" for yesterday, otherwise the date.
pub fn label(ts: i64, today: Date, lang: Lang) -> String {
    let (date, h, m) = split(ts);
    if date == today {
        let mut s = String::with_capacity(5);
        push2(&mut s, h);
        s.push(':');
        push2(&mut s, m);
        s
    } else if date.add_days(1) == today {
        T::Yesterday.tr(lang).to_string()
    } else {
        date.to_string()
    }
}

/// The full label used in time separators inside a chat.
pub fn full_label(ts: i64, today: Date, lang: Lang) -> String {
    let (date, h, m) = split(ts);
    let mut s = if date == today {
        String::new()
    } else {
        let mut d = label(ts, today, lang);
        d.push(' ');
        d
    };
    push2(&mut s, h);
    s.push(':');
    push2(&mut s, m);
    s
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
        assert_eq!(label(ts, d("2021-11-30"), Lang::En), "21:07");
        assert_eq!(label(ts, d("2021-12-01"), Lang::En), "Yesterday");
        assert_eq!(label(ts, d("2021-12-01"), Lang::Zh), "昨天");
        assert_eq!(label(ts, d("2022-01-01"), Lang::En), "2021-11-30");
        assert_eq!(full_label(ts, d("2021-11-30"), Lang::En), "21:07");
        assert_eq!(
            full_label(ts, d("2022-01-01"), Lang::En),
            "2021-11-30 21:07"
        );
    }
}
