//! Why a decision came out as it did: the badges (confidence, assumption,
//! reachability, cohort), which open the Why section, and that section's body
//! (`present::why`). Shared by every outcome screen (opener and chats), so
//! a weak or inferred answer says so wherever it is shown.

use super::markup::html;
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::engine::Decision;
use crate::policy::fingerprint::Fingerprint;
use crate::policy::rules::{Confidence, Rules};
use crate::policy::scenario::Cohort;
use crate::present::words::outcome_key;
use yew::prelude::*;

/// How sure the decision is and what it rests on, where it is shown: the
/// confidence (always), "Assumption" when inferred, "Not without a VPN"
/// when the page does not load, and one line on the rollout cohort with
/// what the other cohort saw. Each badge opens the Why section (`open`,
/// whose id is `why`: each side of Compare has its own).
pub fn badges(
    d: &Decision,
    cohort: Cohort,
    lang: Lang,
    open: &Callback<MouseEvent>,
    why: &'static str,
) -> Html {
    // How sure the record is, always: high too, so that the question is
    // answered where it is asked (each badge opens Why, which says why).
    let (confidence, class) = match d.confidence {
        Confidence::High => (T::BadgeHigh, "badge high"),
        Confidence::Medium => (T::BadgeMedium, "badge low"),
        Confidence::Low => (T::BadgeLow, "badge low"),
    };
    let cohort_name = match cohort {
        Cohort::Early => T::CohortEarly,
        Cohort::Late => T::CohortLate,
    };
    let other = d.other_cohort.as_ref().map(|o| {
        let saw = if o.cohort == Cohort::Early {
            T::EarlyCohortSaw
        } else {
            T::LateCohortSaw
        };
        (saw, outcome_key(o.outcome))
    });
    html! {
        <>
            <p class="badges">
                <button type="button" class={class} onclick={open.clone()}
                    aria-controls={why}>{ confidence.tr(lang) }</button>
                if d.assumption {
                    <button type="button" class="badge assumption" onclick={open.clone()}
                        aria-controls={why}>{ T::BadgeAssumption.tr(lang) }</button>
                }
                if !d.reachable {
                    <span class="chip network">{ T::Unreachable.tr(lang) }</span>
                }
            </p>
            <p class="cohort-line" data-cohort={cohort.as_str()}>
                { T::YourCohort.tr(lang) }{ lang.pick(": ", "：") }{ cohort_name.tr(lang) }{ lang.pick(". ", "。") }
                if let Some((saw, outcome)) = other {
                    { saw.tr(lang) }{ lang.pick(": ", "：") }<strong>{ outcome.tr(lang) }</strong>{ lang.pick(".", "。") }
                } else {
                    { T::CohortMeans.tr(lang) }
                }
            </p>
        </>
    }
}

/// The body of the Why section; `rules` are the active rules, which
/// decided `d`, and `fingerprint` their file's (the line a citation
/// names: which rules these were).
pub fn why_body(d: &Decision, rules: &Rules, fingerprint: &Fingerprint, lang: Lang) -> Html {
    html! {<>
        { html(crate::present::why::body(d, rules, lang)) }
        { html(crate::present::cite::fingerprint(fingerprint, lang, false)) }
    </>}
}
