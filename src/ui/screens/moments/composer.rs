//! The composer: text (with its counter), link, pictures, visibility with
//! the contact and tag picker, and the sync boxes with their status, reason
//! and record id. A draft the rules or the limits refuse stays as it is,
//! with the reason.

use crate::i18n::{Explain, T};
use crate::policy::moments::{Audience, Visibility};
use crate::policy::sync::{SyncStatus, SyncTarget};
use crate::state::moments::{
    check, status_label, sync_answer_for, sync_label, visibility_str, Draft, MomentsAction,
    MAX_PICTURES, MAX_POST_CHARS, PICTURES, TAGS,
};
use crate::state::Action;
use crate::ui::store::Store;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The audience of a visibility, empty for public and private.
fn audience(v: &Option<Visibility>) -> Audience {
    match v {
        Some(Visibility::ShareWith(a) | Visibility::DontShareWith(a)) => a.clone(),
        _ => Audience::default(),
    }
}

/// The visibility of the select's value, keeping the audience picked.
fn with_kind(kind: &str, a: Audience) -> Visibility {
    match kind {
        "private" => Visibility::Private,
        "include" => Visibility::ShareWith(a),
        "exclude" => Visibility::DontShareWith(a),
        _ => Visibility::Public,
    }
}

/// `item` added to or removed from `list`.
fn toggled<T: PartialEq + Clone>(list: &[T], item: &T) -> Vec<T> {
    let mut v: Vec<T> = list.iter().filter(|x| *x != item).cloned().collect();
    if v.len() == list.len() {
        v.push(item.clone());
    }
    v
}

/// The hooks of the composer, held by the feed: the draft (kept between
/// openings), the refusal shown, and the modal layer's ref.
pub struct ComposerState {
    /// The draft.
    pub draft: UseStateHandle<Draft>,
    /// Why the last Publish was refused.
    pub error: UseStateHandle<Option<String>>,
    /// The dialog element (`use_modal`).
    pub node: NodeRef,
}

/// The composer dialog; `on_close` is called on Cancel and after
/// publishing. A function of the feed's render rather than a component:
/// each component costs the bundle its own copy of Yew's machinery.
pub fn composer(store: &Store, state: &ComposerState, on_close: &Callback<()>) -> Html {
    let store = store.clone();
    let error = state.error.clone();
    let node = state.node.clone();
    let lang = store.lang();
    let data = store.data();
    let draft = state.draft.clone();
    let d = (*draft).clone();
    let rules = store.rules();
    let scenario = data.scenario;

    let update = {
        let draft = draft.clone();
        move |f: Box<dyn Fn(&mut Draft)>| {
            let mut d = (*draft).clone();
            f(&mut d);
            draft.set(d);
        }
    };
    let on_text = {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            update(Box::new(move |d| d.text = v.clone()));
        })
    };
    let on_link = {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            update(Box::new(move |d| d.link = v.clone()));
        })
    };
    let on_vis = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            update(Box::new(move |d| {
                d.visibility = Some(with_kind(&v, audience(&d.visibility)))
            }));
        })
    };
    let kind = d.visibility.as_ref().map_or("public", visibility_str);
    let picked = audience(&d.visibility);
    let pick = |contact: Option<String>, tag: Option<String>| {
        let update = update.clone();
        let kind = kind.to_string();
        Callback::from(move |_: Event| {
            let (contact, tag, kind) = (contact.clone(), tag.clone(), kind.clone());
            update(Box::new(move |d| {
                let mut a = audience(&d.visibility);
                if let Some(c) = &contact {
                    a.contacts = toggled(&a.contacts, c);
                }
                if let Some(t) = &tag {
                    a.tags = toggled(&a.tags, t);
                }
                d.visibility = Some(with_kind(&kind, a));
            }));
        })
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
            let d = (*draft).clone();
            match check(&d, store.rules(), &store.data().scenario) {
                Err(why) => error.set(Some(why.explain(store.lang()))),
                Ok(_) => {
                    let ts = store.now_ts();
                    let id = crate::ui::storage::fresh_id();
                    store.dispatch(Action::Moments(MomentsAction::Publish { draft: d, ts, id }));
                    draft.set(Draft::default());
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
        let available = a.status == SyncStatus::Available;
        let checked = available && d.sync.contains(&target);
        let id = format!("sync-{}", target.as_str());
        let toggle = {
            let update = update.clone();
            Callback::from(move |_: Event| update(Box::new(move |d| d.sync = toggled(&d.sync, &target))))
        };
        html! {
            <div key={target.as_str()} class="sync-row" data-target={target.as_str()}>
                <input type="checkbox" id={id.clone()} data-sync={a.status.as_str()} disabled={!available}
                    {checked} onchange={toggle} aria-describedby={format!("{id}-why")} />
                <label for={id.clone()}>{ t(sync_label(target)) }</label>
                <span class={classes!("sync-status", a.status.as_str())}>{ t(status_label(a.status)) }</span>
                <p class="sync-why" id={format!("{id}-why")}>
                    { a.reason(lang).to_string() }{" "}<span class="sync-source">{ a.source.to_string() }</span>
                    if a.assumption {
                        {" "}<span class="flag assumption">{ t(T::BadgeAssumption) }</span>
                    }
                </p>
            </div>
        }
    });
    let pictures = PICTURES.iter().enumerate().map(|(i, (key, en, zh))| {
        let k = i as u8;
        let on = d.pictures.contains(&k);
        let full = d.pictures.len() >= MAX_PICTURES && !on;
        let toggle = {
            let update = update.clone();
            Callback::from(move |_| update(Box::new(move |d| d.pictures = toggled(&d.pictures, &k))))
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
                            onchange={pick(None, Some(tag.to_string()))} />{ lang.pick(en, zh) }</label>
                    }) }
                    { for data.contacts.iter().map(|c| html! {
                        <label key={c.id.clone()} class="check"><input type="checkbox" checked={picked.contacts.contains(&c.id)}
                            onchange={pick(Some(c.id.clone()), None)} />{ c.name(lang) }</label>
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
