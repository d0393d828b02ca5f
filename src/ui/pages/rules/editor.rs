//! The rules editor: the whole rules file with line numbers; Validate lists
//! every error with its line and column (a click puts the cursor there);
//! Apply makes a valid file the active rules everywhere at once; Reset to
//! built-in, Export and Import.

use crate::i18n::{Explain, T};
use crate::policy::rules::{RuleError, BUILTIN_JSON};
use crate::present::rules::errors as error_list;
use crate::state::rules::{
    editor_text, import, pretty, utf16_offset, CustomRules, ImportError, RulesAction,
    MAX_IMPORT_BYTES,
};
use crate::state::Action;
use crate::ui::components::markup::html;
use crate::ui::hooks::use_store;
use crate::ui::store::Store;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Height of a line of the editor in CSS pixels (`.rules-editor` sets it),
/// to scroll an error's line into view.
const LINE_PX: i32 = 18;

/// What the editor last said.
#[derive(Clone, PartialEq)]
enum Note {
    Valid { rules: usize, platforms: usize },
    Applied,
    Reset,
    Imported,
    ImportFailed(Option<ImportError>),
}

/// The first file chosen in a file input, as a `Blob`.
fn chosen(input: &HtmlInputElement) -> Option<web_sys::Blob> {
    let files = js_sys::Reflect::get(input, &"files".into()).ok()?;
    js_sys::Reflect::get(&files, &0.into())
        .ok()?
        .dyn_into()
        .ok()
}

