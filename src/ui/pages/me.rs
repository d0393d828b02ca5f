//! Me: the profile, the scenario, language and data.

use crate::i18n::T;
use crate::lang::Lang;
use crate::state::accounts::{accounts, Account, AccountsAction};
use crate::state::params::full_query_data;
use crate::state::Action;
use crate::ui::components::clipboard::{page_base, CopyButton};
use crate::ui::components::link_settings::LinkSettings;
use crate::ui::components::nav_link::NavLink;
use crate::ui::components::scenario::ScenarioControls;
use crate::ui::components::welcome::AboutEntry;
use crate::ui::components::{Avatar, ConfirmDialog};
use crate::ui::hooks::use_store;
use crate::ui::route::Route;
use crate::ui::store::Store;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The account screen.
#[component]
pub fn MeScreen() -> Html {
    let store = use_store();
    let confirming = use_state(|| false);
    let link_failed = use_state_eq(|| None::<String>);
    let lang = store.lang();
    let me = &store.data().account;

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
                <Avatar name={me.name(lang).to_string()} color="#07c160" large=true />
                <div>
                    <p class="profile-name">{ me.name(lang) }</p>
                    <p class="cell-sub">{ store.t(T::WeChatId) }{": "}{ me.wechat_id.clone() }</p>
                    <p class="cell-sub">{ region_line(me, lang) }</p>
                </div>
            </div>

            <h2 class="section-title">{ store.t(T::Scenario) }</h2>
            <p class="section-help">{ store.t(T::ScenarioHelp) }</p>
            <ScenarioControls />
            <div class="actions">
                <CopyButton text={page_base() + "#/me" + &full_query_data(store.data())}
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

            { accounts_list(&store) }

            <h2 class="section-title">{ store.t(T::Data) }</h2>
            <div class="actions">
                <button class="btn danger" onclick={open_confirm}>{ store.t(T::ResetData) }</button>
            </div>
            <super::data_io::DataIo />
            <div class="actions">
                <AboutEntry classes={classes!("btn")} />
            </div>
            { crate::ui::components::markup::html(crate::present::cite::fingerprint(&store.data().rules_fingerprint(), lang, true)) }
            if *confirming {
                <ConfirmDialog title={store.t(T::ResetConfirmTitle)} body={store.t(T::ResetConfirmBody)}
                    confirm={store.t(T::Reset)} on_confirm={on_reset} {on_cancel} />
            }
        </div>
    }
}

/// "Mainland China · Personal account · +86 138****8000".
fn region_line(a: &Account, lang: Lang) -> Html {
    let region = match a.region {
        crate::policy::scenario::Region::Mainland => T::Mainland,
        crate::policy::scenario::Region::Overseas => T::Overseas,
    };
    let kind = match a.kind {
        crate::policy::registration::AccountType::Personal => T::PersonalAccount,
        crate::policy::registration::AccountType::Official => T::OfficialAccount,
    };
    // The number never breaks ("+86 / 138****8000" on two lines read as
    // two things): its own element, kept on one line by the style.
    html! {<>
        { region.tr(lang) }{ " · " }{ kind.tr(lang) }{ " · " }
        <span class="phone-number">{ a.masked_phone() }</span>
    </>}
}

/// Every account, with **Switch** on each but the current one, and the way
/// to add one.
fn accounts_list(store: &Store) -> Html {
    let lang = store.lang();
    let data = store.data();
    html! {<>
        <h2 class="section-title" id="accounts-title">{ store.t(T::Accounts) }</h2>
        <ul class="cells" aria-labelledby="accounts-title">
            { for accounts(data).into_iter().map(|a| {
                let current = a.id == data.account.id;
                let id = a.id.clone();
                let switch = store.callback(move |_: MouseEvent| Action::Accounts(AccountsAction::Switch(id.clone())));
                html! {
                    <li key={a.id.clone()} class="cell" data-account={a.id.clone()} aria-current={current.then_some("true")}>
                        <Avatar name={a.name(lang).to_string()} color="#07c160" />
                        <span class="cell-body">
                            <span class="cell-title">{ a.name(lang) }</span>
                            <span class="cell-sub">{ region_line(a, lang) }</span>
                        </span>
                        if current {
                            <span class="cell-time">{ store.t(T::CurrentAccount) }</span>
                        } else {
                            <button type="button" class="btn" onclick={switch}>{ store.t(T::Switch) }</button>
                        }
                    </li>
                }
            }) }
        </ul>
        <div class="actions">
            <NavLink to={Route::Register} classes={classes!("btn")}>{ store.t(T::AddAccount) }</NavLink>
        </div>
    </>}
}
