//! The browser side of persistence: localStorage in and out, and the
//! `storage` event that tells us another tab saved.

use crate::state::persist::{self, Loaded, BACKUP_KEY, STORAGE_KEY};
use web_sys::Storage;

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the saved data. Unusable data is copied under [`BACKUP_KEY`] first
/// so that nothing the user had is lost.
pub fn load() -> Loaded {
    let raw = local().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let loaded = persist::load(raw.as_deref());
    if let (Loaded::Recovered { .. }, Some(raw), Some(s)) = (&loaded, &raw, local()) {
        let _ = s.set_item(BACKUP_KEY, raw);
    }
    loaded
}

/// Outcome of a save.
#[derive(Debug, PartialEq)]
pub enum Saved {
    /// Written.
    Ok,
    /// Another tab saved newer data meanwhile: adopt it instead.
    Newer(crate::state::model::Data),
    /// The browser refused (quota, private mode, storage disabled).
    Failed,
}

/// Saves `data` unless another tab saved newer data since.
pub fn save(data: &crate::state::model::Data) -> Saved {
    let Some(s) = local() else {
        return Saved::Failed;
    };
    if let Some(theirs) = s.get_item(STORAGE_KEY).ok().flatten() {
        if let Some(newer) = persist::newer(data, &theirs) {
            return Saved::Newer(newer);
        }
    }
    match s.set_item(STORAGE_KEY, &persist::encode(data)) {
        Ok(()) => Saved::Ok,
        Err(_) => Saved::Failed,
    }
}
