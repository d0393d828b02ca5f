//! One file per screen, and the route switch.

mod batch;
mod chat;
mod chats;
mod compare;
mod connection;
mod contacts;
mod data_io;
mod discover;
mod history;
mod me;
mod mini;
mod moments;
mod open;
mod placeholder;
mod register;
mod rules;
mod stories;
mod timeline;

use super::route::Route;
use yew::prelude::*;

pub use chat::ChatScreen;
pub use chats::ChatList;
pub use contacts::ContactList;
pub use discover::Discover;
pub use me::MeScreen;
pub use mini::MiniScreen;
pub use moments::{moments_settings, MomentsScreen};
pub use open::OpenScreen;
pub use placeholder::NotFound;
pub use rules::RulesScreen;
pub use timeline::TimelineScreen;

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
        Route::Moments => html! { <MomentsScreen /> },
        Route::Timeline => html! { <TimelineScreen /> },
        Route::Rules => html! { <RulesScreen /> },
        Route::Register => html! { <register::RegisterScreen /> },
        Route::Connection => html! { <connection::ConnectionScreen /> },
        Route::History => html! { <history::HistoryScreen /> },
        // Compare and the stories wait for room in the bundle
        // (`crate::OVER_BUDGET`); until then their addresses are not found.
        Route::Compare | Route::Stories | Route::Story { .. } if !crate::OVER_BUDGET => {
            html! { <NotFound /> }
        }
        Route::Compare => html! { <compare::CompareScreen /> },
        Route::Stories => html! { <stories::StoriesScreen /> },
        Route::Story { id } => html! { <stories::StoryScreen id={id} /> },
        Route::NotFound => html! { <NotFound /> },
    }
}
