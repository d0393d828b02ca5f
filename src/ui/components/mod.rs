//! The widgets several pages share: the phone's shell, link cards, the
//! outcome screen and its Why, the scenario controls, the group editor,
//! copy buttons; and, here, icons, avatars and the confirmation dialog.

pub mod cite;
pub mod clipboard;
pub mod compare_button;
pub mod correction;
pub mod decision_actions;
pub mod download;
pub mod group;
pub mod link_card;
pub mod link_overlay;
pub mod link_settings;
pub mod markup;
pub mod nav_link;
pub mod outcome;
pub mod profile;
pub mod scenario;
pub mod scenario_bar;
pub mod shell;
pub mod side_panel;
pub mod welcome;
pub mod why;

use crate::i18n::T;
use crate::ui::hooks::{use_modal, use_store};
use yew::prelude::*;

/// A line icon drawn in SVG, hidden from screen readers (the control around
/// it carries the name). `name` is one of `back`, `chats`, `contacts`,
/// `discover`, `me`, `chevron`, `moments`, `mini`, `link`, `connection`,
/// `timeline`, `rules`, `voice`, `emoji`, `plus`, `about`. A function, not a
/// component: it has no state, and a component per icon would only add a
/// layer to every tab and button.
pub fn icon(name: &str) -> Html {
    let d = match name {
        "back" => "M15 4 7 12l8 8",
        "chats" => "M4 5h16v11H9l-5 4z",
        "contacts" => "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-8 8c0-4 4-6 8-6s8 2 8 6",
        "discover" => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm4 5-2.5 5.5L8 16l2.5-5.5z",
        "me" => "M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM5 21v-2a7 7 0 0 1 14 0v2",
        "chevron" => "m9 5 7 7-7 7",
        "moments" => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4v10M7 12h10",
        // WeChat's mini-program knot: two loops joined, centred.
        "mini" => "M9.5 14.5V9a3.5 3.5 0 1 1 3.5 3.5M14.5 9.5V15a3.5 3.5 0 1 1-3.5-3.5",
        "link" => {
            "M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1m2 4a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1"
        }
        "connection" => "M4 7h10v10H4zm10 3 6-3v10l-6-3",
        "timeline" => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4v5l3 3",
        "rules" => "M6 3h9l4 4v14H6zm3 7h7m-7 4h7m-7 4h4",
        // The composer's three round buttons, as WeChat draws them.
        "voice" => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm-2 6a4 4 0 0 1 0 6m3-8a7 7 0 0 1 0 10",
        "emoji" => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9 10v.5m6-.5v.5M8 14a4.5 4.5 0 0 0 8 0",
        "plus" => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 5v8m-4-4h8",
        // An open book, for the guided stories.
        "stories" => "M12 6c-2-1.5-5-2-8-2v14c3 0 6 .5 8 2 2-1.5 5-2 8-2V4c-3 0-6 .5-8 2zm0 0v14",
        // An "i" in a circle, for About.
        "about" => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 7v7m0-10v.5",
        _ => "",
    };
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={d} />
        </svg>
    }
}

/// Props of [`Avatar`].
#[derive(Properties, PartialEq)]
pub struct AvatarProps {
    /// The name the initials come from.
    pub name: AttrValue,
    /// Background colour.
    pub color: AttrValue,
    /// Larger, for profiles.
    #[prop_or_default]
    pub large: bool,
}

/// Initials on a colour, as WeChat shows for people without a photo.
#[component]
pub fn Avatar(props: &AvatarProps) -> Html {
    html! {
        <span class={classes!("avatar", props.large.then_some("large"))} data-c={props.color.clone()} aria-hidden="true">
            { initials(&props.name) }
        </span>
    }
}

// The avatar's letters: the rule is `state::chat_list::initials`, tested
// natively.
use crate::state::chat_list::initials;

/// Props of [`ConfirmDialog`].
#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    /// Heading.
    pub title: AttrValue,
    /// Explanation.
    pub body: AttrValue,
    /// Label of the confirming button.
    pub confirm: AttrValue,
    /// Called when confirmed.
    pub on_confirm: Callback<()>,
    /// Called when cancelled (button or Escape).
    pub on_cancel: Callback<()>,
}

/// A modal confirmation in WeUI's style ([`use_modal`]).
#[component]
pub fn ConfirmDialog(props: &ConfirmProps) -> Html {
    let store = use_store();
    let node = use_modal(true);
    let cancel = props.on_cancel.reform(|_| ());
    let confirm = props.on_confirm.reform(|_| ());
    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title" ref={node}>
                <h2 id="dialog-title" class="dialog-title">{ props.title.clone() }</h2>
                <p class="dialog-body">{ props.body.clone() }</p>
                <div class="dialog-actions">
                    <button class="dialog-btn" data-cancel="" onclick={cancel}>{ store.t(T::Cancel) }</button>
                    <button class="dialog-btn danger" onclick={confirm}>{ props.confirm.clone() }</button>
                </div>
            </div>
        </div>
    }
}
