//! The "not found" screen.

use crate::i18n::T;
use crate::ui::components::nav_link::NavLink;
use crate::ui::hooks::use_store;
use crate::ui::route::Route;
use yew::prelude::*;

/// Shown for any address the app does not know.
#[component]
pub fn NotFound() -> Html {
    let store = use_store();
    html! {
        <section class="empty" data-screen="not-found">
            <h2>{ store.t(T::NotFoundTitle) }</h2>
            <p>{ store.t(T::NotFoundBody) }</p>
            <NavLink to={Route::Chats} classes={classes!("btn", "primary")}>{ store.t(T::GoToChats) }</NavLink>
        </section>
    }
}
