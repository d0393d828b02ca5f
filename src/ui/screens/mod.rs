//! One file per screen, and the route switch.

mod batch;
mod chat;
mod chats;
mod contacts;
mod discover;
mod me;
mod mini;
mod open;
mod placeholder;

use super::route::Route;
use yew::prelude::*;

pub use chat::ChatScreen;
pub use chats::ChatList;
pub use contacts::ContactList;
pub use discover::Discover;
pub use me::MeScreen;
pub use mini::MiniScreen;
pub use open::OpenScreen;
pub use placeholder::{ComingSoon, NotFound};

/// The screen for a route.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home | Route::Chats => html! { <ChatList /> },
        Route::Chat { id } => html! { <ChatScreen {id} /> },
        Route::Contacts => html! { <ContactList /> },
        Route::Discover => html! { <Discover /> },
        Route::Me => html! { <MeScreen /> },
        Route::Open => html! { <OpenScreen /> },
        Route::MiniPrograms => html! { <MiniScreen /> },
        Route::Moments | Route::Timeline | Route::Rules | Route::Register => {
            html! { <ComingSoon /> }
        }
        Route::NotFound => html! { <NotFound /> },
    }
}
