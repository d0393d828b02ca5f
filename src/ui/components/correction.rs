//! **Suggest a correction** (issue 26): a button beside every decision and
//! the modal dialog it opens, where the user says what they saw instead,
//! when and on what source; **Make correction file** shows the file (JSON,
//! `state::correction::correction_json`) to copy or download, and **Try it
//! in the rules editor** applies a draft rule made from the claim as custom
//! rules, so that every screen shows at once what the claim would change.
//! Nothing is sent anywhere.

use super::clipboard::CopyButton;
use crate::i18n::correction::{draft_texts, Co};
use crate::i18n::{Explain, T};
use crate::lang::Lang;
use crate::policy::engine::Decision;
use crate::policy::rules::Outcome;
use crate::policy::scenario::Scenario;
use crate::policy::Context;
use crate::present::words::outcome_key;
use crate::state::correction::{
    correction_json, draft_rule, validate, Claim, CorrectionError, DraftError, Form, DRAFT_PREFIX,
};
use crate::state::params::carried_data;
use crate::state::rules::RulesAction;
use crate::state::Action;
use crate::ui::hooks::{use_modal, use_store};
use crate::ui::route::Route;
use crate::ui::router::href;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`SuggestCorrection`].
#[derive(Properties, PartialEq)]
pub struct SuggestProps {
    /// The app's decision the user corrects.
    pub decision: Rc<Decision>,
    /// The link as the user gave it.
    pub link: AttrValue,
    /// Where it was shared.
    pub context: Context,
    /// The scenario it was decided in, when not the store's (a side of
    /// Compare).
    #[prop_or_default]
    pub scenario: Option<Scenario>,
}

/// The button, its dialog, and after **Try it in the rules editor** the
/// line saying the rules are now custom and how to go back. The form lives
/// here rather than in the dialog, so that closing the dialog (or a
/// refusal) loses nothing the user typed.
#[component]
pub fn SuggestCorrection(props: &SuggestProps) -> Html {
    let store = use_store();
    let lang = store.lang();
    let open = use_state_eq(|| false);
    let form = {
        let day = props.scenario.unwrap_or(store.data().scenario).date;
        let app = props.decision.outcome;
        use_state_eq(move || Form::new(app, day))
    };
    // The draft rule applied from here, and its first day.
    let applied = use_state_eq(|| None::<(String, String)>);
    let show = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    let on_applied = {
        let (open, applied) = (open.clone(), applied.clone());
        Callback::from(move |draft: (String, String)| {
            applied.set(Some(draft));
            open.set(false);
        })
    };
    let reset = {
        let (store, applied) = (store.clone(), applied.clone());
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::Rules(RulesAction::Reset));
            applied.set(None);
        })
    };
    // The line stays while a draft decides this link, also after leaving
    // the screen and coming back (the state above is gone by then).
    let shown = (*applied).clone().or_else(|| {
        let id = props
            .decision
            .rules
            .first()
            .filter(|r| r.starts_with(DRAFT_PREFIX))?;
        let from = store.rules().rule(id)?.start()?;
        Some((id.to_string(), from.to_string()))
    });
    html! {<>
        <button type="button" class="btn correction-btn" onclick={show}>{ Co::Suggest.tr(lang) }</button>
        if *open {
            <CorrectionDialog decision={props.decision.clone()} link={props.link.clone()}
                context={props.context} scenario={props.scenario} form={form} on_close={close} {on_applied} />
        }
        if let Some((id, day)) = shown {
            if !store.rules().is_builtin() {
                <div class="correction-applied" data-correction="applied">
                    <p>{ Co::Applied.tr(lang) }</p>
                    <p>{ Co::DraftRule.tr(lang) }{ " " }<code>{ id.clone() }</code></p>
                    <p class="correction-links">
                        <a href={at(&store, &Route::Timeline, &[("date", &day)])}>{ Co::SeeMatrix.tr(lang) }</a>
                        <a href={at(&store, &Route::Rules, &[("id", &id)])}>{ Co::SeeEditor.tr(lang) }</a>
                        <button type="button" class="btn" onclick={reset}>{ store.t(T::ResetBuiltin) }</button>
                    </p>
                </div>
            }
        }
    </>}
}

