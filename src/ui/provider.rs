//! The store's provider: the one component that owns the app state. It
//! builds the first state (saved data, then the address), owns the
//! reducer, saves after every change, listens for another tab's saves and
//! for the page being hidden, keeps `<html lang>` in step, and provides the
//! three contexts the hooks read: the store, the view and the dispatcher.

use super::hooks::{RulesKey, View};
use super::router::split_hash;
use super::storage;
use super::store::{Dispatch, Root, Store};
use crate::state::links::LinkView;
use crate::state::model::{Model, NoticeKind};
use crate::state::params::Params;
use crate::state::persist::{self, Loaded, BACKUP_KEY, STORAGE_KEY};
use crate::state::{reduce, Action};
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The query part of the current address (`#/path?query`), without `?`.
fn current_query() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    split_hash(&hash).1.to_string()
}

/// Builds the first state: saved data, then the address's parameters on
/// top (`state::params::changes`: an absent one keeps the saved value), with
/// a notice for everything that was refused or recovered.
fn init_model() -> Root {
    super::browser_url::install();
    let loaded = storage::load();
    let recovered = match &loaded {
        Loaded::Recovered { reason, .. } => Some(reason.clone()),
        _ => None,
    };
    let params = Params::parse(&current_query());
    // Demo data (a first visit's, or the seed that replaces unreadable
    // data) is written in the language the address asks for.
    let data = match (&loaded, params.lang) {
        (Loaded::Fresh(_) | Loaded::Recovered { .. }, Some(lang)) => {
            crate::state::seed::seed_in(lang)
        }
        _ => loaded.data().clone(),
    };
    let mut model = Model::new(data);
    // The same changes as a change of the address in an open tab
    // (`ui::router`): the address is the state.
    reduce(&mut model, Action::Address(params));
    if let Some(reason) = recovered {
        let backup_key = BACKUP_KEY.to_string();
        reduce(
            &mut model,
            Action::Notify(NoticeKind::StorageRecovered { backup_key, reason }),
        );
    }
    set_html_lang(model.data.lang.html_tag());
    Root(Rc::new(model))
}

fn set_html_lang(tag: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Props of [`StoreProvider`].
#[derive(Properties, PartialEq)]
pub struct StoreProviderProps {
    /// The app below the store.
    pub children: Html,
}

/// Owns the app state and provides it. Reads the address and localStorage
/// when it mounts.
#[component]
pub fn StoreProvider(props: &StoreProviderProps) -> Html {
    // Compared by what is shown: a save, which only updates what is kept
    // for the next rebase, renders nothing.
    let handle = use_reducer_eq(init_model);
    let store = Store::new(&handle);
    let dispatch = Dispatch::new(&handle);
    let data = &handle.0.data;
    // Equal to the last one unless the language, scenario, rules or link
    // settings changed: its consumers render only then.
    let view = use_memo(
        (
            data.lang,
            data.scenario,
            RulesKey::of_data(data),
            LinkView::of(data),
        ),
        |(lang, scenario, rules, links)| View {
            lang: *lang,
            scenario: *scenario,
            rules: rules.clone(),
            links: links.clone(),
        },
    );

    // Save after every change to the saved data (rev grows on each), in
    // the next task rather than in the render that showed the change: a
    // long chat takes milliseconds to encode and write, which must not
    // delay the message appearing. Unmounting (or the next change) saves a
    // pending write at once, so nothing is lost. The save reads the latest
    // state through the handle, under the lock (`storage::save`).
    {
        let handle = handle.clone();
        use_effect_with(data.rev, move |_| {
            let pending = Rc::new(std::cell::Cell::new(true));
            let save = {
                let (handle, pending) = (handle.clone(), pending.clone());
                move || {
                    if pending.replace(false) {
                        storage::save(&handle);
                    }
                }
            };
            let timer = gloo::timers::callback::Timeout::new(0, save.clone());
            move || {
                drop(timer);
                save();
            }
        });
    }

    // Another tab saved: take its data when it is newer, with this tab's
    // unsaved actions re-applied on top. A page being hidden can't wait
    // for the lock: what is unsaved is written at once.
    {
        let dispatcher = handle.dispatcher();
        let hiding = handle.clone();
        use_effect_with((), move |_| {
            let hide = web_sys::window().map(|w| {
                EventListener::new(&w, "pagehide", move |_| {
                    if !hiding.0.pending.is_empty() {
                        storage::save_now(&hiding);
                    }
                })
            });
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "storage", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    if e.key().as_deref() != Some(STORAGE_KEY) {
                        return;
                    }
                    if let Some(data) = e.new_value().and_then(|v| persist::decode(&v).ok()) {
                        dispatcher.dispatch(Action::External(data));
                    }
                })
            });
            move || drop((listener, hide))
        });
    }

    use_effect_with(data.lang, |lang| set_html_lang(lang.html_tag()));

    html! {
        <ContextProvider<Dispatch> context={dispatch}>
            <ContextProvider<Rc<View>> context={view}>
                <ContextProvider<Store> context={store}>
                    { props.children.clone() }
                </ContextProvider<Store>>
            </ContextProvider<Rc<View>>>
        </ContextProvider<Dispatch>>
    }
}
