//! A small hash router: the address is `#/path?query`.
//!
//! Why not yew-router: measured on a bare counter app it takes the gzipped
//! bundle from 51 KB to 93 KB (gloo-history's state deserialisation drags in
//! serde-wasm-bindgen and float printing; queries go through
//! serde_urlencoded), a fifth of the 200 KB budget of the time. The app needs only
//! hash addresses, push, replace and the back button, which is this file.
//!
//! The address is the state: when it changes in an open tab (typed, or the
//! back and forward buttons), its scenario parameters are dispatched
//! (`Action::Address`) before the new location is set, so the shell, which
//! writes the carried parameters back into the address, already writes the
//! new values rather than the old ones.

use super::route::Route;
use super::store::Dispatch;
use crate::state::params::Params;
use crate::state::Action;
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// Where the app is: the screen and the raw query (without `?`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The screen.
    pub route: Route,
    /// The query string after `?`, still percent-encoded.
    pub query: Rc<str>,
}

/// Splits a hash (`#/chats/x?lang=zh`, `#chats`, or empty) into path and
/// query. Never fails: a hash without a leading slash gets one, so any text
/// typed into the address bar becomes a route or "not found".
pub fn split_hash(hash: &str) -> (String, &str) {
    let rest = hash.strip_prefix('#').unwrap_or(hash);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut p = String::with_capacity(path.len() + 1);
    if !path.starts_with('/') {
        p.push('/');
    }
    p.push_str(path);
    (p, query)
}

fn read() -> Location {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let (path, query) = split_hash(&hash);
    Location {
        route: Route::recognize(&path),
        query: query.into(),
    }
}

/// The history state of an entry whose address the app has brought in step
/// with the state (the shell writes every non-default scenario parameter
/// into it): going back to it, an absent parameter means the default
/// (`Params::whole`). Any other entry (typed, or a plain link such as a
/// record id's `#/timeline?id=…`) leaves absent parameters as they are.
const WHOLE: &str = "walled-garden:whole";

/// Marks the current history entry as [`WHOLE`], keeping its address.
fn mark_whole() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        if history.state().ok().and_then(|s| s.as_string()).as_deref() != Some(WHOLE) {
            let _ = history.replace_state(&JsValue::from_str(WHOLE), "");
        }
    }
}

/// What the current address asks for: its parameters, whole when the app
/// wrote the entry ([`WHOLE`]).
fn address_params(query: &str) -> Params {
    let params = Params::parse(query);
    let whole = web_sys::window()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == WHOLE);
    if whole {
        params.whole()
    } else {
        params
    }
}

/// The address for `route` with `query` (pairs, already decoded).
pub fn href(route: &Route, query: &[(impl AsRef<str>, impl AsRef<str>)]) -> String {
    let mut s = String::from("#");
    s.push_str(&route.to_path());
    for (i, (k, v)) in query.iter().enumerate() {
        s.push(if i == 0 { '?' } else { '&' });
        s.push_str(&crate::state::params::encode(k.as_ref()));
        s.push('=');
        s.push_str(&crate::state::params::encode(v.as_ref()));
    }
    s
}

/// Moves between addresses; `Clone` and cheap.
#[derive(Clone, PartialEq)]
pub struct Navigator {
    refresh: Callback<()>,
}

impl Navigator {
    fn go(&self, href: &str, replace: bool) {
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
            return;
        };
        let result = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(href))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(href))
        };
        if result.is_ok() {
            // pushState fires no event: tell the router ourselves.
            self.refresh.emit(());
        }
    }

    /// Goes to `href` (from [`href`]), adding a history entry.
    pub fn push(&self, href: &str) {
        self.go(href, false);
    }

    /// Goes to `href` in place of the current history entry.
    pub fn replace(&self, href: &str) {
        self.go(href, true);
    }
}

#[derive(Clone, PartialEq)]
struct RouterContext {
    location: Location,
    navigator: Navigator,
}

/// Props of [`Router`].
#[derive(Properties, PartialEq)]
pub struct RouterProps {
    /// The app below the router.
    pub children: Html,
}

/// Follows the address: the browser's back and forward buttons, typed
/// addresses, and the app's own pushes.
#[component]
pub fn Router(props: &RouterProps) -> Html {
    let location = use_state(read);
    let refresh = {
        let location = location.clone();
        use_callback((), move |_: (), _| location.set(read()))
    };
    // Below the store's provider in the app; a router alone (no store)
    // only follows the address.
    let dispatch = use_context::<Dispatch>();
    {
        let location = location.clone();
        use_effect_with((), move |_| {
            // The address changed under the app: apply its parameters
            // first, then show its screen, in one render.
            let changed = move || {
                let next = read();
                if let Some(dispatch) = &dispatch {
                    dispatch.dispatch(Action::Address(address_params(&next.query)));
                }
                location.set(next);
            };
            let listeners = web_sys::window().map(|w| {
                let a = changed.clone();
                let b = changed;
                [
                    EventListener::new(&w, "popstate", move |_| a()),
                    EventListener::new(&w, "hashchange", move |_| b()),
                ]
            });
            move || drop(listeners)
        });
    }
    // Children's effects run first: by now the shell has written the
    // carried parameters into the address, which makes the entry whole.
    use_effect_with((*location).clone(), |location| {
        if location.route != Route::NotFound {
            mark_whole();
        }
    });
    let context = RouterContext {
        location: (*location).clone(),
        navigator: Navigator { refresh },
    };
    html! {
        <ContextProvider<RouterContext> {context}>
            { props.children.clone() }
        </ContextProvider<RouterContext>>
    }
}

/// The current location; must be used below [`Router`].
#[hook]
pub fn use_location() -> Location {
    use_context::<RouterContext>()
        .map(|c| c.location)
        .expect("use_location outside Router")
}

/// The navigator; must be used below [`Router`].
#[hook]
pub fn use_navigator() -> Navigator {
    use_context::<RouterContext>()
        .map(|c| c.navigator)
        .expect("use_navigator outside Router")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_split_into_path_and_query() {
        assert_eq!(
            split_hash("#/chats?lang=zh"),
            ("/chats".to_string(), "lang=zh")
        );
        assert_eq!(
            split_hash("#/chats/family"),
            ("/chats/family".to_string(), "")
        );
        assert_eq!(split_hash(""), ("/".to_string(), ""));
        assert_eq!(split_hash("#"), ("/".to_string(), ""));
        assert_eq!(split_hash("#foo?x"), ("/foo".to_string(), "x"));
        assert_eq!(
            split_hash("#/open?url=a?b"),
            ("/open".to_string(), "url=a?b")
        );
    }

    #[test]
    fn hrefs_encode_the_query() {
        let q = [("url", "https://m.tb.cn/h.a?b=1"), ("in", "group")];
        assert_eq!(
            href(&Route::Open, &q),
            "#/open?url=https%3A%2F%2Fm.tb.cn%2Fh.a%3Fb%3D1&in=group"
        );
        let none: [(&str, &str); 0] = [];
        assert_eq!(
            href(
                &Route::Chat {
                    id: "family".into()
                },
                &none
            ),
            "#/chats/family"
        );
    }
}
