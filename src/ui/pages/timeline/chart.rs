//! The chart "Over the years": one row per platform over 2013–2023,
//! coloured by its outcome in the chosen context, each band a button named
//! with its days and outcome, with the record's events, a year axis, the
//! legend and a line at the scenario's day (`present::chart` draws them).

use super::{jump, place};
use crate::i18n::T;
use crate::policy::matrix::{bands, platforms, CONTEXTS, END, START};
use crate::policy::rules::Context;
use crate::policy::scenario::{Date, Scenario};
use crate::present::chart::{at, chart, holds, legend};
use crate::present::words::context_name;
use crate::ui::components::markup::Shared;
use crate::ui::hooks::{use_dispatch, use_view};
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The chart with its context choice.
#[component]
pub fn Chart() -> Html {
    let view = use_view();
    let ctx = use_state_eq(|| Context::Chat);
    let date = view.scenario.date;
    // The bands don't depend on the day, nor does the markup: a date change
    // moves the day's line and the mark of the current bands only.
    let undated = Scenario {
        date: START,
        ..view.scenario
    };
    let drawn = use_memo(
        (view.rules.clone(), undated, *ctx, view.lang),
        |(r, s, c, lang)| {
            let rules = r.rules();
            let rows: Vec<_> = platforms(rules)
                .map(|(i, p)| (p.id.clone(), bands(rules, i, *c, s, START, END)))
                .collect();
            (
                Shared::from(chart(&rows, rules, *c, *lang)),
                Shared::from(legend(&rows, *lang)),
            )
        },
    );
    let frame = use_node_ref();
    {
        // New markup: its bands, ticks and events placed.
        let frame = frame.clone();
        use_effect_with(drawn.clone(), move |_| {
            if let Some(el) = frame.cast::<web_sys::Element>() {
                place(&el);
            }
        });
    }
    {
        // The day's line, and the bands holding the day marked current.
        let frame = frame.clone();
        use_effect_with((drawn.clone(), date), move |(_, date)| {
            if let Some(el) = frame.cast::<web_sys::Element>() {
                mark_current(&el, *date);
            }
        });
    }
    let on_ctx = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            ctx.set(Context::parse(&v).unwrap_or(Context::Chat));
        })
    };
    let onclick = jump(&use_dispatch());
    html! {
        <section class="chart-section" aria-labelledby="chart-title">
            <h2 id="chart-title" class="section-title">{ view.t(T::OverTheYears) }</h2>
            <p class="section-help">{ view.t(T::ChartHelp) }</p>
            <div class="field chart-field">
                <label for="chart-ctx">{ view.t(T::ChartContext) }</label>
                <select id="chart-ctx" onchange={on_ctx}>
                    { for CONTEXTS.iter().map(|c| html! {
                        <option key={c.as_str()} value={c.as_str()} selected={*c == *ctx}>{ view.t(context_name(*c)) }</option>
                    }) }
                </select>
            </div>
            <div class="chart-frame" ref={frame} {onclick}>
                { drawn.0.html() }
                <div class="chart-now-layer" aria-hidden="true">
                    <span class="chart-now" data-scenario-date={date.to_string()} data-left={at(date)}></span>
                </div>
            </div>
            { drawn.1.html() }
            if crate::OVER_BUDGET {
                <crate::ui::components::download::ChartDownloads context={*ctx} />
            }
        </section>
    }
}

/// Marks each band holding `date` `aria-current="date"` and unmarks the
/// others; places the day's line.
fn mark_current(frame: &web_sys::Element, date: Date) {
    let Ok(list) = frame.query_selector_all("[data-from]") else {
        return;
    };
    for i in 0..list.length() {
        let Some(seg) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let (from, to) = (seg.get_attribute("data-from"), seg.get_attribute("data-to"));
        let now = holds(&from.unwrap_or_default(), &to.unwrap_or_default(), date);
        let _ = if now {
            seg.set_attribute("aria-current", "date")
        } else {
            seg.remove_attribute("aria-current")
        };
    }
    if let Ok(Some(line)) = frame.query_selector("[data-scenario-date]") {
        place(&line);
    }
}
