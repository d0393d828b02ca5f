//! Me → Export my data / Import: all saved data as one JSON file, and back.
//!
//! What a file holds and whether it is taken is `state::data_io`; here are
//! the download, the file picker and the confirmation.

use crate::i18n::{Explain, T};
use crate::state::data_io::{export, import, DataImportError, FILE_NAME, IMPORT_BACKUP_KEY};
use crate::state::model::{Data, NoticeKind};
use crate::state::sync_tabs::SyncAction;
use crate::state::Action;
use crate::ui::components::ConfirmDialog;
use crate::ui::hooks::use_store;
use crate::ui::storage;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The bytes of a picked file (too large ones are refused before reading).
async fn read(file: web_sys::File) -> Result<Data, DataImportError> {
    if file.size() > crate::state::data_io::MAX_IMPORT_BYTES as f64 {
        return Err(DataImportError::TooLarge);
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| DataImportError::NotOurs)?;
    import(&js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The two buttons, the import's error (in an alert) and its confirmation.
#[component]
pub fn DataIo() -> Html {
    let store = use_store();
    let (anchor, picker) = (use_node_ref(), use_node_ref());
    let error = use_state_eq(|| None::<DataImportError>);
    // A valid file, waiting for the user to confirm.
    let offer = use_state(|| None::<Rc<Data>>);
    // The file input exists only while picking: a control with no visible
    // label of its own would stand beside the Import button otherwise.
    let picking = use_state_eq(|| false);
    {
        let picker = picker.clone();
        use_effect_with(*picking, move |&on| {
            if let Some(input) = picker.cast::<web_sys::HtmlElement>().filter(|_| on) {
                input.click();
            }
        });
    }

    let on_export = {
        let (store, anchor) = (store.clone(), anchor.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(a) = anchor.cast::<web_sys::HtmlElement>() else {
                return;
            };
            if let Some(old) = a.get_attribute("href") {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
            if let Some(url) = super::batch::object_url(&export(store.data()), "application/json") {
                let _ = a.set_attribute("href", &url);
                a.click();
            }
        })
    };
    let on_pick = {
        let (picking, picker) = (picking.clone(), picker.clone());
        Callback::from(
            move |_: MouseEvent| match picker.cast::<web_sys::HtmlElement>() {
                Some(input) => input.click(),
                None => picking.set(true),
            },
        )
    };
    let on_picked = {
        let picking = picking.clone();
        Callback::from(move |_: Event| picking.set(false))
    };
    let on_file = {
        let (error, offer, picking) = (error.clone(), offer.clone(), picking.clone());
        Callback::from(move |e: Event| {
            picking.set(false);
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            error.set(None);
            let (error, offer) = (error.clone(), offer.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match read(file).await {
                    Ok(data) => {
                        error.set(None);
                        offer.set(Some(Rc::new(data)));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let on_cancel = {
        let offer = offer.clone();
        Callback::from(move |_| offer.set(None))
    };
    let on_confirm = {
        let (store, offer, error) = (store.clone(), offer.clone(), error.clone());
        Callback::from(move |_| {
            let Some(data) = (*offer).clone() else {
                return;
            };
            offer.set(None);
            // What is here now is kept first: no room for it, no import.
            let now = crate::state::persist::encode(store.data());
            if !storage::put(IMPORT_BACKUP_KEY, &now) {
                error.set(Some(DataImportError::NoRoomForBackup));
                return;
            }
            store.dispatch(Action::Sync(SyncAction::Import(Box::new(Data::clone(
                &data,
            )))));
            let backup_key = IMPORT_BACKUP_KEY.to_string();
            store.dispatch(Action::Notify(NoticeKind::Imported { backup_key }));
        })
    };

    html! {
        <>
            <div class="actions">
                <button type="button" class="btn" onclick={on_export}>{ store.t(T::ExportData) }</button>
                <a ref={anchor} hidden=true download={FILE_NAME}></a>
                <button type="button" class="btn" onclick={on_pick}>{ store.t(T::ImportData) }</button>
                if *picking {
                    <input ref={picker} type="file" accept=".json,application/json" hidden=true
                        aria-label={store.t(T::DataFile)} onchange={on_file} oncancel={on_picked} />
                }
            </div>
            if let Some(e) = &*error {
                <p class="field-error" role="alert">{ e.explain(store.lang()) }</p>
            }
            if offer.is_some() {
                <ConfirmDialog title={store.t(T::ImportConfirmTitle)} body={store.t(T::ImportConfirmBody)}
                    confirm={store.t(T::ImportReplace)} {on_confirm} {on_cancel} />
            }
        </>
    }
}
