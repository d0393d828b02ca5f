//! What a user sees after tapping a link, one view per outcome, shared by
//! the link opener and (later) the link cards of chats and Moments.
//!
//! Texts come from the deciding rule (the record's zh-CN wording in `zh`,
//! ours in `en`); nothing here ever loads the linked site: pages are mocks
//! chosen by the platform's category. Their static parts are
//! `present::outcome`; the buttons that do something are here.

use super::clipboard::CopyButton;
use super::markup::html;
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::engine::Decision;
use crate::policy::rules::{LinkForm, Outcome, Rules, Text};
use crate::policy::scenario::Scenario;
use crate::policy::Context;
use crate::present::outcome as page;
use crate::state::chats::ChatsAction;
use crate::state::compare::Side;
use crate::state::mini;
use crate::state::model::ME;
use crate::state::Action;
use crate::ui::hooks::use_store;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`OutcomeView`].
#[derive(Properties, PartialEq)]
pub struct OutcomeProps {
    /// The decision to show.
    pub decision: Rc<Decision>,
    /// The link as the user gave it (shown, copied and shared as text).
    pub link: AttrValue,
    /// Where it was shared (a citation and a comparison name it).
    pub context: Context,
    /// Shown above the screen, inside the status element (e.g. a summary).
    #[prop_or_default]
    pub children: Html,
    /// Shown below the Why section, inside the status element.
    #[prop_or_default]
    pub after: Html,
    /// Whether the Why section starts open (the opener shows it at once).
    #[prop_or_default]
    pub why_open: bool,
    /// On Compare, the side it shows (`data-side`; its Why gets its own id).
    #[prop_or_default]
    pub side: Option<Side>,
    /// The scenario it was decided in, when not the store's (Compare's).
    #[prop_or_default]
    pub scenario: Option<Scenario>,
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
    let reason = crate::i18n::reason(d, lang);
    let scenario = props.scenario.unwrap_or(store.data().scenario);
    let why = match props.side {
        Some(Side::A) => "why-a",
        Some(Side::B) => "why-b",
        None => "why",
    };
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

    let screen = match d.outcome {
        Outcome::Open => browser(d, store.rules(), lang, close),
        Outcome::Confirm | Outcome::Warn if *continued => {
            if d.form == LinkForm::UrlLink {
                mini_frame(&link, lang, close)
            } else {
                browser(d, store.rules(), lang, close)
            }
        }
        Outcome::Confirm | Outcome::Warn => {
            html! {
                <div class={String::from("wx-page interstitial ") + d.outcome.as_str()}>
                    { html(page::interstitial(t, &link, &reason)) }
                    <div class="wx-actions">
                        <button type="button" class="btn primary" onclick={go_on}>{ store.t(T::Continue) }</button>
                        if d.outcome == Outcome::Warn {
                            <CopyButton text={link.clone()} label={store.t(T::CopyLink)} />
                        }
                    </div>
                </div>
            }
        }
        Outcome::CopyToBrowser => html! {
            <div class="wx-page copy-to-browser">
                { html(page::copy_head(t, &link)) }
                <div class="wx-actions">
                    <CopyButton text={link.clone()} label={store.t(T::CopyLink)} />
                </div>
                { html(page::reason(&reason)) }
            </div>
        },
        Outcome::MiniProgram => html! {<>
            { mini_frame(&link, lang, close) }
            { html(page::reason(&t.body)) }
        </>},
        // Blocked and Rejected: no controls, all markup.
        o => html(page::stop_page(o == Outcome::Blocked, t, &reason)),
    };

    html! {
        <section class="outcome" role="status" data-outcome={d.outcome.as_str()}
            data-platform={d.platform_id().to_string()} data-host={d.host.clone()}
            data-share={d.share_str()} data-rules={d.rules_attr()}
            data-confidence={d.confidence_str()} data-assumption={d.assumption_str()}
            data-reachable={d.reachable_str()} data-rules-source={d.rules_source()}
            data-side={props.side.map(Side::as_str)}>
            { props.children.clone() }
            { super::why::badges(d, scenario.cohort, lang, &open_why, why) }
            <div class="wx-screen">{ screen }</div>
            { network_notice(d, lang) }
            if d.share {
                <ShareBox link={props.link.clone()} />
            }
            <details id={why} class="why" open={*why_open} ontoggle={on_toggle}>
                <summary><h3>{ T::Why.tr(lang) }</h3></summary>
                { super::why::why_body(d, store.rules(), &store.data().rules_fingerprint(), lang) }
            </details>
            <super::decision_actions::DecisionActions decision={props.decision.clone()}
                link={props.link.clone()} context={props.context} scenario={props.scenario} />
            { props.after.clone() }
        </section>
    }
}

