//! Sign-up (`#/register`, record §5): country code, phone number, a mock
//! verification code shown on screen, name and account type. The checks
//! are `state::accounts`; the 2021 suspension is `policy::registration`.
//! Beside Country code a note marked "Assumption" says how the code decides
//! where an account is registered (`registration::region_of`): the record
//! says only that the suspension applied to mainland users.

use crate::i18n::{Explain, T};
use crate::policy::record::{entry, source_name, source_url};
use crate::policy::registration::{AccountType, COUNTRIES};
use crate::state::accounts::{
    can_send_code, check_sign_up, code_for, AccountsAction, SignUp, SignUpEdit, SignUpError,
};
use crate::state::Action;
use crate::ui::components::scenario::ScenarioControls;
use crate::ui::hooks::use_go;
use crate::ui::hooks::use_store;
use crate::ui::route::Route;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The sign-up screen.
#[component]
pub fn RegisterScreen() -> Html {
    let store = use_store();
    let go = use_go();
    let form = use_state(|| SignUp {
        country: "+86".into(),
        ..SignUp::default()
    });
    let error = use_state_eq(|| None::<SignUpError>);
    let lang = store.lang();
    let t = |k: T| store.t(k);

    // One setter for every field: the edit it makes to the form
    // (`SignUp::apply`, natively tested). Text fields take every keystroke
    // (`input`), selects their `change`.
    let set = |f: fn(String) -> SignUpEdit| setter::<Event>(&form, &error, f);
    let typed = |f: fn(String) -> SignUpEdit| setter::<InputEvent>(&form, &error, f);
    let on_get_code = {
        let (form, error, store) = (form.clone(), error.clone(), store.clone());
        Callback::from(move |_| match can_send_code(store.data(), &form) {
            Ok(digits) => {
                let mut next = (*form).clone();
                next.apply(SignUpEdit::CodeSent(digits));
                form.set(next);
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        })
    };
    let on_submit = {
        let (form, error, store) = (form.clone(), error.clone(), store.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match check_sign_up(store.data(), &form) {
                Ok(account) => {
                    let ts = store.now_ts();
                    store.dispatch(Action::Accounts(AccountsAction::Register { account, ts }));
                    go.emit(Route::Chats);
                }
                Err(e) => error.set(Some(e)),
            }
        })
    };

    let kind = form.kind.unwrap_or(AccountType::Personal);
    html! {
        <form class="register" onsubmit={on_submit} novalidate=true>
            <p class="section-help">{ t(T::RegisterHelp) }</p>
            <ScenarioControls compact=true />
            <div class="scenario full">
                <div class="field">
                    <label for="reg-country">{ t(T::CountryCode) }</label>
                    <select id="reg-country" aria-describedby="reg-country-note" onchange={set(SignUpEdit::Country)}>
                        { for COUNTRIES.iter().map(|&(code, en, zh, _, _)| html! {
                            <option key={code} value={code} selected={form.country == code}>
                                { format!("{code} {}", lang.pick(en, zh)) }
                            </option>
                        }) }
                    </select>
                </div>
                <p class="section-help" id="reg-country-note" data-assumption="region">
                    <span class="flag assumption">{ t(T::BadgeAssumption) }</span>{ lang.pick(": ", "：") }
                    { t(T::CountryAssumption) }
                </p>
                <div class="field">
                    <label for="reg-phone">{ t(T::PhoneNumber) }</label>
                    <input id="reg-phone" type="tel" inputmode="numeric" autocomplete="tel-national"
                        value={form.phone.clone()} oninput={typed(SignUpEdit::Phone)} />
                </div>
                <div class="field">
                    <label for="reg-type">{ t(T::AccountType) }</label>
                    <select id="reg-type" onchange={set(|v| SignUpEdit::Kind(AccountType::parse(&v)))}>
                        <option value="personal" selected={kind == AccountType::Personal}>{ t(T::PersonalAccount) }</option>
                        <option value="official" selected={kind == AccountType::Official}>{ t(T::OfficialAccount) }</option>
                    </select>
                </div>
                <div class="field">
                    <label for="reg-name">{ t(T::AccountName) }</label>
                    <input id="reg-name" type="text" autocomplete="nickname"
                        value={form.name.clone()} oninput={typed(SignUpEdit::Name)} />
                </div>
            </div>
            <div class="actions">
                <button type="button" class="btn" onclick={on_get_code}>{ t(T::GetCode) }</button>
            </div>
            if let Some(code) = form.code_sent_to.as_deref().map(code_for) {
                <p class="section-help" data-code={code.clone()}>
                    { t(T::CodeShown) }{" "}<strong>{ code }</strong>
                </p>
            }
            <div class="scenario full">
                <div class="field">
                    <label for="reg-code">{ t(T::VerificationCode) }</label>
                    <input id="reg-code" type="text" inputmode="numeric" autocomplete="one-time-code"
                        value={form.code.clone()} oninput={typed(SignUpEdit::Code)} />
                </div>
            </div>
            if let Some(e) = &*error {
                { refusal(e, lang) }
            }
            <div class="actions">
                <button type="submit" class="btn primary">{ t(T::Register) }</button>
            </div>
        </form>
    }
}

/// A callback that applies the edit `f` makes of the field's value to the
/// form, and clears the refusal (what was typed stays).
fn setter<E: AsRef<web_sys::Event> + 'static>(
    form: &UseStateHandle<SignUp>,
    error: &UseStateHandle<Option<SignUpError>>,
    f: fn(String) -> SignUpEdit,
) -> Callback<E> {
    let (form, error) = (form.clone(), error.clone());
    Callback::from(move |e: E| {
        let mut next = (*form).clone();
        if next.apply(f(e.target_unchecked_into::<HtmlInputElement>().value())) {
            form.set(next);
        }
        error.set(None);
    })
}

/// The refusal: one line, and for the suspension the record entry with its
/// dates, id and sources.
fn refusal(e: &SignUpError, lang: crate::lang::Lang) -> Html {
    let record = match e {
        SignUpError::Suspended {
            since,
            until,
            source,
        } => entry(source).map(|r| {
            html! {<>
                <p>{ T::SuspendedSince.tr(lang) }{ lang.pick(": ", "：") }<time datetime={since.to_string()}>{ since.to_string() }</time>
                   {" · "}{ T::SuspendedUntil.tr(lang) }{ lang.pick(": ", "：") }<time datetime={until.to_string()}>{ until.to_string() }</time></p>
                <p>{ r.what(lang) }</p>
                <p>{ T::Sources.tr(lang) }{ lang.pick(": ", "：") }<code>{ r.id.clone() }</code>
                    { for r.sources.iter().map(|s| html! {<>
                        {" · "}
                        if let Some(url) = source_url(s) {
                            <a href={url} target="_blank" rel="noopener noreferrer">{ source_name(s).into_owned() }</a>
                        } else {
                            <span title={s.clone()}>{ source_name(s).into_owned() }</span>
                        }
                    </>}) }
                </p>
            </>}
        }),
        _ => None,
    };
    html! {
        <div class="refusal" role="alert" data-reason={e.reason()}>
            <p><strong>{ e.explain(lang) }</strong></p>
            { for record }
        </div>
    }
}
