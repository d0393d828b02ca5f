//! The hash routes of UI-CONTRACT.md, in one enum.

use crate::i18n::T;
use crate::state::params::{decode, encode};

/// Every screen's address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/` goes to the chats.
    Home,
    /// The chat list (start screen).
    Chats,
    /// One chat.
    Chat {
        /// The chat's id.
        id: String,
    },
    /// Contacts.
    Contacts,
    /// Discover.
    Discover,
    /// Moments feed.
    Moments,
    /// Link opener.
    Open,
    /// The mock mini programs (`#/mini`).
    MiniPrograms,
    /// The dated record.
    Timeline,
    /// Rules inspector and editor.
    Rules,
    /// Account and scenario.
    Me,
    /// Sign-up flow.
    Register,
    /// Douyin's Connection, in a rival-app frame.
    Connection,
    /// One platform's history (`#/history?platform=douyin`); the platform
    /// is in the query, read by the screen as the timeline reads `id`.
    History,
    /// One link in two scenarios side by side (`#/compare?url=…&a.date=…`);
    /// everything it shows is in the query (`state::compare`).
    Compare,
    /// The guided stories (`#/stories`).
    Stories,
    /// One story (`#/story/<id>?step=N`; the step is in the query).
    Story {
        /// The story's id.
        id: String,
    },
    /// Anything else.
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
    /// The route of a path (`/chats/family`); unknown paths are `NotFound`.
    pub fn recognize(path: &str) -> Route {
        let path = path
            .strip_suffix('/')
            .filter(|p| !p.is_empty())
            .unwrap_or(path);
        match path {
            "/" => Route::Home,
            "/chats" => Route::Chats,
            "/contacts" => Route::Contacts,
            "/discover" => Route::Discover,
            "/moments" => Route::Moments,
            "/open" => Route::Open,
            "/mini" => Route::MiniPrograms,
            "/timeline" => Route::Timeline,
            "/rules" => Route::Rules,
            "/me" => Route::Me,
            "/register" => Route::Register,
            "/connection" => Route::Connection,
            "/history" => Route::History,
            "/compare" => Route::Compare,
            "/stories" => Route::Stories,
            _ => {
                let under = |prefix: &str| {
                    path.strip_prefix(prefix)
                        .filter(|id| !id.is_empty() && !id.contains('/'))
                        .map(decode)
                };
                if let Some(id) = under("/chats/") {
                    Route::Chat { id }
                } else if let Some(id) = under("/story/") {
                    Route::Story { id }
                } else {
                    Route::NotFound
                }
            }
        }
    }

    /// The path of this route, the inverse of [`Route::recognize`].
    pub fn to_path(&self) -> String {
        let fixed = match self {
            Route::Home => "/",
            Route::Chats => "/chats",
            Route::Chat { id } => return String::from("/chats/") + &encode(id),
            Route::Contacts => "/contacts",
            Route::Discover => "/discover",
            Route::Moments => "/moments",
            Route::Open => "/open",
            Route::MiniPrograms => "/mini",
            Route::Timeline => "/timeline",
            Route::Rules => "/rules",
            Route::Me => "/me",
            Route::Register => "/register",
            Route::Connection => "/connection",
            Route::History => "/history",
            Route::Compare => "/compare",
            Route::Stories => "/stories",
            Route::Story { id } => return String::from("/story/") + &encode(id),
            Route::NotFound => "/404",
        };
        fixed.to_string()
    }

    /// Whether this is one of a story's steps.
    pub fn is_story(&self) -> bool {
        matches!(self, Route::Story { .. })
    }

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
            Route::Moments
            | Route::Open
            | Route::MiniPrograms
            | Route::Timeline
            | Route::Rules
            | Route::Connection => Some(Route::Discover),
            Route::History => Some(Route::Timeline),
            Route::Compare => Some(Route::Open),
            Route::Stories => Some(Route::Discover),
            // A story's own Exit story goes back to where the reader came
            // from; its Back and Next are the steps.
            Route::Story { .. } => None,
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
            Route::MiniPrograms => T::MiniPrograms,
            Route::Timeline => T::Timeline,
            Route::Rules => T::Rules,
            Route::Me => T::Me,
            Route::Register => T::Register,
            Route::Connection => T::Connection,
            Route::History => T::HistoryTitle,
            Route::Compare => T::Compare,
            Route::Stories | Route::Story { .. } => T::Stories,
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
            ("/mini", Route::MiniPrograms),
            ("/timeline", Route::Timeline),
            ("/rules", Route::Rules),
            ("/me", Route::Me),
            ("/register", Route::Register),
            ("/connection", Route::Connection),
            ("/history", Route::History),
            ("/compare", Route::Compare),
            ("/stories", Route::Stories),
            (
                "/story/the-opening",
                Route::Story {
                    id: "the-opening".into(),
                },
            ),
        ] {
            assert_eq!(Route::recognize(path), route.clone(), "{path}");
            assert_eq!(route.to_path(), path);
        }
        assert_eq!(Route::recognize("/"), Route::Home);
        assert_eq!(Route::recognize("/me/"), Route::Me);
        assert_eq!(Route::recognize("/chats/"), Route::Chats);
        for bad in ["/nowhere", "/chats//", "/chats/a/b", "", "/CHATS", "/404"] {
            let r = Route::recognize(bad);
            assert!(r == Route::NotFound || bad == "/404", "{bad}: {r:?}");
        }
        let odd = Route::Chat { id: "a b/c".into() };
        assert_eq!(Route::recognize(&odd.to_path()), odd);
    }

    /// present links to a history itself (it never imports `ui`): the
    /// address is the router's, the platform in its query.
    #[test]
    fn a_history_link_is_the_routers() {
        let id = "dou yin/&x";
        assert_eq!(
            crate::present::href::history(id),
            crate::ui::router::href(&Route::History, &[("platform", id)])
        );
        assert_eq!(Route::History.parent(), Some(Route::Timeline));
    }

    /// present links to Compare itself, as to a history.
    #[test]
    fn a_compare_link_is_the_routers() {
        use crate::state::compare::Compare;
        let c = Compare::new(
            "https://m.tb.cn/h.x?a=1&b",
            crate::policy::Context::Group,
            Default::default(),
        );
        assert_eq!(
            crate::present::href::compare(&c),
            crate::ui::router::href(&Route::Compare, &c.query())
        );
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
