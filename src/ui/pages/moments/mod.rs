//! Moments (`#/moments`): the cover, "View as", the feed as the chosen
//! person sees it, rendered progressively, the composer, and the outcome
//! screen of a tapped link card.

mod composer;
mod post;
mod settings;

pub use composer::sync_row;
pub use settings::moments_settings;

use crate::i18n::moments::view_line;
use crate::i18n::T;
use crate::policy::Context;
use crate::state::model::ME;
use crate::state::moments::{feed, MomentsAction};
use crate::state::time::at;
use crate::state::Action;
use crate::ui::components::link_overlay::LinkOverlay;
use crate::ui::components::Avatar;
use crate::ui::hooks::{use_open_link, use_store};
use composer::Composer;
use post::PostCard;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Posts rendered at first, and added by each "Show more": a 1,000-post
/// feed renders its first screens at once, not all of it.
pub const PAGE: usize = 30;

/// The Moments feed.
#[component]
pub fn MomentsScreen() -> Html {
    let store = use_store();
    let viewer = use_state(|| ME.to_string());
    let shown = use_state_eq(|| PAGE);
    let composing = use_state_eq(|| false);
    // The link whose dialog is open, carried in the address (`open=`).
    let (opened, on_open, on_close) = use_open_link();
    let lang = store.lang();
    let data = store.data();

    // Stable callbacks, so that a post whose data did not change is not
    // rendered again.
    // The first render's store: its dispatcher is the reducer's, which
    // never changes, so the callback (and every post's props) stays equal.
    let on_action = {
        let store = store.clone();
        use_callback((), move |a: MomentsAction, _| {
            store.dispatch(Action::Moments(a))
        })
    };
    let on_viewer = {
        let (viewer, shown) = (viewer.clone(), shown.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            viewer.set(v);
            shown.set(PAGE);
        })
    };
    let show_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + PAGE))
    };
    let open_composer = {
        let composing = composing.clone();
        Callback::from(move |_| composing.set(true))
    };
    let close_composer = {
        let composing = composing.clone();
        Callback::from(move |()| composing.set(false))
    };

    // Posts exist from their day on; the windows count from the end of
    // the scenario's day.
    let end_of_day = at(data.scenario.date, 23, 59) + 59;
    let now = store.now_ts();
    let f = feed(&data.moments, &viewer, end_of_day);
    let viewer_name = data
        .contact(&viewer)
        .map_or(store.t(T::Me), |c| c.name(lang));
    let line = view_line(viewer_name, &f.hidden, lang);
    let total = f.posts.len();
    let my_name = data.account.name(lang).to_string();
    // The user's own posts are signed with the account's name (issue 25).
    let me_name = AttrValue::from(my_name.clone());
    let contacts = data.contacts.clone();
    html! {
        <section class="moments">
            <div class="moments-cover">
                <span class="moments-name">{ my_name.clone() }</span>
                <Avatar name={my_name} color="#07c160" large=true />
            </div>
            <div class="moments-bar">
                <div class="field">
                    <label for="moments-view-as">{ store.t(T::ViewAs) }</label>
                    <select id="moments-view-as" onchange={on_viewer}>
                        <option value={ME} selected={*viewer == ME}>{ store.t(T::Me) }</option>
                        { for data.contacts.iter().map(|c| html! {
                            <option key={c.id.clone()} value={c.id.clone()} selected={*viewer == c.id}>{ c.name(lang) }</option>
                        }) }
                    </select>
                </div>
                <button class="btn primary" onclick={open_composer}>{ store.t(T::NewPost) }</button>
            </div>
            <p class="moments-view" aria-live="polite">{ line }</p>
            <div class="moments-feed">
                { for f.posts.iter().take(*shown).map(|p| html! {
                    <PostCard key={p.id} post={p.clone()} viewer={AttrValue::from((*viewer).clone())} {lang} {now}
                        contacts={contacts.clone()} me={me_name.clone()} on_action={on_action.clone()} on_open={on_open.clone()} />
                }) }
            </div>
            if total > *shown {
                <div class="more"><button class="more-btn" onclick={show_more}>{ store.t(T::ShowMore) }</button></div>
            }
            <Composer open={*composing} on_close={close_composer} />
            <LinkOverlay link={opened} context={Context::Moments} {on_close} />
        </section>
    }
}
