//! What a user sees after tapping a link, one view per outcome, shared by
//! the link opener and (later) the link cards of chats and Moments.
//!
//! Texts come from the deciding rule (the record's zh-CN wording in `zh`,
//! ours in `en`); nothing here ever loads the linked site: pages are mocks
//! chosen by the platform's category.

use super::clipboard::CopyButton;
use super::hooks::use_store;
use crate::i18n::{Lang, T};
use crate::policy::engine::Decision;
use crate::policy::rules::{LinkForm, Outcome, Rules, Text};
use crate::state::chats::ChatsAction;
use crate::state::mini;
use crate::state::model::ME;
use crate::state::page::MockPage;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`OutcomeView`].
#[derive(Properties, PartialEq)]
pub struct OutcomeProps {
    /// The decision to show.
    pub decision: Rc<Decision>,
    /// The link as the user gave it (shown, copied and shared as text).
    pub link: AttrValue,
    /// Shown above the screen, inside the status element (e.g. a summary).
    #[prop_or_default]
    pub children: Html,
    /// Shown below the Why section, inside the status element.
    #[prop_or_default]
    pub after: Html,
    /// Whether the Why section starts open (the opener shows it at once).
    #[prop_or_default]
    pub why_open: bool,
}

/// The status element of UI-CONTRACT.md (`role="status"` and the `data-*`
/// attributes) around the screen of the decision's outcome, and the Share
/// button when the decision offers one. Remount it (give it a `key`) when
/// the link changes, so that a continued confirmation does not carry over.
#[component]
pub fn OutcomeView(props: &OutcomeProps) -> Html {
    let store = use_store();
    let continued = use_state_eq(|| false);
    let why_open = use_state_eq(|| props.why_open);
    let d = &*props.decision;
    let lang = store.lang();
    let t = text_of(d, lang);
    let go_on = {
        let continued = continued.clone();
        Callback::from(move |_: MouseEvent| continued.set(true))
    };
    // Closing the frame goes back to the page before it (the confirmation
    // or warning), as WeChat does; pages opened directly have none.
    let close = {
        let continued = continued.clone();
        Callback::from(move |_: MouseEvent| continued.set(false))
    };
    let link = props.link.clone();
    let open_why = {
        let why_open = why_open.clone();
        Callback::from(move |_: MouseEvent| why_open.set(true))
    };
    let on_toggle = {
        let why_open = why_open.clone();
        Callback::from(move |e: Event| {
            why_open.set(
                e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            )
        })
    };

    let screen = {
        match d.outcome {
            Outcome::Open => browser(d, store.rules(), lang, close),
            Outcome::Confirm | Outcome::Warn if *continued => {
                if d.form == LinkForm::UrlLink {
                    mini_frame(&link, lang, close)
                } else {
                    browser(d, store.rules(), lang, close)
                }
            }
            Outcome::Confirm | Outcome::Warn => html! {
                <div class={classes!("wx-page", "interstitial", d.outcome.as_str())}>
                    <h2 class="wx-page-title">{ &t.title }</h2>
                    <p class="wx-page-body">{ &t.body }</p>
                    <p class="wx-link">{ link.clone() }</p>
                    if !t.reason.is_empty() {
                        <p class="wx-reason">{ &t.reason }</p>
                    }
                    <div class="wx-actions">
                        <button type="button" class="btn primary" onclick={go_on}>{ store.t(T::Continue) }</button>
                        if d.outcome == Outcome::Warn {
                            <CopyButton text={link.clone()} label={store.t(T::CopyLink)} />
                        }
                    </div>
                </div>
            },
            Outcome::CopyToBrowser => html! {
                <div class="wx-page copy-to-browser">
                    <h2 class="wx-page-title">{ &t.title }</h2>
                    <p class="wx-link">{ link.clone() }</p>
                    <div class="wx-actions">
                        <CopyButton text={link.clone()} label={store.t(T::CopyLink)} />
                    </div>
                    <p class="wx-reason">{ &t.reason }</p>
                </div>
            },
            Outcome::Blocked => html! {
                <div class="wx-page blocked">
                    <span class="wx-stop" aria-hidden="true">{ "!" }</span>
                    <h2 class="wx-page-title">{ &t.title }</h2>
                    if !t.body.is_empty() {
                        <p class="wx-page-body">{ &t.body }</p>
                    }
                    <p class="wx-reason">{ &t.reason }</p>
                </div>
            },
            Outcome::MiniProgram => html! {<>
                { mini_frame(&link, lang, close) }
                <p class="wx-reason">{ &t.body }</p>
            </>},
            Outcome::Rejected => html! {
                <div class="wx-page rejected">
                    <h2 class="wx-page-title">{ &t.title }</h2>
                    if !t.body.is_empty() {
                        <p class="wx-page-body">{ &t.body }</p>
                    }
                    if !t.reason.is_empty() {
                        <p class="wx-reason">{ &t.reason }</p>
                    }
                </div>
            },
        }
    };

    html! {
        <section class="outcome" role="status" data-outcome={d.outcome.as_str()}
            data-platform={d.platform_id().to_string()} data-host={d.host.clone()}
            data-share={d.share_str()} data-rules={d.rules_attr()}
            data-confidence={d.confidence_str()} data-assumption={d.assumption_str()}
            data-rules-source={d.rules_source()}>
            { props.children.clone() }
            { super::why::badges(d, lang, &open_why) }
            <div class="wx-screen">{ screen }</div>
            if d.share {
                <ShareBox link={props.link.clone()} />
            }
            <details id="why" class="why" open={*why_open} ontoggle={on_toggle}>
                <summary><h3>{ T::Why.tr(lang) }</h3></summary>
                { super::why::why_body(d, store.rules(), lang) }
            </details>
            { props.after.clone() }
        </section>
    }
}

