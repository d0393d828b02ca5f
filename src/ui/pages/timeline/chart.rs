//! The chart: one band per platform over 2013–2023, coloured by its
//! outcome in the chosen context, with the record's events and a line at
//! the scenario's day; and the same data as a table for screen readers.

use super::{context_title, platform_label};
use crate::i18n::T;
use crate::policy::matrix::{bands, platforms, Band, CONTEXTS, END, START};
use crate::policy::record::marks;
use crate::policy::rules::{CardDisplay, Context};
use crate::policy::scenario::{Date, Scenario};
use crate::state::opener::{escape_html, outcome_key};
use crate::state::timeline::{offset, span};
use crate::ui::hooks::use_store;
use crate::ui::hooks::RulesKey;
use crate::ui::store::Store;
use std::sync::Arc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Height of a platform's row, in the chart's units and in CSS pixels.
const ROW: i32 = 14;

/// The words for a card that differs from a plain card, if it does.
pub(super) fn display_key(d: CardDisplay) -> Option<T> {
    match d {
        CardDisplay::Private => Some(T::DispPrivate),
        CardDisplay::Folded => Some(T::DispFolded),
        CardDisplay::Text => Some(T::DispText),
        CardDisplay::Card => None,
    }
}

/// The chart with its context choice and its text alternative.
#[component]
pub fn Chart() -> Html {
    let store = use_store();
    let ctx = use_state_eq(|| Context::Chat);
    let date = store.data().scenario.date;
    // The bands don't depend on the day: a date change only moves the line.
    let undated = Scenario {
        date: START,
        ..store.data().scenario
    };
    let rows: std::rc::Rc<Vec<(Arc<str>, Vec<Band>)>> =
        use_memo((RulesKey::of(&store), undated, *ctx), |(r, s, c)| {
            let rules = r.rules();
            platforms(rules)
                .map(|(i, p)| (p.id.clone(), bands(rules, i, *c, s, START, END)))
                .collect()
        });
    let on_ctx = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            ctx.set(Context::parse(&v).unwrap_or(Context::Chat));
        })
    };
    html! {
        <section class="chart-section" aria-labelledby="chart-title">
            <h2 id="chart-title" class="section-title">{ store.t(T::OverTheYears) }</h2>
            <div class="field">
                <label for="chart-ctx">{ store.t(T::ChartContext) }</label>
                <select id="chart-ctx" onchange={on_ctx}>
                    { for CONTEXTS.iter().map(|c| html! {
                        <option key={c.as_str()} value={c.as_str()} selected={*c == *ctx}>{ store.t(context_title(*c)) }</option>
                    }) }
                </select>
            </div>
            { Html::from_html_unchecked(markup(&store, &rows, *ctx, date).into()) }
        </section>
    }
}

/// The chart and its text alternative as markup: a few hundred static
/// shapes and cells need no diffing, and `html!` for them cost kilobytes
/// of the bundle. Every name goes through [`escape_html`].
fn markup(store: &Store, rows: &[(Arc<str>, Vec<Band>)], ctx: Context, date: Date) -> String {
    use std::fmt::Write;
    let lang = store.lang();
    let height = rows.len() as i32 * ROW;
    let mut out = String::with_capacity(4096 + rows.len() * 600);
    out.push_str("<div class=\"chart\" aria-hidden=\"true\"><ul class=\"chart-labels\">");
    for (id, _) in rows {
        out.push_str("<li>");
        escape_html(&mut out, &platform_label(store, id));
        out.push_str("</li>");
    }
    let _ = write!(
        out,
        "</ul><svg class=\"chart-svg\" viewBox=\"0 0 {} {height}\" preserveAspectRatio=\"none\" height=\"{height}\" data-context=\"{}\">",
        span() + 1,
        ctx.as_str()
    );
    for (i, (id, bs)) in rows.iter().enumerate() {
        out.push_str("<g data-platform=\"");
        escape_html(&mut out, id);
        out.push_str("\">");
        for b in bs {
            let (x, w) = (offset(b.from), offset(b.to) - offset(b.from) + 1);
            let _ = write!(
                out,
                "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"{}\" data-outcome=\"{}\" data-display=\"{}\"></rect>",
                i as i32 * ROW + 2,
                ROW - 4,
                b.cell.outcome.as_str(),
                b.cell.display.as_str()
            );
        }
        out.push_str("</g>");
    }
    // `start` is the tag's opening with its class and any attributes.
    let line = |out: &mut String, start: &str, x: i32| {
        let _ = write!(
            out,
            "{start} x1=\"{x}\" x2=\"{x}\" y1=\"0\" y2=\"{height}\" vector-effect=\"non-scaling-stroke\"></line>"
        );
    };
    for (d, _) in marks().filter(|(d, _)| *d >= START && *d <= END) {
        line(&mut out, "<line class=\"chart-event\"", offset(d));
    }
    let now = format!("<line class=\"chart-now\" data-scenario-date=\"{date}\"");
    line(&mut out, &now, offset(date));
    out.push_str("</svg></div><table class=\"sr-only\"><caption>");
    for (i, k) in [T::ChartAlt, context_title(ctx), T::ScenarioDate]
        .iter()
        .enumerate()
    {
        if i > 0 {
            out.push_str(" · ");
        }
        out.push_str(k.tr(lang));
    }
    let _ = write!(out, " {date}</caption><thead><tr>");
    for k in [T::Platform, T::FromDay, T::ToDay, T::Outcome] {
        out.push_str("<th scope=\"col\">");
        out.push_str(k.tr(lang));
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for (id, bs) in rows {
        for b in bs {
            let current = if b.from <= date && date <= b.to {
                " aria-current=\"date\""
            } else {
                ""
            };
            out.push_str("<tr data-platform=\"");
            escape_html(&mut out, id);
            let _ = write!(
                out,
                "\" data-outcome=\"{}\"{current}><th scope=\"row\">",
                b.cell.outcome.as_str()
            );
            escape_html(&mut out, &platform_label(store, id));
            let _ = write!(out, "</th><td>{}</td><td>{}</td><td>", b.from, b.to);
            out.push_str(outcome_key(b.cell.outcome).tr(lang));
            if let Some(k) = display_key(b.cell.display) {
                out.push_str(" (");
                out.push_str(k.tr(lang));
                out.push(')');
            }
            out.push_str("</td></tr>");
        }
    }
    out.push_str("</tbody></table>");
    out
}
