//! Contacts, alphabetically; tapping one opens their profile.

use crate::i18n::T;
use crate::ui::components::profile::ContactProfile;
use crate::ui::components::Avatar;
use crate::ui::hooks::use_store;
use yew::prelude::*;

/// The user's contacts, sorted by name in the current language, each a
/// button that opens the contact's profile ([`ContactProfile`]).
#[component]
pub fn ContactList() -> Html {
    let store = use_store();
    let open = use_state_eq(|| None::<AttrValue>);
    let lang = store.lang();
    let contacts = store.data().contacts_by_name(lang);
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(None))
    };
    html! {<>
        // The list scrolls by itself; its buttons let the keyboard reach
        // and scroll it.
        <ul class="cells contact-list" aria-label={store.t(T::Contacts)}>
            { for contacts.into_iter().map(|c| {
                let show = {
                    let (open, id) = (open.clone(), AttrValue::from(c.id.clone()));
                    Callback::from(move |_: MouseEvent| open.set(Some(id.clone())))
                };
                html! {
                    // The button holds the name only, so the name is all
                    // it is called (and all its text, as axe asks); its
                    // ::after covers the row, so the whole row is the
                    // target, as in WeChat.
                    <li key={c.id.clone()} class="cell contact-item">
                        <Avatar name={c.name(lang).to_string()} color={c.color.clone()} />
                        <span class="cell-body">
                            <button type="button" class="cell-title contact-row" data-contact={c.id.clone()}
                                aria-haspopup="dialog" onclick={show}>{ c.name(lang) }</button>
                            <span class="cell-sub">{ store.t(T::WeChatId) }{": "}{ &c.wechat_id }</span>
                        </span>
                    </li>
                }
            }) }
        </ul>
        if let Some(id) = (*open).clone() {
            <ContactProfile contact={id} on_close={close} />
        }
    </>}
}