/// The editor: a component that owns the file's text, so that a keystroke
/// in **Rules file** re-renders the editor only, not the rules list.
#[component]
pub fn Editor() -> Html {
    let store = use_store();
    let text = use_state(|| Rc::<str>::from(editor_text(store.data())));
    let errors = use_state(|| Rc::new(Vec::<RuleError>::new()));
    let note = use_state_eq(|| None::<Note>);
    let (area, gutter, file) = (use_node_ref(), use_node_ref(), use_node_ref());

    let validate = {
        let (errors, note) = (errors.clone(), note.clone());
        move |t: &str| -> Option<CustomRules> {
            match CustomRules::parse(t) {
                Ok(c) => {
                    errors.set(Rc::default());
                    if let Some(r) = c.shared() {
                        note.set(Some(Note::Valid {
                            rules: r.rules().len(),
                            platforms: r.platforms().len(),
                        }));
                    }
                    Some(c)
                }
                Err(e) => {
                    errors.set(Rc::new(e));
                    note.set(None);
                    None
                }
            }
        }
    };
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(
                e.target_unchecked_into::<HtmlTextAreaElement>()
                    .value()
                    .into(),
            )
        })
    };
    let on_scroll = {
        let (area, gutter) = (area.clone(), gutter.clone());
        Callback::from(move |_: Event| {
            if let (Some(a), Some(g)) = (
                area.cast::<web_sys::Element>(),
                gutter.cast::<web_sys::Element>(),
            ) {
                g.set_scroll_top(a.scroll_top());
            }
        })
    };
    let on_validate = {
        let (text, validate) = (text.clone(), validate.clone());
        Callback::from(move |_: MouseEvent| {
            validate(&text);
        })
    };
    let on_apply = {
        let (text, validate, note, store) =
            (text.clone(), validate.clone(), note.clone(), store.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(c) = validate(&text) {
                store.dispatch(Action::Rules(RulesAction::Apply(c)));
                note.set(Some(Note::Applied));
            }
        })
    };
    let on_reset = {
        let (text, errors, note, store) =
            (text.clone(), errors.clone(), note.clone(), store.clone());
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::Rules(RulesAction::Reset));
            text.set(pretty(BUILTIN_JSON).into());
            errors.set(Rc::default());
            note.set(Some(Note::Reset));
        })
    };
    // The link's address is made on the click that downloads it (the
    // default action follows the handler), and the previous one freed.
    let exported = use_mut_ref(|| None::<String>);
    let export = use_node_ref();
    let on_export = {
        let (store, export) = (store.clone(), export.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(a) = export.cast::<web_sys::Element>() else {
                return;
            };
            if let Some(old) = exported.borrow_mut().take() {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
            if let Some(url) = crate::ui::pages::batch::object_url(
                &editor_text(store.data()),
                "application/json;charset=utf-8",
            ) {
                let _ = a.set_attribute("href", &url);
                *exported.borrow_mut() = Some(url);
            }
        })
    };
    let on_import_click = {
        let file = file.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(f) = file.cast::<web_sys::HtmlElement>() {
                f.click();
            }
        })
    };
    let on_file = {
        let (text, note, validate) = (text.clone(), note.clone(), validate.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(blob) = chosen(&input) else { return };
            input.set_value("");
            if blob.size() > MAX_IMPORT_BYTES as f64 {
                note.set(Some(Note::ImportFailed(Some(ImportError::TooLarge))));
                return;
            }
            let (text, note, validate) = (text.clone(), note.clone(), validate.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await;
                let Ok(buf) = read else {
                    note.set(Some(Note::ImportFailed(None)));
                    return;
                };
                match import(&js_sys::Uint8Array::new(&buf).to_vec()) {
                    Ok(t) => {
                        validate(&t);
                        text.set(t.into());
                        note.set(Some(Note::Imported));
                    }
                    Err(e) => note.set(Some(Note::ImportFailed(Some(e)))),
                }
            });
        })
    };
    // One listener for every error's button: its `data-line` and
    // `data-column` say where to put the cursor.
    let goto = {
        let (area, text) = (area.clone(), text.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(b) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[data-line]").ok().flatten())
            else {
                return;
            };
            let at = |name: &str| {
                b.get_attribute(name)
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
            };
            let (line, column) = (at("data-line"), at("data-column"));
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                let at = utf16_offset(&text, line, column);
                let _ = a.focus();
                let _ = a.set_selection_range(at, at);
                a.set_scroll_top((line as i32 - 3).max(0) * LINE_PX);
            }
        })
    };
    let lines = text.split('\n').count();
    let numbers: String = (1..=lines).map(|i| i.to_string() + "\n").collect();
    let lang = store.lang();
    html! {
        <section class="rules-editor-section" aria-labelledby="re-title">
            <h2 id="re-title" class="section-title">{ store.t(T::RulesFile) }</h2>
            <p class="section-help" data-rules-source={if store.rules().is_builtin() { "builtin" } else { "custom" }}>
                { store.t(if store.rules().is_builtin() { T::ActiveBuiltin } else { T::ActiveCustom }) }{ " " }{ store.t(T::EditorNote) }</p>
            <div class="rules-editor">
                <pre class="rules-gutter" aria-hidden="true" ref={gutter}>{ numbers }</pre>
                <textarea id="rules-file" ref={area.clone()} spellcheck="false" autocomplete="off" wrap="off"
                    aria-label={store.t(T::RulesFile)} value={text.to_string()} oninput={on_input} onscroll={on_scroll} />
            </div>
            <div class="rules-actions">
                <button type="button" class="btn" onclick={on_validate}>{ store.t(T::Validate) }</button>
                <button type="button" class="btn primary" onclick={on_apply}>{ store.t(T::Apply) }</button>
                <button type="button" class="btn" onclick={on_reset}>{ store.t(T::ResetBuiltin) }</button>
                <a class="btn" ref={export} href="#/rules" download="rules.json" onclick={on_export}>{ store.t(T::RulesExport) }</a>
                <button type="button" class="btn" onclick={on_import_click}>{ store.t(T::RulesImport) }</button>
                <input type="file" ref={file} accept=".json,application/json" hidden=true tabindex="-1" onchange={on_file} />
            </div>
            { note_view(&store, note.as_ref()) }
            if !errors.is_empty() {
                <div class="rules-errors" role="alert">
                    <p>{ errors.len() }{ " " }{ store.t(T::ErrorsCount) }</p>
                    <ol onclick={goto}>{ html(error_list(&errors, lang)) }</ol>
                </div>
            }
        </section>
    }
}

fn note_view(store: &Store, note: Option<&Note>) -> Html {
    let text = match note {
        None => return Html::default(),
        Some(Note::Valid { rules, platforms }) => format!(
            "{} {rules} {}, {platforms} {}",
            store.t(T::FileValid),
            store.t(T::RulesCount),
            store.t(T::PlatformsCount)
        ),
        Some(Note::Applied) => store.t(T::AppliedNote).into(),
        Some(Note::Reset) => store.t(T::ResetNote).into(),
        Some(Note::Imported) => store.t(T::ImportedNote).into(),
        Some(Note::ImportFailed(e)) => {
            let text = e.map_or_else(
                || store.t(T::ImportUnreadable).into(),
                |e| e.explain(store.lang()),
            );
            return html! { <p class="rules-note failed" role="alert">{ text }</p> };
        }
    };
    html! { <p class="rules-note" role="status">{ text }</p> }
}
