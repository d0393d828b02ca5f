//! A contact's profile, as WeChat opens it from Contacts: the avatar, the
//! name, the WeChat ID and **Messages**, which goes to the one-to-one chat
//! with them (made first when there is none, `state::direct::open_with`).

use super::Avatar;
use crate::i18n::T;
use crate::state::direct::open_with;
use crate::state::Action;
use crate::ui::hooks::{use_go, use_modal, use_store};
use crate::ui::route::Route;
use yew::prelude::*;

/// Props of [`ContactProfile`].
#[derive(Properties, PartialEq)]
pub struct ContactProfileProps {
    /// The contact's id.
    pub contact: AttrValue,
    /// Called on Close or Escape.
    pub on_close: Callback<()>,
}

/// A modal profile card ([`use_modal`]: focus inside, Escape presses
/// Close, focus back to the contact's row on closing).
#[component]
pub fn ContactProfile(props: &ContactProfileProps) -> Html {
    let store = use_store();
    let go = use_go();
    let node = use_modal(true);
    let lang = store.lang();
    let messages = {
        let (store, id) = (store.clone(), props.contact.clone());
        Callback::from(move |_: MouseEvent| {
            let (chat, create) = open_with(&store.data().chats, &id);
            // Created before the route changes, so the chat screen finds it.
            if let Some(a) = create {
                store.dispatch(Action::Chats(a));
            }
            go.emit(Route::Chat { id: chat });
        })
    };
    // The contact may be gone (another tab reset the data): nothing to show.
    let Some(c) = store.data().contact(&props.contact) else {
        return html! {};
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog contact-profile" role="dialog" aria-modal="true"
                aria-labelledby="profile-name" data-contact={c.id.clone()} ref={node}>
                <div class="contact-profile-head">
                    <Avatar name={c.name(lang).to_string()} color={c.color.clone()} large=true />
                    <div class="contact-profile-text">
                        <h2 id="profile-name" class="dialog-title">{ c.name(lang) }</h2>
                        <p class="cell-sub" data-wechat-id={c.wechat_id.clone()}>
                            { store.t(T::WeChatId) }{": "}{ &c.wechat_id }
                        </p>
                    </div>
                </div>
                <div class="dialog-actions">
                    <button type="button" class="dialog-btn" data-cancel="" onclick={props.on_close.reform(|_| ())}>{ store.t(T::Close) }</button>
                    <button type="button" class="dialog-btn primary" onclick={messages}>{ store.t(T::ProfileMessages) }</button>
                </div>
            </div>
        </div>
    }
}
