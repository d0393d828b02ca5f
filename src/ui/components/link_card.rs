//! Link cards in chats (and later Moments): what a shared link looks like,
//! decided by the policy engine for the chat type and the scenario's date.

use crate::i18n::T;
use crate::policy::extract::{find_links, FoundKind};
use crate::policy::{Context, Viewer};
use crate::state::links::{card_look, LinksAction, Look};
use crate::state::Action;
use crate::ui::hooks::{use_decision, use_dispatch, use_view};
use yew::prelude::*;

/// Props of [`LinkCards`].
#[derive(Properties, PartialEq)]
pub struct LinkCardsProps {
    /// The message text the links are found in.
    pub text: AttrValue,
    /// Where the message was shared.
    pub context: Context,
    /// The chat's id, for reports.
    pub chat: AttrValue,
    /// Called with the link when a card is tapped.
    pub on_open: Callback<AttrValue>,
}

/// One card per link or Taobao password text found in a message.
#[component]
pub fn LinkCards(props: &LinkCardsProps) -> Html {
    let found = find_links(&props.text);
    if found.is_empty() {
        return html! {};
    }
    html! {
        <div class="link-cards">
            { for found.iter().map(|f| {
                let link: AttrValue = f.text.to_string().into();
                html! {
                    <LinkCard key={f.start} link={link} context={props.context} chat={props.chat.clone()}
                        password={f.kind == FoundKind::TaobaoPassword} on_open={props.on_open.clone()} />
                }
            }) }
        </div>
    }
}

/// Props of [`LinkCard`].
#[derive(Properties, PartialEq)]
pub struct LinkCardProps {
    /// The link as written.
    pub link: AttrValue,
    /// Where it was shared.
    pub context: Context,
    /// The chat's id, for reports.
    pub chat: AttrValue,
    /// A Taobao password text rather than a link.
    #[prop_or_default]
    pub password: bool,
    /// Called with the link when tapped.
    pub on_open: Callback<AttrValue>,
}

/// A card as WeChat draws one: platform badge, name, host. Folded cards
/// (the group pilot, or the user's "fold" choice) open on a first tap;
/// text-only links stay text; "hide" leaves a note. Every card can be
/// reported.
#[component]
pub fn LinkCard(props: &LinkCardProps) -> Html {
    // The view and the dispatcher, not the store: a new message in the
    // chat leaves both equal, so this card does not render again.
    let view = use_view();
    let dispatch = use_dispatch();
    let expanded = use_state(|| false);
    let d = use_decision(&props.link, props.context, Viewer::default());
    let lang = view.lang;
    let look = card_look(
        &view.links,
        d.platform_id(),
        props.context,
        d.display,
        props.password,
    );
    let display = look.display.as_str();
    let platform = d
        .platform
        .as_deref()
        .and_then(|id| view.rules.rules().platform(id));
    let name = platform.map_or(d.host.as_str(), |p| lang.pick(&p.name_en, &p.name_zh));
    if look.look == Look::Hidden {
        return html! {
            <p class="link-hidden" data-rules-source={d.rules_source()}>{ view.t(T::LinkHidden) }{" "}{ name.to_string() }</p>
        };
    }
    if look.look == Look::Text {
        return html! {
            <p class="link-text" data-display={display} data-rules-source={d.rules_source()}>
                if props.password {
                    <span class="link-text-label">{ view.t(T::TaobaoPasswordText) }{": "}</span>
                }
                <span>{ props.link.clone() }</span>
            </p>
        };
    }
    if look.look == Look::Folded && !*expanded {
        let expand = {
            let expanded = expanded.clone();
            Callback::from(move |_| expanded.set(true))
        };
        return html! {
            <button class="link-card folded" data-display={display} data-rules-source={d.rules_source()} aria-expanded="false" onclick={expand}>
                { view.t(T::LinkFolded) }
            </button>
        };
    }
    let badge = name.chars().next().unwrap_or('?').to_string();
    let onclick = {
        let (on_open, link) = (props.on_open.clone(), props.link.clone());
        Callback::from(move |_| on_open.emit(link.clone()))
    };
    let reported = view.links.is_reported(&props.link, &props.chat);
    let report = {
        let (link, chat) = (props.link.to_string(), props.chat.to_string());
        let platform = d.platform_id().to_string();
        let date = view.scenario.date;
        Callback::from(move |_| {
            let (link, platform, chat) = (link.clone(), platform.clone(), chat.clone());
            dispatch.dispatch(Action::Links(LinksAction::Report {
                link,
                platform,
                chat,
                date,
            }));
        })
    };
    html! {
        <div class="link-card-wrap">
            <button class="link-card" data-display={display} data-platform={d.platform_id().to_string()}
                data-outcome={d.outcome.as_str()} data-reachable={d.reachable_str()}
                data-rules-source={d.rules_source()} {onclick}>
                <span class="link-badge" aria-hidden="true">{ badge }</span>
                <span class="link-card-body">
                    <span class="link-card-title">{ name.to_string() }{" "}{ view.t(T::LinkOf) }</span>
                    <span class="link-card-host">{ if d.host.is_empty() { props.link.to_string() } else { d.host.clone() } }</span>
                </span>
            </button>
            <button class="report-link" disabled={reported} onclick={report}>
                { view.t(if reported { T::Reported } else { T::ReportLink }) }
            </button>
        </div>
    }
}
