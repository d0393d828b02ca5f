//! Contacts, alphabetically.

use crate::i18n::T;
use crate::ui::components::Avatar;
use crate::ui::hooks::use_store;
use yew::prelude::*;

/// The user's contacts, sorted by name in the current language.
#[component]
pub fn ContactList() -> Html {
    let store = use_store();
    let lang = store.lang();
    let contacts = store.data().contacts_by_name(lang);
    html! {
        // The list scrolls by itself: focusable and named, so that the
        // keyboard can reach and scroll it (nothing in it takes focus).
        <ul class="cells contact-list" tabindex="0" aria-label={store.t(T::Contacts)}>
            { for contacts.into_iter().map(|c| html! {
                <li key={c.id.clone()} class="cell">
                    <Avatar name={c.name(lang).to_string()} color={c.color.clone()} />
                    <span class="cell-body">
                        <span class="cell-title">{ c.name(lang) }</span>
                        <span class="cell-sub">{ store.t(T::WeChatId) }{": "}{ &c.wechat_id }</span>
                    </span>
                </li>
            }) }
        </ul>
    }
}
