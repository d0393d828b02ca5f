//! The match card: the stranger as `public_view` gives them, and what they
//! see of the user, through the same function. Nothing else of either
//! profile reaches this markup: no username, no private field.

use super::actions;
use crate::i18n::connection::{name, C, CITY, SIGN};
use crate::lang::Lang;
use crate::policy::connection::{public_view, Field, PublicView, Stranger, PICTURES};
use yew::prelude::*;

/// The picture of a view: the emoji, or a silhouette when it is private.
pub fn picture(view: PublicView) -> &'static str {
    view.picture
        .and_then(|p| PICTURES.get(usize::from(p)).copied())
        .unwrap_or("👤")
}

/// A view's text for `f`, `None` when the owner keeps it private.
fn value(view: PublicView, f: Field, lang: Lang) -> Option<String> {
    match f {
        Field::Picture => view.picture.map(|_| picture(view).to_string()),
        Field::City => view.city.map(|c| name(&CITY, c, lang).to_string()),
        Field::Age => view.age.map(|a| a.to_string()),
        Field::Sign => view.sign.map(|s| name(&SIGN, s, lang).to_string()),
    }
}

/// The four fields of a view, "private" for those not shown.
pub fn fields(view: PublicView, lang: Lang) -> Html {
    html! {
        <dl class="dy-fields">
            { for Field::ALL.into_iter().map(|f| html! {
                <div key={f.as_str()}>
                    <dt>{ C::field(f).tr(lang) }</dt>
                    <dd>{ value(view, f, lang).unwrap_or_else(|| C::Hidden.tr(lang).into()) }</dd>
                </div>
            }) }
        </dl>
    }
}

/// The card of `s`, with what they see of the user (`you`).
pub fn match_card(
    lang: Lang,
    s: &Stranger,
    you: PublicView,
    on_call: Callback<MouseEvent>,
    on_next: Callback<MouseEvent>,
) -> Html {
    let them = public_view(&s.profile);
    html! {
        <article class="dy-card" data-match={s.id.to_string()} aria-labelledby="dy-match">
            <h3 id="dy-match">{ C::YourMatch.tr(lang) }</h3>
            <span class="dy-pic" aria-hidden="true">{ picture(them) }</span>
            { fields(them, lang) }
            <h4>{ C::TheySee.tr(lang) }</h4>
            { fields(you, lang) }
            { actions(vec![(C::Call.tr(lang), true, on_call), (C::Next.tr(lang), false, on_next)], "dy-match") }
        </article>
    }
}
