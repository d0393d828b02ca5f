//! What changed: the cells that differ between two days, with both
//! outcomes and the rules responsible.

use super::chart::display_key;
use super::{context_title, platform_label};
use crate::i18n::T;
use crate::policy::matrix::{diff, join, nearest, Cell, Change, END, START};
use crate::policy::record::marks;
use crate::policy::scenario::{Date, Scenario};
use crate::state::opener::{escape_html, outcome_chip};
use crate::ui::hooks::use_store;
use crate::ui::hooks::RulesKey;
use crate::ui::store::Store;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// An outcome, with its card when that is not a plain card.
fn cell_words(store: &Store, c: &Cell) -> String {
    let mut s = store.t(outcome_chip(c.outcome)).to_string();
    if let Some(k) = display_key(c.display) {
        s = s + " (" + store.t(k) + ")";
    }
    s
}

/// From, To, Compare and the list of changed cells.
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
    let compared = use_state_eq(|| None::<Result<(Date, Date), ()>>);
    let undated = Scenario {
        date: START,
        ..store.data().scenario
    };
    let rows = use_memo(
        (RulesKey::of(&store), undated, *compared),
        |(r, s, c)| match c {
            Some(Ok((a, b))) => diff(r.rules(), s, *a, *b),
            _ => Vec::new(),
        },
    );
    let input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            state.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_compare = {
        let (from, to, compared) = (from.clone(), to.clone(), compared.clone());
        Callback::from(move |_: MouseEvent| {
            compared.set(Some(
                Date::parse(&from)
                    .and_then(|a| Date::parse(&to).map(|b| (a, b)))
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
        Some(Ok(_)) => html! {<>
            <p class="changes-count" role="status">{ rows.len() }{ " " }{ store.t(T::ChangedCells) }</p>
            { Html::from_html_unchecked(markup(&store, &rows).into()) }
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
                <button type="button" class="btn primary" onclick={on_compare}>{ store.t(T::Compare) }</button>
            </div>
            { result }
        </section>
    }
}

/// The changed cells as markup (static rows need no diffing; `html!` for
/// them cost kilobytes of the bundle), every name escaped.
fn markup(store: &Store, rows: &[Change]) -> String {
    let mut out = String::from("<ul class=\"changes\">");
    for c in rows {
        let mut ids = c.after.rules.clone();
        ids.extend(
            c.before
                .rules
                .iter()
                .filter(|r| !c.after.rules.contains(r))
                .cloned(),
        );
        out.push_str("<li data-platform=\"");
        escape_html(&mut out, &c.platform);
        out.push_str("\" data-context=\"");
        out.push_str(c.context.as_str());
        out.push_str("\" data-from=\"");
        out.push_str(c.before.outcome.as_str());
        out.push_str("\" data-to=\"");
        out.push_str(c.after.outcome.as_str());
        out.push_str("\" data-rules=\"");
        escape_html(&mut out, &join(&ids));
        out.push_str("\"><strong>");
        escape_html(&mut out, &platform_label(store, &c.platform));
        out.push_str("</strong> · ");
        out.push_str(store.t(context_title(c.context)));
        out.push_str(store.lang().pick(": ", "："));
        escape_html(&mut out, &cell_words(store, &c.before));
        out.push_str(" → ");
        escape_html(&mut out, &cell_words(store, &c.after));
        out.push_str("<br><code>");
        escape_html(&mut out, &c.before.rules_attr());
        out.push_str("</code> → <code>");
        escape_html(&mut out, &c.after.rules_attr());
        out.push_str("</code></li>");
    }
    out.push_str("</ul>");
    out
}
