//! The scenario bar (issue 25): on a phone, under the title of every
//! screen, the simulated day and whatever else differs from the default
//! scenario, as one button that opens the scenario controls in a sheet.

use super::icon;
use super::scenario::{scenario_words, ScenarioSheet};
use crate::i18n::T;
use crate::ui::hooks::{use_layer, use_view};
use yew::prelude::*;

/// "Scenario: 2021-11-29, overseas": the button and the sheet it opens,
/// whose being open is its own state.
#[component]
pub fn ScenarioBar() -> Html {
    let view = use_view();
    let layer = use_layer();
    let words = scenario_words(&view.scenario, view.lang, false);
    html! {
        <div class="scenario-bar">
            <button type="button" class="scenario-bar-btn" aria-haspopup="dialog"
                data-date={view.scenario.date.to_string()} onclick={layer.show.clone()}>
                <span class="scenario-bar-label">{ view.t(T::Scenario) }{ view.t(T::ScColon) }</span>
                <span class="scenario-bar-value">{ words }</span>
                { icon("chevron") }
            </button>
            if layer.open {
                <ScenarioSheet on_close={layer.hide.clone()} />
            }
        </div>
    }
}
