//! The hash routes of UI-CONTRACT.md, in one enum.

use crate::i18n::T;
use yew_router::prelude::*;

/// Every screen's address.
#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    /// `#/` goes to the chats.
    #[at("/")]
    Home,
    /// The chat list (start screen).
    #[at("/chats")]
    Chats,
    /// One chat.
    #[at("/chats/:id")]
    Chat {
        /// The chat's id.
        id: String,
    },
    /// Contacts.
    #[at("/contacts")]
    Contacts,
    /// Discover.
    #[at("/discover")]
    Discover,
    /// Moments feed.
    #[at("/moments")]
    Moments,
    /// Link opener.
    #[at("/open")]
    Open,
    /// The dated record.
    #[at("/timeline")]
    Timeline,
    /// Rules inspector and editor.
    #[at("/rules")]
    Rules,
    /// Account and scenario.
    #[at("/me")]
    Me,
    /// Sign-up flow.
    #[at("/register")]
    Register,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The four tabs of the bottom bar, in order.
pub const TABS: [(Route, T); 4] = [
    (Route::Chats, T::Chats),
    (Route::Contacts, T::Contacts),
    (Route::Discover, T::Discover),
    (Route::Me, T::Me),
];

impl Route {
    /// The tab this screen belongs to, if it is a top-level screen.
    pub fn tab(&self) -> Option<usize> {
        match self {
            Route::Home | Route::Chats => Some(0),
            Route::Contacts => Some(1),
            Route::Discover => Some(2),
            Route::Me => Some(3),
            _ => None,
        }
    }

    /// Where the top bar's back arrow leads (inner screens only).
    pub fn parent(&self) -> Option<Route> {
        match self {
            Route::Chat { .. } => Some(Route::Chats),
            Route::Moments | Route::Open | Route::Timeline | Route::Rules => Some(Route::Discover),
            Route::Register => Some(Route::Me),
            Route::NotFound => Some(Route::Chats),
            _ => None,
        }
    }

    /// The fixed title of the screen (a chat's title comes from its data).
    pub fn title(&self) -> T {
        match self {
            Route::Home | Route::Chats | Route::Chat { .. } => T::Chats,
            Route::Contacts => T::Contacts,
            Route::Discover => T::Discover,
            Route::Moments => T::Moments,
            Route::Open => T::LinkOpener,
            Route::Timeline => T::Timeline,
            Route::Rules => T::Rules,
            Route::Me => T::Me,
            Route::Register => T::Register,
            Route::NotFound => T::NotFoundTitle,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_addresses_are_recognised() {
        for (path, route) in [
            ("/chats", Route::Chats),
            (
                "/chats/family",
                Route::Chat {
                    id: "family".into(),
                },
            ),
            ("/contacts", Route::Contacts),
            ("/discover", Route::Discover),
            ("/moments", Route::Moments),
            ("/open", Route::Open),
            ("/timeline", Route::Timeline),
            ("/rules", Route::Rules),
            ("/me", Route::Me),
            ("/register", Route::Register),
        ] {
            assert_eq!(Route::recognize(path), Some(route.clone()), "{path}");
            assert_eq!(route.to_path(), path);
        }
        assert_eq!(Route::recognize("/nowhere"), Some(Route::NotFound));
    }

    #[test]
    fn inner_screens_have_a_parent_and_tabs_do_not() {
        for (route, _) in TABS {
            assert!(route.parent().is_none());
            assert!(route.tab().is_some());
        }
        assert_eq!(Route::Chat { id: "x".into() }.parent(), Some(Route::Chats));
        assert_eq!(Route::Open.parent(), Some(Route::Discover));
    }
}
