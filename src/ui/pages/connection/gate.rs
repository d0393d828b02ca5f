//! The mock identity verification (record: "phone + face scan"): the
//! account's phone number, prefilled and checked, the age the identity
//! shows (the mock's stand-in for what a real check reads; fixed once
//! verified), and a "Scan face" button.

use super::{actions, entry, error_line, shown, Error, Refused};
use crate::i18n::connection::C;
use crate::i18n::Explain;
use crate::policy::registration::phone_digits;
use crate::state::connection::{parse_age, ConnectionAction};
use crate::state::Action;
use crate::ui::store::Store;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The verification step; `phone` and `age` are their inputs, `error` why
/// the last scan was refused.
pub fn verify(store: &Store, phone: &NodeRef, age: &NodeRef, error: &Error) -> Html {
    let lang = store.lang();
    let account = &store.data().account;
    let onclick = {
        let (store, phone, age, error) = (store.clone(), phone.clone(), age.clone(), error.clone());
        Callback::from(move |_| {
            let value = |n: &NodeRef| {
                n.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let (typed, years) = (value(&phone), value(&age));
            let lang = store.lang();
            let refused = match phone_digits(&store.data().account.country, &typed) {
                Err(e) => ("dy-phone", e.explain(lang), typed),
                Ok(_) => match parse_age(&years) {
                    Err(e) => ("dy-id-age", e.explain(lang), years),
                    Ok(age) => {
                        error.set(None);
                        store.dispatch(Action::Connection(ConnectionAction::Verify { age }));
                        return;
                    }
                },
            };
            let (id, why, typed) = refused;
            error.set(Some(Refused { id, why, typed }));
        })
    };
    html! {
        <div class="dy-box">
            <h3 id="dy-verify">{ C::VerifyTitle.tr(lang) }</h3>
            { entry("dy-phone", C::Phone.tr(lang), "tel", shown(error, "dy-phone", account.phone.clone()), Callback::noop(), phone.clone()) }
            <span class="dy-note">{ account.country.clone() }</span>
            { entry("dy-id-age", C::IdAge.tr(lang), "numeric", shown(error, "dy-id-age", String::new()), Callback::noop(), age.clone()) }
            { error_line(error) }
            { actions(vec![(C::ScanFace.tr(lang), true, onclick)], "dy-verify") }
            <p class="dy-note">{ C::MockScan.tr(lang) }</p>
        </div>
    }
}
