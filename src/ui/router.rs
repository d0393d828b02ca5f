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
use crate::state::nav::{self, Entry};
use crate::state::params::Params;
use crate::state::Action;
use gloo::events::EventListener;
use std::cell::Cell;
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

fn history() -> Option<web_sys::History> {
    web_sys::window().and_then(|w| w.history().ok())
}

/// The current history entry's state, if it is text (the app's marks are).
fn entry_state() -> Option<String> {
    history()
        .and_then(|h| h.state().ok())
        .and_then(|s| s.as_string())
}

/// Writes `entry`'s mark (`state::nav::Entry`) into the current history
/// entry, keeping its address.
fn write_mark(entry: Entry) {
    if let Some(history) = history() {
        let _ = history.replace_state(&JsValue::from_str(&entry.encode()), "");
    }
}

/// Arrives at the current history entry from `from` (`None` on the first
/// load): its mark, written if the entry had none (`nav::arrive`).
fn arrive(from: Option<Entry>) -> Entry {
    let (entry, new) = nav::arrive(entry_state().as_deref(), from);
    if new {
        write_mark(entry);
    }
    entry
}

/// What the current address asks for: its parameters, whole when the app
/// brought the entry's address in step with the state (`Entry::whole`: an
/// absent parameter means its default); any other entry (typed, or a plain
/// link such as a record id's `#/timeline?id=…`) leaves absent parameters
/// as they are.
fn address_params(query: &str, entry: Entry) -> Params {
    let params = Params::parse(query);
    if entry.whole {
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
#[derive(Clone)]
pub struct Navigator {
    refresh: Callback<()>,
    /// The mark of the history entry shown (`state::nav`), shared with the
    /// router, which updates it on every arrival.
    entry: Rc<Cell<Entry>>,
}

impl PartialEq for Navigator {
    fn eq(&self, other: &Self) -> bool {
        self.refresh == other.refresh && Rc::ptr_eq(&self.entry, &other.entry)
    }
}

impl Navigator {
    fn go(&self, href: &str, replace: bool) {
        let Some(history) = history() else {
            return;
        };
        // A pushed entry is one deeper; a replaced one keeps its depth. The
        // router marks either whole once the shell has written the carried
        // parameters.
        let current = self.entry.get();
        let entry = if replace {
            Entry {
                whole: false,
                ..current
            }
        } else {
            let here = web_sys::window()
                .and_then(|w| w.location().hash().ok())
                .unwrap_or_default();
            let same = split_hash(&here).0 == split_hash(href).0;
            current.next_to(same)
        };
        let state = JsValue::from_str(&entry.encode());
        let result = if replace {
            history.replace_state_with_url(&state, "", Some(href))
        } else {
            history.push_state_with_url(&state, "", Some(href))
        };
        if result.is_ok() {
            self.entry.set(entry);
            // pushState fires no event: tell the router ourselves.
            self.refresh.emit(());
        }
    }

    /// The top bar's Back (`state::nav::back`): back in history when the
    /// previous entry is one of the app's screens, so it comes back as it
    /// was left (a dialog open again); else to `parent` (an address from
    /// [`href`]), as on a link opened cold.
    pub fn back_or(&self, parent: &str) {
        match nav::back(Some(self.entry.get())) {
            nav::Back::History(steps) => {
                if let Some(history) = history() {
                    // The router follows on `popstate`.
                    let _ = history.go_with_delta(-(steps as i32));
                }
            }
            nav::Back::Parent => self.push(parent),
        }
    }

    /// Sets the current address's parameter `name` to `value` (removes it
    /// when `None`) in place: no history entry, as for the link dialog's
    /// `open=` (`state::params::OPEN`). Reads the address when called, so
    /// a callback holding the navigator can stay the same across renders.
    pub fn set_param(&self, name: &str, value: Option<&str>) {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let (path, query) = split_hash(&hash);
        let pairs = crate::state::params::with_param(query, name, value);
        self.replace(&href(&Route::recognize(&path), &pairs));
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
    // The shown entry's mark, read at once (a child's effect may replace
    // the address before the router's effects run) and written, if the
    // entry had none, in the first effect below.
    let entry = use_mut_ref(|| Rc::new(Cell::new(nav::arrive(entry_state().as_deref(), None).0)))
        .borrow()
        .clone();
    let refresh = {
        let location = location.clone();
        use_callback((), move |_: (), _| location.set(read()))
    };
    // Below the store's provider in the app; a router alone (no store)
    // only follows the address.
    let dispatch = use_context::<Dispatch>();
    {
        let location = location.clone();
        let entry = entry.clone();
        use_effect_with((), move |_| {
            entry.set(arrive(None));
            // The address changed under the app: apply its parameters
            // first, then show its screen, in one render.
            let changed = move || {
                let next = read();
                // popstate and hashchange both come for a followed link:
                // the second finds the mark the first wrote.
                let arrived = arrive(Some(entry.get()));
                entry.set(arrived);
                if let Some(dispatch) = &dispatch {
                    dispatch.dispatch(Action::Address(address_params(&next.query, arrived)));
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
    {
        let entry = entry.clone();
        use_effect_with((*location).clone(), move |location| {
            let shown = entry.get();
            if location.route != Route::NotFound && !shown.whole {
                entry.set(shown.made_whole());
                write_mark(shown.made_whole());
            }
        });
    }
    let context = RouterContext {
        location: (*location).clone(),
        navigator: Navigator { refresh, entry },
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
