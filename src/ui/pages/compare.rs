//! Compare (`#/compare`): one link, where it was shared, and two scenarios
//! A and B, each decided by the engine under its own scenario and shown as
//! WeChat showed it, side by side (one above the other on a phone), with a
//! line above both naming every difference.
//!
//! The address is the state (`state::compare`): every field change writes
//! the address in place and the screen reads it back, so a typed address,
//! Back and a shared link show the same comparison.

use crate::i18n::compare::{label, K};
use crate::i18n::{Explain, T};
use crate::policy::engine::Decision;
use crate::policy::rules::Context;
use crate::policy::scenario::{vpn_str, Cohort, Os, Region, Scenario};
use crate::present::compare::line;
use crate::present::words::shared_in;
use crate::state::compare::{differences, Compare, Field, Side};
use crate::state::opener::CONTEXTS;
use crate::state::params::{carried_data, FIRST_DAY, LAST_DAY};
use crate::ui::components::markup::html;
use crate::ui::components::outcome::OutcomeView;
use crate::ui::components::scenario::scenario_words;
use crate::ui::hooks::{use_location, use_navigator, use_side_decision, use_store, use_view};
use crate::ui::route::Route;
use crate::ui::router::href;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The Compare screen.
#[component]
pub fn CompareScreen() -> Html {
    let store = use_store();
    let location = use_location();
    let navigator = use_navigator();
    let current = store.data().scenario;
    let c = use_memo((location.query.clone(), current), |(q, s)| {
        Compare::parse(q, s)
    });
    let da = use_side_decision(&c.url, c.context, c.a);
    let db = use_side_decision(&c.url, c.context, c.b);
    let lang = store.lang();

    // Writes `next` into the address in place (no history entry for each
    // field), keeping the scenario parameters the shell carries.
    let go = {
        let store = store.clone();
        Callback::from(move |next: Compare| {
            let mut q = next.query();
            q.extend(carried_data(store.data()));
            navigator.replace(&href(&Route::Compare, &q));
        })
    };
    let on_field = {
        let (c, go) = (c.clone(), go.clone());
        Callback::from(move |(side, field, value): (Side, Field, String)| {
            if let Some(next) = c.with(side, field, &value) {
                go.emit(next);
            }
        })
    };
    let on_link = {
        let (c, go) = (c.clone(), go.clone());
        Callback::from(move |e: Event| {
            let url = e.target_unchecked_into::<HtmlInputElement>().value();
            go.emit(Compare {
                url: url.trim().to_string(),
                errors: Vec::new(),
                ..(*c).clone()
            })
        })
    };
    let on_ctx = {
        let c = c.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            go.emit(Compare {
                context: Context::parse(&v).unwrap_or(Context::Chat),
                errors: Vec::new(),
                ..(*c).clone()
            })
        })
    };

    let shown = c.has_link();
    let side = |side: Side, d: &Rc<Decision>| {
        let s = *c.side(side);
        let key = c.url.clone() + "|" + c.context.as_str() + "|" + d.outcome.as_str();
        let heading = String::from("cmp-") + side.as_str();
        html! {
            <section key={side.as_str()} class="compare-side" aria-labelledby={heading.clone()}>
                <h2 id={heading} class="section-title">
                    <strong>{ side.letter() }</strong>{ " · " }{ scenario_words(&s, lang, false) }
                </h2>
                { for c.errors_of(side).map(|e| html! {
                    <p class="field-error" role="alert" data-side={side.as_str()} data-param={e.field.as_str()}>
                        { e.explain(lang) }{ lang.pick(". ", "。") }{ K::Kept.tr(lang) }{ " " }
                        <code>{ side.as_str() }{ "." }{ e.field.as_str() }{ "=" }{ e.field.value(&s) }</code>
                    </p>
                }) }
                <SideControls {side} scenario={s} on_change={on_field.clone()} />
                if shown {
                    <OutcomeView {key} decision={d.clone()} link={c.url.clone()} context={c.context}
                        side={Some(side)} scenario={Some(s)} />
                }
            </section>
        }
    };
    html! {
        <div class="compare">
            <p class="section-help">{ K::Intro.tr(lang) }</p>
            <div class="opener-form">
                <div class="field">
                    <label for="cmp-link">{ store.t(T::Link) }</label>
                    <input id="cmp-link" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                        value={c.url.clone()} onchange={on_link} />
                </div>
                <div class="field">
                    <label for="cmp-in">{ store.t(T::SharedIn) }</label>
                    <select id="cmp-in" onchange={on_ctx}>
                        { for CONTEXTS.iter().map(|x| html! {
                            <option key={x.as_str()} value={x.as_str()} selected={*x == c.context}>{ store.t(shared_in(*x)) }</option>
                        }) }
                    </select>
                </div>
            </div>
            if shown {
                { html(line(&differences(&da, &db), &da, &db, lang)) }
            } else {
                <p class="opener-empty">{ store.t(T::EnterLink) }</p>
            }
            <div class="compare-sides">
                { side(Side::A, &da) }
                { side(Side::B, &db) }
            </div>
        </div>
    }
}

