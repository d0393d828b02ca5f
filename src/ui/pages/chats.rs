//! The chat list: the start screen.

use crate::i18n::T;
use crate::state::accounts::{away_from_demo, AccountsAction, DEMO_ACCOUNT};
use crate::state::chat_list::{avatar_color, preview, search};
use crate::state::chats::{new_group_id, ChatsAction};
use crate::state::time;
use crate::state::Action;
use crate::ui::components::group::GroupEditor;
use crate::ui::components::nav_link::NavLink;
use crate::ui::components::{Avatar, ConfirmDialog};
use crate::ui::hooks::{use_go, use_store};
use crate::ui::route::Route;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Chats, most recently active first, with a search box.
#[component]
pub fn ChatList() -> Html {
    let store = use_store();
    let query = use_state(String::new);
    // The row whose actions are shown, and the chat awaiting delete confirmation.
    let open_actions = use_state(|| None::<String>);
    let deleting = use_state(|| None::<String>);
    let creating = use_state(|| false);
    let go = use_go();
    let data = store.data();
    let lang = store.lang();
    let today = data.scenario.date;
    let chats = search(data, &query, lang);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <section class="chat-list">
            <div class="searchbar">
                <input type="search" class="search-input" aria-label={store.t(T::Search)}
                    placeholder={store.t(T::Search)} value={(*query).clone()} {oninput} />
                <button class="new-group" onclick={{
                    let creating = creating.clone();
                    Callback::from(move |_| creating.set(true))
                }}>{ "+ " }{ store.t(T::NewGroup) }</button>
            </div>
            if *creating {
                <GroupEditor title={store.t(T::NewGroup)} confirm={store.t(T::Create)}
                    on_save={{
                        let (store, creating, go) = (store.clone(), creating.clone(), go.clone());
                        Callback::from(move |(name, members): (String, Vec<String>)| {
                            let id = new_group_id(&store.data().chats);
                            store.dispatch(Action::Chats(ChatsAction::CreateGroup { id: id.clone(), name, members }));
                            creating.set(false);
                            go.emit(Route::Chat { id });
                        })
                    }}
                    on_cancel={{
                        let creating = creating.clone();
                        Callback::from(move |_| creating.set(false))
                    }} />
            }
            if away_from_demo(data) {
                <p class="account-hint" role="note">
                    { store.t(T::InOwnAccount) }{" "}
                    <button type="button" class="link-button" onclick={store.callback(|_: MouseEvent| {
                        Action::Accounts(AccountsAction::Switch(DEMO_ACCOUNT.into()))
                    })}>{ store.t(T::BackToDemo) }</button>
                </p>
            }
            if chats.is_empty() && query.trim().is_empty() {
                <p class="empty-line">{ store.t(T::NoChats) }</p>
            } else if chats.is_empty() {
                <p class="empty-line" role="status">{ store.t(T::NoMatch) }{ lang.pick(" \u{201c}", "「") }{ query.trim().to_string() }{ lang.pick("\u{201d}.", "」") }</p>
            }
            <ul class="cells" aria-label={store.t(T::Chats)}>
                { for chats.iter().map(|chat| {
                    let title = data.chat_title(chat, lang).to_string();
                    let preview = preview(data, chat, lang);
                    let when = chat.messages.last().map(|m| crate::i18n::time::label(time::label(m.ts, today), lang)).unwrap_or_default();
                    let color = AttrValue::from(avatar_color(data, chat).to_string());
                    let id = chat.id.clone();
                    let shown = open_actions.as_deref() == Some(id.as_str());
                    let toggle = {
                        let (open_actions, id) = (open_actions.clone(), id.clone());
                        Callback::from(move |_| open_actions.set((!shown).then(|| id.clone())))
                    };
                    let read_action = if chat.unread > 0 {
                        (T::MarkRead, ChatsAction::MarkRead(id.clone()))
                    } else {
                        (T::MarkUnread, ChatsAction::MarkUnread(id.clone()))
                    };
                    let on_read = {
                        let (store, open_actions, action) = (store.clone(), open_actions.clone(), read_action.1.clone());
                        Callback::from(move |_| {
                            store.dispatch(Action::Chats(action.clone()));
                            open_actions.set(None);
                        })
                    };
                    let on_delete = {
                        let (deleting, id) = (deleting.clone(), id.clone());
                        Callback::from(move |_| deleting.set(Some(id.clone())))
                    };
                    // Escape closes the row's actions, as it closes every layer.
                    let onkeydown = {
                        let open_actions = open_actions.clone();
                        Callback::from(move |e: KeyboardEvent| {
                            if shown && e.key() == "Escape" {
                                e.prevent_default();
                                open_actions.set(None);
                            }
                        })
                    };
                    html! {
                        <li key={id.clone()} class="chat-item" {onkeydown}>
                            <NavLink to={Route::Chat { id: id.clone() }} classes={classes!("cell", "chat-row")}>
                                <span class="avatar-wrap">
                                    <Avatar name={title.clone()} {color} />
                                    if chat.unread > 0 {
                                        <span class="badge" aria-label={format!("{} {}", chat.unread, store.t(T::Unread))}>{ chat.unread }</span>
                                    }
                                </span>
                                <span class="cell-body">
                                    <span class="cell-title">{ title.clone() }</span>
                                    <span class="cell-sub">{ preview }</span>
                                </span>
                                <span class="cell-time">{ when }</span>
                            </NavLink>
                            <button class="row-more" aria-expanded={if shown { "true" } else { "false" }}
                                aria-label={format!("{}: {}", store.t(T::MoreActions), title)} onclick={toggle}>{ "···" }</button>
                            if shown {
                                <div class="row-actions">
                                    <button class="row-action read" onclick={on_read}>{ store.t(read_action.0) }</button>
                                    <button class="row-action delete" onclick={on_delete}>{ store.t(T::Delete) }</button>
                                </div>
                            }
                        </li>
                    }
                }) }
            </ul>
            if let Some(id) = (*deleting).clone() {
                <ConfirmDialog title={store.t(T::DeleteChatTitle)} body={store.t(T::DeleteChatBody)}
                    confirm={store.t(T::Delete)}
                    on_confirm={{
                        let (store, deleting, open_actions) = (store.clone(), deleting.clone(), open_actions.clone());
                        Callback::from(move |_| {
                            store.dispatch(Action::Chats(ChatsAction::Delete(id.clone())));
                            deleting.set(None);
                            open_actions.set(None);
                        })
                    }}
                    on_cancel={{
                        let deleting = deleting.clone();
                        Callback::from(move |_| deleting.set(None))
                    }} />
            }
        </section>
    }
}
