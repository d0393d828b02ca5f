//! The live screen of a story step: the app's own screens and parts, under
//! the scenario the step set (so what the reader touches is what the rest
//! of the app would show them).

use crate::i18n::stories::S;
use crate::policy::rules::Context;
use crate::policy::stories::{story, Screen};
use crate::policy::sync::SyncTarget;
use crate::state::compare::{differences, Side};
use crate::state::moments::sync_answer_for;
use crate::ui::components::link_card::LinkCards;
use crate::ui::components::link_overlay::LinkOverlay;
use crate::ui::components::markup::html;
use crate::ui::components::outcome::OutcomeView;
use crate::ui::components::Avatar;
use crate::ui::hooks::{use_decision, use_side_decision, use_store, use_view};
use crate::ui::pages::moments::sync_row;
use crate::ui::pages::timeline::Matrix;
use yew::prelude::*;

/// Props of [`StepScreen`].
#[derive(Properties, PartialEq)]
pub struct StepScreenProps {
    /// The story's id.
    pub story: String,
    /// The step, from 1.
    pub step_number: usize,
}

/// The step's screen. Keyed by the step, so a confirmation continued or a
/// card opened on one step does not carry over to the next.
#[component]
pub fn StepScreen(props: &StepScreenProps) -> Html {
    let Some(step) = story(&props.story).and_then(|s| s.steps.get(props.step_number - 1)) else {
        return Html::default();
    };
    match &step.screen {
        Screen::Card { link, context } => html! {
            <CardChat link={AttrValue::from(link.clone())} context={*context} />
        },
        Screen::Outcome { link, context } => html! {
            <StepOutcome link={AttrValue::from(link.clone())} context={*context} />
        },
        Screen::Matrix => html! { <Matrix /> },
        Screen::Composer => html! { <SyncBoxes /> },
        Screen::Register => html! { <crate::ui::pages::register::RegisterScreen /> },
        Screen::Connection => html! { <crate::ui::pages::connection::ConnectionScreen /> },
        Screen::Compare { link, context, b } => html! {
            <StepCompare link={AttrValue::from(link.clone())} context={*context} b={*b} />
        },
    }
}

/// Props of the parts that show one link.
#[derive(Properties, PartialEq)]
struct LinkProps {
    link: AttrValue,
    context: Context,
}

/// A chat (or group) holding one message from a friend with the link's
/// card; tapping it opens the page over the chat, as in a real chat.
#[component]
fn CardChat(props: &LinkProps) -> Html {
    let store = use_store();
    let lang = store.lang();
    let opened = use_state_eq(|| None::<AttrValue>);
    let on_open = {
        let opened = opened.clone();
        Callback::from(move |link: AttrValue| opened.set(Some(link)))
    };
    let on_close = {
        let opened = opened.clone();
        Callback::from(move |()| opened.set(None))
    };
    let group = props.context == Context::Group;
    let name = S::Friend.tr(lang);
    let label = if group { S::Group } else { S::Chat };
    html! {
        <section class="chat story-chat" aria-label={label.tr(lang)}>
            <div class="messages" role="log"><ul class="msg-list">
                <li class="msg theirs">
                    <div class="msg-row">
                        <Avatar name={name} color="#576b95" />
                        <div class="msg-col">
                            if group {
                                <span class="msg-sender">{ name }</span>
                            }
                            <div class="bubble" data-bubble="">{ props.link.clone() }</div>
                            <LinkCards text={props.link.clone()} context={props.context} chat="story" {on_open} />
                        </div>
                    </div>
                </li>
            </ul></div>
            <LinkOverlay link={(*opened).clone()} context={props.context} {on_close} />
        </section>
    }
}

/// The page WeChat showed for the link, as after a tap.
#[component]
fn StepOutcome(props: &LinkProps) -> Html {
    let decision = use_decision(&props.link, props.context, Default::default());
    html! { <OutcomeView link={props.link.clone()} {decision} context={props.context} /> }
}

/// The sync boxes of the Moments composer, for an account registered in
/// the scenario's region (a story about 2017 asks what such an account
/// could do, whatever account the reader signed up with).
#[component]
fn SyncBoxes() -> Html {
    let store = use_store();
    let lang = store.lang();
    let scenario = store.data().scenario;
    let rules = store.rules();
    html! {
        <fieldset class="sync story-sync">
            <legend>{ S::SyncFor.tr(lang) }</legend>
            { for SyncTarget::ALL.map(|target| {
                let a = sync_answer_for(rules, &scenario, scenario.region, target);
                sync_row(&a, false, None, lang)
            }) }
        </fieldset>
    }
}

/// Props of [`StepCompare`].
#[derive(Properties, PartialEq)]
struct CompareProps {
    link: AttrValue,
    context: Context,
    b: crate::policy::scenario::Scenario,
}

/// Compare's two screens: A in the step's scenario (the reader's), B in
/// the step's other one, and the line naming what differs.
#[component]
fn StepCompare(props: &CompareProps) -> Html {
    let view = use_view();
    let a = view.scenario;
    let da = use_side_decision(&props.link, props.context, a);
    let db = use_side_decision(&props.link, props.context, props.b);
    let line = crate::present::compare::line(&differences(&da, &db), &da, &db, view.lang);
    html! {
        <div class="compare">
            { html(line) }
            <div class="compare-sides">
                { for [(Side::A, a, da), (Side::B, props.b, db)].into_iter().map(|(side, s, d)| html! {
                    <section key={side.as_str()} class="compare-side">
                        <OutcomeView decision={d} link={props.link.clone()} context={props.context}
                            side={Some(side)} scenario={Some(s)} />
                    </section>
                }) }
            </div>
        </div>
    }
}