/// The rule's texts in `lang`.
fn text_of(d: &Decision, lang: Lang) -> &Text {
    match lang {
        Lang::En => &d.texts.en,
        Lang::Zh => &d.texts.zh,
    }
}

/// WeChat's in-app browser around a mock page for the platform's category.
fn browser(d: &Decision, rules: &Rules, lang: Lang, close: Callback<MouseEvent>) -> Html {
    let platform = d.platform.as_deref().and_then(|p| rules.platform(p));
    let name = platform.map_or("", |p| lang.pick(&p.name_en, &p.name_zh));
    let page = MockPage::of(platform);
    let (head, meta, action) = match page {
        MockPage::Product => (T::Product, "¥ 99.00", Some(T::BuyNow)),
        MockPage::Video => (T::Video, T::VideoMeta.tr(lang), None),
        MockPage::Doc => (T::Document, T::DocMeta.tr(lang), None),
        MockPage::Plain => (T::WebPage, "", None),
    };
    let kind = page.as_str();
    html! {
        <div class="wx-browser" role="region" aria-label={d.host.clone()}>
            <div class="wx-browser-bar">
                <button type="button" class="wx-icon-btn" aria-label={T::Close.tr(lang)} onclick={close}>{ "×" }</button>
                <span class="wx-browser-host">{ &d.host }</span>
                <button type="button" class="wx-icon-btn" aria-label={T::More.tr(lang)}>{ "···" }</button>
            </div>
            <div class={classes!("mock-page", kind)} data-page={kind}>
                if page == MockPage::Video {
                    <div class="mock-video" aria-hidden="true">{ "▶" }</div>
                } else if page == MockPage::Product {
                    <div class="mock-product" aria-hidden="true"></div>
                }
                <h3 class="mock-title">{ name }{ if name.is_empty() { "" } else { " · " } }{ head.tr(lang) }</h3>
                if !meta.is_empty() {
                    <p class="mock-meta">{ meta }</p>
                }
                if let Some(a) = action {
                    <button type="button" class="btn primary">{ a.tr(lang) }</button>
                }
                <p class="mock-note">{ T::MockPage.tr(lang) }</p>
            </div>
        </div>
    }
}

