//! Douyin's Connection (record §6), drawn as a rival app inside WeChat's
//! frame: eligibility, the profile, matching, the call and the follow.
//!
//! Privacy by design: the other side of a match is rendered only from
//! `policy::connection::public_view`, the stranger's and the user's alike.
//!
//! Honesty: above the frame, in the simulator's bar, the clock, the test
//! group and every assumption of `policy::connection::Assumption`, each
//! with an "Assumption" badge; a refusal resting on one carries the badge
//! too.

mod call;
mod card;
mod gate;
mod profile;

use crate::i18n::connection::C;
use crate::i18n::{Explain, T};
use crate::lang::Lang;
use crate::policy::connection::{
    hhmm, parse_hhmm, public_view, ranking, Assumption, Refusal, TestGroup, CONN_2020_02, STRANGERS,
};
use crate::state::connection::{screen, ConnectionAction, Screen};
use crate::state::Action;
use crate::ui::hooks::use_store;
use crate::ui::store::Store;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Now in China (UTC+8), in minutes after midnight: the clock's default.
fn china_now() -> u16 {
    let d = js_sys::Date::new_0();
    ((d.get_utc_hours() + 8) % 24 * 60 + d.get_utc_minutes()) as u16
}

/// The Connection screen (`#/connection`). The scenario has a day but no
/// time, so the screen has its own clock, in China time: the control
/// **Time in China (simulated)**, starting at the real time in China (there
/// is no address parameter for it; tests set the control, as a user does).
#[component]
pub fn ConnectionScreen() -> Html {
    let store = use_store();
    let minutes = use_state_eq(china_now);
    let skip = use_state_eq(|| 0usize);
    let error = use_state_eq(|| None::<Refused>);
    let (phone, age) = (use_node_ref(), use_node_ref());
    // Whether a call is on; the call owns everything else of it.
    let calling = use_state_eq(|| false);
    let lang = store.lang();
    let data = store.data();

    let on_clock = {
        let minutes = minutes.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(m) = parse_hhmm(&v) {
                minutes.set(m);
            }
        })
    };
    let clock = bar(&store, *minutes, on_clock);
    // The call is shown in place of everything else of the frame.
    let profile = data.douyin.profile();
    let body = match screen(data, *minutes) {
        Screen::Closed(r) => refusal(r, lang),
        Screen::Verify => html! {<>
            { refusal(Refusal::Unverified, lang) }
            { gate::verify(&store, &phone, &age, &error) }
        </>},
        Screen::Profile(r) => {
            let order = ranking(&profile, data.scenario.date);
            let index = order[*skip % order.len()];
            let s = &STRANGERS[index];
            let start = {
                let calling = calling.clone();
                Callback::from(move |_: MouseEvent| calling.set(true))
            };
            let next = {
                let skip = skip.clone();
                Callback::from(move |_| skip.set(*skip + 1))
            };
            let top = match r {
                Some(r) => refusal(r, lang),
                None if *calling => {
                    let on_end = {
                        let calling = calling.clone();
                        Callback::from(move |()| calling.set(false))
                    };
                    let call = html! { <call::Call stranger={index} {on_end} /> };
                    return frame(lang, call, clock);
                }
                None => card::match_card(lang, s, public_view(&profile), start, next),
            };
            // The form first: the match card (or a refusal) appears below
            // it, so that a field losing focus never moves the next one.
            html! {<>{ profile::editor(&store, &error) }{ top }</>}
        }
    };
    frame(lang, body, clock)
}

