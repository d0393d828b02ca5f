//! Mini Programs (`#/mini`): the mock mini programs, recently used first,
//! each opening in the mini-program frame and producing its links.
//!
//! The recently-used order is saved data (`Data::recent_mini`), so it
//! survives a reload and follows other tabs.

use crate::i18n::T;
use crate::state::mini::{self, LinkKind, MiniAction, MiniProgram, LINK_KINDS};
use crate::state::Action;
use crate::ui::components::clipboard::CopyButton;
use crate::ui::components::outcome::mini_frame_view;
use crate::ui::hooks::use_store;
use crate::ui::route::Route;
use crate::ui::router::href;
use yew::prelude::*;

fn label(kind: LinkKind) -> T {
    match kind {
        LinkKind::Scheme => T::LinkScheme,
        LinkKind::Plaintext => T::LinkPlain,
        LinkKind::Trial => T::LinkTrial,
        LinkKind::Short => T::LinkShort,
        LinkKind::UrlLink => T::LinkUrl,
    }
}

/// The first character of a name, drawn in its round icon (no images).
fn glyph(name: &str) -> String {
    name.chars().take(1).collect()
}

/// The list of mock mini programs and the open one.
#[component]
pub fn MiniScreen() -> Html {
    let store = use_store();
    let selected = use_state_eq(|| None::<&'static str>);
    let outside = use_state_eq(|| false);
    let lang = store.lang();
    let list = mini::ordered(&store.data().recent_mini);
    let open = |m: &'static MiniProgram| {
        let (store, selected, outside) = (store.clone(), selected.clone(), outside.clone());
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::Mini(MiniAction::Opened(m.appid.to_string())));
            selected.set(Some(m.appid));
            outside.set(false);
        })
    };
    let detail = selected.and_then(mini::find).map(|m| {
        let date = store.data().scenario.date;
        let show_outside = {
            let outside = outside.clone();
            Callback::from(move |_: MouseEvent| outside.set(true))
        };
        html! {
            <section class="mini-detail" data-appid={m.appid}>
                { mini_frame_view(m.name(lang), m.path, lang.pick(m.content_en, m.content_zh), Callback::noop(), lang) }
                <p class="mini-appid">{ "AppID " }<code>{ m.appid }</code></p>
                <h2 class="section-title">{ store.t(T::MiniLinks) }</h2>
                <ul class="cells mini-links">
                    { for LINK_KINDS.iter().map(|k| {
                        let link = m.link(*k, date);
                        let test = href(&Route::Open, &[("url", link.as_str()), ("in", "chat")]);
                        html! {
                            <li key={k.id()} class="cell mini-link" data-kind={k.id()}>
                                <span class="mini-link-title">{ store.t(label(*k)) }</span>
                                <code class="mini-link-text">{ link.clone() }</code>
                                <span class="mini-link-actions">
                                    <CopyButton text={link} label={store.t(T::Copy)} />
                                    <a class="btn" href={test}>{ store.t(T::TestInOpener) }</a>
                                    if *k == LinkKind::Short {
                                        <button type="button" class="btn" onclick={show_outside.clone()}>{ store.t(T::OpenOutside) }</button>
                                    }
                                </span>
                                if *k == LinkKind::Short && *outside {
                                    <p class="mini-outside" role="alert">{ store.t(T::ShortLinkOutside) }</p>
                                }
                            </li>
                        }
                    }) }
                </ul>
            </section>
        }
    });
    html! {
        <div class="mini-screen">
            <p class="section-help">{ store.t(T::RecentNote) }</p>
            // WeChat's own list: round icons in a grid, the names under them.
            <ul class="mini-list">
                { for list.into_iter().map(|m| html! {
                    <li key={m.appid}>
                        <button type="button" class="mini-item" data-appid={m.appid} onclick={open(m)}
                            aria-current={(*selected == Some(m.appid)).then_some("true")}>
                            <span class="mini-icon" data-c={m.color} aria-hidden="true">{ glyph(m.name(lang)) }</span>
                            <span class="mini-name">{ m.name(lang) }</span>
                        </button>
                    </li>
                }) }
            </ul>
            { for detail }
        </div>
    }
}
