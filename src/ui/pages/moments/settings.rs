//! On Me: the account-wide window for friends viewing one's Moments, and
//! the linked accounts (QQ, Facebook, Twitter) with what the rules say of
//! each in the scenario.

use crate::i18n::T;
use crate::policy::moments::Window;
use crate::policy::sync::SyncTarget;
use crate::state::moments::{can_link_for, sync_answer_for, MomentsAction};
use crate::state::Action;
use crate::ui::store::Store;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The Moments part of Me; `failed` holds the target whose linking failed
/// (its data value). A function of Me's render rather than a component:
/// each component costs the bundle its own copy of Yew's machinery.
pub fn moments_settings(store: &Store, failed: &UseStateHandle<Option<String>>) -> Html {
    let lang = store.lang();
    let data = store.data();
    let m = &data.moments;
    let rules = store.rules();
    let on_window = store.callback(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::Moments(MomentsAction::SetWindow(
            Window::parse(&v).unwrap_or_default(),
        ))
    });
    let label = |w: Window| match w {
        Window::All => T::WindowAll,
        Window::SixMonths => T::WindowSixMonths,
        Window::ThreeDays => T::WindowThreeDays,
    };
    let rows = SyncTarget::ALL.map(|target| {
        let a = sync_answer_for(rules, &data.scenario, data.account.region, target);
        let linked = m.linked.contains(&target);
        let onclick = {
            let (store, failed) = (store.clone(), failed.clone());
            Callback::from(move |_| {
                if linked {
                    store.dispatch(Action::Moments(MomentsAction::Unlink(target)));
                } else if can_link_for(store.rules(), target, &store.data().scenario, store.data().account.region).is_ok() {
                    failed.set(None);
                    store.dispatch(Action::Moments(MomentsAction::Link(target)));
                } else {
                    failed.set(Some(target.as_str().into()));
                }
            })
        };
        let name = store.t(T::target(target));
        html! {
            <li key={target.as_str()} class="cell linked-account" data-sync={a.status.as_str()}>
                <div class="cell-body">
                    <span class="cell-title">{ name }</span>
                    <span class="cell-sub">
                        { store.t(if linked { T::LinkedAccount } else { T::sync_status(a.status) }) }
                    </span>
                </div>
                <button class="btn" aria-label={format!("{} {name}", store.t(if linked { T::UnlinkAccount } else { T::LinkAccount }))}
                    {onclick}>{ store.t(if linked { T::UnlinkAccount } else { T::LinkAccount }) }</button>
                if failed.as_deref() == Some(target.as_str()) && !linked {
                    <p class="field-error" role="alert">
                        { store.t(T::CannotLink) }{" "}{ a.reason(lang).to_string() }{" ("}{ a.source.to_string() }{")"}
                    </p>
                }
            </li>
        }
    });
    html! {<>
        <h2 class="section-title">{ store.t(T::Moments) }</h2>
        <div class="scenario full">
            <div class="field">
                <label for="me-window">{ store.t(T::MomentsWindow) }</label>
                <select id="me-window" onchange={on_window}>
                    { for Window::ALL.into_iter().map(|w| html! {
                        <option key={w.as_str()} value={w.as_str()} selected={m.window == w}>{ store.t(label(w)) }</option>
                    }) }
                </select>
            </div>
        </div>
        <h2 class="section-title">{ store.t(T::LinkedAccounts) }</h2>
        <ul class="cells linked-accounts">{ for rows }</ul>
    </>}
}
