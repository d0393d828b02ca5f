//! The app's in-app link: a real `<a href>` to another screen that keeps
//! the scenario parameters in the address. Apart from the shell, which uses
//! it for the tabs, so that any widget can link without depending on it.

use crate::state::params::carried_data;
use crate::ui::hooks::use_store;
use crate::ui::route::Route;
use crate::ui::router::{href, use_navigator};
use yew::prelude::*;

/// Props of [`NavLink`].
#[derive(Properties, PartialEq)]
pub struct NavLinkProps {
    /// Where it leads.
    pub to: Route,
    /// CSS classes of the anchor.
    #[prop_or_default]
    pub classes: Classes,
    /// Marks the link as the current page (`aria-current`), for the tab bar.
    #[prop_or_default]
    pub current: bool,
    /// Content.
    #[prop_or_default]
    pub children: Html,
}

/// An in-app link that keeps the scenario parameters in the address. A real
/// `<a href>`, so it can be opened in a new tab or copied.
#[component]
pub fn NavLink(props: &NavLinkProps) -> Html {
    let store = use_store();
    let navigator = use_navigator();
    let href = href(&props.to, &carried_data(store.data()));
    let onclick = {
        let href = href.clone();
        Callback::from(move |e: MouseEvent| {
            if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
                return; // the browser opens a new tab or window
            }
            e.prevent_default();
            navigator.push(&href);
        })
    };
    html! {
        <a {href} class={props.classes.clone()} aria-current={props.current.then_some("page")} {onclick}>{ props.children.clone() }</a>
    }
}
