//! One chat: the messages as WeChat bubbles.

use crate::i18n::T;
use crate::policy::Context;
use crate::state::chats::{
    check_message, earlier, later, speakers, window, ChatsAction, MessageError, WINDOW,
};
use crate::state::model::{ChatKind, Message, ME};
use crate::state::persist::MAX_MESSAGE_CHARS;
use crate::state::time;
use crate::state::Action;
use crate::ui::components::group::GroupEditor;
use crate::ui::components::link_card::LinkCards;
use crate::ui::components::link_overlay::LinkOverlay;
use crate::ui::components::{icon, Avatar, ConfirmDialog};
use crate::ui::hooks::{use_go, use_kept_scroll, use_open_link, use_store};
use crate::ui::route::Route;
use std::rc::Rc;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
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
    // The link whose outcome screen is shown over the chat, as a modal
    // layer: Escape or Close ends it and the focus returns to the card.
    // The address carries it, so coming back to the chat shows it again.
    let (opened, on_open, on_close) = use_open_link();

    // Opening a chat reads it.
    {
        let store = store.clone();
        use_effect_with(props.id.clone(), move |id| {
            store.dispatch(Action::Chats(ChatsAction::MarkRead(id.to_string())));
        });
    }
    // The shown slice of the chat: `gap` newest messages scrolled past,
    // `size` shown (see `state::chats::window`).
    let view = use_state(|| (0usize, WINDOW));
    // Coming back to the dialog (Back from a record id) finds the chat
    // where the reader left it; a fresh visit starts at the newest.
    let kept = use_kept_scroll(log_ref.clone(), props.id.clone(), opened.is_some());
    let skip_once = use_mut_ref(|| kept.restored);
    // Keep the newest message in view while following the newest.
    {
        let log_ref = log_ref.clone();
        let count = store.data().chat(&props.id).map_or(0, |c| c.messages.len());
        let following = view.0 == 0;
        use_effect_with((count, following), move |_| {
            if std::mem::take(&mut *skip_once.borrow_mut()) {
                return;
            }
            if following {
                if let Some(el) = log_ref.cast::<web_sys::Element>() {
                    el.set_scroll_top(el.scroll_height());
                }
            }
        });
    }

    let data = store.data();
    let lang = store.lang();
    let Some(chat) = data.chat(&props.id) else {
        return html! { <section class="empty"><p>{ store.t(T::ChatNotFound) }</p></section> };
    };
    let group = matches!(chat.kind, ChatKind::Group { .. });
    let context = if group { Context::Group } else { Context::Chat };
    let today = data.scenario.date;
    let len = chat.messages.len();
    let (gap, size) = *view;
    let (lo, hi) = window(len, gap, size);
    let mut last_ts: Option<i64> = lo.checked_sub(1).map(|i| chat.messages[i].ts);
    let items = chat.messages[lo..hi].iter().map(|m| {
        let separator: Option<AttrValue> = last_ts
            .is_none_or(|t| m.ts.saturating_sub(t) > SEPARATOR_GAP)
            .then(|| crate::i18n::time::full_label(time::label(m.ts, today), lang).into());
        last_ts = Some(m.ts);
        let sender = data.contact(&m.from);
        let name: AttrValue = match sender {
            Some(c) => c.name(lang).to_string().into(),
            None => AttrValue::Static(store.t(T::Me)),
        };
        let color: AttrValue =
            sender.map_or(AttrValue::Static("#07c160"), |c| c.color.clone().into());
        html! {
            <MessageRow key={m.id} message={m.clone()} {separator} {name} {color} {group}
                {context} chat={props.id.clone()} on_open={on_open.clone()} />
        }
    });
    let show_earlier = {
        let view = view.clone();
        Callback::from(move |_| view.set(earlier(len, gap, size)))
    };
    let show_later = {
        let view = view.clone();
        Callback::from(move |_| view.set(later(gap, size)))
    };
    html! {
        <section class="chat">
            if group {
                <GroupBar chat={props.id.clone()} />
            }
            // The log holds a list: `li` needs a `ul` parent, not role=log.
            <div class="messages" role="log" aria-live="polite" ref={log_ref} onscroll={kept.onscroll}><ul class="msg-list">
                if lo > 0 {
                    <li class="more"><button class="more-btn earlier" onclick={show_earlier}>{ store.t(T::ShowEarlier) }</button></li>
                }
                { for items }
                if hi < len {
                    <li class="more"><button class="more-btn later" onclick={show_later}>{ store.t(T::ShowLater) }</button></li>
                }
            </ul></div>
            <Composer chat={props.id.clone()} on_sent={{
                // Sending jumps back to the newest, as WeChat does.
                let view = view.clone();
                Callback::from(move |_| view.set((0, WINDOW)))
            }} />
            <LinkOverlay link={opened} {context} {on_close} />
        </section>
    }
}

