//! Time travel (`#/timeline`): the date scrubber, the outcome matrix and
//! its chart, what changed between two days, and the record's entries as
//! cards. Everything is computed by `policy::matrix` from the active
//! rules, so applying other rules changes it at once. Cards stand in the
//! record's order (`record::entries`: by date, undated ones where they read
//! well), give only the dates the record gives, and say when an entry is
//! context that nothing of the simulator follows from.

mod changes;
mod chart;
mod matrix;

use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::matrix::{END, START};
use crate::policy::record::{self, entries, source_url, Entry, Use};
use crate::policy::rules::{Context, Rules};
use crate::state::opener::escape_html;
use crate::state::scenario::ScenarioAction;
use crate::state::timeline::{offset, percent, scrub, span, write_dates};
use crate::state::Action;
use crate::ui::components::why::wrap;
use crate::ui::hooks::{use_location, use_store, RulesKey};
use crate::ui::route::Route;
use crate::ui::router::href;
use crate::ui::store::Store;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A context's column title.
pub(super) fn context_title(c: Context) -> T {
    match c {
        Context::Group => T::GroupCol,
        Context::Moments => T::Moments,
        _ => T::ChatCol,
    }
}

/// A platform's name in `lang`, or its id for a platform the active rules
/// no longer have.
pub(super) fn platform_label(store: &Store, id: &str) -> String {
    store.rules().platform(id).map_or(id.to_string(), |p| {
        store.lang().pick(&p.name_en, &p.name_zh).to_string()
    })
}

/// The timeline screen.
#[component]
pub fn TimelineScreen() -> Html {
    let location = use_location();
    let target = crate::state::params::get(&location.query, "id");
    // `#/timeline?id=R-2021-09-17` scrolls to that entry and focuses it.
    use_effect_with(target, |id| {
        let el = id.as_deref().and_then(|id| {
            web_sys::window()?
                .document()?
                .get_element_by_id(id)?
                .dyn_into::<web_sys::HtmlElement>()
                .ok()
        });
        if let Some(el) = el {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
    html! {
        <div class="timeline">
            <Scrubber />
            <matrix::Matrix />
            <chart::Chart />
            <changes::WhatChanged />
            <Record />
        </div>
    }
}

/// The date scrubber: a slider over 2013–2023 with a marker per event.
#[component]
fn Scrubber() -> Html {
    let store = use_store();
    let lang = store.lang();
    let date = store.data().scenario.date;
    let set = |d| Action::Scenario(ScenarioAction::SetDate(d));
    let oninput = store.callback(move |e: InputEvent| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        set(crate::state::timeline::day_at(v.parse().unwrap_or(0)))
    });
    let onkeydown = {
        let store = store.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(d) = scrub(date.clamp(START, END), &e.key()) {
                e.prevent_default();
                store.dispatch(set(d));
            }
        })
    };
    // The markers' positions go through the CSS object model: the page's
    // Content-Security-Policy (style-src 'self') refuses style attributes.
    // The markers are markup, made again when the language changes.
    let marks = use_node_ref();
    {
        let marks = marks.clone();
        use_effect_with(lang, move |_| {
            let items = marks
                .cast::<web_sys::Element>()
                .and_then(|ul| ul.query_selector_all("[data-left]").ok());
            for i in 0..items.as_ref().map_or(0, |l| l.length()) {
                let Some(li) = items
                    .as_ref()
                    .and_then(|l| l.item(i))
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let left = li.get_attribute("data-left").unwrap_or_default();
                if let Ok(style) = js_sys::Reflect::get(&li, &"style".into()) {
                    let _ = js_sys::Reflect::set(&style, &"left".into(), &left.into());
                }
            }
        });
    }
    let mut list = String::new();
    // Only the days the record gives: an undated entry has no marker.
    for (day, e) in record::marks().filter(|(d, _)| *d >= START && *d <= END) {
        let (d, title) = (day.to_string(), e.title(lang));
        wrap(&mut list, "<li data-left=\"", &percent(day), "\">");
        wrap(
            &mut list,
            "<button type=\"button\" class=\"scrub-mark\" title=\"",
            title,
            "\" aria-label=\"",
        );
        wrap(&mut list, "", &(d.clone() + " " + title), "\" data-jump=\"");
        wrap(&mut list, "", &d, "\"></button></li>");
    }
    html! {
        <section class="scrubber">
            <p class="scrub-date"><label for="scrub">{ store.t(T::ScenarioDate) }</label>{ " " }
                <output for="scrub">{ date.to_string() }</output></p>
            <div class="scrub-track">
                <input id="scrub" type="range" min="0" max={span().to_string()} step="1"
                    value={offset(date).to_string()} aria-valuetext={date.to_string()}
                    {oninput} {onkeydown} />
                <ul class="scrub-marks" ref={marks} aria-label={store.t(T::Events)} onclick={jump(&store)}>
                    { Html::from_html_unchecked(list.into()) }
                </ul>
            </div>
            <p class="scrub-help">{ store.t(T::ScrubberHelp) }</p>
        </section>
    }
}

