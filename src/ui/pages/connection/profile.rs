//! The user's Douyin profile: username (theirs only), picture, city, age
//! and sign, each with a "Show to matches" switch, and the interests used
//! for matching. The age is the verified one, read-only: only whether to
//! show it is the user's. A refused edit keeps what was typed, with the
//! reason.

use super::{entry, error_line, shown, Error, Refused};
use crate::i18n::connection::{name, C, CITY, INTEREST, SIGN};
use crate::i18n::Explain;
use crate::lang::Lang;
use crate::policy::connection::{Field, PICTURES};
use crate::state::connection::{check_username, ConnectionAction as A};
use crate::state::Action;
use crate::ui::store::Store;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A change callback: the control's value through `check`, dispatched when
/// it is good, its reason shown otherwise.
fn on_change<V: 'static>(
    store: &Store,
    error: &Error,
    id: &'static str,
    check: impl Fn(&str) -> Result<V, crate::state::connection::ProfileError> + 'static,
    act: impl Fn(V) -> A + 'static,
) -> Callback<Event> {
    let (store, error) = (store.clone(), error.clone());
    Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        match check(&v) {
            Ok(v) => {
                error.set(None);
                store.dispatch(Action::Connection(act(v)));
            }
            Err(why) => error.set(Some(Refused {
                id,
                why: why.explain(store.lang()),
                typed: v,
            })),
        }
    })
}

/// One field: its label (unless `control` has it), its control, and its
/// "Show to matches" switch.
fn row(store: &Store, f: Field, label_for: Option<String>, control: Html) -> Html {
    let lang = store.lang();
    let label = C::field(f).tr(lang);
    let on = store.data().douyin.is_public(f);
    let toggle = store.callback(move |e: Event| {
        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
        Action::Connection(A::SetPublic(f, on))
    });
    let sep = lang.pick(": ", "：");
    html! {
        <div class="dy-field">
            if let Some(id) = label_for {
                <label for={id}>{ label }</label>
            }
            { control }
            <label class="check">
                <input type="checkbox" role="switch" checked={on} onchange={toggle}
                    aria-label={format!("{}{sep}{label}", C::ShowTo.tr(lang))} />
                { C::ShowTo.tr(lang) }
            </label>
        </div>
    }
}

/// A select of `names` for `f`, `current` chosen.
fn select(store: &Store, f: Field, names: Vec<&'static str>, current: u8) -> Html {
    let onchange = store.callback(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::Connection(A::Set(f, v.parse().unwrap_or(u8::MAX)))
    });
    html! {
        <select id={format!("dy-{}", f.as_str())} {onchange}>
            { for names.into_iter().enumerate().map(|(i, n)| html! {
                <option key={i} value={i.to_string()} selected={i == usize::from(current)}>{ n }</option>
            }) }
        </select>
    }
}

fn names(table: &[(&'static str, &'static str)], lang: Lang) -> Vec<&'static str> {
    (0..table.len() as u8)
        .map(|i| name(table, i, lang))
        .collect()
}

/// The profile editor.
pub fn editor(store: &Store, error: &Error) -> Html {
    let lang = store.lang();
    let d = &store.data().douyin;
    let username = on_change(store, error, "dy-username", check_username, A::SetUsername);
    let interests = INTEREST.iter().enumerate().map(|(i, &(en, zh))| {
        let bit = i as u8;
        let onchange = store.callback(move |_: Event| Action::Connection(A::ToggleInterest(bit)));
        html! {
            <label class="check" key={en}>
                <input type="checkbox" checked={d.interests & 1 << bit != 0} {onchange} />{ lang.pick(en, zh) }
            </label>
        }
    });
    html! {
        <form class="dy-box" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <h3>{ C::ProfileTitle.tr(lang) }</h3>
            { entry("dy-username", C::Username.tr(lang), "text", shown(error, "dy-username", d.username.clone()), username, NodeRef::default()) }
            { row(store, Field::Picture, Some("dy-picture".into()), select(store, Field::Picture, PICTURES.to_vec(), d.picture)) }
            { row(store, Field::City, Some("dy-city".into()), select(store, Field::City, names(&CITY, lang), d.city)) }
            { row(store, Field::Age, None, html! {<>
                <label for="dy-age">{ C::AgeVerified.tr(lang) }</label>
                <input id="dy-age" readonly=true value={d.verified_age.map(|a| a.to_string()).unwrap_or_default()} />
            </>}) }
            { row(store, Field::Sign, Some("dy-sign".into()), select(store, Field::Sign, names(&SIGN, lang), d.sign)) }
            { error_line(error) }
            <fieldset class="dy-interests">
                <legend>{ C::Interests.tr(lang) }</legend>
                { for interests }
            </fieldset>
        </form>
    }
}
