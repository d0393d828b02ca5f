//! The outcome screen of a link tapped in a chat or in Moments, as a modal
//! layer over the screen. Which link is open is in the address
//! (`ui::hooks::use_open_link`), so coming back to the screen opens it
//! again (issue 25).

use crate::i18n::T;
use crate::policy::{Context, Viewer};
use crate::ui::components::outcome::OutcomeView;
use crate::ui::hooks::{use_decision, use_modal, use_store};
use yew::prelude::*;

/// Props of [`LinkOverlay`].
#[derive(Properties, PartialEq)]
pub struct OverlayProps {
    /// The link tapped, if one is open.
    pub link: Option<AttrValue>,
    /// Where it was shared.
    pub context: Context,
    /// Closes the layer.
    pub on_close: Callback<()>,
}

/// The outcome screen of a link tapped in a chat or in Moments, as a modal
/// layer over the screen, with its Close button: Escape or Close ends it
/// and the focus returns to the card.
#[component]
pub fn LinkOverlay(props: &OverlayProps) -> Html {
    let store = use_store();
    let node = use_modal(props.link.is_some());
    let Some(link) = props.link.clone() else {
        return Html::default();
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="outcome-overlay" role="dialog" aria-modal="true" aria-label={link.clone()} ref={node}>
            <button class="btn overlay-close" data-cancel="" onclick={close}>{ store.t(T::Close) }</button>
            <OpenedLink key={link.to_string()} link={link.clone()} context={props.context} />
        </div>
    }
}

/// Props of [`OpenedLink`].
#[derive(Properties, PartialEq)]
struct OpenedProps {
    /// The link tapped.
    link: AttrValue,
    /// Where it was shared.
    context: Context,
}

/// The outcome screen of a link opened from a chat (or Moments). Keyed by
/// the link, so that a continued confirmation does not carry over to the
/// next one.
#[component]
fn OpenedLink(props: &OpenedProps) -> Html {
    let decision = use_decision(&props.link, props.context, Viewer::default());
    html! { <OutcomeView link={props.link.clone()} {decision} context={props.context} /> }
}
