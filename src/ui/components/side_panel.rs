//! The side panel (issue 25): on a wide window, beside the phone frame and
//! outside it, the app's name, the scenario in words with **Edit
//! scenario**, and two lines on the screen in view with the record entries
//! behind it. It names no control **Date**: the scenario's controls open
//! in a sheet, so a test looking for "the" Date input on Me or the link
//! opener still finds one.

use super::scenario::{scenario_words, ScenarioSheet};
use crate::i18n::T;
use crate::policy::Context;
use crate::state::orientation::record_ids;
use crate::state::params::carried_data;
use crate::ui::hooks::{use_layer, use_location, use_navigator, use_store, RulesKey};
use crate::ui::route::Route;
use crate::ui::router::href;
use yew::prelude::*;

/// What the panel says of `route` and the contexts whose rules it cites;
/// `group` tells a group chat from a one-to-one chat.
fn about(route: &Route, group: bool) -> (T, &'static [Context]) {
    match route {
        Route::Home | Route::Chats => (T::ExplainChats, &[Context::Chat, Context::Group]),
        Route::Chat { .. } if group => (T::ExplainChat, &[Context::Group]),
        Route::Chat { .. } => (T::ExplainChat, &[Context::Chat]),
        Route::Contacts => (T::ExplainContacts, &[]),
        Route::Discover => (T::ExplainDiscover, &[]),
        Route::Moments => (T::ExplainMoments, &[Context::Moments]),
        Route::Open => (T::ExplainOpen, &[]),
        Route::MiniPrograms => (T::ExplainMini, &[Context::MiniProgram]),
        Route::Timeline => (T::ExplainTimeline, &[]),
        Route::Rules => (T::ExplainRules, &[]),
        Route::Me => (T::ExplainMe, &[]),
        Route::Register => (T::ExplainRegister, &[]),
        Route::Connection => (T::ExplainConnection, &[]),
        Route::History => (T::ExplainHistory, &[]),
        // Screens added later say what every screen does until they have
        // their own words.
        #[allow(unreachable_patterns)]
        _ => (T::ExplainOther, &[]),
    }
}

/// The panel beside the phone; mounted by the shell on a wide window only.
#[component]
pub fn SidePanel() -> Html {
    let store = use_store();
    let route = use_location().route;
    let navigator = use_navigator();
    let layer = use_layer();
    let lang = store.lang();
    let scenario = store.data().scenario;
    let group = match &route {
        Route::Chat { id } => store.data().chat(id).is_some_and(|c| c.is_group()),
        _ => false,
    };
    let (explain, contexts) = about(&route, group);
    let ids = use_memo(
        (scenario, RulesKey::of(&store), contexts),
        |(s, rules, contexts)| record_ids(rules.rules(), s, contexts),
    );
    let carried = carried_data(store.data());
    let cite = |id: &String| {
        let mut q = carried.clone();
        q.push(("id", id.clone()));
        let to = href(&Route::Timeline, &q);
        let navigator = navigator.clone();
        let onclick = {
            let to = to.clone();
            Callback::from(move |e: MouseEvent| {
                if !(e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key()) {
                    e.prevent_default();
                    navigator.push(&to);
                }
            })
        };
        html! {
            <li key={id.clone()}><a class="side-id" href={to} {onclick}>{ id.clone() }</a></li>
        }
    };
    html! {
        <aside class="side-panel" aria-labelledby="side-name" data-side-panel="">
            <h2 id="side-name" class="side-name">{ T::AppName.tr(lang) }</h2>
            <p class="side-tagline">{ T::AppTagline.tr(lang) }</p>
            <section class="side-section" aria-labelledby="side-scenario">
                <h3 id="side-scenario" class="side-title">{ T::Scenario.tr(lang) }</h3>
                <p class="side-scenario" data-date={scenario.date.to_string()}>
                    { scenario_words(&scenario, lang, true) }
                </p>
                <button type="button" class="btn" aria-haspopup="dialog" onclick={layer.show.clone()}>{ T::EditScenario.tr(lang) }</button>
                if layer.open {
                    <ScenarioSheet on_close={layer.hide.clone()} />
                }
            </section>
            <section class="side-section" aria-labelledby="side-screen">
                <h3 id="side-screen" class="side-title">{ T::ThisScreen.tr(lang) }</h3>
                <p class="side-explain" data-screen={route.to_path()}>{ explain.tr(lang) }</p>
                if !ids.is_empty() {
                    <p class="side-ids-label" id="side-ids">{ T::ScreenRecord.tr(lang) }</p>
                    <ul class="side-ids" aria-labelledby="side-ids">
                        { for ids.iter().map(cite) }
                    </ul>
                }
            </section>
        </aside>
    }
}
