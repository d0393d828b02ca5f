//! What a reader can do with a decision they see (UI-CONTRACT.md, "Citing,
//! comparing"): **Cite this**, **Compare…** and **Suggest a correction**,
//! one row under every decision (the link opener's and the page a link
//! card opens), each button a component that owns its own dialog.

use crate::policy::engine::Decision;
use crate::policy::scenario::Scenario;
use crate::policy::Context;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`DecisionActions`].
#[derive(Properties, PartialEq)]
pub struct DecisionActionsProps {
    /// The decision shown.
    pub decision: Rc<Decision>,
    /// The link as the user gave it.
    pub link: AttrValue,
    /// Where it was shared.
    pub context: Context,
    /// The scenario it was decided in, when not the store's (a side of
    /// Compare).
    #[prop_or_default]
    pub scenario: Option<Scenario>,
}

/// The row of actions under a decision.
#[component]
pub fn DecisionActions(props: &DecisionActionsProps) -> Html {
    let _ = (&props.decision, &props.link, props.context);
    // Not in the release build yet: the bundle ceiling (`OVER_BUDGET`).
    if !crate::OVER_BUDGET {
        return Html::default();
    }
    html! {
        <div class="decision-actions">
            <super::cite::CiteThis what={super::cite::Subject::Decision { decision: props.decision.clone(),
                link: props.link.clone(), context: props.context, scenario: props.scenario }} />
            <super::compare_button::CompareButton link={props.link.clone()}
                context={props.context} scenario={props.scenario} />
            <super::correction::SuggestCorrection decision={props.decision.clone()}
                link={props.link.clone()} context={props.context} scenario={props.scenario} />
        </div>
    }
}
