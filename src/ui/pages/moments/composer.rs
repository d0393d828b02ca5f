//! The composer: text (with its counter), link, pictures, visibility with
//! the contact and tag picker, and the sync boxes with their status, reason
//! and record id. A draft the rules or the limits refuse stays as it is,
//! with the reason.

use crate::i18n::{Explain, T};
use crate::lang::Lang;
use crate::policy::sync::{SyncAnswer, SyncStatus, SyncTarget};
use crate::state::moments::{
    audience, check, reduce_draft, sync_answer_for, visibility_str, Draft, DraftAction,
    MomentsAction, MAX_PICTURES, MAX_POST_CHARS, PICTURES, TAGS,
};
use crate::state::Action;
use crate::ui::hooks::{use_modal, use_store};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The draft as Yew state: [`reduce_draft`] does the work.
#[derive(Clone, Default, PartialEq)]
struct DraftState(Draft);

impl Reducible for DraftState {
    type Action = DraftAction;
    fn reduce(self: Rc<Self>, action: DraftAction) -> Rc<Self> {
        let mut d = self.0.clone();
        reduce_draft(&mut d, action);
        if d == self.0 {
            self
        } else {
            Rc::new(DraftState(d))
        }
    }
}

/// One sync box of the composer (UI-CONTRACT.md: `data-sync`, the reason
/// and record id beside it): checkable only when available; `toggle`
/// `None` shows it without a draft (a story step about 2017).
pub fn sync_row(
    a: &SyncAnswer,
    checked: bool,
    toggle: Option<Callback<Event>>,
    lang: Lang,
) -> Html {
    let target = a.target;
    let available = a.status == SyncStatus::Available;
    let id = format!("sync-{}", target.as_str());
    html! {
        <div key={target.as_str()} class="sync-row" data-target={target.as_str()}>
            <input type="checkbox" id={id.clone()} data-sync={a.status.as_str()} disabled={!available || toggle.is_none()}
                {checked} onchange={toggle} aria-describedby={format!("{id}-why")} />
            <label for={id.clone()}>{ T::sync_to(target).tr(lang) }</label>
            <span class={classes!("sync-status", a.status.as_str())}>{ T::sync_status(a.status).tr(lang) }</span>
            <p class="sync-why" id={format!("{id}-why")}>
                { a.reason(lang).to_string() }{" "}<span class="sync-source">{ a.source.to_string() }</span>
                if a.assumption {
                    {" "}<span class="flag assumption">{ T::BadgeAssumption.tr(lang) }</span>
                }
            </p>
        </div>
    }
}

/// Props of [`Composer`].
#[derive(Properties, PartialEq)]
pub struct ComposerProps {
    /// Whether the dialog is shown.
    pub open: bool,
    /// Called on Cancel and after publishing.
    pub on_close: Callback<()>,
}

