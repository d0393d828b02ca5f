//! The outcome matrix: platforms × contexts for a day, each cell coloured
//! by its outcome and opening its link in the link opener, with a legend.

use super::href;
use super::markup::Markup;
use super::words::{context_name, outcome_chip, outcome_key, platform_label};
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::matrix::{sample_link, Cell, CONTEXTS};
use crate::policy::rules::{Outcome, Rules};
use crate::policy::scenario::Scenario;
use crate::state::opener::scenario_query;
use std::sync::Arc;

/// The outcomes the legend explains (a web link never gets the others).
const LEGEND: [Outcome; 5] = [
    Outcome::Open,
    Outcome::Confirm,
    Outcome::Warn,
    Outcome::CopyToBrowser,
    Outcome::Blocked,
];

/// The matrix section for `rows` (`policy::matrix::matrix` of `rules` on
/// `scenario`'s day): its title, help, the table and the legend.
pub fn matrix(
    rows: &[(Arc<str>, [Cell; 3])],
    rules: &Rules,
    scenario: &Scenario,
    lang: Lang,
) -> Markup {
    let source = if rules.is_builtin() {
        "builtin"
    } else {
        "custom"
    };
    let mut m = Markup::with_capacity(4096);
    let section = [("class", "matrix-section"), ("aria-labelledby", "mx-title")];
    m.el("section", &section, |m| {
        let title = [("id", "mx-title"), ("class", "section-title")];
        m.leaf("h2", &title, T::OutcomeMatrix.tr(lang));
        m.leaf("p", &[("class", "section-help")], T::MatrixHelp.tr(lang));
        m.el("div", &[("class", "matrix-wrap")], |m| {
            let table = [("class", "matrix"), ("aria-labelledby", "mx-title")];
            m.el("table", &table, |m| {
                m.el("thead", &[], |m| {
                    m.el("tr", &[], |m| {
                        m.leaf("th", &[("scope", "col")], T::Platform.tr(lang));
                        for c in CONTEXTS {
                            m.leaf("th", &[("scope", "col")], context_name(c).tr(lang));
                        }
                    });
                });
                m.el("tbody", &[], |m| {
                    for (id, cells) in rows {
                        row(m, id, cells, rules, scenario, lang, source);
                    }
                });
            });
        });
        let legend = [("class", "legend"), ("aria-label", T::Legend.tr(lang))];
        m.el("ul", &legend, |m| {
            for k in LEGEND {
                m.el("li", &[("data-outcome", k.as_str())], |m| {
                    m.leaf("span", &[("class", "chip")], outcome_chip(k).tr(lang));
                    m.text(" ").text(outcome_key(k).tr(lang));
                });
            }
        });
    });
    m
}

/// A platform's row: its name (linking to its history), then a cell per context with the chip
/// that opens its sample link, and the network's chip when the page never
/// loads.
fn row(
    m: &mut Markup,
    id: &str,
    cells: &[Cell; 3],
    rules: &Rules,
    scenario: &Scenario,
    lang: Lang,
    source: &str,
) {
    let link = rules.platform(id).map(sample_link).unwrap_or_default();
    m.el("tr", &[], |m| {
        // The platform's name opens its history (every change, by context).
        m.el("th", &[("scope", "row")], |m| {
            let to = href::history(id);
            m.leaf("a", &[("href", &to)], platform_label(rules, id, lang));
        });
        for (ctx, c) in CONTEXTS.iter().zip(cells.iter()) {
            let to = String::from(href::OPEN) + &scenario_query(&link, *ctx, scenario, lang);
            let rules_attr = c.rules_attr();
            let attrs = [
                ("data-platform", id),
                ("data-context", ctx.as_str()),
                ("data-outcome", c.outcome.as_str()),
                ("data-reachable", if c.reachable { "yes" } else { "no" }),
                ("data-rules", &rules_attr),
                ("data-rules-source", source),
            ];
            m.el("td", &attrs, |m| {
                let chip = [
                    ("class", "chip"),
                    ("href", &to),
                    ("title", outcome_key(c.outcome).tr(lang)),
                ];
                m.leaf("a", &chip, outcome_chip(c.outcome).tr(lang));
                if !c.reachable {
                    // WeChat's step, then the network's: the page never loads.
                    let network = [
                        ("class", "chip network"),
                        ("title", T::NetworkLabel.tr(lang)),
                    ];
                    m.leaf("span", &network, T::Unreachable.tr(lang));
                }
            });
        }
    });
}
