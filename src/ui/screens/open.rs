//! The link opener (`#/open`): paste a link, choose where it was shared,
//! and see what WeChat did with it on the scenario's day, and why.
//!
//! The address is the source of truth (`url=`, `in=`): the result is
//! computed from it on every render, so opening a copied address, the back
//! button and scenario changes all re-evaluate without extra state.

use crate::i18n::{Lang, T};
use crate::policy::engine::{decide_as, Decision, Viewer, Why};
use crate::policy::rules::{Context, Outcome, Rules};
use crate::state::opener::{batch, csv, scenario_query, table_html, BatchRow, CONTEXTS};
use crate::state::params::{carried, Params};
use crate::ui::clipboard::{page_base, CopyButton};
use crate::ui::outcome::OutcomeView;
use crate::ui::route::Route;
use crate::ui::router::{href, use_location, use_navigator};
use crate::ui::scenario::ScenarioControls;
use crate::ui::store::{use_store, Store};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The words for an outcome.
pub fn outcome_key(o: Outcome) -> T {
    match o {
        Outcome::Open => T::OutOpen,
        Outcome::Confirm => T::OutConfirm,
        Outcome::Warn => T::OutWarn,
        Outcome::CopyToBrowser => T::OutCopy,
        Outcome::Blocked => T::OutBlocked,
        Outcome::MiniProgram => T::OutMini,
        Outcome::Rejected => T::OutRejected,
    }
}

fn context_key(c: Context) -> T {
    match c {
        Context::Group => T::InGroup,
        Context::Moments => T::Moments,
        _ => T::InChat,
    }
}

/// The address of the opener for `url` shared in `ctx`, keeping the
/// scenario parameters.
fn opener_href(store: &Store, url: &str, ctx: Context) -> String {
    let mut q: Vec<(&str, String)> = vec![("url", url.to_string()), ("in", ctx.as_str().into())];
    q.extend(carried(&store.data().scenario, store.lang()));
    href(&Route::Open, &q)
}