/// Props of [`MessageRow`].
#[derive(Properties, PartialEq)]
struct MessageRowProps {
    /// Shared with the model: comparing an unchanged row is one pointer.
    message: Rc<Message>,
    separator: Option<AttrValue>,
    name: AttrValue,
    color: AttrValue,
    group: bool,
    context: Context,
    chat: AttrValue,
    on_open: Callback<AttrValue>,
}

/// One message: a bubble and its link cards. Its own component so that
/// sending a message renders only the new row.
#[component]
fn MessageRow(props: &MessageRowProps) -> Html {
    let m = &props.message;
    let mine = m.from == ME;
    html! {
        <li class={classes!("msg", if mine { "mine" } else { "theirs" })} data-from={m.from.clone()}>
            if let Some(label) = &props.separator {
                <div class="time-sep">{ label.clone() }</div>
            }
            <div class="msg-row">
                <Avatar name={props.name.clone()} color={props.color.clone()} />
                <div class="msg-col">
                    if props.group && !mine {
                        <span class="msg-sender">{ props.name.clone() }</span>
                    }
                    <div class="bubble" data-bubble="">{ &m.text }</div>
                    <LinkCards text={m.text.clone()} context={props.context} chat={props.chat.clone()} on_open={props.on_open.clone()} />
                </div>
            </div>
        </li>
    }
}

/// Props of [`GroupBar`].
#[derive(Properties, PartialEq)]
struct GroupBarProps {
    chat: AttrValue,
}

/// The members button of a group and its editor, with "Leave group".
#[component]
fn GroupBar(props: &GroupBarProps) -> Html {
    let store = use_store();
    let go = use_go();
    let editing = use_state(|| false);
    let leaving = use_state(|| false);
    let Some(ChatKind::Group { members, .. }) =
        store.data().chat(&props.chat).map(|c| c.kind.clone())
    else {
        return html! {};
    };
    let open = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(true))
    };
    let on_save = {
        let (store, editing, chat) = (store.clone(), editing.clone(), props.chat.to_string());
        Callback::from(move |(_, members): (String, Vec<String>)| {
            store.dispatch(Action::Chats(ChatsAction::SetMembers {
                chat: chat.clone(),
                members,
            }));
            editing.set(false);
        })
    };
    let close = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(false))
    };
    let ask_leave = {
        let (leaving, editing) = (leaving.clone(), editing.clone());
        Callback::from(move |_| {
            editing.set(false);
            leaving.set(true);
        })
    };
    let leave = {
        let (store, chat) = (store.clone(), props.chat.to_string());
        Callback::from(move |_| {
            store.dispatch(Action::Chats(ChatsAction::Delete(chat.clone())));
            go.emit(Route::Chats);
        })
    };
    let stay = {
        let leaving = leaving.clone();
        Callback::from(move |_| leaving.set(false))
    };
    html! {
        <div class="group-bar">
            <button class="members-btn" onclick={open}>
                { store.t(T::GroupMembers) }{" ("}{ members.len() + 1 }{")"}
            </button>
            if *editing {
                <GroupEditor title={store.t(T::GroupMembers)} confirm={store.t(T::Save)} with_name={false}
                    members={members.clone()} {on_save} on_cancel={close}>
                    <button class="btn danger leave" onclick={ask_leave}>{ store.t(T::LeaveGroup) }</button>
                </GroupEditor>
            }
            if *leaving {
                <ConfirmDialog title={store.t(T::LeaveGroupTitle)} body={store.t(T::LeaveGroupBody)}
                    confirm={store.t(T::LeaveGroup)} on_confirm={leave} on_cancel={stay} />
            }
        </div>
    }
}

