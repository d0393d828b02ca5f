//! The guided stories (issue 27): `#/stories` lists them, `#/story/<id>?
//! step=N` shows one step: its caption (in an `aria-live` region, naming
//! its record ids) above the real screen of the step, with the step's
//! scenario set. Back, Next and the arrow keys move between steps, which
//! are in the address; Exit story goes back to where the reader came from.

mod step;

use crate::i18n::stories::{position, wrong, S};
use crate::i18n::T;
use crate::policy::stories::Step;
use crate::state::params::{carried_data, get};
use crate::state::story::{self, Place, Wrong};
use crate::ui::components::clipboard::{page_base, CopyButton};
use crate::ui::components::markup::html;
use crate::ui::hooks::{use_dispatch, use_location, use_navigator, use_store, use_view};
use crate::ui::route::Route;
use crate::ui::router::href;
use step::StepScreen;
use yew::prelude::*;

/// Props of [`StoriesScreen`].
#[derive(Properties, PartialEq)]
pub struct StoriesProps {
    /// What was wrong with the story address that led here, if anything.
    #[prop_or_default]
    pub wrong: Option<Wrong>,
}

/// The list of stories; after a bad story address, a notice naming what
/// was wrong above it.
#[component]
pub fn StoriesScreen(props: &StoriesProps) -> Html {
    let view = use_view();
    let lang = view.lang;
    html! {
        <div class="stories" data-screen="stories">
            if let Some(w) = &props.wrong {
                <p class="story-wrong" role="status" data-story-wrong="">{ wrong(w, lang) }</p>
            }
            <h2 id="stories-title" class="section-title">{ T::Stories.tr(lang) }</h2>
            <p class="section-help">{ S::Intro.tr(lang) }</p>
            { html(crate::present::story::list(lang)) }
        </div>
    }
}

/// Props of [`StoryScreen`].
#[derive(Properties, PartialEq)]
pub struct StoryProps {
    /// The story's id, from the address.
    pub id: AttrValue,
}

/// One step of a story, or the list with a notice when the address names
/// no step.
#[component]
pub fn StoryScreen(props: &StoryProps) -> Html {
    let location = use_location();
    let step = get(&location.query, "step");
    match story::place(&props.id, step.as_deref()) {
        Ok(place) => html! { <StoryStep key={props.id.to_string()} {place} /> },
        Err(w) => html! { <StoriesScreen wrong={Some(w)} /> },
    }
}

/// Props of [`StoryStep`].
#[derive(Properties, PartialEq)]
struct StepProps {
    place: Place,
}

/// A step: sets its scenario when it is entered, then shows its caption,
/// its Try it, the controls and the step's screen.
#[component]
fn StoryStep(props: &StepProps) -> Html {
    let store = use_store();
    let navigator = use_navigator();
    let place = props.place;
    let step: &'static Step = place.step();
    let lang = store.lang();
    // Entering a step sets its scenario, once: what the reader changes
    // afterwards (a Try it) stays until they move on.
    {
        let store = store.clone();
        use_effect_with(place.number(), move |_| {
            for a in story::enter(step, store.data()) {
                store.dispatch(a);
            }
        });
    }
    let go = {
        let (navigator, dispatch) = (navigator.clone(), use_dispatch());
        use_callback(lang, move |to: Place, lang| {
            for a in story::set(to.step()) {
                dispatch.dispatch(a);
            }
            let route = Route::Story {
                id: to.story.id.clone(),
            };
            navigator.push(&href(&route, &to.query(*lang)));
        })
    };
    // The arrow keys move between steps, except while typing in a field.
    {
        let go = go.clone();
        use_effect_with(place, move |place| {
            let place = *place;
            let doc = web_sys::window().and_then(|w| w.document());
            let listener = doc.map(|d| {
                gloo::events::EventListener::new(&d, "keydown", move |e| {
                    use wasm_bindgen::JsCast;
                    let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if k.alt_key() || k.ctrl_key() || k.meta_key() || k.shift_key() {
                        return;
                    }
                    let typing = k
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|t| {
                            matches!(t.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                                || t.closest("[role=dialog]").ok().flatten().is_some()
                        });
                    let to = match k.key().as_str() {
                        "ArrowRight" if !typing => place.next(),
                        "ArrowLeft" if !typing => place.back(),
                        _ => None,
                    };
                    if let Some(to) = to {
                        k.prevent_default();
                        go.emit(to);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let back = place.back().map(|to| go.reform(move |_: MouseEvent| to));
    let next = place.next().map(|to| go.reform(move |_: MouseEvent| to));
    let exit = {
        let navigator = navigator.clone();
        let stories = href(&Route::Stories, &carried_data(store.data()));
        Callback::from(move |_: MouseEvent| navigator.back_or(&stories))
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let found = story::found(step, store.data());
    let contradicted = if store.rules().is_builtin() {
        Vec::new()
    } else {
        story::contradictions(step, store.rules())
    };
    let story = place.story;
    html! {
        <div class="story" data-screen="story" data-story={story.id.clone()}
            data-step={place.number().to_string()} data-story-screen={step.screen.as_str()}>
            <h2 class="story-title">{ story.title.get(lang) }</h2>
            <div class="story-caption" aria-live="polite" aria-atomic="true">
                <p class="story-position">{ position(place.number(), place.count(), lang) }</p>
                <p class="story-text">{ html(crate::present::story::caption(step, lang)) }</p>
            </div>
            if let (Some(t), Some(found)) = (&step.try_it, found) {
                <div class="story-try" data-found={if found { "yes" } else { "no" }}>
                    <p><strong>{ S::TryIt.tr(lang) }{ lang.pick(": ", "：") }</strong>{ t.prompt.get(lang) }</p>
                    if found {
                        <p class="story-found" role="status">{ t.found.get(lang) }</p>
                    }
                </div>
            }
            if !contradicted.is_empty() {
                <p class="story-contradicted" role="alert" data-contradicted="">
                    { S::Contradicted.tr(lang) }{ " " }{ contradicted.join("; ") }
                </p>
            }
            <nav class="story-controls" aria-label={story.title.get(lang).to_string()}>
                <button type="button" class="btn" disabled={back.is_none()} onclick={back.unwrap_or_default()}>{ S::Back.tr(lang) }</button>
                <button type="button" class="btn primary" disabled={next.is_none()} onclick={next.unwrap_or_default()}>{ S::Next.tr(lang) }</button>
                <CopyButton text={page_base() + &place.href()} label={S::CopyStep.tr(lang)} />
                <button type="button" class="btn" onclick={exit}>{ S::Exit.tr(lang) }</button>
                <button type="button" class="btn" onclick={print}>{ S::Print.tr(lang) }</button>
            </nav>
            <p class="story-keys">{ S::Keys.tr(lang) }</p>
            <div class="story-screen">
                <StepScreen key={place.number()} step_number={place.number()} story={story.id.clone()} />
            </div>
            { html(crate::present::story::handout(story, &page_base(), lang)) }
        </div>
    }
}
