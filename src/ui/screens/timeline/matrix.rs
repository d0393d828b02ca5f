//! The outcome matrix: platforms × contexts for the scenario's day and
//! cohort, each cell coloured by its outcome and opening its link in the
//! link opener.

use super::{context_title, platform_label};
use crate::i18n::T;
use crate::policy::matrix::{matrix, sample_link, CONTEXTS};
use crate::policy::rules::Outcome;
use crate::state::opener::{outcome_chip, outcome_key, scenario_query};
use crate::ui::hooks::RulesKey;
use crate::ui::store::use_store;
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
    html! {
        <section class="matrix-section" aria-labelledby="mx-title">
            <h2 id="mx-title" class="section-title">{ store.t(T::OutcomeMatrix) }</h2>
            <p class="section-help">{ store.t(T::MatrixHelp) }</p>
            <div class="matrix-wrap">
                <table class="matrix" aria-labelledby="mx-title">
                    <thead><tr>
                        <th scope="col">{ store.t(T::Platform) }</th>
                        { for CONTEXTS.iter().map(|c| html! { <th key={c.as_str()} scope="col">{ store.t(context_title(*c)) }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for m.iter().map(|(id, cells)| {
                            let link = store.rules().platform(id).map(sample_link).unwrap_or_default();
                            html! {
                                <tr key={id.to_string()}>
                                    <th scope="row">{ platform_label(&store, id) }</th>
                                    { for CONTEXTS.iter().zip(cells.iter()).map(|(ctx, c)| {
                                        let to = String::from("#/open") + &scenario_query(&link, *ctx, &scenario, lang);
                                        html! {
                                            <td key={ctx.as_str()} data-platform={id.to_string()} data-context={ctx.as_str()}
                                                data-outcome={c.outcome.as_str()} data-rules={c.rules_attr()} data-rules-source={source}>
                                                <a class="chip" href={to} title={outcome_key(c.outcome).tr(lang)}>{ outcome_chip(c.outcome).tr(lang) }</a>
                                            </td>
                                        }
                                    }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <ul class="legend" aria-label={store.t(T::Legend)}>
                { for LEGEND.iter().map(|o| html! {
                    <li key={o.as_str()} data-outcome={o.as_str()}><span class="chip">{ outcome_chip(*o).tr(lang) }</span>{ " " }{ outcome_key(*o).tr(lang) }</li>
                }) }
            </ul>
        </section>
    }
}