/// The simulator's bar above the rival app: the clock, Douyin's test group
/// (the simulator's choice, independent of WeChat's cohort), and what the
/// simulator assumes, each badged.
fn bar(store: &Store, minutes: u16, onchange: Callback<Event>) -> Html {
    let lang = store.lang();
    let group = store.data().douyin.group;
    let on_group = store.callback(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::Connection(ConnectionAction::SetGroup(
            TestGroup::parse(&v).unwrap_or_default(),
        ))
    });
    html! {
        <div class="scenario compact dy-clock">
            <div class="field">
                { entry("dy-clock", C::Clock.tr(lang), "time", hhmm(minutes), onchange, NodeRef::default()) }
            </div>
            <div class="field">
                <label for="dy-group">{ C::Group.tr(lang) }</label>
                <select id="dy-group" onchange={on_group}>
                    { for TestGroup::ALL.into_iter().map(|g| html! {
                        <option key={g.as_str()} value={g.as_str()} selected={g == group}>{ C::group(g).tr(lang) }</option>
                    }) }
                </select>
            </div>
            // Folded, so that the phone shows Douyin's frame at once; the
            // summary says how many assumptions there are.
            <details class="dy-hours">
                <summary id="dy-assumed">
                    { C::Assumed.tr(lang) }{" · "}{ CONN_2020_02 }{" ("}{ Assumption::ALL.len() }{")"}
                </summary>
                <ul class="dy-hours" aria-labelledby="dy-assumed">
                    { for Assumption::ALL.into_iter().map(|a| html! {
                        <li key={a.as_str()} data-assumed={a.as_str()}>{ assumed(a, lang) }</li>
                    }) }
                </ul>
            </details>
        </div>
    }
}

/// An assumption in words, with its badge.
fn assumed(a: Assumption, lang: Lang) -> Html {
    html! {<>{ C::assumption(a).tr(lang) }{" "}{ assumption(lang) }</>}
}

/// Douyin's frame: its own dark look and header, clearly not WeChat.
fn frame(lang: Lang, body: Html, clock: Html) -> Html {
    html! {
        <div class="connection">
            { clock }
            <section class="rival" data-app="douyin" aria-labelledby="dy-title">
                <h2 class="dy-title" id="dy-title">{ C::Title.tr(lang) }</h2>
                <p class="dy-intro">{ C::Intro.tr(lang) }{" ("}{ CONN_2020_02 }{")"}</p>
                { body }
            </section>
        </div>
    }
}

fn assumption(lang: Lang) -> Html {
    html! { <span class="flag assumption">{ T::BadgeAssumption.tr(lang) }</span> }
}

/// A refusal: why, with the record id, and marked when it rests on an
/// assumption (`data-assumed` names it).
fn refusal(r: Refusal, lang: Lang) -> Html {
    let a = r.assumption();
    html! {
        <p class="dy-refusal" role="alert" data-reason={r.as_str()} data-assumed={a.map(Assumption::as_str)}>
            { r.explain(lang) }
            if a.is_some() { {" "}{ assumption(lang) } }
        </p>
    }
}

/// A labelled input of type `kind` (`numeric`: a text field with the
/// digit keyboard).
#[inline(never)]
fn entry(
    id: &'static str,
    label: &str,
    kind: &'static str,
    value: String,
    onchange: Callback<Event>,
    node: NodeRef,
) -> Html {
    let numeric = kind == "numeric";
    html! {<>
        <label for={id}>{ label.to_string() }</label>
        <input {id} type={if numeric { "text" } else { kind }} inputmode={numeric.then_some("numeric")}
            {value} {onchange} ref={node} />
    </>}
}

/// A row of buttons `(label, primary, onclick)`, labelled by the element
/// `labelled_by`: every button of the screen is built by this one copy of
/// markup code.
fn actions(
    buttons: Vec<(&'static str, bool, Callback<MouseEvent>)>,
    labelled_by: &'static str,
) -> Html {
    html! {
        <div class="dy-actions" role="group" aria-labelledby={labelled_by}>
            { for buttons.into_iter().map(|(label, primary, onclick)| html! {
                <button type="button" key={label} class={classes!("btn", primary.then_some("dy-btn"))} {onclick}>{ label }</button>
            }) }
        </div>
    }
}

/// A refused entry: the control's id, what was typed (kept on screen, so
/// nothing is lost) and why, in the user's language.
#[derive(Clone, PartialEq)]
struct Refused {
    id: &'static str,
    typed: String,
    why: String,
}

/// The screen's last refused entry.
type Error = UseStateHandle<Option<Refused>>;

/// The value control `id` shows: what was typed if it was refused, else
/// `saved`.
fn shown(error: &Error, id: &str, saved: String) -> String {
    match &**error {
        Some(r) if r.id == id => r.typed.clone(),
        _ => saved,
    }
}

/// The last refused entry's reason, if any.
fn error_line(error: &Error) -> Html {
    match &**error {
        Some(r) => html! { <p class="field-error" role="alert">{ r.why.clone() }</p> },
        None => html! {},
    }
}
