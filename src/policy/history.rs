//! One platform's history: every change of what its link did in WeChat,
//! context by context, over the days the timeline shows.
//!
//! Built on [`matrix::bands`](super::matrix::bands), so a history never
//! disagrees with the matrix, the chart or the engine: a day can only
//! change a cell if one of the rules that may decide the link starts or
//! ends on it, and the bands decide the link on those days only (a few
//! dozen decisions per platform rather than 4,000 days × 3 contexts).
//! `tests/policy_history.rs` checks every platform against a walk of the
//! engine over every day.

use super::matrix::{bands, cell, platforms, Cell, Change, CONTEXTS, END, START};
use super::rules::{Context, Rules};
use super::scenario::{Date, Scenario};
use std::sync::Arc;

/// What a platform's link did in one context over the timeline's days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    /// The context (chats, groups, Moments).
    pub context: Context,
    /// The cell on the first day of the timeline ([`START`]).
    pub first: Cell,
    /// Every change after it, in date order: the day on which the user
    /// saw something else (an outcome or a card's display) than the day
    /// before, with the cells of the day before and of the day itself
    /// (and so the rules deciding each).
    pub changes: Vec<Change>,
}

impl Lane {
    /// What the link did on `day`, and since when: the last change on or
    /// before it, or the first cell (since [`START`]) before any change.
    pub fn on(&self, day: Date) -> (&Cell, Date) {
        match self.changes.iter().rev().find(|c| c.date <= day) {
            Some(c) => (&c.after, c.date),
            None => (&self.first, START),
        }
    }
}

/// Every change of one platform, context by context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History {
    /// The platform's id.
    pub platform: Arc<str>,
    /// One lane per context, in the matrix's column order.
    pub lanes: Vec<Lane>,
}

impl History {
    /// Every change of every lane, by date (ties in context order).
    pub fn all(&self) -> Vec<&Change> {
        let mut out: Vec<&Change> = self.lanes.iter().flat_map(|l| &l.changes).collect();
        crate::sort::sort_by(&mut out, &|a, b| a.date.cmp(&b.date));
        out
    }
}

/// Whether `platform_id` has a history: it is a platform of the matrix
/// (one with a domain, and not WeChat's own).
pub fn has_history(rules: &Rules, platform_id: &str) -> bool {
    platforms(rules).any(|(_, p)| &*p.id == platform_id)
}

/// The history of `platform_id` from [`START`] to [`END`] in `scenario`
/// (its date is not used; its region, phone, VPN and cohort are), or
/// `None` if it is not a platform of the matrix.
pub fn history(rules: &Rules, platform_id: &str, scenario: &Scenario) -> Option<History> {
    let (pi, p) = platforms(rules).find(|(_, p)| &*p.id == platform_id)?;
    let lanes = CONTEXTS
        .iter()
        .map(|&context| {
            let bs = bands(rules, pi, context, scenario, START, END);
            let changes = bs
                .windows(2)
                .map(|w| {
                    // A band keeps the rules of its first day; the rules
                    // "before" a change are those of the day before it
                    // (a concurring rule may have started in between).
                    let eve = w[1].from.add_days(-1);
                    let before = if eve == w[0].from {
                        w[0].cell.clone()
                    } else {
                        cell(
                            rules,
                            p,
                            context,
                            &Scenario {
                                date: eve,
                                ..*scenario
                            },
                        )
                    };
                    Change {
                        date: w[1].from,
                        platform: p.id.clone(),
                        context,
                        before,
                        after: w[1].cell.clone(),
                    }
                })
                .collect();
            // `bands` always has a first band, from START.
            let first = bs.into_iter().next().map(|b| b.cell);
            first.map(|first| Lane {
                context,
                first,
                changes,
            })
        })
        .collect::<Option<Vec<Lane>>>()?;
    Some(History {
        platform: p.id.clone(),
        lanes,
    })
}

/// Every change of every platform on the days after `from` up to and
/// including `to` (in either order), by date, then in the matrix's order:
/// "every change in between", where `matrix::diff` compares the two end
/// days only. Taken from each platform's [`history`], so the two lists
/// can never disagree.
pub fn between(rules: &Rules, scenario: &Scenario, from: Date, to: Date) -> Vec<Change> {
    let (from, to) = if from <= to { (from, to) } else { (to, from) };
    let mut out = Vec::new();
    for (_, p) in platforms(rules) {
        let Some(h) = history(rules, &p.id, scenario) else {
            continue;
        };
        for lane in h.lanes {
            out.extend(
                lane.changes
                    .into_iter()
                    .filter(|c| c.date > from && c.date <= to),
            );
        }
    }
    // Stable: ties keep the matrix's order.
    crate::sort::sort_by(&mut out, &|x, y| x.date.cmp(&y.date));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::matrix::changes;
    use crate::policy::rules::Outcome;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn douyin_in_chats_walls_off_in_2018_and_opens_up_in_2021() {
        let rules = Rules::builtin();
        let h = history(rules, "douyin", &Scenario::default()).unwrap();
        assert_eq!(h.lanes.len(), 3);
        let chats = &h.lanes[0];
        assert_eq!(chats.context, Context::Chat);
        assert_eq!(chats.first.outcome, Outcome::Open);
        let first = &chats.changes[0];
        assert_eq!((first.date.year, first.date.month), (2018, 3));
        assert_eq!(first.before.outcome, Outcome::Open);
        assert_eq!(first.after.outcome, Outcome::CopyToBrowser);
        assert!(chats
            .changes
            .iter()
            .any(|c| c.date.year == 2021 && c.before.outcome == Outcome::CopyToBrowser));
        let all = h.all();
        assert!(all.windows(2).all(|w| w[0].date <= w[1].date));
    }

    #[test]
    fn only_the_matrix_platforms_have_a_history() {
        let rules = Rules::builtin();
        let s = Scenario::default();
        assert!(history(rules, "wechat", &s).is_none());
        assert!(history(rules, "nowhere", &s).is_none());
        assert!(history(rules, "", &s).is_none());
        assert!(!has_history(rules, "wechat"));
        assert!(has_history(rules, "taobao"));
    }

    #[test]
    fn between_is_the_matrix_changes_in_either_order() {
        let rules = Rules::builtin();
        let s = Scenario::default();
        let (a, b) = (d("2018-01-01"), d("2022-12-31"));
        let every = between(rules, &s, a, b);
        // The same changes as the matrix's (whose "before" is a band's
        // first day, so its rule ids may be older).
        let seen = |v: &[Change]| -> Vec<_> {
            v.iter()
                .map(|c| (c.date, c.platform.clone(), c.context, c.after.clone()))
                .collect()
        };
        assert!(seen(&every) == seen(&changes(rules, &s, a, b)));
        assert_eq!(every, between(rules, &s, b, a));
        assert!(every.iter().any(|c| &*c.platform == "douyin"
            && c.context == Context::Chat
            && c.after.outcome == Outcome::CopyToBrowser));
        assert!(between(rules, &s, a, a).is_empty());
    }
}
