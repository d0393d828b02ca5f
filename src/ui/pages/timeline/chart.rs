//! The chart: one band per platform over 2013–2023, coloured by its
//! outcome in the chosen context, with the record's events and a line at
//! the scenario's day; and the same data as a table for screen readers
//! (`present::chart` draws them).

use crate::i18n::T;
use crate::policy::matrix::{bands, platforms, Band, CONTEXTS, END, START};
use crate::policy::rules::Context;
use crate::policy::scenario::Scenario;
use crate::present::chart::chart;
use crate::present::words::context_name;
use crate::ui::components::markup::html;
use crate::ui::hooks::use_store;
use crate::ui::hooks::RulesKey;
use std::sync::Arc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The chart with its context choice and its text alternative.
#[component]
pub fn Chart() -> Html {
    let store = use_store();
    let ctx = use_state_eq(|| Context::Chat);
    let date = store.data().scenario.date;
    // The bands don't depend on the day: a date change only moves the line.
    let undated = Scenario {
        date: START,
        ..store.data().scenario
    };
    let rows: std::rc::Rc<Vec<(Arc<str>, Vec<Band>)>> =
        use_memo((RulesKey::of(&store), undated, *ctx), |(r, s, c)| {
            let rules = r.rules();
            platforms(rules)
                .map(|(i, p)| (p.id.clone(), bands(rules, i, *c, s, START, END)))
                .collect()
        });
    let on_ctx = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            ctx.set(Context::parse(&v).unwrap_or(Context::Chat));
        })
    };
    html! {
        <section class="chart-section" aria-labelledby="chart-title">
            <h2 id="chart-title" class="section-title">{ store.t(T::OverTheYears) }</h2>
            <div class="field">
                <label for="chart-ctx">{ store.t(T::ChartContext) }</label>
                <select id="chart-ctx" onchange={on_ctx}>
                    { for CONTEXTS.iter().map(|c| html! {
                        <option key={c.as_str()} value={c.as_str()} selected={*c == *ctx}>{ store.t(context_name(*c)) }</option>
                    }) }
                </select>
            </div>
            { html(chart(&rows, store.rules(), *ctx, date, store.lang())) }
        </section>
    }
}