/// One listener for every "Jump to" button and scrubber marker: a click on
/// an element with `data-jump` (a day) sets the scenario's day.
fn jump(store: &Store) -> Callback<MouseEvent> {
    let store = store.clone();
    Callback::from(move |e: MouseEvent| {
        let day = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-jump]").ok().flatten())
            .and_then(|b| b.get_attribute("data-jump"))
            .and_then(|d| crate::policy::scenario::Date::parse(&d).ok());
        if let Some(d) = day {
            store.dispatch(Action::Scenario(ScenarioAction::SetDate(d)));
        }
    })
}

/// The record's entries as cards, in the record's order: markup (sixteen static
/// cards need no diffing, and `html!` for them cost kilobytes of the
/// bundle), with one listener for every card's "Jump to" (`data-jump`).
#[component]
fn Record() -> Html {
    let store = use_store();
    let onclick = jump(&store);
    // The cards depend on the rules (what follows from each entry) and the
    // language only, not on the day: built again when either changes.
    let rules = RulesKey::of(&store);
    let cards = use_memo((rules, store.lang()), |(rules, lang)| {
        let mut out = String::with_capacity(16 * 1500);
        for e in entries() {
            card(&mut out, rules.rules(), *lang, e);
        }
        AttrValue::from(out)
    });
    html! {
        <section class="record" aria-labelledby="record-title" {onclick}>
            <h2 id="record-title" class="section-title">{ store.t(T::Timeline) }</h2>
            { Html::from_html_unchecked((*cards).clone()) }
        </section>
    }
}

fn card(out: &mut String, rules: &Rules, lang: Lang, e: &Entry) {
    use std::fmt::Write;
    let sep = lang.pick(": ", "：");
    let id = e.id.as_str();
    let uses = e.uses(rules);
    let esc = |out: &mut String, s: &str| escape_html(out, s);
    out.push_str("<article class=\"record-card\" tabindex=\"-1\" id=\"");
    esc(out, id);
    let _ = write!(
        out,
        "\" data-date=\"{}\"",
        e.date.map_or("none".into(), |d| d.to_string())
    );
    if uses.is_empty() {
        out.push_str(" data-context-only=\"true\"");
    }
    out.push_str(" aria-labelledby=\"");
    esc(out, id);
    out.push_str("-title\"><h3 id=\"");
    esc(out, id);
    out.push_str("-title\">");
    esc(out, e.title(lang));
    out.push_str("</h3><p class=\"record-date\">");
    write_dates(out, e, lang);
    out.push_str(" · <code>");
    esc(out, id);
    out.push_str("</code></p><p class=\"record-what\">");
    esc(out, e.what(lang));
    out.push_str("</p>");
    confidence(out, e, lang);
    out.push_str("<p class=\"record-sources\">");
    out.push_str(T::Sources.tr(lang));
    out.push_str(sep);
    for s in &e.sources {
        match source_url(s) {
            Some(url) => {
                out.push_str("<a class=\"record-source\" target=\"_blank\" rel=\"noopener noreferrer\" href=\"");
                esc(out, &url);
                out.push_str("\">");
            }
            None => out.push_str("<span class=\"record-source\">"),
        }
        esc(out, s);
        out.push_str(if source_url(s).is_some() {
            "</a>"
        } else {
            "</span>"
        });
    }
    out.push_str("</p>");
    follows(out, &uses, lang);
    // "Jump to" needs a day the entry held: its start, else the last day
    // before its end; an undated entry has none.
    if let Some(d) = e.date.or(e.until.map(|u| u.add_days(-1))) {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"btn\" data-jump=\"{d}\">{}</button>",
            T::JumpTo.tr(lang)
        );
    }
    out.push_str("</article>");
}

