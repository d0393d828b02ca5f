//! The outcome matrix: platforms × contexts for the scenario's day and
//! cohort, each cell coloured by its outcome and opening its link in the
//! link opener.

use super::{context_title, platform_label};
use crate::i18n::T;
use crate::policy::matrix::{matrix, sample_link, CONTEXTS};
use crate::policy::rules::Outcome;
use crate::state::opener::{outcome_chip, outcome_key, scenario_query};
use crate::ui::components::why::wrap;
use crate::ui::hooks::use_store;
use crate::ui::hooks::RulesKey;
use yew::prelude::*;

/// The outcomes the legend explains (a web link never gets the others).
const LEGEND: [Outcome; 5] = [
    Outcome::Open,
    Outcome::Confirm,
    Outcome::Warn,
    Outcome::CopyToBrowser,
    Outcome::Blocked,
];

/// The matrix table with its legend.
#[component]
pub fn Matrix() -> Html {
    let store = use_store();
    let lang = store.lang();
    let scenario = store.data().scenario;
    let rules = RulesKey::of(&store);
    let m = use_memo((rules, scenario), |(r, s)| matrix(r.rules(), s));
    let source = if store.rules().is_builtin() {
        "builtin"
    } else {
        "custom"
    };
    // Markup: a table of links needs no diffing, and `html!` for its
    // cells cost kilobytes of the bundle; every name is escaped.
    let mut out = String::with_capacity(4096);
    let o = &mut out;
    wrap(
        o,
        "<section class=\"matrix-section\" aria-labelledby=\"mx-title\"><h2 id=\"mx-title\" class=\"section-title\">",
        store.t(T::OutcomeMatrix),
        "</h2>",
    );
    wrap(
        o,
        "<p class=\"section-help\">",
        store.t(T::MatrixHelp),
        "</p>",
    );
    o.push_str("<div class=\"matrix-wrap\"><table class=\"matrix\" aria-labelledby=\"mx-title\"><thead><tr>");
    let th = |o: &mut String, text: &str| wrap(o, "<th scope=\"col\">", text, "</th>");
    th(o, store.t(T::Platform));
    for c in CONTEXTS {
        th(o, store.t(context_title(c)));
    }
    o.push_str("</tr></thead><tbody>");
    for (id, cells) in m.iter() {
        let link = store
            .rules()
            .platform(id)
            .map(sample_link)
            .unwrap_or_default();
        wrap(
            o,
            "<tr><th scope=\"row\">",
            &platform_label(&store, id),
            "</th>",
        );
        for (ctx, c) in CONTEXTS.iter().zip(cells.iter()) {
            let to = String::from("#/open") + &scenario_query(&link, *ctx, &scenario, lang);
            wrap(o, "<td data-platform=\"", id, "\" data-context=\"");
            o.push_str(ctx.as_str());
            o.push_str("\" data-outcome=\"");
            o.push_str(c.outcome.as_str());
            o.push_str(if c.reachable {
                "\" data-reachable=\"yes"
            } else {
                "\" data-reachable=\"no"
            });
            wrap(
                o,
                "\" data-rules=\"",
                &c.rules_attr(),
                "\" data-rules-source=\"",
            );
            o.push_str(source);
            wrap(o, "\"><a class=\"chip\" href=\"", &to, "\" title=\"");
            wrap(o, "", outcome_key(c.outcome).tr(lang), "\">");
            wrap(o, "", outcome_chip(c.outcome).tr(lang), "</a>");
            if !c.reachable {
                // WeChat's step, then the network's: the page never loads.
                wrap(
                    o,
                    "<span class=\"chip network\" title=\"",
                    T::NetworkLabel.tr(lang),
                    "\">",
                );
                wrap(o, "", T::Unreachable.tr(lang), "</span>");
            }
            o.push_str("</td>");
        }
        o.push_str("</tr>");
    }
    wrap(
        o,
        "</tbody></table></div><ul class=\"legend\" aria-label=\"",
        store.t(T::Legend),
        "\">",
    );
    for k in LEGEND {
        o.push_str("<li data-outcome=\"");
        o.push_str(k.as_str());
        wrap(
            o,
            "\"><span class=\"chip\">",
            outcome_chip(k).tr(lang),
            "</span> ",
        );
        wrap(o, "", outcome_key(k).tr(lang), "</li>");
    }
    o.push_str("</ul></section>");
    Html::from_html_unchecked(out.into())
}