/// Props of [`SideControls`].
#[derive(Properties, PartialEq)]
struct SideProps {
    /// Whose fields these are.
    side: Side,
    /// Its scenario, from the address.
    scenario: Scenario,
    /// A field was changed: the side, the field and its value as the
    /// address spells it.
    on_change: Callback<(Side, Field, String)>,
}

/// One side's Date, Region, Phone, VPN and Cohort, named **A date** … **B
/// cohort**. One listener for the five (`data-field`); the values come
/// from the address.
#[component]
fn SideControls(props: &SideProps) -> Html {
    let view = use_view();
    let (side, s, lang) = (props.side, props.scenario, view.lang);
    let id = |f: Field| String::from("cmp-") + side.as_str() + "-" + f.as_str();
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let Some(el) = e.target_dyn_into::<web_sys::Element>() else {
                return;
            };
            let Some(field) = el
                .get_attribute("data-field")
                .and_then(|f| Field::parse(&f))
            else {
                return;
            };
            let value = match el.dyn_ref::<HtmlInputElement>() {
                Some(i) if i.type_() == "checkbox" => vpn_str(i.checked()).to_string(),
                Some(i) => i.value(),
                None => match el.dyn_ref::<HtmlSelectElement>() {
                    Some(sel) => sel.value(),
                    None => return,
                },
            };
            on_change.emit((side, field, value));
        })
    };
    // A select the user changed no longer follows its options' `selected`
    // attribute: when the address changes (typed, Back), its value is set.
    use_effect_with((side, s), move |(side, s)| {
        let doc = web_sys::window().and_then(|w| w.document());
        for f in [Field::Region, Field::Os, Field::Cohort] {
            let el = doc.as_ref().and_then(|d| {
                d.get_element_by_id(&(String::from("cmp-") + side.as_str() + "-" + f.as_str()))
            });
            if let Some(el) = el.and_then(|e| e.dyn_into::<HtmlSelectElement>().ok()) {
                let v = f.value(s);
                if el.value() != v {
                    el.set_value(&v);
                }
            }
        }
    });
    let select = |f: Field, options: [(&'static str, T, bool); 2]| {
        html! {
            <div class="field">
                <label for={id(f)}>{ label(side, f, lang) }</label>
                <select id={id(f)} data-field={f.as_str()}>
                    { for options.into_iter().map(|(v, t, on)| html! {
                        <option key={v} value={v} selected={on}>{ t.tr(lang) }</option>
                    }) }
                </select>
            </div>
        }
    };
    html! {
        <div class="scenario compact" {onchange}>
            <div class="field">
                <label for={id(Field::Date)}>{ label(side, Field::Date, lang) }</label>
                <input id={id(Field::Date)} type="date" data-field="date" min={FIRST_DAY.to_string()}
                    max={LAST_DAY.to_string()} value={s.date.to_string()} />
            </div>
            { select(Field::Region, [
                (Region::Mainland.as_str(), T::Mainland, s.region == Region::Mainland),
                (Region::Overseas.as_str(), T::Overseas, s.region == Region::Overseas),
            ]) }
            { select(Field::Os, [
                (Os::Ios.as_str(), T::Ios, s.os == Os::Ios),
                (Os::Android.as_str(), T::Android, s.os == Os::Android),
            ]) }
            <div class="field switch">
                <label for={id(Field::Vpn)}>{ label(side, Field::Vpn, lang) }</label>
                <input id={id(Field::Vpn)} type="checkbox" role="switch" data-field="vpn" checked={s.vpn} />
            </div>
            { select(Field::Cohort, [
                (Cohort::Early.as_str(), T::CohortEarly, s.cohort == Cohort::Early),
                (Cohort::Late.as_str(), T::CohortLate, s.cohort == Cohort::Late),
            ]) }
        </div>
    }
}
