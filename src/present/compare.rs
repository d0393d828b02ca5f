//! Compare's line above both sides (`#/compare`): every difference between
//! the two decisions in words, A's value then B's, then the rules on each
//! side; `data-differences` lists the kinds for a machine.

use super::markup::Markup;
use super::words::{confidence_key, display_key, outcome_chip};
use crate::i18n::compare::K;
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::engine::Decision;
use crate::policy::rules::CardDisplay;
use crate::state::compare::{kinds, Difference, Side};
use std::sync::Arc;

/// A yes or a no in words.
fn yes(b: bool, lang: Lang) -> &'static str {
    if b { T::Yes } else { T::No }.tr(lang)
}

/// A card's look in words, a plain card too.
fn display(d: CardDisplay, lang: Lang) -> &'static str {
    display_key(d).map_or(K::Card.tr(lang), |k| k.tr(lang))
}

/// The name of a difference and, but for the rules (named after the
/// line's list), A's and B's values in words.
fn words(d: &Difference, lang: Lang) -> (&'static str, Option<[&'static str; 2]>) {
    let yes = |a: &bool, b: &bool| Some([yes(*a, lang), yes(*b, lang)]);
    let (name, values) = match d {
        Difference::Outcome(a, b) => (
            K::Outcome,
            Some([outcome_chip(*a).tr(lang), outcome_chip(*b).tr(lang)]),
        ),
        Difference::Display(a, b) => (K::Display, Some([display(*a, lang), display(*b, lang)])),
        Difference::Share(a, b) => (K::Share, yes(a, b)),
        Difference::Reachable(a, b) => (K::Reachable, yes(a, b)),
        Difference::Confidence(a, b) => (
            K::Confidence,
            Some([confidence_key(*a).tr(lang), confidence_key(*b).tr(lang)]),
        ),
        Difference::Assumption(a, b) => (K::Assumption, yes(a, b)),
        Difference::Rules(..) => (K::Rules, None),
    };
    (name.tr(lang), values)
}

/// The line: "What differs: outcome A Copy to browser, B Opens; share
/// button A no, B yes; rules. Rules: A x; B y." (`diffs` from
/// `state::compare::differences(a, b)`).
pub fn line(diffs: &[Difference], a: &Decision, b: &Decision, lang: Lang) -> Markup {
    let (sep, semi) = (lang.pick(": ", "："), lang.pick("; ", "；"));
    let kinds = kinds(diffs);
    let mut m = Markup::with_capacity(400);
    m.el(
        "p",
        &[("class", "compare-diff"), ("data-differences", &kinds)],
        |m| {
            m.leaf("strong", &[], K::Differs.tr(lang)).text(sep);
            if diffs.is_empty() {
                m.text(K::Same.tr(lang));
            }
            for (i, d) in diffs.iter().enumerate() {
                let (name, values) = words(d, lang);
                m.text(if i > 0 { semi } else { "" }).text(name);
                if let Some([va, vb]) = values {
                    m.text(" A ")
                        .text(va)
                        .text(lang.pick(", B ", "，B "))
                        .text(vb);
                }
            }
            m.text(lang.pick(". ", "。"));
            m.leaf("strong", &[], K::RulesOf.tr(lang)).text(sep);
            for (side, d) in [(Side::A, a), (Side::B, b)] {
                m.text(if side == Side::B { semi } else { "" });
                m.text(side.letter()).text(" ");
                ids(m, &d.rules, lang);
            }
            m.text(lang.pick(".", "。"));
        },
    );
    m
}

/// Rule ids in monospace, or "none".
fn ids(m: &mut Markup, rules: &[Arc<str>], lang: Lang) {
    if rules.is_empty() {
        m.text(K::NoRule.tr(lang));
    }
    for (i, id) in rules.iter().enumerate() {
        m.text(if i > 0 { " " } else { "" }).leaf("code", &[], id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::engine::decide;
    use crate::policy::rules::{Context, Rules};
    use crate::policy::scenario::{day, Cohort, Scenario};
    use crate::state::compare::differences;

    #[test]
    fn the_line_names_each_difference_and_the_rules_of_each_side() {
        let rules = Rules::builtin();
        let late = day("2021-12-10");
        let early = Scenario {
            cohort: Cohort::Early,
            ..late
        };
        let a = decide(rules, "https://m.tb.cn/h.x", Context::Group, &late);
        let b = decide(rules, "https://m.tb.cn/h.x", Context::Group, &early);
        let d = differences(&a, &b);
        let en = line(&d, &a, &b, Lang::En);
        let s = en.as_str();
        assert!(
            s.starts_with("<p class=\"compare-diff\" data-differences=\"outcome "),
            "{s}"
        );
        assert!(s.contains("outcome A Copy to browser, B Opens"), "{s}");
        assert!(
            s.contains("; rules. <strong>Rules</strong>: A <code>"),
            "{s}"
        );
        assert!(
            s.contains(&(String::from("B <code>") + &b.rules[0] + "</code>")),
            "{s}"
        );
        let zh = line(&d, &a, &b, Lang::Zh);
        assert!(
            zh.as_str().contains("结果 A 需复制，B 直接打开"),
            "{}",
            zh.as_str()
        );
        let same = line(&[], &a, &a, Lang::En);
        assert!(same.as_str().contains("data-differences=\"\""));
        assert!(same.as_str().contains("Nothing: both sides saw the same"));
    }
}
