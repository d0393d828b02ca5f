//! The scenario controls: Date, Region, Phone, VPN, Cohort (UI-CONTRACT
//! names).
//! Used in full on Me and as a compact bar on the link opener.

use crate::i18n::T;
use crate::policy::scenario::{Cohort, Date, Os, Region};
use crate::state::scenario::ScenarioAction;
use crate::state::Action;
use crate::ui::hooks::use_store;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`ScenarioControls`].
#[derive(Properties, PartialEq)]
pub struct ScenarioProps {
    /// One row of small controls instead of a settings list.
    #[prop_or_default]
    pub compact: bool,
}

/// Earliest and latest dates offered: the record spans 2013 to 2023.
const MIN_DATE: &str = "2013-01-01";
const MAX_DATE: &str = "2023-12-31";

/// Edits the shared scenario; every screen follows at once.
#[component]
pub fn ScenarioControls(props: &ScenarioProps) -> Html {
    let store = use_store();
    let date_error = use_state(|| false);
    let s = store.data().scenario;
    let id = if props.compact { "bar" } else { "me" };
    let field = |name: &str| format!("sc-{id}-{name}");

    let on_date = {
        let store = store.clone();
        let date_error = date_error.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            match Date::parse(&v) {
                Ok(d) => {
                    date_error.set(false);
                    store.dispatch(Action::Scenario(ScenarioAction::SetDate(d)));
                }
                // Keep the old date: a half-typed date must not lose it.
                Err(_) => date_error.set(true),
            }
        })
    };
    let on_region = store.callback(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::Scenario(ScenarioAction::SetRegion(
            Region::parse(&v).unwrap_or_default(),
        ))
    });
    let on_os = store.callback(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::Scenario(ScenarioAction::SetOs(Os::parse(&v).unwrap_or_default()))
    });
    let on_cohort = store.callback(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::Scenario(ScenarioAction::SetCohort(
            Cohort::parse(&v).unwrap_or_default(),
        ))
    });
    let on_vpn = store.callback(|e: Event| {
        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
        Action::Scenario(ScenarioAction::SetVpn(on))
    });
    // A select the user changed no longer follows its options' `selected`
    // attribute: when the scenario changes from elsewhere (another tab, an
    // import, a reset), its value is set.
    let (region, os, cohort) = (use_node_ref(), use_node_ref(), use_node_ref());
    {
        let refs = [region.clone(), os.clone(), cohort.clone()];
        let values = [s.region.as_str(), s.os.as_str(), s.cohort.as_str()];
        use_effect_with(values, move |values| {
            for (node, v) in refs.iter().zip(values) {
                if let Some(el) = node.cast::<HtmlSelectElement>() {
                    if el.value() != *v {
                        el.set_value(v);
                    }
                }
            }
        });
    }

    html! {
        <div class={classes!("scenario", if props.compact { "compact" } else { "full" })}>
            <div class="field">
                <label for={field("date")}>{ store.t(T::Date) }</label>
                <input id={field("date")} type="date" min={MIN_DATE} max={MAX_DATE}
                    value={s.date.to_string()} onchange={on_date}
                    aria-invalid={if *date_error { "true" } else { "false" }} />
            </div>
            if *date_error {
                <p class="field-error" role="alert">{ store.t(T::DateInvalid) }</p>
            }
            <div class="field">
                <label for={field("region")}>{ store.t(T::Region) }</label>
                <select id={field("region")} ref={region} onchange={on_region}>
                    <option value="mainland" selected={s.region == Region::Mainland}>{ store.t(T::Mainland) }</option>
                    <option value="overseas" selected={s.region == Region::Overseas}>{ store.t(T::Overseas) }</option>
                </select>
            </div>
            <div class="field">
                <label for={field("os")}>{ store.t(T::Phone) }</label>
                <select id={field("os")} ref={os} onchange={on_os}>
                    <option value="ios" selected={s.os == Os::Ios}>{ store.t(T::Ios) }</option>
                    <option value="android" selected={s.os == Os::Android}>{ store.t(T::Android) }</option>
                </select>
            </div>
            <div class="field switch">
                <label for={field("vpn")}>{ store.t(T::Vpn) }</label>
                <input id={field("vpn")} type="checkbox" role="switch" checked={s.vpn} onchange={on_vpn} />
            </div>
            <div class="field">
                <label for={field("cohort")}>{ store.t(T::Cohort) }</label>
                <select id={field("cohort")} ref={cohort} onchange={on_cohort}>
                    <option value="early" selected={s.cohort == Cohort::Early}>{ store.t(T::CohortEarly) }</option>
                    <option value="late" selected={s.cohort == Cohort::Late}>{ store.t(T::CohortLate) }</option>
                </select>
            </div>
        </div>
    }
}
