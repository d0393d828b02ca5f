//! The link opener (`#/open`): paste a link, choose where it was shared,
//! and see what WeChat did with it on the scenario's day, and why.
//!
//! The address is the source of truth (`url=`, `in=`): the result is
//! computed from it on every render, so opening a copied address, the back
//! button and scenario changes all re-evaluate without extra state.

use crate::i18n::T;
use crate::policy::engine::Viewer;
use crate::policy::rules::Context;
use crate::present::opener::summary;
use crate::present::words::shared_in;
use crate::state::opener::{scenario_query, CONTEXTS};
use crate::state::params::{carried_data, Params};
use crate::ui::components::clipboard::{page_base, CopyButton};
use crate::ui::components::markup::html;
use crate::ui::components::outcome::OutcomeView;
use crate::ui::components::scenario::ScenarioControls;
use crate::ui::hooks::use_decision;
use crate::ui::hooks::use_store;
use crate::ui::route::Route;
use crate::ui::router::{href, use_location, use_navigator};
use crate::ui::store::Store;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The address of the opener for `url` shared in `ctx`, keeping the
/// scenario parameters.
fn opener_href(store: &Store, url: &str, ctx: Context) -> String {
    let mut q: Vec<(&str, String)> = vec![("url", url.to_string()), ("in", ctx.as_str().into())];
    q.extend(carried_data(store.data()));
    href(&Route::Open, &q)
}

/// The link opener screen.
#[component]
pub fn OpenScreen() -> Html {
    let store = use_store();
    let location = use_location();
    let params = Params::parse(&location.query);
    let url = params.url.unwrap_or_default();
    let ctx = params
        .share_in
        .as_deref()
        .and_then(Context::parse)
        .unwrap_or(Context::Chat);
    let tester = use_state_eq(|| false);
    let on_tester = {
        let tester = tester.clone();
        Callback::from(move |e: Event| {
            tester.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };

    let viewer = Viewer {
        mini_program_tester: *tester,
    };
    // Decided on every render (a hook can't be conditional), but only again
    // when the link, context, viewer or scenario changes; an empty link is
    // cheap to decide and not shown.
    let d = use_decision(&AttrValue::from(url.clone()), ctx, viewer);
    let scenario = store.data().scenario;
    let lang = store.lang();
    let result = if url.trim().is_empty() {
        html! { <p class="opener-empty">{ store.t(T::EnterLink) }</p> }
    } else {
        let key = url.clone() + "|" + ctx.as_str() + "|" + d.outcome.as_str();
        let address = page_base() + "#/open" + &scenario_query(&url, ctx, &scenario, lang);
        html! {
            <OutcomeView {key} decision={d.clone()} link={url.clone()} context={ctx} why_open=true>
                { html(summary(&d, store.rules(), lang)) }
                <div class="opener-copy">
                    <CopyButton text={address} label={store.t(T::CopyScenarioLink)} />
                </div>
            </OutcomeView>
        }
    };

    html! {
        <div class="opener">
            <LinkForm url={AttrValue::from(url.clone())} {ctx} />
            <ScenarioControls compact=true />
            <div class="field switch opener-tester">
                <label for="op-tester">{ store.t(T::Tester) }</label>
                <input id="op-tester" type="checkbox" role="switch" checked={*tester} onchange={on_tester} />
            </div>
            { result }
            <super::batch::BatchCheck />
        </div>
    }
}

/// Props of [`LinkForm`].
#[derive(Properties, PartialEq)]
struct LinkFormProps {
    /// The link of the address (`url=`).
    url: AttrValue,
    /// Where it was shared (`in=`).
    ctx: Context,
}

/// The opener's form: **Link**, **Shared in** and **Open**. It owns what is
/// being typed, so that a keystroke re-renders this form only; Open and a
/// new **Shared in** change the address, which the screen decides from.
#[component]
fn LinkForm(props: &LinkFormProps) -> Html {
    let store = use_store();
    let navigator = use_navigator();
    let draft = use_state_eq(|| props.url.to_string());
    {
        // A new address (back button, a link from Mini Programs) refills the box.
        let draft = draft.clone();
        use_effect_with(props.url.clone(), move |u| draft.set(u.to_string()));
    }
    let ctx = props.ctx;
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_submit = {
        let (store, navigator, draft) = (store.clone(), navigator.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            navigator.push(&opener_href(&store, &draft, ctx));
        })
    };
    let on_ctx = {
        let (store, navigator, url) = (store.clone(), navigator.clone(), props.url.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let c = Context::parse(&v).unwrap_or(Context::Chat);
            navigator.replace(&opener_href(&store, &url, c));
        })
    };
    html! {
        <form class="opener-form" onsubmit={on_submit}>
            <div class="field">
                <label for="op-link">{ store.t(T::Link) }</label>
                <input id="op-link" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                    value={(*draft).clone()} oninput={on_input} />
            </div>
            <div class="field">
                <label for="op-in">{ store.t(T::SharedIn) }</label>
                <select id="op-in" onchange={on_ctx}>
                    { for CONTEXTS.iter().map(|c| html! {
                        <option key={c.as_str()} value={c.as_str()} selected={*c == ctx}>{ store.t(shared_in(*c)) }</option>
                    }) }
                </select>
            </div>
            <button type="submit" class="btn primary">{ store.t(T::OpenLink) }</button>
        </form>
    }
}
