//! Compare (`#/compare`): one link, where it was shared, and two scenarios
//! A and B, read from the address and written back to it (UI-CONTRACT.md,
//! "Citing, comparing"), and what differs between the two decisions.
//!
//! The address is the state: `url`, `in`, then `a.date`, `a.region`,
//! `a.os`, `a.vpn`, `a.cohort` and the same with `b.`. A parameter of A
//! that is absent takes the current scenario's value and one of B takes
//! A's, so an address naming only A (or nothing) compares A with a copy of
//! itself. A bad value is refused with the same validators as the scenario
//! parameters (`state::params`), typed by side and field, and only that
//! field falls back: the other side is kept as asked.

use super::params::{decode, encode, refusal, simulated_day, Refusal};
use crate::policy::engine::Decision;
use crate::policy::link::query_pairs;
use crate::policy::rules::{CardDisplay, Confidence, Context, Outcome};
use crate::policy::scenario::{parse_vpn, vpn_str, Cohort, Os, Region, Scenario};
use std::sync::Arc;

/// One of the two scenarios compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The left one (the top one on a phone): the scenario compared from.
    A,
    /// The right one (below on a phone).
    B,
}

impl Side {
    /// Both sides, in the order they are shown.
    pub const BOTH: [Side; 2] = [Side::A, Side::B];

    /// `a` or `b`: the parameters' prefix and `data-side`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }

    /// `A` or `B`, as the screen names the side in both languages.
    pub const fn letter(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }
}

/// A scenario field of one side (`a.date` is the date of A).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// `date=YYYY-MM-DD`, within the record.
    Date,
    /// `region=mainland|overseas`.
    Region,
    /// `os=ios|android` (the **Phone** control).
    Os,
    /// `vpn=on|off`.
    Vpn,
    /// `cohort=early|late`.
    Cohort,
}

impl Field {
    /// Every field, in the order of the controls and the address.
    pub const ALL: [Field; 5] = [
        Field::Date,
        Field::Region,
        Field::Os,
        Field::Vpn,
        Field::Cohort,
    ];

    /// The parameter's name after the side's prefix.
    pub const fn as_str(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Region => "region",
            Field::Os => "os",
            Field::Vpn => "vpn",
            Field::Cohort => "cohort",
        }
    }

    /// The field named `name` (after the side's prefix), if any.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// This field's value in `s`, as the address spells it.
    pub fn value(self, s: &Scenario) -> String {
        match self {
            Field::Date => s.date.to_string(),
            Field::Region => s.region.as_str().into(),
            Field::Os => s.os.as_str().into(),
            Field::Vpn => vpn_str(s.vpn).into(),
            Field::Cohort => s.cohort.as_str().into(),
        }
    }

    /// Sets this field of `s` to `value` (as the address spells it) if it
    /// is valid, with the scenario parameters' validators; returns whether
    /// it was.
    pub fn set(self, s: &mut Scenario, value: &str) -> bool {
        match self {
            Field::Date => simulated_day(value).map(|d| s.date = d),
            Field::Region => Region::parse(value).map(|r| s.region = r),
            Field::Os => Os::parse(value).map(|o| s.os = o),
            Field::Vpn => parse_vpn(value).map(|v| s.vpn = v),
            Field::Cohort => Cohort::parse(value).map(|c| s.cohort = c),
        }
        .is_some()
    }
}

/// A parameter of one side whose value was refused: which side, which
/// field, what it said and why (the notice names all four).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadParam {
    /// The side it was for.
    pub side: Side,
    /// The field.
    pub field: Field,
    /// The value as given, decoded.
    pub value: String,
    /// Malformed, or a day outside the record.
    pub why: Refusal,
}

/// What Compare shows: the link, where it was shared and both scenarios.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compare {
    /// The link as given (`url=`), decoded; may be empty.
    pub url: String,
    /// Where it was shared (`in=`; chat when absent or not understood,
    /// which the address's own notice reports).
    pub context: Context,
    /// Scenario A.
    pub a: Scenario,
    /// Scenario B.
    pub b: Scenario,
    /// The side parameters refused, A's first.
    pub errors: Vec<BadParam>,
}

impl Compare {
    /// `url` shared in `context` in `scenario` on both sides: where
    /// **Compare…** starts, B a copy of A.
    pub fn new(url: &str, context: Context, scenario: Scenario) -> Compare {
        Compare {
            url: url.into(),
            context,
            a: scenario,
            b: scenario,
            errors: Vec::new(),
        }
    }

    /// Reads a query (with or without `?`); `current` is the scenario a
    /// side's absent (or refused) parameter falls back to, through A for B.
    /// Never fails; other parameters are left alone.
    pub fn parse(query: &str, current: &Scenario) -> Compare {
        let mut c = Compare::new("", Context::Chat, *current);
        let mut sides: [Vec<(Field, String)>; 2] = [Vec::new(), Vec::new()];
        for (name, value) in query_pairs(query.strip_prefix('?').unwrap_or(query)) {
            let (name, value) = (decode(name), decode(value));
            match name.as_str() {
                "url" => c.url = value,
                "in" => {
                    c.context = match Context::parse(&value) {
                        Some(ctx @ (Context::Chat | Context::Group | Context::Moments)) => ctx,
                        _ => Context::Chat,
                    }
                }
                _ => {
                    let Some((prefix, field)) = name.split_once('.') else {
                        continue;
                    };
                    let side = Side::BOTH.into_iter().find(|s| s.as_str() == prefix);
                    let field = Field::parse(field);
                    if let (Some(side), Some(field)) = (side, field) {
                        sides[side as usize].push((field, value));
                    }
                }
            }
        }
        for side in Side::BOTH {
            if side == Side::B {
                c.b = c.a;
            }
            for (field, value) in std::mem::take(&mut sides[side as usize]) {
                let s = match side {
                    Side::A => &mut c.a,
                    Side::B => &mut c.b,
                };
                if !field.set(s, &value) {
                    let why = refusal(field.as_str(), &value);
                    c.errors.push(BadParam {
                        side,
                        field,
                        value,
                        why,
                    });
                }
            }
        }
        c
    }