/// Below WeChat's step, when the network does not deliver the site: what
/// the page does where the phone is, labelled as the network's.
fn network_notice(d: &Decision, lang: Lang) -> Html {
    match &d.network {
        Some(texts) => html(page::network_notice(texts.get(lang), lang)),
        None => Html::default(),
    }
}

/// The rule's texts in `lang`.
fn text_of(d: &Decision, lang: Lang) -> &Text {
    d.texts.get(lang)
}

/// WeChat's in-app browser around a mock page for the platform's
/// category; `close` is its Close button.
fn browser(d: &Decision, rules: &Rules, lang: Lang, close: Callback<MouseEvent>) -> Html {
    let page::Browser { bar, kind, page } = page::browser(d, rules, lang);
    html! {
        <div class="wx-browser" role="region" aria-label={d.host.clone()}>
            <div class="wx-browser-bar">
                <button type="button" class="wx-icon-btn" aria-label={T::Close.tr(lang)} onclick={close}>{ "×" }</button>
                { html(bar) }
            </div>
            <div class={classes!("mock-page", kind)} data-page={kind}>
                { html(page) }
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
    mini_frame_view(&title, &path, content, close, lang)
}

/// A mini program as WeChat frames it: its title, the capsule "··· | ×" at
/// the top right, and the page (`path` without a leading `/`); `close` is
/// the capsule's ×.
pub fn mini_frame_view(
    title: &str,
    path: &str,
    content: &str,
    close: Callback<MouseEvent>,
    lang: Lang,
) -> Html {
    html! {
        <div class="mp-frame" role="region" aria-label={title.to_string()}>
            <div class="mp-bar">
                <span class="mp-title">{ title }</span>
                <span class="mp-capsule">
                    <button type="button" aria-label={T::More.tr(lang)}>{ "···" }</button>
                    <span aria-hidden="true">{ "|" }</span>
                    <button type="button" aria-label={T::Close.tr(lang)} onclick={close}>{ "×" }</button>
                </span>
            </div>
            <div class="mp-page">{ html(page::mini_page(path, content)) }</div>
        </div>
    }
}

/// Props of [`ShareBox`].
#[derive(Properties, PartialEq)]
struct ShareProps {
    /// What is shared, as the user gave it.
    link: AttrValue,
}

/// The Share button and the chat picker: the link becomes a message from
/// the user in the chosen chat. Its own component, so that opening the
/// picker re-renders the picker only.
#[component]
fn ShareBox(props: &ShareProps) -> Html {
    let link = &props.link;
    let store = use_store();
    let open = use_state_eq(|| false);
    let sent = use_state_eq(|| None::<String>);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // One listener for every chat (`data-chat`).
    let onpick = {
        let (store, open, sent, link) =
            (store.clone(), open.clone(), sent.clone(), link.to_string());
        Callback::from(move |e: MouseEvent| {
            let Some(chat) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[data-chat]").ok().flatten())
                .and_then(|b| b.get_attribute("data-chat"))
            else {
                return;
            };
            let data = store.data();
            let title = data
                .chat(&chat)
                .map(|c| data.chat_title(c, store.lang()).to_string());
            store.dispatch(Action::Chats(ChatsAction::Send {
                chat,
                from: ME.to_string(),
                text: link.clone(),
                ts: store.now_ts(),
                id: crate::ui::storage::fresh_id(),
            }));
            open.set(false);
            sent.set(title);
        })
    };
    let data = store.data();
    let lang = store.lang();
    html! {
        <div class="share">
            <button type="button" class="btn" aria-expanded={if *open { "true" } else { "false" }} onclick={toggle}>
                { store.t(T::Share) }
            </button>
            if *open {
                <ul class="cells share-list" aria-label={store.t(T::SendTo)} onclick={onpick}>
                    { for data.chats_by_activity().into_iter().map(|c| html! {
                        <li key={c.id.to_string()}>
                            <button type="button" class="cell share-target" data-chat={c.id.to_string()}>
                                { data.chat_title(c, lang).to_string() }
                            </button>
                        </li>
                    }) }
                </ul>
            }
            if let Some(to) = &*sent {
                <p class="copied" role="alert">{ store.t(T::SentTo) }{ " " }{ to }</p>
            }
        </div>
    }
}
