//! **Compare…** beside every decision: opens Compare (`#/compare`) with the
//! link, where it was shared, and A the scenario it was decided in, B a
//! copy of A, so that the user changes one field of B and sees what that
//! alone changes.

use crate::policy::scenario::Scenario;
use crate::policy::Context;
use crate::state::compare::Compare;
use crate::state::params::carried_data;
use crate::ui::hooks::{use_navigator, use_store};
use crate::ui::route::Route;
use crate::ui::router::href;
use yew::prelude::*;

/// Props of [`CompareButton`].
#[derive(Properties, PartialEq)]
pub struct CompareButtonProps {
    /// The link as the user gave it.
    pub link: AttrValue,
    /// Where it was shared.
    pub context: Context,
    /// The scenario it was decided in; `None`: the store's.
    #[prop_or_default]
    pub scenario: Option<Scenario>,
}

/// The button; a new history entry, so Back returns to the decision.
#[component]
pub fn CompareButton(props: &CompareButtonProps) -> Html {
    let store = use_store();
    let navigator = use_navigator();
    let onclick = {
        let (link, context, scenario) = (props.link.clone(), props.context, props.scenario);
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let data = store.data();
            let c = Compare::new(&link, context, scenario.unwrap_or(data.scenario));
            let mut q = c.query();
            q.extend(carried_data(data));
            navigator.push(&href(&Route::Compare, &q));
        })
    };
    html! {
        <button type="button" class="btn" {onclick}>
            { crate::i18n::compare::K::Button.tr(store.lang()) }
        </button>
    }
}