/// The link opener screen.
#[component]
pub fn OpenScreen() -> Html {
    let store = use_store();
    let location = use_location();
    let navigator = use_navigator();
    let params = Params::parse(&location.query);
    let url = params.url.unwrap_or_default();
    let ctx = params
        .share_in
        .as_deref()
        .and_then(Context::parse)
        .unwrap_or(Context::Chat);
    let draft = use_state_eq(|| url.clone());
    let tester = use_state_eq(|| false);
    {
        // A new address (back button, a link from Mini Programs) refills the box.
        let draft = draft.clone();
        use_effect_with(url.clone(), move |u| draft.set(u.clone()));
    }

    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_submit = {
        let (store, navigator, draft) = (store.clone(), navigator.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            navigator.push(&opener_href(&store, &draft, ctx));
        })
    };
    let on_ctx = {
        let (store, navigator, url) = (store.clone(), navigator.clone(), url.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let c = Context::parse(&v).unwrap_or(Context::Chat);
            navigator.replace(&opener_href(&store, &url, c));
        })
    };
    let on_tester = {
        let tester = tester.clone();
        Callback::from(move |e: Event| {
            tester.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };

    let scenario = store.data().scenario;
    let lang = store.lang();
    let result = if url.trim().is_empty() {
        html! { <p class="opener-empty">{ store.t(T::EnterLink) }</p> }
    } else {
        let viewer = Viewer {
            mini_program_tester: *tester,
        };
        let d = Rc::new(decide_as(Rules::builtin(), &url, ctx, &scenario, viewer));
        let key = url.clone() + "|" + ctx.as_str() + "|" + d.outcome.as_str();
        let address = page_base() + "#/open" + &scenario_query(&url, ctx, &scenario, lang);
        html! {
            <OutcomeView {key} decision={d.clone()} link={url.clone()} after={why(&d, lang)}>
                { summary(&d, lang) }
                <div class="opener-copy">
                    <CopyButton text={address} label={store.t(T::CopyScenarioLink)} />
                </div>
            </OutcomeView>
        }
    };

    html! {
        <div class="opener">
            <form class="opener-form" onsubmit={on_submit}>
                <div class="field">
                    <label for="op-link">{ store.t(T::Link) }</label>
                    <input id="op-link" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                        value={(*draft).clone()} oninput={on_input} />
                </div>
                <div class="field">
                    <label for="op-in">{ store.t(T::SharedIn) }</label>
                    <select id="op-in" onchange={on_ctx}>
                        { for CONTEXTS.iter().map(|c| html! {
                            <option key={c.as_str()} value={c.as_str()} selected={*c == ctx}>{ store.t(context_key(*c)) }</option>
                        }) }
                    </select>
                </div>
                <button type="submit" class="btn primary">{ store.t(T::OpenLink) }</button>
            </form>
            <ScenarioControls compact=true />
            <div class="field switch opener-tester">
                <label for="op-tester">{ store.t(T::Tester) }</label>
                <input id="op-tester" type="checkbox" role="switch" checked={*tester} onchange={on_tester} />
            </div>
            { result }
            <BatchCheck />
        </div>
    }
}

/// Platform and owner, host, and the outcome in words.
fn summary(d: &Decision, lang: Lang) -> Html {
    let platform = d
        .platform
        .as_deref()
        .and_then(|p| Rules::builtin().platform(p));
    html! {
        <dl class="opener-summary">
            <dt>{ T::Platform.tr(lang) }</dt>
            <dd class="sum-platform">
                if let Some(p) = platform {
                    { lang.pick(&p.name_en, &p.name_zh) }{ " · " }{ &p.owner }
                } else {
                    { T::NoPlatform.tr(lang) }
                }
            </dd>
            <dt>{ T::Host.tr(lang) }</dt>
            <dd class="sum-host">{ &d.host }</dd>
            <dt>{ T::Outcome.tr(lang) }</dt>
            <dd class="sum-outcome">{ outcome_key(d.outcome).tr(lang) }</dd>
        </dl>
    }
}

/// The deciding rules with their record ids, dates and flags, each source
/// linked to the timeline. The other candidates are left to the rules
/// inspector: explaining them here cost too much of the bundle budget.
fn why(d: &Decision, lang: Lang) -> Html {
    let rules = Rules::builtin();
    html! {
        <section class="why">
            <h3>{ T::Why.tr(lang) }</h3>
            <ul class="why-rules">
                { for d.trace.iter().filter(|s| s.applied).map(|s| {
                    let rule = rules.rule(&s.rule_id);
                    let role = if s.why == Why::Decided { T::Decides } else { T::Agrees };
                    html! {
                        <li key={s.rule_id.to_string()} data-rule={s.rule_id.to_string()}>
                            <code>{ &*s.rule_id }</code>{ " " }<span class="why-role">{ role.tr(lang) }</span>
                            if let Some(r) = rule {
                                <p class="why-dates">{ T::InForce.tr(lang) }{ ": " }{ r.valid_from.to_string() }{ " – " }
                                    { r.valid_until.map(|u| u.to_string()).unwrap_or_default() }</p>
                                <p class="why-sources">{ T::Sources.tr(lang) }{ ": " }
                                    { for r.sources.iter().map(|src| html! {
                                        <a key={src.clone()} class="why-source" href={href(&Route::Timeline, &[("id", src.as_str())])}>{ src }</a>
                                    }) }
                                </p>
                            }
                            if s.low_confidence {
                                <p class="flag low">{ T::LowConfidence.tr(lang) }</p>
                            }
                            if s.assumption {
                                <p class="flag assumption">{ T::Assumption.tr(lang) }</p>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// An object URL holding `text` as a CSV file, for the download link.
fn csv_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Rows added to the batch table per task: a thousand rows appear in four
/// steps with a progress bar, instead of one long frame.
const BATCH_CHUNK: usize = 250;

/// Many links at once: a table of outcomes in the three contexts for the
/// scenario's day (recomputed when it changes), and a CSV download.
///
/// Kept lean for the bundle budget: the table is escaped markup (see
/// [`table_html`]) and the CSV's object URL is made on the click that
/// downloads it, not kept in sync by an effect.
#[component]
fn BatchCheck() -> Html {
    let store = use_store();
    let (area, anchor) = (use_node_ref(), use_node_ref());
    // `None` until the first Check, so that an empty check can say so.
    let text = use_state_eq(|| None::<String>);
    let shown = use_state_eq(|| 0usize);
    let scenario = store.data().scenario;
    let rows: Rc<Vec<BatchRow>> = use_memo(((*text).clone(), scenario), |(t, s)| {
        batch(t.as_deref().unwrap_or_default(), s)
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
    let on_download = {
        let (rows, anchor) = (rows.clone(), anchor.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(a) = anchor.cast::<web_sys::HtmlElement>() else {
                return;
            };
            // One object URL alive at a time: the previous one is released.
            if let Some(old) = a.get_attribute("href") {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
            if let Some(url) = csv_url(&csv(&rows)) {
                let _ = a.set_attribute("href", &url);
                a.click();
            }
        })
    };
    let lang = store.lang();
    let done = (*shown).min(total);
    let table = (total > 0).then(|| {
        let head = [T::Link, T::Platform, T::InChat, T::InGroup, T::Moments].map(|k| k.tr(lang));
        let markup = table_html(&rows[..done], head, &|o| outcome_key(o).tr(lang));
        Html::from_html_unchecked(markup.into())
    });
    html! {
        <section class="batch">
            <h2 class="section-title">{ store.t(T::BatchTitle) }</h2>
            <div class="field">
                <label for="op-batch">{ store.t(T::BatchLinks) }</label>
                <textarea id="op-batch" ref={area} rows="5" spellcheck="false" />
            </div>
            <div class="actions">
                <button type="button" class="btn" onclick={on_check}>{ store.t(T::Check) }</button>
                if total > 0 {
                    <button type="button" class="btn batch-csv" onclick={on_download}>{ store.t(T::DownloadCsv) }</button>
                }
                <a ref={anchor} hidden=true download="walled-garden-links.csv"></a>
            </div>
            if let Some(table) = table {
                <p class="batch-count">{ total }{ " " }{ store.t(T::LinksChecked) }{ " " }{ scenario.date.to_string() }</p>
                if done < total {
                    <progress class="batch-progress" max={total.to_string()} value={done.to_string()} aria-label={store.t(T::BatchTitle)} />
                }
                <div class="batch-scroll" data-rows={done.to_string()} data-total={total.to_string()}>{ table }</div>
            } else if text.is_some() {
                <p class="batch-count" role="alert">{ store.t(T::EnterLink) }</p>
            }
        </section>
    }
}