/// The mini program a link points at, as far as the mock data knows it
/// (`state::mini::target`): `(title, page path, page content)` in `lang`.
fn mini_target(link: &str, lang: Lang) -> (String, String, &'static str) {
    let target = mini::target(link);
    match target.program {
        Some(m) => {
            let content = lang.pick(m.content_en, m.content_zh);
            (m.name(lang).to_string(), target.path, content)
        }
        None => (T::MiniProgram.tr(lang).to_string(), target.path, ""),
    }
}

fn mini_frame(link: &str, lang: Lang, close: Callback<MouseEvent>) -> Html {
    let (title, path, content) = mini_target(link, lang);
    html! { <MiniFrame title={title} path={path} content={content} {close} /> }
}

/// Props of [`MiniFrame`].
#[derive(Properties, PartialEq)]
pub struct MiniFrameProps {
    /// The mini program's name.
    pub title: AttrValue,
    /// The page path (without a leading `/`).
    pub path: AttrValue,
    /// What the page shows.
    #[prop_or_default]
    pub content: AttrValue,
    /// The capsule's ×.
    #[prop_or_default]
    pub close: Callback<MouseEvent>,
}

/// A mini program as WeChat frames it: its title, the capsule "··· | ×" at
/// the top right, and the page.
#[component]
pub fn MiniFrame(props: &MiniFrameProps) -> Html {
    let store = use_store();
    html! {
        <div class="mp-frame" role="region" aria-label={props.title.clone()}>
            <div class="mp-bar">
                <span class="mp-title">{ props.title.clone() }</span>
                <span class="mp-capsule">
                    <button type="button" aria-label={store.t(T::More)}>{ "···" }</button>
                    <span aria-hidden="true">{ "|" }</span>
                    <button type="button" aria-label={store.t(T::Close)} onclick={props.close.clone()}>{ "×" }</button>
                </span>
            </div>
            <div class="mp-page">
                <p class="mp-path">{ "/" }{ props.path.clone() }</p>
                <p class="mp-content">{ props.content.clone() }</p>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ShareProps {
    link: AttrValue,
}

/// The Share button and the chat picker: the link becomes a message from
/// the user in the chosen chat.
#[component]
fn ShareBox(props: &ShareProps) -> Html {
    let store = use_store();
    let open = use_state_eq(|| false);
    let sent = use_state_eq(|| None::<String>);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let data = store.data();
    let lang = store.lang();
    html! {
        <div class="share">
            <button type="button" class="btn" aria-expanded={if *open { "true" } else { "false" }} onclick={toggle}>
                { store.t(T::Share) }
            </button>
            if *open {
                <ul class="cells share-list" aria-label={store.t(T::SendTo)}>
                    { for data.chats_by_activity().into_iter().map(|c| {
                        let title = data.chat_title(c, lang).to_string();
                        let onclick = {
                            let store = store.clone();
                            let open = open.clone();
                            let sent = sent.clone();
                            let chat = c.id.clone();
                            let link = props.link.to_string();
                            let title = title.clone();
                            Callback::from(move |_: MouseEvent| {
                                store.dispatch(Action::Chats(ChatsAction::Send {
                                    chat: chat.clone(),
                                    from: ME.to_string(),
                                    text: link.clone(),
                                    ts: store.now_ts(),
                                    id: crate::ui::storage::fresh_id(),
                                }));
                                open.set(false);
                                sent.set(Some(title.clone()));
                            })
                        };
                        html! {
                            <li key={c.id.clone()}>
                                <button type="button" class="cell share-target" data-chat={c.id.clone()} {onclick}>{ title }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
            if let Some(to) = &*sent {
                <p class="copied" role="alert">{ store.t(T::SentTo) }{ " " }{ to }</p>
            }
        </div>
    }
}
