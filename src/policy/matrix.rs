//! Time travel: what a platform's links did in each context on a day, and
//! how that changed over the years.
//!
//! One function, [`cell`], decides a platform's representative link (its
//! first domain) in a context; the outcome matrix, the chart's bands, the
//! diff of two dates and `decide --changes` are all built from it, so they
//! can never disagree with each other or with the engine.

use super::engine::decide;
use super::rules::{CardDisplay, Context, LinkForm, Outcome, Platform, Rules};
use super::scenario::{Date, Scenario};
use std::sync::Arc;

/// The contexts of the matrix, in its column order.
pub const CONTEXTS: [Context; 3] = [Context::Chat, Context::Group, Context::Moments];

/// The first day the timeline and the chart show.
pub const START: Date = Date {
    year: 2013,
    month: 1,
    day: 1,
};
/// The last day the timeline and the chart show.
pub const END: Date = Date {
    year: 2023,
    month: 12,
    day: 31,
};

/// The years the timeline and the chart show, [`START`]'s to [`END`]'s:
/// the chart's axis.
pub fn years() -> std::ops::RangeInclusive<u16> {
    START.year..=END.year
}

/// One cell: what a platform's link did in a context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The outcome (`data-outcome`).
    pub outcome: Outcome,
    /// How the card looked: a change of display alone (the 2018-05-29
    /// Moments rules made posts visible only to their poster) is a change
    /// too.
    pub display: CardDisplay,
    /// The deciding rule first, then those concurring (`data-rules`).
    pub rules: Vec<Arc<str>>,
    /// Whether the page itself loads where the phone is (the network,
    /// `data-reachable`); it depends on the place and the VPN, not the day.
    pub reachable: bool,
}

impl Cell {
    /// Whether the user saw the same thing (rules aside).
    pub fn same(&self, other: &Cell) -> bool {
        (self.outcome, self.display) == (other.outcome, other.display)
    }
    /// The rule ids, space-separated.
    pub fn rules_attr(&self) -> String {
        join(&self.rules)
    }
}

/// Rule ids, space-separated.
pub fn join(ids: &[Arc<str>]) -> String {
    let mut s = String::new();
    for (i, r) in ids.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(r);
    }
    s
}

/// The platforms of the matrix: every platform with a domain, WeChat's own
/// excepted (its links are never walled off). Index in the rules' registry
/// with the platform.
pub fn platforms(rules: &Rules) -> impl Iterator<Item = (u32, &Platform)> {
    rules
        .platforms()
        .iter()
        .enumerate()
        .filter(|(_, p)| &*p.id != "wechat" && !p.domains.is_empty())
        .map(|(i, p)| (i as u32, p))
}

/// The link that stands for a platform: its first domain's home page.
pub fn sample_link(p: &Platform) -> String {
    String::from("https://") + p.domains.first().map_or("", |d| d.as_str()) + "/"
}

/// What `p`'s link did in `ctx` in `scenario`.
pub fn cell(rules: &Rules, p: &Platform, ctx: Context, scenario: &Scenario) -> Cell {
    let d = decide(rules, &sample_link(p), ctx, scenario);
    Cell {
        outcome: d.outcome,
        display: d.display,
        rules: d.rules,
        reachable: d.reachable,
    }
}

/// The matrix for `scenario`: for each of [`platforms`], its cells in the
/// order of [`CONTEXTS`].
pub fn matrix(rules: &Rules, scenario: &Scenario) -> Vec<(Arc<str>, [Cell; 3])> {
    platforms(rules)
        .map(|(_, p)| (p.id.clone(), CONTEXTS.map(|c| cell(rules, p, c, scenario))))
        .collect()
}

/// A stretch of days over which a cell stays the same.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    /// Its first day.
    pub from: Date,
    /// Its last day (inclusive).
    pub to: Date,
    /// The cell on those days.
    pub cell: Cell,
}

/// The days in `from..=to` on which one of the rules that can decide `p`'s
/// link in `ctx` starts or ends, in order, `from` first. Only these days
/// can change the cell, so the bands need a decision on each of them only.
fn change_days(rules: &Rules, pi: u32, ctx: Context, from: Date, to: Date) -> Vec<Date> {
    let mut days = vec![from];
    for &ri in rules.candidates(LinkForm::Web, ctx, Some(pi)) {
        let r = rules.rule_at(ri);
        for d in [Some(r.valid_from), r.valid_until].into_iter().flatten() {
            if d > from && d <= to {
                days.push(d);
            }
        }
    }
    crate::sort::sort_by(&mut days, &|a, b| a.cmp(b));
    days.dedup();
    days
}

/// `p`'s cell in `ctx` over `from..=to` as bands of equal cells (the
/// scenario's date is not used; the rest of it is).
pub fn bands(
    rules: &Rules,
    pi: u32,
    ctx: Context,
    scenario: &Scenario,
    from: Date,
    to: Date,
) -> Vec<Band> {
    let p = &rules.platforms()[pi as usize];
    let mut out: Vec<Band> = Vec::new();
    for day in change_days(rules, pi, ctx, from, to) {
        let c = cell(
            rules,
            p,
            ctx,
            &Scenario {
                date: day,
                ..*scenario
            },
        );
        match out.last_mut() {
            Some(b) if b.cell.same(&c) => {}
            _ => {
                if let Some(b) = out.last_mut() {
                    b.to = day.add_days(-1);
                }
                out.push(Band {
                    from: day,
                    to,
                    cell: c,
                });
            }
        }
    }
    out
}

/// A cell that differs between two days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The day of the change (for a diff of two dates, the second one).
    pub date: Date,
    /// The platform id.
    pub platform: Arc<str>,
    /// The context.
    pub context: Context,
    /// The cell before.
    pub before: Cell,
    /// The cell after.
    pub after: Cell,
}

/// The cells that differ between `a` and `b`, in matrix order.
pub fn diff(rules: &Rules, scenario: &Scenario, a: Date, b: Date) -> Vec<Change> {
    let (sa, sb) = (
        Scenario {
            date: a,
            ..*scenario
        },
        Scenario {
            date: b,
            ..*scenario
        },
    );
    let mut out = Vec::new();
    for (_, p) in platforms(rules) {
        for ctx in CONTEXTS {
            let (before, after) = (cell(rules, p, ctx, &sa), cell(rules, p, ctx, &sb));
            if !before.same(&after) {
                out.push(Change {
                    date: b,
                    platform: p.id.clone(),
                    context: ctx,
                    before,
                    after,
                });
            }
        }
    }
    out
}

/// Every change point in `from..=to`: each day on which a cell differs
/// from the day before, by date, then in matrix order.
pub fn changes(rules: &Rules, scenario: &Scenario, from: Date, to: Date) -> Vec<Change> {
    let mut out = Vec::new();
    for (pi, p) in platforms(rules) {
        for ctx in CONTEXTS {
            let bs = bands(rules, pi, ctx, scenario, from, to);
            for w in bs.windows(2) {
                out.push(Change {
                    date: w[1].from,
                    platform: p.id.clone(),
                    context: ctx,
                    before: w[0].cell.clone(),
                    after: w[1].cell.clone(),
                });
            }
        }
    }
    // Stable: ties keep matrix order.
    crate::sort::sort_by(&mut out, &|x, y| x.date.cmp(&y.date));
    out
}

/// The record event nearest to `day` among `dates`, if any.
pub fn nearest(dates: impl Iterator<Item = Date>, day: Date) -> Option<Date> {
    dates.min_by_key(|d| (d.ordinal() - day.ordinal()).abs())
}

#[cfg(test)]
mod tests;
