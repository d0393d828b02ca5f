//! Why a decision came out as it did: the deciding rules with their dates
//! and sources, how sure the record is, what was assumed, and what the other
//! rollout cohort saw. Shared by every outcome screen (opener and chats), so
//! a weak or inferred answer says so wherever it is shown.

use crate::i18n::{Lang, T};
use crate::policy::engine::{Decision, Why};
use crate::policy::rules::{Confidence, Rules};
use crate::policy::scenario::Cohort;
use crate::state::opener::outcome_key;
use crate::ui::route::Route;
use crate::ui::router::href;
use yew::prelude::*;

/// The short badges of a weak or inferred decision ("Low confidence",
/// "Assumption"); each opens the Why section through `open`.
pub fn badges(d: &Decision, lang: Lang, open: &Callback<MouseEvent>) -> Html {
    let confidence = d.confidence_badge().map(|c| match c {
        Confidence::Medium => T::BadgeMedium,
        _ => T::BadgeLow,
    });
    if confidence.is_none() && !d.assumption {
        return Html::default();
    }
    html! {
        <p class="badges">
            if let Some(key) = confidence {
                <button type="button" class="badge low" onclick={open.clone()}
                    aria-controls="why">{ key.tr(lang) }</button>
            }
            if d.assumption {
                <button type="button" class="badge assumption" onclick={open.clone()}
                    aria-controls="why">{ T::BadgeAssumption.tr(lang) }</button>
            }
        </p>
    }
}

/// The body of the Why section; `rules` are the active rules, which
/// decided `d`.
pub fn why_body(d: &Decision, rules: &Rules, lang: Lang) -> Html {
    html! {<>
        if d.custom {
            <p class="flag custom" data-rules-source="custom">{ T::CustomRulesWhy.tr(lang) }</p>
        }
        <ul class="why-rules">
            { for d.trace.iter().filter(|s| s.applied).map(|s| {
                let id = s.rule_id.to_string();
                if s.why == Why::AssumedPlatform {
                    return html! {
                        <li key={id.clone()} data-platform-assumed={id.clone()}>
                            <code>{ id }</code>{ " " }
                            <span class="why-role">{ T::PlatformAssumed.tr(lang) }</span>
                            <p class="flag assumption">{ T::Assumption.tr(lang) }</p>
                        </li>
                    };
                }
                let role = if s.why == Why::Decided { T::Decides } else { T::Agrees };
                html! {
                    <li key={id.clone()} data-rule={id.clone()}>
                        <code>{ id }</code>{ " " }<span class="why-role">{ role.tr(lang) }</span>
                        if let Some(r) = rules.rule(&s.rule_id) {
                            <p class="why-dates">{ T::InForce.tr(lang) }{ ": " }{ r.valid_from.to_string() }{ " – " }
                                { r.valid_until.map(|u| u.to_string()).unwrap_or_default() }</p>
                            <p class="why-sources">{ T::Sources.tr(lang) }{ ": " }
                                { for r.sources.iter().map(|src| html! {
                                    <a key={src.clone()} class="why-source" href={href(&Route::Timeline, &[("id", src.as_str())])}>{ src }</a>
                                }) }
                            </p>
                        }
                        if s.low_confidence {
                            <p class="flag low">{ T::LowConfidence.tr(lang) }</p>
                        }
                        if s.assumption {
                            <p class="flag assumption">{ T::Assumption.tr(lang) }</p>
                        }
                    </li>
                }
            }) }
        </ul>
        if !d.assumed.is_empty() {
            <div class="why-assumed">
                <h4>{ T::Assumed.tr(lang) }</h4>
                <ul>
                    { for d.assumed.iter().map(|a| html! {
                        <li key={a.en.clone()}>{ a.get(lang) }</li>
                    }) }
                </ul>
            </div>
        }
        if let Some(c) = &d.caveat {
            <div class="why-caveat" data-confidence={c.confidence.as_str()}>
                <h4>{ T::Caveat.tr(lang) }{ " · " }{ T::BadgeLow.tr(lang) }</h4>
                <p>{ c.text.get(lang) }{ " " }
                    { for c.sources.iter().map(|src| html! {
                        <a key={src.clone()} class="why-source" href={href(&Route::Timeline, &[("id", src.split('#').next().unwrap_or(src))])}>{ src }</a>
                    }) }
                </p>
            </div>
        }
        if let Some(o) = &d.other_cohort {
            <div class="why-cohort" data-other-cohort={o.cohort.as_str()} data-other-outcome={o.outcome.as_str()}>
                <h4>{ T::OtherCohort.tr(lang) }</h4>
                <p>{ if o.cohort == Cohort::Early { T::EarlyCohortSaw } else { T::LateCohortSaw }.tr(lang) }
                    { lang.pick(": ", "：") }{ outcome_key(o.outcome).tr(lang) }{ " (" }<code>{ &*o.rule }</code>{ ")" }</p>
            </div>
        }
    </>}
}