/// What of the simulator follows from the entry: the rules citing it
/// (links to the rules screen; network rules by id), the features built on
/// it, or, when nothing does, that it is context only.
fn follows(out: &mut String, uses: &[Use], lang: Lang) {
    let sep = lang.pick(": ", "：");
    if uses.is_empty() {
        out.push_str("<p class=\"record-rules\">");
        out.push_str(T::ContextOnly.tr(lang));
        out.push_str("</p>");
        return;
    }
    let rules: Vec<&Use> = uses
        .iter()
        .filter(|u| matches!(u, Use::Rule(_) | Use::Network(_)))
        .collect();
    if !rules.is_empty() {
        out.push_str("<p class=\"record-rules\">");
        out.push_str(T::RulesCiting.tr(lang));
        out.push_str(sep);
        for (i, u) in rules.iter().enumerate() {
            match u {
                Use::Rule(r) => {
                    out.push_str("<a href=\"");
                    escape_html(out, &href(&Route::Rules, &[("id", r)]));
                    out.push_str("\"><code>");
                    escape_html(out, r);
                    out.push_str("</code></a>");
                }
                Use::Network(r) => {
                    // Not on the rules screen: named, not linked.
                    if i > 0 {
                        out.push_str(" · ");
                    }
                    out.push_str("<code>");
                    escape_html(out, r);
                    out.push_str("</code>");
                }
                _ => {}
            }
        }
        out.push_str("</p>");
    }
    let features: Vec<(Route, &str)> = uses
        .iter()
        .filter_map(|u| match u {
            Use::Sync => Some((Route::Moments, T::UseSync.tr(lang))),
            Use::SignUp => Some((Route::Register, T::Register.tr(lang))),
            Use::Connection => Some((Route::Connection, T::Connection.tr(lang))),
            _ => None,
        })
        .collect();
    if !features.is_empty() {
        out.push_str("<p class=\"record-rules\">");
        out.push_str(T::UsedBy.tr(lang));
        out.push_str(sep);
        for (route, name) in features {
            out.push_str("<a href=\"");
            out.push('#');
            escape_html(out, &route.to_path());
            out.push_str("\">");
            escape_html(out, name);
            out.push_str("</a>");
        }
        out.push_str("</p>");
    }
}

/// How sure the record is of an entry and of its parts.
fn confidence(out: &mut String, e: &Entry, lang: Lang) {
    let flag = |out: &mut String, weak: bool, assumed: bool| {
        let (k, open) = match (weak, assumed) {
            (_, true) => (T::Assumption, " · <span class=\"flag assumption\">"),
            (true, _) => (T::WeakEntry, " · <span class=\"flag low\">"),
            _ => return,
        };
        out.push_str(open);
        out.push_str(k.tr(lang));
        out.push_str("</span>");
    };
    // The record's marks make a rule citing the entry low confidence.
    let level = if e.weak || e.assumed {
        T::ConfLow
    } else {
        T::ConfHigh
    };
    out.push_str("<div class=\"record-confidence\"><p>");
    out.push_str(T::ConfidenceLabel.tr(lang));
    out.push_str(lang.pick(": ", "："));
    out.push_str(level.tr(lang));
    flag(out, e.weak, e.assumed);
    out.push_str("</p>");
    if !e.parts.is_empty() {
        out.push_str("<ul>");
        for p in &e.parts {
            out.push_str("<li>");
            escape_html(out, lang.pick(&p.what_en, &p.what_zh));
            flag(out, p.weak, p.assumed);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</div>");
}
