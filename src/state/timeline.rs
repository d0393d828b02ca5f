//! The pure half of the timeline and rules screens: the date scrubber's
//! keys, positions on the 2013–2023 axis, and the rules list's filters
//! (a record card's dates are `present::record`).

use crate::policy::matrix::{END, START};
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
