//! **Cite this** (issue 26): a button that builds a citation when pressed
//! (never per render: the matrix and What changed decide again for it) and
//! shows it in a modal dialog as text, BibTeX and CSL-JSON, each with its
//! **Copy**, and the permalink. `state::cite` holds what a citation is,
//! `present::cite` writes it.

use super::clipboard::{page_base, CopyButton};
use super::markup::{html, Shared};
use crate::i18n::cite::Ci;
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::engine::Decision;
use crate::policy::scenario::{Date, Scenario, EARLIEST};
use crate::policy::Context;
use crate::present::cite as write;
use crate::state::cite::{decision_address, timeline_address, Citation};
use crate::state::model::Data;
use crate::ui::hooks::{use_modal, use_store, use_view};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Today by the reader's clock: the day a citation is made.
fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(
        d.get_full_year() as u16,
        (d.get_month() + 1) as u8,
        d.get_date() as u8,
    )
    .unwrap_or(EARLIEST)
}

/// Props of [`CiteButton`].
#[derive(Properties, PartialEq)]
pub struct CiteButtonProps {
    /// Builds the citation for the day it is made; called when the button
    /// is pressed, not when it renders.
    pub cite: Callback<Date, Citation>,
}

/// **Cite this**, and the dialog it opens, for whatever citation the
/// caller builds.
#[component]
pub fn CiteButton(props: &CiteButtonProps) -> Html {
    let lang = use_view().lang;
    let shown = use_state_eq(|| None::<Rc<Citation>>);
    let open = {
        let (shown, cite) = (shown.clone(), props.cite.clone());
        Callback::from(move |_: MouseEvent| shown.set(Some(Rc::new(cite.emit(today())))))
    };
    let close = {
        let shown = shown.clone();
        Callback::from(move |()| shown.set(None))
    };
    html! {<>
        <button type="button" class="btn cite-btn" onclick={open}>{ Ci::CiteThis.tr(lang) }</button>
        if let Some(c) = &*shown {
            <CiteDialog citation={c.clone()} on_close={close} />
        }
    </>}
}

/// What a [`CiteThis`] cites.
#[derive(Clone, PartialEq)]
pub enum Subject {
    /// A decision shown (the outcome screen's).
    Decision {
        /// The decision.
        decision: Rc<Decision>,
        /// The link as the user gave it.
        link: AttrValue,
        /// Where it was shared.
        context: Context,
        /// Its scenario when not the store's (a side of Compare).
        scenario: Option<Scenario>,
    },
    /// The outcome matrix of the scenario's day.
    Matrix,
    /// What changed between two days.
    Changes(Date, Date),
}

/// Props of [`CiteThis`].
#[derive(Properties, PartialEq)]
pub struct CiteThisProps {
    /// What is cited.
    pub what: Subject,
}

/// **Cite this** for a decision, the matrix or What changed, in the
/// store's scenario and rules.
#[component]
pub fn CiteThis(props: &CiteThisProps) -> Html {
    let store = use_store();
    let what = props.what.clone();
    let cite = Callback::from(move |made: Date| cite(store.data(), &what, made));
    html! { <CiteButton {cite} /> }
}

/// The citation of `what` made on `made`, with its permalink.
fn cite(data: &Data, what: &Subject, made: Date) -> Citation {
    let base = page_base();
    let timeline = || base.clone() + &timeline_address(data, None);
    match what {
        Subject::Decision {
            decision,
            link,
            context,
            scenario,
        } => {
            let s = scenario.unwrap_or(data.scenario);
            let at = base.clone() + &decision_address(link, *context, &s, data.lang);
            let mut c = Citation::of_decision(data, decision, link, *context, made, at);
            c.scenario = s;
            c
        }
        Subject::Matrix => Citation::of_matrix(data, made, timeline()),
        Subject::Changes(from, to) => Citation::of_changes(data, *from, *to, made, timeline()),
    }
}

/// Props of [`CiteEntries`].
#[derive(Properties, PartialEq)]
pub struct CiteEntriesProps {
    /// The record's cards (`present::record::cards`), each with a **Cite
    /// this** button carrying its id in `data-cite`.
    pub cards: Shared,
}

/// The record's cards and one dialog for all their **Cite this** buttons:
/// the cards are markup, so one listener reads the entry's `data-cite`.
#[component]
pub fn CiteEntries(props: &CiteEntriesProps) -> Html {
    let store = use_store();
    let shown = use_state_eq(|| None::<Rc<Citation>>);
    let onclick = {
        let shown = shown.clone();
        Callback::from(move |e: MouseEvent| {
            let id = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[data-cite]").ok().flatten())
                .and_then(|b| b.get_attribute("data-cite"));
            if let Some(id) = id {
                let data = store.data();
                let at = page_base() + &timeline_address(data, Some(&id));
                shown.set(Some(Rc::new(Citation::of_entry(data, &id, today(), at))));
            }
        })
    };
    let close = {
        let shown = shown.clone();
        Callback::from(move |()| shown.set(None))
    };
    html! {
        <div class="cite-entries" {onclick}>
            { props.cards.html() }
            if let Some(c) = &*shown {
                <CiteDialog citation={c.clone()} on_close={close} />
            }
        </div>
    }
}

/// Props of [`CiteDialog`].
#[derive(Properties, PartialEq)]
pub struct CiteDialogProps {
    /// What is shown.
    pub citation: Rc<Citation>,
    /// Called on Close and on Escape.
    pub on_close: Callback<()>,
}

/// The citation as text, BibTeX and CSL-JSON, and the permalink, each in a
/// group named by its form with a read-only field and **Copy**; modal
/// (`use_modal`: Escape closes, the focus goes back to **Cite this**).
#[component]
pub fn CiteDialog(props: &CiteDialogProps) -> Html {
    let lang = use_view().lang;
    let node = use_modal(true);
    let forms = use_memo((props.citation.clone(), lang), |(c, lang)| {
        [
            write::text(c, *lang),
            write::bibtex(c),
            write::csl_json(c),
            c.permalink.clone(),
        ]
    });
    let names = [Ci::AsText, Ci::Bibtex, Ci::Csl, Ci::Permalink];
    let ids = ["cite-text", "cite-bib", "cite-csl", "cite-link"];
    html! {
        <div class="dialog-backdrop">
            <div class="dialog cite-dialog" role="dialog" aria-modal="true" aria-labelledby="cite-title" ref={node}>
                <h2 id="cite-title" class="dialog-title">{ Ci::CiteThis.tr(lang) }</h2>
                { html(write::fingerprint(&props.citation.fingerprint, lang, false)) }
                { for (0..4).map(|i| form(names[i].tr(lang), ids[i], &forms[i], lang)) }
                <div class="dialog-actions">
                    <button class="dialog-btn" data-cancel="" onclick={props.on_close.reform(|_| ())}>{ T::Close.tr(lang) }</button>
                </div>
            </div>
        </div>
    }
}

/// One form of the citation: its name, the text read-only, and **Copy**.
fn form(name: &'static str, id: &'static str, text: &str, lang: Lang) -> Html {
    let text = AttrValue::from(text.to_string());
    let rows = if id == "cite-link" { "2" } else { "5" };
    html! {
        <div class="cite-form" role="group" aria-labelledby={id}>
            <h3 {id}>{ name }</h3>
            <textarea readonly=true aria-labelledby={id} {rows} value={text.clone()} />
            <CopyButton {text} label={T::Copy.tr(lang)} />
        </div>
    }
}
