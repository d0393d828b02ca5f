//! Times in the user's language: a message's label in the chat list and in
//! a chat's separators, and how long ago a Moments post was. The calendar
//! and clock arithmetic is `state::time`; only the words are here.

use super::{Lang, T};
use crate::state::time::{Ago, Day, Label};

/// The chat list's label: the clock time today, "Yesterday", else the date.
pub fn label(l: Label, lang: Lang) -> String {
    match l.day {
        Day::Today => l.clock(),
        Day::Yesterday => T::Yesterday.tr(lang).into(),
        Day::On(date) => date.to_string(),
    }
}

/// A separator inside a chat: the clock time, after the day unless today
/// ("Yesterday 21:07", "2021-11-30 21:07").
pub fn full_label(l: Label, lang: Lang) -> String {
    if l.day == Day::Today {
        return l.clock();
    }
    let mut s = label(l, lang);
    s.push(' ');
    s.push_str(&l.clock());
    s
}

/// How long ago a post was: "3 minutes ago", "3分钟前".
pub fn ago(a: Ago, lang: Lang) -> String {
    let (n, unit) = match a {
        Ago::JustNow => return T::JustNow.tr(lang).into(),
        Ago::Yesterday => return T::Yesterday.tr(lang).into(),
        Ago::On(date) => return date.to_string(),
        Ago::Minutes(1) => (1, T::MinuteAgo),
        Ago::Minutes(n) => (n, T::MinutesAgo),
        Ago::Hours(1) => (1, T::HourAgo),
        Ago::Hours(n) => (n, T::HoursAgo),
        Ago::Days(n) => (n, T::DaysAgo),
    };
    let mut s = n.to_string();
    // Chinese writes the count against its unit: "3分钟前".
    if lang == Lang::En {
        s.push(' ');
    }
    s.push_str(unit.tr(lang));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::scenario::Date;
    use crate::state::time::{self, at};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn message_times_in_both_languages() {
        let ts = at(d("2021-11-30"), 21, 7);
        let short = |today, lang| label(time::label(ts, d(today)), lang);
        let full = |today, lang| full_label(time::label(ts, d(today)), lang);
        assert_eq!(short("2021-11-30", Lang::En), "21:07");
        assert_eq!(short("2021-11-30", Lang::Zh), "21:07");
        assert_eq!(short("2021-12-01", Lang::En), "Yesterday");
        assert_eq!(short("2021-12-01", Lang::Zh), "昨天");
        assert_eq!(short("2022-01-01", Lang::En), "2021-11-30");
        assert_eq!(short("2022-01-01", Lang::Zh), "2021-11-30");
        assert_eq!(full("2021-11-30", Lang::En), "21:07");
        assert_eq!(full("2021-12-01", Lang::En), "Yesterday 21:07");
        assert_eq!(full("2021-12-01", Lang::Zh), "昨天 21:07");
        assert_eq!(full("2022-01-01", Lang::En), "2021-11-30 21:07");
    }

    #[test]
    fn post_times_are_said_as_moments_says_them() {
        let now = at(d("2021-12-01"), 12, 0);
        let t = |secs: i64, lang| ago(time::ago(now - secs, now), lang);
        assert_eq!(t(5, Lang::En), "Just now");
        assert_eq!(t(5, Lang::Zh), "刚刚");
        assert_eq!(t(60, Lang::En), "1 minute ago");
        assert_eq!(t(60, Lang::Zh), "1分钟前");
        assert_eq!(t(180, Lang::En), "3 minutes ago");
        assert_eq!(t(180, Lang::Zh), "3分钟前");
        assert_eq!(t(3_600, Lang::En), "1 hour ago");
        assert_eq!(t(3 * 3_600, Lang::En), "3 hours ago");
        assert_eq!(t(3 * 3_600, Lang::Zh), "3小时前");
        assert_eq!(t(86_400, Lang::En), "Yesterday");
        assert_eq!(t(86_400, Lang::Zh), "昨天");
        assert_eq!(t(3 * 86_400, Lang::En), "3 days ago");
        assert_eq!(t(3 * 86_400, Lang::Zh), "3天前");
        assert_eq!(t(30 * 86_400, Lang::En), "2021-11-01");
        assert_eq!(t(30 * 86_400, Lang::Zh), "2021-11-01");
        assert_eq!(t(-50, Lang::En), "Just now");
    }
}
