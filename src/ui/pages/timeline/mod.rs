//! Time travel (`#/timeline`): the date scrubber, the outcome matrix and
//! its chart, what changed between two days, and the record's entries as
//! cards. Everything is computed by `policy::matrix` from the active
//! rules, so applying other rules changes it at once. Cards stand in the
//! record's order (`record::entries`: by date, undated ones where they read
//! well), give only the dates the record gives, and say when an entry is
//! context that nothing of the simulator follows from.

mod changes;
mod chart;
mod matrix;

pub use matrix::Matrix;

use crate::i18n::T;
use crate::policy::matrix::{END, START};
use crate::present::record;
use crate::state::scenario::ScenarioAction;
use crate::state::timeline::{offset, scrub, span};
use crate::state::Action;
use crate::ui::components::markup::Shared;
use crate::ui::hooks::{use_dispatch, use_location, use_reveal, use_store, RulesKey};
use crate::ui::store::Dispatch;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The timeline screen.
#[component]
pub fn TimelineScreen() -> Html {
    let location = use_location();
    let target = crate::state::params::get(&location.query, "id");
    // `#/timeline?id=R-2021-09-17` scrolls to that entry and focuses it.
    use_reveal(target);
    html! {
        <div class="timeline">
            <Scrubber />
            <matrix::Matrix />
            if crate::OVER_BUDGET {
                <crate::ui::components::cite::CiteThis what={crate::ui::components::cite::Subject::Matrix} />
                <crate::ui::components::download::Downloads source={crate::ui::components::download::Source::Matrix} />
            }
            <chart::Chart />
            <changes::WhatChanged />
            <Record />
        </div>
    }
}

/// The date scrubber: a slider over 2013–2023 with a tick per event, and
/// under it the events as a folded list of buttons (close days overlap on
/// a phone as ticks, never as buttons).
#[component]
fn Scrubber() -> Html {
    let store = use_store();
    let lang = store.lang();
    let date = store.data().scenario.date;
    let set = |d| Action::Scenario(ScenarioAction::SetDate(d));
    let oninput = store.callback(move |e: InputEvent| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        set(crate::state::timeline::day_at(v.parse().unwrap_or(0)))
    });
    let onkeydown = {
        let store = store.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(d) = scrub(date.clamp(START, END), &e.key()) {
                e.prevent_default();
                store.dispatch(set(d));
            }
        })
    };
    // The ticks never change; the events only with the language, not on
    // every step of the scrubber.
    let ticks = use_memo((), |_| Shared::from(record::ticks()));
    let events = use_memo(lang, |lang| Shared::from(record::events(*lang)));
    let on_event = jump(&use_dispatch());
    let marks = use_node_ref();
    {
        let marks = marks.clone();
        use_effect_with(ticks.clone(), move |_| {
            if let Some(ul) = marks.cast::<web_sys::Element>() {
                place(&ul);
            }
        });
    }
    html! {
        <>
        <section class="scrubber">
            <p class="scrub-date"><label for="scrub">{ store.t(T::ScenarioDate) }</label>{ " " }
                <output for="scrub">{ date.to_string() }</output></p>
            <div class="scrub-track">
                <input id="scrub" type="range" min="0" max={span().to_string()} step="1"
                    value={offset(date).to_string()} aria-valuetext={date.to_string()}
                    {oninput} {onkeydown} />
                <ul class="scrub-marks" ref={marks} aria-hidden="true">
                    { ticks.html() }
                </ul>
            </div>
            <p class="scrub-help">{ store.t(T::ScrubberHelp) }</p>
        </section>
        <div class="scrub-events-wrap" onclick={on_event}>
            { events.html() }
        </div>
        </>
    }
}

/// Places the elements under `root` (and `root` itself) that carry
/// `data-left` (and `data-width`): their `left` (and `width`) set through
/// the CSS object model, since the page's Content-Security-Policy
/// (style-src 'self') refuses style attributes.
fn place(root: &web_sys::Element) {
    let set = |el: &web_sys::Element| {
        let Ok(style) = js_sys::Reflect::get(el, &"style".into()) else {
            return;
        };
        for (attr, prop) in [("data-left", "left"), ("data-width", "width")] {
            if let Some(v) = el.get_attribute(attr) {
                let _ = js_sys::Reflect::set(&style, &prop.into(), &v.into());
            }
        }
    };
    if root.has_attribute("data-left") {
        set(root);
    }
    let Ok(list) = root.query_selector_all("[data-left]") else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            set(&el);
        }
    }
}

/// One listener for every "Jump to" button, event and chart band: a click
/// on an element with `data-jump` (a day) sets the scenario's day.
fn jump(dispatch: &Dispatch) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: MouseEvent| {
        let day = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-jump]").ok().flatten())
            .and_then(|b| b.get_attribute("data-jump"))
            .and_then(|d| crate::policy::scenario::Date::parse(&d).ok());
        if let Some(d) = day {
            dispatch.dispatch(Action::Scenario(ScenarioAction::SetDate(d)));
        }
    })
}

/// The record's entries as cards, in the record's order: markup
/// (`present::record`: static cards need no diffing), with one listener
/// for every card's "Jump to" (`data-jump`).
#[component]
fn Record() -> Html {
    let store = use_store();
    let onclick = jump(&use_dispatch());
    // The cards depend on the rules (what follows from each entry) and the
    // language only, not on the day: built again when either changes.
    let rules = RulesKey::of(&store);
    let shown = use_memo((rules, store.lang()), |(rules, lang)| {
        Shared::from(record::cards(rules.rules(), *lang))
    });
    html! {
        <section class="record" aria-labelledby="record-title" {onclick}>
            <h2 id="record-title" class="section-title">{ store.t(T::Timeline) }</h2>
            if crate::OVER_BUDGET {
                <crate::ui::components::download::Downloads source={crate::ui::components::download::Source::Record} />
                <crate::ui::components::cite::CiteEntries cards={(*shown).clone()} />
            } else {
                { shown.html() }
            }
        </section>
    }
}
