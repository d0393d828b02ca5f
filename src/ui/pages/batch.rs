//! The batch check under the link opener: many links at once, a table of
//! their outcomes in the three contexts, and its downloads (CSV and data
//! package, `ui::components::download`).

use crate::i18n::T;
use crate::present::batch::table;
use crate::state::opener::{batch, BatchRow};
use crate::ui::components::download::{Downloads, Source};
use crate::ui::components::markup::Shared;
use crate::ui::hooks::use_store;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// An object URL holding `text` as a file of type `mime`, for a download
/// link (the CSV here, the data export on Me).
pub(super) fn object_url(text: &str, mime: &str) -> Option<String> {
    crate::ui::components::download::blob_url(text.as_bytes(), mime)
}

/// Rows added to the batch table per task: a thousand rows appear in four
/// steps with a progress bar, instead of one long frame.
const BATCH_CHUNK: usize = 250;

/// Many links at once: a table of outcomes in the three contexts for the
/// scenario's day (recomputed when it changes), and a CSV download.
///
/// A component that owns its state, so that typing in the opener's Link
/// box above it never re-renders its table. The table is markup
/// (`present::batch::table`), built again only when its rows or the
/// language change; the downloads are made on the click that asks for them.
#[component]
pub fn BatchCheck() -> Html {
    let store = use_store();
    let area = use_node_ref();
    // `None` until the first Check, so that an empty check can say so.
    let text = use_state_eq(|| None::<String>);
    let shown = use_state_eq(|| 0usize);
    let scenario = store.data().scenario;
    let rules = crate::ui::hooks::RulesKey::of(&store);
    let rows: Rc<Vec<BatchRow>> = use_memo(((*text).clone(), scenario, rules), |(t, s, r)| {
        batch(r.rules(), t.as_deref().unwrap_or_default(), s)
    });
    let total = rows.len();
    {
        // The next chunk in the next task, so the page paints in between.
        let next = shown.clone();
        use_effect_with((*shown, total), move |&(n, total)| {
            let t = (n < total).then(|| {
                gloo::timers::callback::Timeout::new(0, move || {
                    next.set((n + BATCH_CHUNK).min(total))
                })
            });
            move || drop(t)
        });
    }
    let on_check = {
        let (area, text, shown) = (area.clone(), text.clone(), shown.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                text.set(Some(el.value()));
                shown.set(BATCH_CHUNK);
            }
        })
    };
    let lang = store.lang();
    let done = (*shown).min(total);
    let markup = use_memo((rows.clone(), done, lang), |(rows, done, lang)| {
        Shared::from(table(store.rules(), &rows[..*done], *lang))
    });
    let table = (total > 0).then(|| markup.html());
    html! {
        <section class="batch">
            <h2 class="section-title">{ store.t(T::BatchTitle) }</h2>
            <div class="batch-form">
                <label for="op-batch">{ store.t(T::BatchLinks) }</label>
                <textarea id="op-batch" ref={area} rows="4" spellcheck="false" />
                <div class="actions">
                    <button type="button" class="btn primary" onclick={on_check}>{ store.t(T::Check) }</button>
                    if total > 0 {
                        <Downloads source={Source::Links(rows.clone())} />
                    }
                </div>
            </div>
            if let Some(table) = table {
                <p class="batch-count">{ total }{ " " }{ store.t(T::LinksChecked) }{ " " }{ scenario.date.to_string() }</p>
                if done < total {
                    <progress class="batch-progress" max={total.to_string()} value={done.to_string()} aria-label={store.t(T::BatchTitle)} />
                }
                // Its own horizontal scroll, reachable and named for the
                // keyboard (axe: scrollable-region-focusable).
                <div class="batch-scroll" tabindex="0" role="region" aria-label={store.t(T::BatchTitle)}
                    data-rows={done.to_string()} data-total={total.to_string()}>{ table }</div>
            } else if text.is_some() {
                <p class="batch-count" role="alert">{ store.t(T::EnterLink) }</p>
            }
        </section>
    }
}
