//! One chat: the messages as WeChat bubbles.

use crate::i18n::T;
use crate::state::chats::ChatsAction;
use crate::state::model::{ChatKind, ME};
use crate::state::time;
use crate::state::Action;
use crate::ui::components::Avatar;
use crate::ui::store::use_store;
use yew::prelude::*;

/// Props of [`ChatScreen`].
#[derive(Properties, PartialEq)]
pub struct ChatProps {
    /// The chat's id from the address.
    pub id: AttrValue,
}

/// A gap after which WeChat shows a new time separator.
const SEPARATOR_GAP: i64 = 5 * 60;

/// The messages of one chat, oldest first, newest in view.
#[component]
pub fn ChatScreen(props: &ChatProps) -> Html {
    let store = use_store();
    let log_ref = use_node_ref();

    // Opening a chat reads it.
    {
        let store = store.clone();
        use_effect_with(props.id.clone(), move |id| {
            store.dispatch(Action::Chats(ChatsAction::MarkRead(id.to_string())));
        });
    }
    // Keep the newest message in view.
    {
        let log_ref = log_ref.clone();
        let count = store.data().chat(&props.id).map_or(0, |c| c.messages.len());
        use_effect_with(count, move |_| {
            if let Some(el) = log_ref.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }

    let data = store.data();
    let lang = store.lang();
    let Some(chat) = data.chat(&props.id) else {
        return html! { <section class="empty"><p>{ store.t(T::ChatNotFound) }</p></section> };
    };
    let group = matches!(chat.kind, ChatKind::Group { .. });
    let today = data.scenario.date;
    let mut last_ts: Option<i64> = None;
    let items = chat.messages.iter().map(|m| {
        let separator = last_ts
            .is_none_or(|t| m.ts.saturating_sub(t) > SEPARATOR_GAP)
            .then(|| time::full_label(m.ts, today, lang));
        last_ts = Some(m.ts);
        let mine = m.from == ME;
        let sender = data.contact(&m.from);
        let name: AttrValue = match sender {
            Some(c) => c.name(lang).to_string().into(),
            None => AttrValue::Static(store.t(T::Me)),
        };
        let color: AttrValue =
            sender.map_or(AttrValue::Static("#07c160"), |c| c.color.clone().into());
        html! {
            <li key={m.id} class={classes!("msg", if mine { "mine" } else { "theirs" })}>
                if let Some(label) = separator {
                    <div class="time-sep">{ label }</div>
                }
                <div class="msg-row">
                    <Avatar name={name.clone()} {color} />
                    <div class="msg-col">
                        if group && !mine {
                            <span class="msg-sender">{ name }</span>
                        }
                        <div class="bubble">{ &m.text }</div>
                    </div>
                </div>
            </li>
        }
    });
    html! {
        <section class="chat">
            <ul class="messages" role="log" aria-live="polite" ref={log_ref}>
                { for items }
            </ul>
            <p class="composer-note">{ store.t(T::SendingSoon) }</p>
        </section>
    }
}
