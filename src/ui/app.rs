//! The root component: it only composes the store's provider, the router,
//! the phone-shaped shell and the screen of the current address.

use super::components::shell::Shell;
use super::pages;
use super::provider::StoreProvider;
use super::router::{use_location, Router};
use yew::prelude::*;

/// The whole app.
#[component]
pub fn App() -> Html {
    html! {
        <StoreProvider>
            <Router>
                <Shell>
                    <Screen />
                </Shell>
            </Router>
        </StoreProvider>
    }
}

/// The screen of the current address.
#[component]
fn Screen() -> Html {
    pages::switch(use_location().route)
}
