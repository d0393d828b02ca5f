//! The outcome matrix: platforms × contexts for the scenario's day and
//! cohort, each cell coloured by its outcome and opening its link in the
//! link opener (`present::matrix` draws it).

use crate::policy::matrix::matrix;
use crate::ui::components::markup::html;
use crate::ui::hooks::use_store;
use crate::ui::hooks::RulesKey;
use yew::prelude::*;

/// The matrix table with its legend.
#[component]
pub fn Matrix() -> Html {
    let store = use_store();
    let scenario = store.data().scenario;
    let rules = RulesKey::of(&store);
    let m = use_memo((rules, scenario), |(r, s)| matrix(r.rules(), s));
    html(crate::present::matrix::matrix(
        &m,
        store.rules(),
        &scenario,
        store.lang(),
    ))
}
