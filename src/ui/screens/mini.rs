//! Mini Programs (`#/mini`): the mock mini programs, recently used first,
//! each opening in the mini-program frame and producing its links.
//!
//! The recently-used order lives in memory for the page's lifetime, not in
//! saved data: it is a convenience, and the saved schema stays unchanged.

use crate::i18n::T;
use crate::state::mini::{self, LinkKind, MiniProgram, LINK_KINDS};
use crate::ui::clipboard::CopyButton;
use crate::ui::outcome::MiniFrame;
use crate::ui::route::Route;
use crate::ui::router::href;
use crate::ui::store::use_store;
use std::cell::RefCell;
use yew::prelude::*;

thread_local! {
    /// Recently used appids, most recent first; survives moving between
    /// screens, not a reload.
    static RECENT: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

fn label(kind: LinkKind) -> T {
    match kind {
        LinkKind::Scheme => T::LinkScheme,
        LinkKind::Plaintext => T::LinkPlain,
        LinkKind::Trial => T::LinkTrial,
        LinkKind::Short => T::LinkShort,
        LinkKind::UrlLink => T::LinkUrl,
    }
}

/// The list of mock mini programs and the open one.
#[component]
pub fn MiniScreen() -> Html {
    let store = use_store();
    let recent = use_state(|| RECENT.with(|r| r.borrow().clone()));
    let selected = use_state_eq(|| None::<&'static str>);
    let outside = use_state_eq(|| false);
    let lang = store.lang();
    let list = mini::ordered(&recent);
    let open = |m: &'static MiniProgram| {
        let (recent, selected, outside) = (recent.clone(), selected.clone(), outside.clone());
        Callback::from(move |_: MouseEvent| {
            let now = RECENT.with(|r| {
                let mut r = r.borrow_mut();
                mini::touch(&mut r, m.appid);
                r.clone()
            });
            recent.set(now);
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
                <MiniFrame title={m.name(lang)} path={m.path} content={lang.pick(m.content_en, m.content_zh)} />
                <p class="mini-appid">{ "AppID: " }<code>{ m.appid }</code></p>
                <ul class="cells mini-links">
                    { for LINK_KINDS.iter().map(|k| {
                        let link = m.link(*k, date);
                        let test = href(&Route::Open, &[("url", link.as_str()), ("in", "chat")]);
                        html! {
                            <li key={k.id()} class="cell mini-link" data-kind={k.id()}>
                                <span class="cell-title">{ store.t(label(*k)) }</span>
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
        <div class="mini">
            <p class="section-help">{ store.t(T::RecentNote) }</p>
            <ul class="cells mini-list">
                { for list.into_iter().map(|m| html! {
                    <li key={m.appid}>
                        <button type="button" class="cell mini-item" data-appid={m.appid} onclick={open(m)}>
                            <span class="mini-icon" data-c={m.color} aria-hidden="true"></span>
                            <span class="cell-title">{ m.name(lang) }</span>
                        </button>
                    </li>
                }) }
            </ul>
            { for detail }
        </div>
    }
}
