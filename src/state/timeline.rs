//! The pure half of the timeline and rules screens: the date scrubber's
//! keys, positions on the 2013–2023 axis, a record card's dates, and the
//! rules list's filters.

use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::matrix::{END, START};
use crate::policy::record::Entry;
use crate::policy::rules::{Context, Rule, Rules};
use crate::policy::scenario::{days_in_month, Date};

/// Days from [`START`] to [`END`]: the scrubber's and the chart's width.
pub fn span() -> i32 {
    END.ordinal() - START.ordinal()
}

/// Days from [`START`] to `d`, clamped to the axis.
pub fn offset(d: Date) -> i32 {
    (d.ordinal() - START.ordinal()).clamp(0, span())
}

/// The day `n` days after [`START`], clamped to the axis.
pub fn day_at(n: i32) -> Date {
    START.add_days(n.clamp(0, span()))
}

/// A position on the axis as a CSS percentage with two decimals (the app
/// prints no floats: their formatting code would cost the bundle).
pub fn percent(d: Date) -> String {
    let p = offset(d) as i64 * 10_000 / span() as i64;
    format!("{}.{:02}%", p / 100, p % 100)
}

/// `d` moved by `n` months, the day clamped to the month's length.
pub fn add_months(d: Date, n: i32) -> Date {
    let m = i32::from(d.year) * 12 + i32::from(d.month) - 1 + n;
    let (year, month) = ((m / 12) as u16, (m % 12 + 1) as u8);
    let day = d.day.min(days_in_month(year, month));
    Date::new(year, month, day).unwrap_or(d)
}

/// The day the scrubber moves to on `key` (a `KeyboardEvent.key`), or
/// `None` for keys it leaves alone: arrows by a day, Page Up and Down by a
/// month, Home and End to the ends of the axis.
pub fn scrub(d: Date, key: &str) -> Option<Date> {
    let next = match key {
        "ArrowRight" | "ArrowUp" => d.add_days(1),
        "ArrowLeft" | "ArrowDown" => d.add_days(-1),
        "PageUp" => add_months(d, 1),
        "PageDown" => add_months(d, -1),
        "Home" => START,
        "End" => END,
        _ => return None,
    };
    Some(next.clamp(START, END))
}

/// The words for an entry's precision, when it is not to the day.
fn precision(e: &Entry) -> Option<T> {
    match e.precision.as_str() {
        "month" => Some(T::PrecMonth),
        "approximate" => Some(T::PrecApprox),
        "unknown" => Some(T::PrecUnknown),
        _ => None,
    }
}

/// Writes a record card's dates as markup, only as the record gives them:
/// the start as a `<time>` (or "Start not in the record" before an end,
/// or "No date in the record"), the end (marked "(inferred)" when the
/// record infers it), the precision of a date shown, and the record's own
/// words when the day shown is a reading of them.
pub fn write_dates(out: &mut String, e: &Entry, lang: Lang) {
    use std::fmt::Write;
    let time = |out: &mut String, d: Date| {
        let _ = write!(out, "<time datetime=\"{d}\">{d}</time>");
    };
    match e.date {
        Some(d) => time(out, d),
        None if e.until.is_some() => out.push_str(T::NoStart.tr(lang)),
        None => out.push_str(T::NoDate.tr(lang)),
    }
    if let Some(u) = e.until {
        out.push_str(if e.date.is_some() { " " } else { " · " });
        out.push_str(T::UntilDay.tr(lang));
        out.push(' ');
        time(out, u);
        if e.until_inferred {
            out.push(' ');
            out.push_str(T::Inferred.tr(lang));
        }
    }
    if let Some(p) = precision(e).filter(|_| e.date.or(e.until).is_some()) {
        out.push(' ');
        out.push_str(p.tr(lang));
    }
    if let Some(w) = e.when(lang) {
        out.push_str(" · ");
        out.push_str(T::RecordSays.tr(lang));
        out.push_str(lang.pick(": \u{201c}", "：“"));
        crate::state::opener::escape_html(out, w);
        out.push_str(lang.pick("\u{201d}", "”"));
    }
}

/// The rules list's filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleFilter {
    /// A platform id: rules that can decide its links.
    pub platform: Option<String>,
    /// A context: rules for it.
    pub context: Option<Context>,
    /// A day: rules in force on it.
    pub on: Option<Date>,
}

