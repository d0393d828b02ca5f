//! What changed: the cells that differ between two days, with both
//! outcomes and the rules responsible.

use super::href;
use super::markup::Markup;
use super::words::{context_name, display_key, outcome_chip, platform_label};
use crate::i18n::compare::K;
use crate::lang::Lang;
use crate::policy::matrix::{join, sample_link, Cell, Change};
use crate::policy::rules::Rules;
use crate::policy::scenario::Scenario;
use crate::state::compare::Compare;
use std::sync::Arc;

/// An outcome in short words, with its card when that is not a plain card.
pub(super) fn cell_words(c: &Cell, lang: Lang) -> String {
    let mut s = String::from(outcome_chip(c.outcome).tr(lang));
    if let Some(k) = display_key(c.display) {
        s = s + " (" + k.tr(lang) + ")";
    }
    s
}

/// The changed cells (`policy::matrix::diff`) as a list: the platform and
/// context, the outcome before and after, the rules of each, and a link
/// to Compare the platform's link in that context with A on the first day
/// (`from`, the scenario diffed) and B on the row's.
pub fn list(rows: &[Change], from: &Scenario, rules: &Rules, lang: Lang) -> Markup {
    let mut m = Markup::new();
    m.el("ul", &[("class", "changes")], |m| {
        for c in rows {
            let ids = join(&rule_ids(c));
            let attrs = [
                ("data-platform", &*c.platform),
                ("data-context", c.context.as_str()),
                ("data-from", c.before.outcome.as_str()),
                ("data-to", c.after.outcome.as_str()),
                ("data-rules", &ids),
            ];
            m.el("li", &attrs, |m| {
                m.leaf("strong", &[], platform_label(rules, &c.platform, lang));
                m.text(" · ").text(context_name(c.context).tr(lang));
                m.text(lang.pick(": ", "："));
                m.text(&cell_words(&c.before, lang)).text(" → ");
                m.text(&cell_words(&c.after, lang)).void("br", &[]);
                m.leaf("code", &[], &c.before.rules_attr()).text(" → ");
                m.leaf("code", &[], &c.after.rules_attr());
                // Compare waits for room in the bundle (`OVER_BUDGET`).
                let p = rules.platform(&c.platform).filter(|_| crate::OVER_BUDGET);
                if let Some(p) = p {
                    let mut to = Compare::new(&sample_link(p), c.context, *from);
                    to.b.date = c.date;
                    let to = href::compare(&to);
                    m.text(" ").leaf("a", &[("href", &to)], K::Row.tr(lang));
                }
            });
        }
    });
    m
}

/// A change's `data-rules`: the rules deciding after it, then those that
/// no longer do.
pub(super) fn rule_ids(c: &Change) -> Vec<Arc<str>> {
    let mut ids = c.after.rules.clone();
    ids.extend(
        c.before
            .rules
            .iter()
            .filter(|r| !c.after.rules.contains(r))
            .cloned(),
    );
    ids
}

/// Every change in between two days (`policy::history::between`), by
/// date: one row each, in words first (the day, the platform, linking to
/// its history, the context and both outcomes), the rule ids second.
pub fn every(rows: &[Change], rules: &Rules, lang: Lang) -> Markup {
    let mut m = Markup::with_capacity(256 * rows.len());
    m.el("ol", &[("class", "changes history-list")], |m| {
        for c in rows {
            change_row(m, c, true, rules, lang);
        }
    });
    m
}

/// One change as a list item with the contract's `data-*`: the day, the
/// platform (linking to its history) when `platform`, the context, the
/// outcome before and after in words, then the rule ids of each side.
pub(super) fn change_row(m: &mut Markup, c: &Change, platform: bool, rules: &Rules, lang: Lang) {
    let date = c.date.to_string();
    let ids = join(&rule_ids(c));
    let attrs = [
        ("data-date", &*date),
        ("data-platform", &*c.platform),
        ("data-context", c.context.as_str()),
        ("data-from", c.before.outcome.as_str()),
        ("data-to", c.after.outcome.as_str()),
        ("data-rules", &ids),
    ];
    m.el("li", &attrs, |m| {
        m.el("span", &[("class", "history-words")], |m| {
            m.leaf("time", &[("datetime", &date)], &date).text(" · ");
            if platform {
                let to = href::history(&c.platform);
                let name = platform_label(rules, &c.platform, lang);
                m.leaf("a", &[("href", &to)], name).text(" · ");
            }
            m.text(context_name(c.context).tr(lang));
            m.text(lang.pick(": ", "："));
            m.text(&cell_words(&c.before, lang)).text(" → ");
            m.text(&cell_words(&c.after, lang));
        });
        m.text(" ");
        m.el("span", &[("class", "history-rules")], |m| {
            rule_links(m, &c.before.rules, rules);
            m.text(" → ");
            rule_links(m, &c.after.rules, rules);
        });
    });
}

/// Rule ids in monospace, each linking to its rule on the rules screen
/// (an id the rules do not have, the engine's fallback, is named only).
pub(super) fn rule_links(m: &mut Markup, ids: &[Arc<str>], rules: &Rules) {
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            m.text(" ");
        }
        if rules.rule(id).is_some() {
            m.el(
                "a",
                &[("class", "rule-id"), ("href", &href::rule(id))],
                |m| {
                    m.leaf("code", &[], id);
                },
            );
        } else {
            m.el("span", &[("class", "rule-id")], |m| {
                m.leaf("code", &[], id);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::matrix::{diff, START};
    use crate::policy::scenario::{day, Date, Scenario};

    /// The markup the timeline showed before `present` (compared byte for
    /// byte when the builder replaced it).
    #[test]
    fn a_change_names_both_outcomes_and_their_rules() {
        let rules = Rules::builtin();
        let s = Scenario {
            date: START,
            ..day("2021-10-01")
        };
        let (a, b) = (Date::parse("2021-09-16"), Date::parse("2021-09-17"));
        let changed = diff(rules, &s, a.unwrap(), b.unwrap());
        let from = Scenario {
            date: a.unwrap(),
            ..s
        };
        // The Compare link only where Compare is in the build (OVER_BUDGET).
        let compare = if crate::OVER_BUDGET {
            " <a href=\"#/compare?url=https%3A%2F%2Fdouyin.com%2F\
             &amp;in=chat&amp;a.date=2021-09-16&amp;a.region=mainland&amp;a.os=ios&amp;a.vpn=off&amp;\
             a.cohort=late&amp;b.date=2021-09-17&amp;b.region=mainland&amp;b.os=ios&amp;b.vpn=off&amp;\
             b.cohort=late\">Compare side by side</a>"
        } else {
            ""
        };
        assert_eq!(
            list(&changed[..1], &from, rules, Lang::En).as_str(),
            String::from(
                "<ul class=\"changes\"><li data-platform=\"douyin\" data-context=\"chat\" \
             data-from=\"copy_to_browser\" data-to=\"confirm\" \
             data-rules=\"chat-confirm-2021-09-17 douyin-copy-2018-03\"><strong>Douyin</strong> · \
             Chat: Copy to browser → Confirm first<br><code>douyin-copy-2018-03</code> → \
             <code>chat-confirm-2021-09-17</code>"
            ) + compare
                + "</li></ul>"
        );
    }
}