/// The composer dialog. It owns the draft, which outlives the dialog
/// (closing it loses nothing: the component stays mounted and draws
/// nothing while closed), so that a keystroke re-renders the composer
/// only, not the feed.
#[component]
pub fn Composer(props: &ComposerProps) -> Html {
    let store = use_store();
    let draft = use_reducer_eq(DraftState::default);
    let error = use_state_eq(|| None::<String>);
    let node = use_modal(props.open);
    if !props.open {
        return Html::default();
    }
    let on_close = {
        let (error, close) = (error.clone(), props.on_close.clone());
        Callback::from(move |()| {
            error.set(None);
            close.emit(());
        })
    };
    let lang = store.lang();
    let data = store.data();
    let d = &draft.0;
    let rules = store.rules();
    let scenario = data.scenario;

    let edit = |f: fn(String) -> DraftAction| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.dispatch(f(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let on_text = edit(DraftAction::Text);
    let on_link = edit(DraftAction::Link);
    let on_vis = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            draft.dispatch(DraftAction::Visibility(v))
        })
    };
    let kind = d.visibility.as_ref().map_or("public", visibility_str);
    let picked = audience(&d.visibility);
    let pick = |action: DraftAction| {
        let draft = draft.clone();
        Callback::from(move |_: Event| draft.dispatch(action.clone()))
    };
    let publish = {
        let (store, draft, error, on_close) = (
            store.clone(),
            draft.clone(),
            error.clone(),
            on_close.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let d = draft.0.clone();
            match check(&d, store.rules(), &store.data().scenario) {
                Err(why) => error.set(Some(why.explain(store.lang()))),
                Ok(_) => {
                    let ts = store.now_ts();
                    let id = crate::ui::storage::fresh_id();
                    store.dispatch(Action::Moments(MomentsAction::Publish { draft: d, ts, id }));
                    draft.dispatch(DraftAction::Clear);
                    on_close.emit(());
                }
            }
        })
    };
    let cancel = {
        let on_close = on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let chars = d.text.chars().count();
    let over = chars > MAX_POST_CHARS;
    let t = |k: T| store.t(k);
    let syncs = SyncTarget::ALL.map(|target| {
        let a = sync_answer_for(rules, &scenario, store.data().account.region, target);
        let checked = a.status == SyncStatus::Available && d.sync.contains(&target);
        let toggle = {
            let draft = draft.clone();
            Callback::from(move |_: Event| draft.dispatch(DraftAction::Sync(target)))
        };
        sync_row(&a, checked, Some(toggle), lang)
    });
    let pictures = PICTURES.iter().enumerate().map(|(i, (key, en, zh))| {
        let k = i as u8;
        let on = d.pictures.contains(&k);
        let full = d.pictures.len() >= MAX_PICTURES && !on;
        let toggle = {
            let draft = draft.clone();
            Callback::from(move |_| draft.dispatch(DraftAction::Picture(k)))
        };
        html! {
            <button type="button" key={*key} class={classes!("pic", *key)} aria-pressed={on.to_string()}
                aria-label={lang.pick(en, zh).to_string()} disabled={full} onclick={toggle}></button>
        }
    });
    html! {
        <div class="dialog-backdrop">
        <form class="dialog composer" role="dialog" aria-modal="true" aria-labelledby="composer-title"
            ref={node} onsubmit={publish} novalidate=true>
            <h2 id="composer-title" class="dialog-title">{ t(T::NewPost) }</h2>
            <label for="post-text">{ t(T::PostText) }</label>
            <textarea id="post-text" rows="4" value={d.text.clone()} oninput={on_text}
                aria-invalid={over.to_string()} aria-describedby="post-count" />
            <p id="post-count" class={classes!("counter", over.then_some("over"))}>{ format!("{chars} / {MAX_POST_CHARS}") }</p>
            <label for="post-link">{ t(T::Link) }</label>
            <input id="post-link" type="url" inputmode="url" value={d.link.clone()} oninput={on_link} />
            <fieldset class="pic-picker">
                <legend>{ t(T::Pictures) }</legend>
                { for pictures }
            </fieldset>
            <label for="post-vis">{ t(T::Visibility) }</label>
            <select id="post-vis" onchange={on_vis}>
                { for [("public", T::VisPublic), ("private", T::VisPrivate), ("include", T::VisInclude), ("exclude", T::VisExclude)]
                    .into_iter().map(|(v, k)| html! { <option value={v} selected={kind == v}>{ t(k) }</option> }) }
            </select>
            if matches!(kind, "include" | "exclude") {
                <fieldset class="audience">
                    <legend>{ t(T::PickAudience) }</legend>
                    { for TAGS.iter().map(|(tag, en, zh, _)| html! {
                        <label key={*tag} class="check"><input type="checkbox" checked={picked.tags.iter().any(|x| x == tag)}
                            onchange={pick(DraftAction::Tag(tag.to_string()))} />{ lang.pick(en, zh) }</label>
                    }) }
                    { for data.contacts.iter().map(|c| html! {
                        <label key={c.id.clone()} class="check"><input type="checkbox" checked={picked.contacts.contains(&c.id)}
                            onchange={pick(DraftAction::Contact(c.id.clone()))} />{ c.name(lang) }</label>
                    }) }
                </fieldset>
            }
            <fieldset class="sync">{ for syncs }</fieldset>
            if let Some(e) = &*error {
                <p class="field-error" role="alert">{ e.clone() }</p>
            }
            <div class="dialog-actions">
                <button type="button" class="dialog-btn" data-cancel="" onclick={cancel}>{ t(T::Cancel) }</button>
                <button type="submit" class="dialog-btn primary">{ t(T::Publish) }</button>
            </div>
        </form>
        </div>
    }
}
