//! The browser side of persistence: localStorage in and out, saving under
//! one Web Lock for the app's key, and fresh ids for new things.
//!
//! What a save does is `state::sync_tabs::save`, natively tested; here it
//! only runs under the lock, so that two tabs never both read the
//! same revision and write the next one (`docs/hardening.md`).

use super::store::Root;
use crate::state::model::Model;
use crate::state::persist::{self, Loaded, BACKUP_KEY, STORAGE_KEY};
use crate::state::sync_tabs::{self, Tab};
use crate::state::Action;
use wasm_bindgen::prelude::*;
use web_sys::Storage;
use yew::UseReducerHandle;

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved text, if any.
pub fn read() -> Option<String> {
    local()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Stores `text` under `key`; whether the browser took it.
pub fn put(key: &str, text: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, text).is_ok())
}

/// Reads the saved data. Unusable data is copied under [`BACKUP_KEY`] first
/// so that nothing the user had is lost.
pub fn load() -> Loaded {
    let raw = read();
    let loaded = persist::load(raw.as_deref());
    if let (Loaded::Recovered { .. }, Some(raw)) = (&loaded, &raw) {
        put(BACKUP_KEY, raw);
    }
    loaded
}

/// A new id for something the user creates (a message): random, so that
/// two tabs never choose the same one, and below 2^53.
pub fn fresh_id() -> u64 {
    ((js_sys::Math::random() * 9_007_199_254_740_992.0) as u64).max(1)
}

/// Saves the app's latest state under the lock: takes another tab's newer
/// data first if there is some (re-applying this tab's unsaved actions),
/// then writes. Where the browser has no Web Locks, saves at once.
pub fn save(handle: &UseReducerHandle<Root>) {
    let handle = handle.clone();
    IN_FLIGHT.with(|n| n.set(n.get() + 1));
    let f = Closure::once_into_js(move || {
        IN_FLIGHT.with(|n| n.set(n.get().saturating_sub(1)));
        save_now(&handle)
    });
    super::js::with_lock(STORAGE_KEY, &f);
}

thread_local! {
    static IN_FLIGHT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// How many saves are waiting for the lock (the browser tests wait for
/// them before reading what was saved).
pub fn saves_in_flight() -> u32 {
    IN_FLIGHT.with(|n| n.get())
}

/// The read, rebase and write of a save, without waiting for the lock
/// (run under it, or when the page is being hidden and can't wait): the
/// one save algorithm, `state::sync_tabs::save`, on this tab's handle.
pub fn save_now(handle: &UseReducerHandle<Root>) {
    let stored = read();
    sync_tabs::save(&mut HandleTab(handle), stored.as_deref(), |text| {
        put(STORAGE_KEY, text)
    });
}

/// The reducer handle as the tab a save works on. A dispatch is applied
/// synchronously: the handle reads the new model right after.
struct HandleTab<'a>(&'a UseReducerHandle<Root>);

impl Tab for HandleTab<'_> {
    fn model(&self) -> &Model {
        &self.0 .0
    }
    fn apply(&mut self, action: Action) {
        self.0.dispatch(action);
    }
}
