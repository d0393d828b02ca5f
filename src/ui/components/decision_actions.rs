//! What a reader can do with a decision they see (UI-CONTRACT.md, "Citing,
//! comparing"): **Cite this**, **Compare…** and **Suggest a correction**,
//! one row under every decision (the link opener's and the page a link
//! card opens), each button a component that owns its own dialog.

use crate::policy::engine::Decision;
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
}

/// The row of actions under a decision.
#[component]
pub fn DecisionActions(props: &DecisionActionsProps) -> Html {
    let _ = (&props.decision, &props.link, props.context);
    html! {
        <div class="decision-actions">
            // Cite this (src/ui/components/cite.rs)
            // Compare… (src/ui/components/compare_button.rs)
            // Suggest a correction (src/ui/components/correction.rs)
        </div>
    }
}
