//! Me: the profile, the scenario, language and data.

use crate::i18n::{Lang, T};
use crate::state::params::full_query;
use crate::state::Action;
use crate::ui::clipboard::{page_base, CopyButton};
use crate::ui::components::{Avatar, ConfirmDialog};
use crate::ui::link_settings::LinkSettings;
use crate::ui::scenario::ScenarioControls;
use crate::ui::store::use_store;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The account screen.
#[component]
pub fn MeScreen() -> Html {
    let store = use_store();
    let confirming = use_state(|| false);
    let link_failed = use_state_eq(|| None::<String>);
    let lang = store.lang();

    let on_lang = store.callback(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetLang(Lang::parse(&v).unwrap_or_default())
    });
    let open_confirm = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };
    let on_reset = {
        let confirming = confirming.clone();
        let store = store.clone();
        Callback::from(move |_| {
            store.dispatch(Action::Reset);
            confirming.set(false);
        })
    };

    html! {
        <div class="me">
            <div class="profile">
                <Avatar name={store.t(T::Me)} color="#07c160" large=true />
                <div>
                    <p class="profile-name">{ lang.pick("Alex Chen", "陈小安") }</p>
                    <p class="cell-sub">{ store.t(T::WeChatId) }{": wxid_walledgarden"}</p>
                </div>
            </div>

            <h2 class="section-title">{ store.t(T::Scenario) }</h2>
            <p class="section-help">{ store.t(T::ScenarioHelp) }</p>
            <ScenarioControls />
            <div class="actions">
                <CopyButton text={page_base() + "#/me" + &full_query(&store.data().scenario, lang)}
                    label={store.t(T::CopyScenarioLink)} />
            </div>

            <h2 class="section-title">{ store.t(T::Language) }</h2>
            <div class="scenario full">
                <div class="field">
                    <label for="me-lang">{ store.t(T::Language) }</label>
                    <select id="me-lang" onchange={on_lang}>
                        <option value="en" selected={lang == Lang::En}>{ T::English.tr(lang) }</option>
                        <option value="zh" selected={lang == Lang::Zh}>{ T::Chinese.tr(lang) }</option>
                    </select>
                </div>
            </div>

            <LinkSettings />

            { super::moments_settings(&store, &link_failed) }

            <h2 class="section-title">{ store.t(T::Data) }</h2>
            <div class="actions">
                <button class="btn danger" onclick={open_confirm}>{ store.t(T::ResetData) }</button>
            </div>
            <super::data_io::DataIo />
            if *confirming {
                <ConfirmDialog title={store.t(T::ResetConfirmTitle)} body={store.t(T::ResetConfirmBody)}
                    confirm={store.t(T::Reset)} on_confirm={on_reset} {on_cancel} />
            }
        </div>
    }
}