    /// The scenario of `side`.
    pub fn side(&self, side: Side) -> &Scenario {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }

    /// The refused parameters of `side`: its notices.
    pub fn errors_of(&self, side: Side) -> impl Iterator<Item = &BadParam> {
        self.errors.iter().filter(move |e| e.side == side)
    }

    /// Whether there is a link to decide (an empty one shows no sides'
    /// screens, only a word on what to enter).
    pub fn has_link(&self) -> bool {
        !self.url.trim().is_empty()
    }

    /// This comparison with `field` of `side` set to `value` (as the
    /// address spells it), or `None` when the value is not valid: a
    /// half-typed date keeps the address as it is.
    pub fn with(&self, side: Side, field: Field, value: &str) -> Option<Compare> {
        let mut next = Compare {
            errors: Vec::new(),
            ..self.clone()
        };
        let s = match side {
            Side::A => &mut next.a,
            Side::B => &mut next.b,
        };
        field.set(s, value).then_some(next)
    }

    /// The address's parameters, every one spelled out (decoded pairs, in
    /// the contract's order), so that it means the same whatever the
    /// current scenario of whoever opens it: [`Compare::parse`] reads back
    /// the same comparison.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        const NAMES: [[&str; 5]; 2] = [
            ["a.date", "a.region", "a.os", "a.vpn", "a.cohort"],
            ["b.date", "b.region", "b.os", "b.vpn", "b.cohort"],
        ];
        let mut q = vec![
            ("url", self.url.clone()),
            ("in", self.context.as_str().into()),
        ];
        for side in Side::BOTH {
            for (field, name) in Field::ALL.into_iter().zip(NAMES[side as usize]) {
                q.push((name, field.value(self.side(side))));
            }
        }
        q
    }

    /// The query string of [`Compare::query`], without `?`.
    pub fn query_string(&self) -> String {
        let mut s = String::with_capacity(200);
        for (i, (name, value)) in self.query().iter().enumerate() {
            if i > 0 {
                s.push('&');
            }
            s.push_str(name);
            s.push('=');
            s.push_str(&encode(value));
        }
        s
    }
}

/// One way the two decisions differ: A's value, then B's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// What happened when the link was tapped (`data-outcome`).
    Outcome(Outcome, Outcome),
    /// How the card looked (`data-display`).
    Display(CardDisplay, CardDisplay),
    /// Whether a share button was offered (`data-share`).
    Share(bool, bool),
    /// Whether the page itself loaded where the phone was
    /// (`data-reachable`).
    Reachable(bool, bool),
    /// How sure the record is (`data-confidence`).
    Confidence(Confidence, Confidence),
    /// Whether it rests on an assumption (`data-assumption`).
    Assumption(bool, bool),
    /// The rules that decided (`data-rules`), when they are not the same.
    Rules(Vec<Arc<str>>, Vec<Arc<str>>),
}

impl Difference {
    /// Its name in `data-differences` (`outcome`, `display`, `share`,
    /// `reachable`, `confidence`, `assumption`, `rules`).
    pub const fn kind(&self) -> &'static str {
        match self {
            Difference::Outcome(..) => "outcome",
            Difference::Display(..) => "display",
            Difference::Share(..) => "share",
            Difference::Reachable(..) => "reachable",
            Difference::Confidence(..) => "confidence",
            Difference::Assumption(..) => "assumption",
            Difference::Rules(..) => "rules",
        }
    }
}

/// Every way `b` differs from `a`, in the order above: empty when both
/// sides saw the same, for the same rules.
pub fn differences(a: &Decision, b: &Decision) -> Vec<Difference> {
    let mut out = Vec::new();
    if a.outcome != b.outcome {
        out.push(Difference::Outcome(a.outcome, b.outcome));
    }
    if a.display != b.display {
        out.push(Difference::Display(a.display, b.display));
    }
    if a.share != b.share {
        out.push(Difference::Share(a.share, b.share));
    }
    if a.reachable != b.reachable {
        out.push(Difference::Reachable(a.reachable, b.reachable));
    }
    if a.confidence != b.confidence {
        out.push(Difference::Confidence(a.confidence, b.confidence));
    }
    if a.assumption != b.assumption {
        out.push(Difference::Assumption(a.assumption, b.assumption));
    }
    if a.rules != b.rules {
        out.push(Difference::Rules(a.rules.clone(), b.rules.clone()));
    }
    out
}

/// The kinds of `diffs`, space-separated (`data-differences`).
pub fn kinds(diffs: &[Difference]) -> String {
    let mut s = String::new();
    for (i, d) in diffs.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(d.kind());
    }
    s
}

#[cfg(test)]
mod tests;
