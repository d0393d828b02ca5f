//! Why a decision came out as it did: the badges of a weak or inferred
//! decision, which open the Why section, and that section's body
//! (`present::why`). Shared by every outcome screen (opener and chats), so
//! a weak or inferred answer says so wherever it is shown.

use super::markup::html;
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::engine::Decision;
use crate::policy::rules::{Confidence, Rules};
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
    html(crate::present::why::body(d, rules, lang))
}