impl RuleFilter {
    /// Whether `r` of `rules` passes.
    pub fn passes(&self, rules: &Rules, r: &Rule) -> bool {
        let platform = self.platform.as_deref().is_none_or(|id| {
            let any = r.platforms.is_empty() && r.categories.is_empty();
            any || r.platforms.iter().any(|p| p == id)
                || rules
                    .platform(id)
                    .is_some_and(|p| p.categories.iter().any(|c| r.categories.contains(c)))
        });
        platform
            && self.context.is_none_or(|c| r.contexts.contains(&c))
            && self.on.is_none_or(|d| r.valid_on(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn keys_move_by_day_and_month_within_the_axis() {
        let d = day("2021-09-01");
        assert_eq!(scrub(d, "ArrowRight"), Some(day("2021-09-02")));
        assert_eq!(scrub(d, "ArrowLeft"), Some(day("2021-08-31")));
        assert_eq!(scrub(d, "PageUp"), Some(day("2021-10-01")));
        assert_eq!(scrub(d, "PageDown"), Some(day("2021-08-01")));
        assert_eq!(scrub(day("2020-01-31"), "PageUp"), Some(day("2020-02-29")));
        assert_eq!(
            scrub(day("2021-01-15"), "PageDown"),
            Some(day("2020-12-15"))
        );
        assert_eq!(scrub(START, "ArrowLeft"), Some(START));
        assert_eq!(scrub(END, "PageUp"), Some(END));
        assert_eq!(scrub(d, "Home"), Some(START));
        assert_eq!(scrub(d, "a"), None);
    }

    #[test]
    fn positions_on_the_axis() {
        assert_eq!(percent(START), "0.00%");
        assert_eq!(percent(END), "100.00%");
        assert_eq!(percent(day("2000-01-01")), "0.00%");
        assert_eq!(day_at(offset(day("2021-09-17"))), day("2021-09-17"));
        assert_eq!(day_at(-5), START);
    }

    fn dates_of(id: &str, lang: Lang) -> String {
        let mut out = String::new();
        write_dates(&mut out, crate::policy::record::entry(id).unwrap(), lang);
        out
    }

    #[test]
    fn cards_give_only_the_dates_of_the_record() {
        use Lang::{En, Zh};
        assert_eq!(
            dates_of("S-SYNC-BEFORE-2017-05", En),
            "Start not in the record · until <time datetime=\"2017-05-19\">2017-05-19</time> \
             (approximate) · the record says: \u{201c}before May 2017\u{201d}"
        );
        assert!(dates_of("S-SYNC-BEFORE-2017-05", Zh).starts_with("记录中没有开始日期 · 至 "));
        assert!(dates_of("S-SYNC-BEFORE-2017-05", Zh).ends_with("记录原文：“2017 年 5 月前”"));
        for id in ["S-VPN", "S-ANDROID-SOON", "N-GFW"] {
            assert_eq!(dates_of(id, En), "No date in the record", "{id}");
            assert_eq!(dates_of(id, Zh), "记录中没有日期", "{id}");
        }
        assert_eq!(
            dates_of("REG-2021-07-27", En),
            "<time datetime=\"2021-07-27\">2021-07-27</time> until \
             <time datetime=\"2021-08-05\">2021-08-05</time> (inferred)"
        );
        assert!(dates_of("REG-2021-07-27", Zh).ends_with("2021-08-05</time> （推断）"));
        assert!(dates_of("CONN-2020-02", En)
            .ends_with("(approximate) · the record says: \u{201c}late February 2020\u{201d}"));
        assert_eq!(
            dates_of("R-2013-11", En),
            "<time datetime=\"2013-11-01\">2013-11-01</time> (month only)"
        );
        assert!(!dates_of("R-2021-09-17", En).contains('('));
    }

    #[test]
    fn filters() {
        let rules = Rules::builtin();
        let count = |f: &RuleFilter| rules.rules().iter().filter(|r| f.passes(rules, r)).count();
        assert_eq!(count(&RuleFilter::default()), rules.rules().len());
        let douyin = RuleFilter {
            platform: Some("douyin".into()),
            context: Some(Context::Group),
            on: Some(day("2022-02-01")),
        };
        let ids: Vec<&str> = rules
            .rules()
            .iter()
            .filter(|r| douyin.passes(rules, r))
            .map(|r| &*r.id)
            .collect();
        assert!(
            ids.contains(&"group-short-video-not-covered-2021-11-29"),
            "{ids:?}"
        );
        assert!(ids.contains(&"default-open"));
        assert!(!ids.contains(&"taobao-open-2022-01-27"));
        assert!(!ids.contains(&"chat-open-2021-11-29"), "chat only");
        // Taobao is e-commerce: the category rules count for it.
        let taobao = RuleFilter {
            platform: Some("taobao".into()),
            ..RuleFilter::default()
        };
        assert!(rules
            .rule("group-ecommerce-pilot-2021-11-29")
            .is_some_and(|r| taobao.passes(rules, r)));
    }
}
