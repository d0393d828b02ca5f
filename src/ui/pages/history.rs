//! One platform's history (`#/history?platform=douyin`): every change of
//! what its links did in WeChat, context by context, computed by
//! `policy::history` for the scenario's region, phone, VPN and cohort and
//! drawn by `present::history`.

use crate::policy::history::history;
use crate::policy::matrix::START;
use crate::policy::scenario::Scenario;
use crate::ui::components::markup::html;
use crate::ui::hooks::{use_location, use_view};
use yew::prelude::*;

/// The history screen; an unknown or missing platform gets a message and
/// the platforms to choose from.
#[component]
pub fn HistoryScreen() -> Html {
    let view = use_view();
    let location = use_location();
    let platform = crate::state::params::get(&location.query, "platform");
    // The history covers every day: moving the scenario's date changes
    // nothing of it, so the date is left out of the memo's key.
    let undated = Scenario {
        date: START,
        ..view.scenario
    };
    let h = use_memo(
        (view.rules.clone(), undated, platform.clone()),
        |(r, s, p)| p.as_deref().and_then(|p| history(r.rules(), p, s)),
    );
    html! {
        <div data-screen="history">
            { html(crate::present::history::page(
                h.as_ref().as_ref(),
                platform.as_deref(),
                view.scenario.date,
                view.rules.rules(),
                view.lang,
            )) }
        </div>
    }
}