/// Props of [`Composer`].
#[derive(Properties, PartialEq)]
struct ComposerProps {
    chat: AttrValue,
    /// Called after a message was sent.
    #[prop_or_default]
    on_sent: Callback<()>,
}

/// The input bar: who speaks, the text, Send. Enter sends, Shift+Enter adds
/// a line; an over-long text is refused with a counter and kept.
#[component]
fn Composer(props: &ComposerProps) -> Html {
    let store = use_store();
    let text = use_state(String::new);
    let speaker = use_state(|| ME.to_string());
    let lang = store.lang();
    let Some(chat) = store.data().chat(&props.chat) else {
        return html! {};
    };
    let check = check_message(&text);
    let send = {
        let (store, text, speaker, chat) = (
            store.clone(),
            text.clone(),
            speaker.clone(),
            props.chat.clone(),
        );
        let on_sent = props.on_sent.clone();
        Callback::from(move |_: ()| {
            if check_message(&text).is_ok() {
                store.dispatch(Action::Chats(ChatsAction::Send {
                    chat: chat.to_string(),
                    from: (*speaker).clone(),
                    text: (*text).clone(),
                    ts: store.now_ts(),
                    id: crate::ui::storage::fresh_id(),
                }));
                text.set(String::new());
                on_sent.emit(());
            }
        })
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onkeydown = {
        let send = send.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Not while an input method is composing (Chinese pinyin uses Enter).
            if e.key() == "Enter" && !e.shift_key() && !e.is_composing() {
                e.prevent_default();
                send.emit(());
            }
        })
    };
    let on_speaker = {
        let speaker = speaker.clone();
        Callback::from(move |e: Event| {
            speaker.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let data = store.data();
    // WeChat's input bar: voice, the text, emoji, more, and Send. Voice,
    // emoji and more are drawn as WeChat does but do nothing here, so they
    // are disabled and say so. Who speaks is the simulator's own control,
    // in a thin row above.
    let inert = |icon_name: &str, key: T| {
        html! {
            <button type="button" class="composer-icon" aria-label={store.t(key)}
                title={store.t(T::NotSimulated)} disabled=true>
                { icon(icon_name) }
            </button>
        }
    };
    html! {
        <div class="chat-composer">
            if let Err(MessageError::TooLong(n)) = check {
                <p class="field-error" role="alert">
                    { store.t(T::TooLong) }{" "}{ n }{" / "}{ MAX_MESSAGE_CHARS }
                </p>
            }
            <div class="composer-as">
                <span class="composer-as-label" aria-hidden="true">{ store.t(T::SendAs) }</span>
                <select class="send-as" aria-label={store.t(T::SendAs)} onchange={on_speaker}>
                    { for speakers(chat).into_iter().map(|id| {
                        let name = data.contact(id).map_or(store.t(T::Me), |c| c.name(lang));
                        html! { <option key={id.to_string()} value={id.to_string()} selected={*speaker == id}>{ name.to_string() }</option> }
                    }) }
                </select>
            </div>
            <div class="composer-row">
                { inert("voice", T::Voice) }
                <textarea class="composer-input" rows="1" aria-label={store.t(T::Message)}
                    value={(*text).clone()} {oninput} {onkeydown} />
                { inert("emoji", T::Emoji) }
                { inert("plus", T::MoreInput) }
                <button class="btn primary send" disabled={check.is_err()}
                    onclick={send.reform(|_| ())}>{ store.t(T::Send) }</button>
            </div>
        </div>
    }
}