/// The address of `route` with the scenario's parameters, `extra` replacing
/// or adding some.
fn at(store: &crate::ui::store::Store, route: &Route, extra: &[(&'static str, &String)]) -> String {
    let mut q = carried_data(store.data());
    q.retain(|(k, _)| !extra.iter().any(|(e, _)| e == k));
    q.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
    href(route, &q)
}

/// Props of [`CorrectionDialog`].
#[derive(Properties, PartialEq)]
struct DialogProps {
    decision: Rc<Decision>,
    link: AttrValue,
    context: Context,
    scenario: Option<Scenario>,
    /// The form, owned by [`SuggestCorrection`].
    form: UseStateHandle<Form>,
    on_close: Callback<()>,
    /// The draft rule's id and first day, once applied.
    on_applied: Callback<(String, String)>,
}

/// What the dialog last refused.
#[derive(Clone, PartialEq)]
enum Refusal {
    Claim(Vec<CorrectionError>),
    Draft(DraftError),
}

/// The dialog: the four fields, the two actions, the refusal in an alert
/// and the file once made. Modal (`use_modal`: Escape closes, the focus
/// goes back to **Suggest a correction**).
#[component]
fn CorrectionDialog(props: &DialogProps) -> Html {
    let store = use_store();
    let lang = store.lang();
    let node = use_modal(true);
    let refusal = use_state_eq(|| None::<Refusal>);
    let file = use_state_eq(|| None::<AttrValue>);
    let anchor = use_node_ref();
    let form = &props.form;
    let app = props.decision.outcome;

    // Each field writes its value into the form as it changes.
    let edit = |f: fn(&mut Form, String)| {
        let form = form.clone();
        move |value: String| {
            let mut next = (*form).clone();
            f(&mut next, value);
            form.set(next);
        }
    };
    let on_saw = {
        let set = edit(|f, v| f.outcome = Outcome::parse(&v).unwrap_or(f.outcome));
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let text_input = |f: fn(&mut Form, String)| {
        let set = edit(f);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_said = text_input(|f, v| f.said = v);
    let on_day = text_input(|f, v| f.day = v);
    let on_source = text_input(|f, v| f.source = v);

    // The claim, or the refusal shown (the form stays as typed).
    let claim = {
        let (form, refusal) = (form.clone(), refusal.clone());
        move || -> Option<Claim> {
            match validate(&form, app) {
                Ok(c) => {
                    refusal.set(None);
                    Some(c)
                }
                Err(e) => {
                    refusal.set(Some(Refusal::Claim(e)));
                    None
                }
            }
        }
    };
    let on_make = {
        let (claim, store, file) = (claim.clone(), store.clone(), file.clone());
        let (d, link, context) = (props.decision.clone(), props.link.clone(), props.context);
        let scenario = props.scenario;
        Callback::from(move |_: MouseEvent| {
            let data = store.data();
            let s = scenario.unwrap_or(data.scenario);
            file.set(claim().map(|c| correction_json(data, &s, &d, &link, context, &c).into()));
        })
    };
    let on_try = {
        let (store, refusal, on_applied) =
            (store.clone(), refusal.clone(), props.on_applied.clone());
        let (link, context, scenario) = (props.link.clone(), props.context, props.scenario);
        Callback::from(move |_: MouseEvent| {
            let Some(c) = claim() else { return };
            let data = store.data();
            let s = scenario.unwrap_or(data.scenario);
            let words = |l: Lang| outcome_key(c.outcome).tr(l);
            let texts = draft_texts(&c, [words(Lang::En), words(Lang::Zh)]);
            match draft_rule(data, &s, &link, context, &c, &texts) {
                Ok(draft) => {
                    store.dispatch(Action::Rules(RulesAction::Apply(draft.rules)));
                    on_applied.emit((draft.id, c.day.to_string()));
                }
                Err(e) => refusal.set(Some(Refusal::Draft(e))),
            }
        })
    };
    // The file's address is made on the click that downloads it and the
    // one before freed, as Me's Export my data does: a hidden link is
    // followed, so that a failed Blob leaves no link to the app's own page.
    let on_download = {
        let (anchor, file) = (anchor.clone(), file.clone());
        Callback::from(move |_: MouseEvent| {
            let (Some(a), Some(text)) = (anchor.cast::<web_sys::HtmlElement>(), &*file) else {
                return;
            };
            if let Some(old) = a.get_attribute("href") {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
            if let Some(url) = object_url(text) {
                let _ = a.set_attribute("href", &url);
                a.click();
            }
        })
    };

    let errors: &[CorrectionError] = match &*refusal {
        Some(Refusal::Claim(e)) => e,
        _ => &[],
    };
    let invalid = |e: CorrectionError| errors.contains(&e).then_some("true");
    let file_name = format!("correction-{}.json", form.day.trim());
    html! {
        <div class="dialog-backdrop">
            <div class="dialog correction-dialog" role="dialog" aria-modal="true" aria-labelledby="co-title" ref={node}>
                <h2 id="co-title" class="dialog-title">{ Co::Suggest.tr(lang) }</h2>
                <p class="correction-intro">{ Co::Intro.tr(lang) }</p>
                <div class="correction-fields">
                    <label for="co-saw">{ Co::Saw.tr(lang) }</label>
                    <select id="co-saw" onchange={on_saw}>
                        { for Outcome::ALL.iter().map(|&o| html! {
                            <option value={o.as_str()} selected={o == form.outcome}>{ outcome_key(o).tr(lang) }</option>
                        }) }
                    </select>
                    <label for="co-said">{ Co::Said.tr(lang) }</label>
                    <input id="co-said" type="text" aria-describedby="co-said-help" value={form.said.clone()}
                        aria-invalid={invalid(CorrectionError::SameAsApp)} oninput={on_said} />
                    <span id="co-said-help" class="correction-help">{ Co::Optional.tr(lang) }</span>
                    <label for="co-when">{ Co::When.tr(lang) }</label>
                    <input id="co-when" type="date" min="2013-01-01" max="2023-12-31" value={form.day.clone()}
                        aria-invalid={invalid(CorrectionError::BadDay)} oninput={on_day} />
                    <label for="co-source">{ Co::Source.tr(lang) }</label>
                    <input id="co-source" type="text" aria-describedby="co-source-help" value={form.source.clone()}
                        aria-invalid={invalid(CorrectionError::NoSource)} oninput={on_source} />
                    <span id="co-source-help" class="correction-help">{ Co::SourceHelp.tr(lang) }</span>
                </div>
                if let Some(r) = &*refusal {
                    <div class="field-error correction-refused" role="alert">
                        <p>{ Co::Refused.tr(lang) }</p>
                        <ul>{ for refusal_words(r, lang).into_iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                    </div>
                }
                <div class="correction-actions">
                    <button type="button" class="btn primary" onclick={on_make}>{ Co::Make.tr(lang) }</button>
                    <button type="button" class="btn" onclick={on_try}>{ Co::Try.tr(lang) }</button>
                </div>
                if let Some(text) = &*file {
                    <div class="correction-file">
                        <label for="co-file">{ Co::File.tr(lang) }</label>
                        <textarea id="co-file" readonly=true rows="6" value={text.clone()} />
                        <div class="correction-actions">
                            <CopyButton text={text.clone()} label={T::Copy.tr(lang)} />
                            <button type="button" class="btn" onclick={on_download}>{ Co::Download.tr(lang) }</button>
                            <a ref={anchor} hidden=true download={file_name}></a>
                        </div>
                    </div>
                }
                <div class="dialog-actions">
                    <button class="dialog-btn" data-cancel="" onclick={props.on_close.reform(|_| ())}>{ T::Close.tr(lang) }</button>
                </div>
            </div>
        </div>
    }
}

/// Every reason of a refusal, in `lang`.
fn refusal_words(r: &Refusal, lang: Lang) -> Vec<String> {
    match r {
        Refusal::Claim(errors) => errors.iter().map(|e| e.explain(lang)).collect(),
        Refusal::Draft(e) => vec![e.explain(lang)],
    }
}

/// An object URL holding `text` as a JSON file.
fn object_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
