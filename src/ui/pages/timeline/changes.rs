//! What changed: the cells that differ between two days, with both
//! outcomes and the rules responsible, or every change in between them
//! (`policy::history::between`: a cell that changed and changed back
//! differs in neither end day); `present::changes` lists them.

use crate::i18n::T;
use crate::policy::history::between;
use crate::policy::matrix::{diff, nearest, END, START};
use crate::policy::record::marks;
use crate::policy::scenario::{Date, Scenario};
use crate::present::changes::{every, list};
use crate::ui::components::markup::html;
use crate::ui::hooks::use_store;
use crate::ui::hooks::RulesKey;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the last press asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ask {
    /// Compare: the cells that differ between the two end days.
    Ends,
    /// Every change in between: each day a cell changed on.
    Between,
}

/// From, To, Compare, Every change in between, and the list of changes.
#[component]
pub fn WhatChanged() -> Html {
    let store = use_store();
    let date = store.data().scenario.date;
    // Prefilled around the record event nearest to the scenario's day.
    let (from, to) = {
        let near = nearest(
            marks().map(|(d, _)| d).filter(|d| *d > START && *d <= END),
            date,
        )
        .unwrap_or(date);
        (
            use_state(move || near.add_days(-1).to_string()),
            use_state(move || near.add_days(1).to_string()),
        )
    };
    let compared = use_state_eq(|| None::<Result<(Date, Date, Ask), ()>>);
    let undated = Scenario {
        date: START,
        ..store.data().scenario
    };
    let rows = use_memo(
        (RulesKey::of(&store), undated, *compared),
        |(r, s, c)| match c {
            Some(Ok((a, b, Ask::Ends))) => diff(r.rules(), s, *a, *b),
            Some(Ok((a, b, Ask::Between))) => between(r.rules(), s, *a, *b),
            _ => Vec::new(),
        },
    );
    let input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            state.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let ask = |ask: Ask| {
        let (from, to, compared) = (from.clone(), to.clone(), compared.clone());
        Callback::from(move |_: MouseEvent| {
            compared.set(Some(
                Date::parse(&from)
                    .and_then(|a| Date::parse(&to).map(|b| (a, b, ask)))
                    .map_err(|_| ()),
            ))
        })
    };
    let result = match &*compared {
        None => Html::default(),
        Some(Err(())) => {
            html! { <p class="changes-none" role="alert">{ store.t(T::DateInvalid) }</p> }
        }
        Some(Ok(_)) if rows.is_empty() => {
            html! { <p class="changes-none" role="status">{ store.t(T::NothingChanged) }</p> }
        }
        Some(Ok((a, _, Ask::Ends))) => html! {<>
            <p class="changes-count" role="status">{ rows.len() }{ " " }{ store.t(T::ChangedCells) }</p>
            { html(list(&rows, &Scenario { date: *a, ..undated }, store.rules(), store.lang())) }
        </>},
        Some(Ok((_, _, Ask::Between))) => html! {<>
            <p class="changes-count" role="status">{ rows.len() }{ " " }{ store.t(T::ChangesBetween) }</p>
            { html(every(&rows, store.rules(), store.lang())) }
        </>},
    };
    html! {
        <section class="changes-section" aria-labelledby="wc-title">
            <h2 id="wc-title" class="section-title">{ store.t(T::WhatChanged) }</h2>
            <div class="changes-form">
                <div class="field">
                    <label for="wc-from">{ store.t(T::FromDay) }</label>
                    <input id="wc-from" type="date" value={(*from).clone()} onchange={input(&from)} />
                </div>
                <div class="field">
                    <label for="wc-to">{ store.t(T::ToDay) }</label>
                    <input id="wc-to" type="date" value={(*to).clone()} onchange={input(&to)} />
                </div>
                <button type="button" class="btn primary" onclick={ask(Ask::Ends)}>{ store.t(T::Compare) }</button>
                <button type="button" class="btn" onclick={ask(Ask::Between)}>{ store.t(T::EveryChangeBetween) }</button>
            </div>
            { result }
            if let (true, Some(Ok((from, to, _)))) = (crate::OVER_BUDGET, *compared) {
                <crate::ui::components::cite::CiteThis what={crate::ui::components::cite::Subject::Changes(from, to)} />
                <crate::ui::components::download::Downloads source={crate::ui::components::download::Source::Changes { from, to, rows: rows.clone() }} />
            }
        </section>
    }
}
