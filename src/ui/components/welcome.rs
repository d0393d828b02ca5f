//! The welcome (issue 25): on a first visit, and from **About** on Me and
//! Discover, a short dialog saying what Walled Garden is, which day it
//! simulates and where to start. Whether it was dismissed is kept in this
//! browser under its own key (`state::orientation`, which says why not in
//! the saved data).

use super::nav_link::NavLink;
use crate::i18n::T;
use crate::state::orientation::{welcome_due, WELCOME_KEY, WELCOME_SEEN};
use crate::ui::hooks::{use_layer, use_modal, use_view};
use crate::ui::route::Route;
use yew::prelude::*;

/// Whether the welcome is due on mounting: nothing says this browser has
/// dismissed it (or its storage can't be read, where it shows each visit).
pub fn first_visit() -> bool {
    let stored = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(WELCOME_KEY).ok().flatten());
    welcome_due(stored.as_deref())
}

/// Remembers that the welcome was dismissed. A browser that refuses the
/// write shows it again next time, which is all that is lost.
fn remember() {
    let _ = crate::ui::storage::put(WELCOME_KEY, WELCOME_SEEN);
}

/// Props of [`Welcome`].
#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    /// Called when it is dismissed (Start, Escape, or a way in followed).
    pub on_close: Callback<()>,
}

/// The welcome dialog, in the app's modal conventions ([`use_modal`]):
/// the focus goes to **Start**, so one key or tap dismisses it.
#[component]
pub fn Welcome(props: &WelcomeProps) -> Html {
    let view = use_view();
    let node = use_modal(true);
    let start = use_node_ref();
    {
        // After `use_modal`'s effect, which focuses the first link.
        let start = start.clone();
        use_effect_with((), move |_| {
            if let Some(b) = start.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| {
            remember();
            on_close.emit(());
        })
    };
    let date = view.scenario.date.to_string();
    let way = |to: Route, key: T| {
        html! {
            // The click reaches the item after the link has navigated.
            <li onclick={close.clone()}>
                <NavLink {to} classes={classes!("welcome-way")}>{ view.t(key) }</NavLink>
            </li>
        }
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog welcome" role="dialog" aria-modal="true" aria-labelledby="welcome-title"
                aria-describedby="welcome-what" ref={node} data-welcome="">
                <h2 id="welcome-title" class="dialog-title">{ view.t(T::WelcomeTitle) }</h2>
                <p id="welcome-what" class="welcome-text">{ view.t(T::WelcomeWhat) }</p>
                <p class="welcome-day">
                    { view.t(T::WelcomeDay) }{ view.t(T::ScColon) }
                    <strong data-date={date.clone()}>{ date }</strong>
                </p>
                <p class="welcome-text">{ view.t(T::WelcomeDayHelp) }</p>
                <h3 id="welcome-ways" class="welcome-ways-title">{ view.t(T::WaysIn) }</h3>
                <ul class="welcome-ways" aria-labelledby="welcome-ways">
                    if crate::OVER_BUDGET {
                        { way(Route::Stories, T::WayStories) }
                    }
                    { way(Route::Open, T::WayOpener) }
                    { way(Route::Timeline, T::WayTimeline) }
                </ul>
                <p class="welcome-text">{ view.t(T::WayChats) }</p>
                <div class="dialog-actions">
                    <button type="button" class="dialog-btn primary" data-cancel="" ref={start} onclick={close.clone()}>
                        { view.t(T::WelcomeStart) }
                    </button>
                </div>
            </div>
        </div>
    }
}

/// Props of [`AboutEntry`].
#[derive(Properties, PartialEq)]
pub struct AboutProps {
    /// CSS classes of the button (a cell on Discover, a button on Me).
    #[prop_or_default]
    pub classes: Classes,
    /// Drawn as a Discover cell: the content before the name (its icon),
    /// the name in the cell's body, a chevron after it.
    #[prop_or_default]
    pub cell: bool,
    /// Content before the name (Discover's icon).
    #[prop_or_default]
    pub children: Html,
}

/// **About Walled Garden**: a button that opens the welcome again. It owns
/// whether the welcome is open, so the page around it keeps no state.
#[component]
pub fn AboutEntry(props: &AboutProps) -> Html {
    let view = use_view();
    let layer = use_layer();
    html! {<>
        <button type="button" class={props.classes.clone()} aria-haspopup="dialog" onclick={layer.show.clone()}>
            if props.cell {
                { props.children.clone() }
                <span class="cell-body"><span class="cell-title">{ view.t(T::AboutApp) }</span></span>
                { super::icon("chevron") }
            } else {
                { view.t(T::AboutApp) }
            }
        </button>
        if layer.open {
            <Welcome on_close={layer.hide.clone()} />
        }
    </>}
}
