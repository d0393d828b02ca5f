//! The scenario controls: Date, Region, Phone, VPN, Cohort (UI-CONTRACT
//! names).
//! Used in full on Me and as a compact bar on the link opener; in a sheet
//! ([`ScenarioSheet`]) from the scenario bar and the side panel (issue 25),
//! with the scenario in words ([`scenario_words`]).

use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::scenario::{Cohort, Date, Os, Region, Scenario};
use crate::state::orientation::{asides, parts, Part};
use crate::state::scenario::ScenarioAction;
use crate::state::Action;
use crate::ui::hooks::{use_modal, use_store, use_view};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`ScenarioControls`].
#[derive(Properties, PartialEq)]
pub struct ScenarioProps {
    /// One row of small controls instead of a settings list.
    #[prop_or_default]
    pub compact: bool,
    /// In the scenario sheet: its own element ids, so that the sheet opened
    /// over Me or the link opener repeats none of theirs.
    #[prop_or_default]
    pub sheet: bool,
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
    let id = match (props.sheet, props.compact) {
        (true, _) => "sheet",
        (false, true) => "bar",
        (false, false) => "me",
    };
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

/// The word of one part of the scenario, lower-case as it reads after the
/// date ("2021-11-29, overseas").
fn part_word(p: Part) -> T {
    match p {
        Part::Region(Region::Mainland) => T::ScMainland,
        Part::Region(Region::Overseas) => T::ScOverseas,
        Part::Os(Os::Ios) => T::ScIos,
        Part::Os(Os::Android) => T::ScAndroid,
        Part::Vpn(true) => T::ScVpnOn,
        Part::Vpn(false) => T::ScVpnOff,
        Part::Cohort(Cohort::Early) => T::ScEarly,
        Part::Cohort(Cohort::Late) => T::ScLate,
    }
}

/// The scenario in words: its date, then every part (`every`, for the side
/// panel) or only those that differ from the default (the scenario bar).
pub fn scenario_words(s: &Scenario, lang: Lang, every: bool) -> String {
    let shown: Vec<Part> = if every { parts(s).to_vec() } else { asides(s) };
    let mut out = s.date.to_string();
    for p in shown {
        out.push_str(T::ScSep.tr(lang));
        out.push_str(part_word(p).tr(lang));
    }
    out
}

/// Props of [`ScenarioSheet`].
#[derive(Properties, PartialEq)]
pub struct SheetProps {
    /// Called when it is closed (its button or Escape).
    pub on_close: Callback<()>,
}

/// The scenario controls in a modal sheet, over whatever screen is in
/// view: the screen follows each change behind it.
#[component]
pub fn ScenarioSheet(props: &SheetProps) -> Html {
    let view = use_view();
    let node = use_modal(true);
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="dialog-backdrop">
            <div class="dialog scenario-sheet" role="dialog" aria-modal="true" aria-labelledby="scenario-sheet-title" ref={node}>
                <h2 id="scenario-sheet-title" class="dialog-title">{ view.t(T::Scenario) }</h2>
                <p class="section-help">{ view.t(T::ScenarioHelp) }</p>
                <ScenarioControls sheet=true />
                <div class="dialog-actions">
                    <button type="button" class="dialog-btn primary" data-cancel="" onclick={close}>{ view.t(T::Close) }</button>
                </div>
            </div>
        </div>
    }
}
