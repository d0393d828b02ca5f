//! The mock identity verification (record: "phone + face scan"): the
//! account's phone number, prefilled and checked, and a "Scan face" button.

use super::{actions, entry, error_line, shown, txt, Error, Refused};
use crate::i18n::connection::C;
use crate::i18n::Explain;
use crate::policy::registration::phone_digits;
use crate::state::connection::ConnectionAction;
use crate::state::Action;
use crate::ui::store::Store;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The verification step; `phone` is the number's input, `error` why the
/// last scan was refused.
pub fn verify(store: &Store, phone: &NodeRef, error: &Error) -> Html {
    let lang = store.lang();
    let account = &store.data().account;
    let onclick = {
        let (store, phone, error) = (store.clone(), phone.clone(), error.clone());
        Callback::from(move |_| {
            let typed = phone
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            match phone_digits(&store.data().account.country, &typed) {
                Ok(_) => {
                    error.set(None);
                    store.dispatch(Action::Connection(ConnectionAction::Verify));
                }
                Err(e) => error.set(Some(Refused {
                    id: "dy-phone",
                    why: e.explain(store.lang()),
                    typed,
                })),
            }
        })
    };
    html! {
        <div class="dy-box">
            <h3 id="dy-verify">{ C::VerifyTitle.tr(lang) }</h3>
            { entry("dy-phone", C::Phone.tr(lang), "tel", shown(error, "dy-phone", account.phone.clone()), Callback::noop(), phone.clone()) }
            { txt("span", "dy-note", &account.country) }
            { error_line(error) }
            { actions(vec![(C::ScanFace.tr(lang), true, onclick)], "dy-verify") }
            { txt("p", "dy-note", C::MockScan.tr(lang)) }
        </div>
    }
}
