//! The chart: one band per platform over 2013–2023, coloured by its
//! outcome in a context, with the record's events and a line at the
//! scenario's day; and the same data as a table for screen readers.

use super::markup::Markup;
use super::words::{context_name, display_key, outcome_key, platform_label};
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::matrix::{Band, END, START};
use crate::policy::record::marks;
use crate::policy::rules::{Context, Rules};
use crate::policy::scenario::Date;
use crate::state::timeline::{offset, span};
use std::sync::Arc;

/// Height of a platform's row, in the chart's units and in CSS pixels.
const ROW: i32 = 14;

/// The chart of `rows` (each platform's bands in `ctx`) with a line at
/// `date`, and its text alternative.
pub fn chart(
    rows: &[(Arc<str>, Vec<Band>)],
    rules: &Rules,
    ctx: Context,
    date: Date,
    lang: Lang,
) -> Markup {
    let mut m = Markup::with_capacity(4096 + rows.len() * 600);
    m.el("div", &[("class", "chart"), ("aria-hidden", "true")], |m| {
        m.el("ul", &[("class", "chart-labels")], |m| {
            for (id, _) in rows {
                m.leaf("li", &[], platform_label(rules, id, lang));
            }
        });
        svg(m, rows, ctx, date);
    });
    m.el("table", &[("class", "sr-only")], |m| {
        let caption = [T::ChartAlt, context_name(ctx), T::ScenarioDate]
            .map(|k| k.tr(lang))
            .join(" · ");
        m.leaf("caption", &[], &(caption + " " + &date.to_string()));
        m.el("thead", &[], |m| {
            m.el("tr", &[], |m| {
                for k in [T::Platform, T::FromDay, T::ToDay, T::Outcome] {
                    m.leaf("th", &[("scope", "col")], k.tr(lang));
                }
            });
        });
        m.el("tbody", &[], |m| {
            for (id, bs) in rows {
                for b in bs {
                    text_row(m, rules, id, b, date, lang);
                }
            }
        });
    });
    m
}

/// The bands as shapes, the events and the day as lines.
fn svg(m: &mut Markup, rows: &[(Arc<str>, Vec<Band>)], ctx: Context, date: Date) {
    let height = (rows.len() as i32 * ROW).to_string();
    let view = format!("0 0 {} {height}", span() + 1);
    let attrs = [
        ("class", "chart-svg"),
        ("viewBox", &view),
        ("preserveAspectRatio", "none"),
        ("height", &height),
        ("data-context", ctx.as_str()),
    ];
    m.el("svg", &attrs, |m| {
        for (i, (id, bs)) in rows.iter().enumerate() {
            m.el("g", &[("data-platform", id)], |m| {
                let (y, h) = ((i as i32 * ROW + 2).to_string(), (ROW - 4).to_string());
                for b in bs {
                    let (x, w) = (offset(b.from), offset(b.to) - offset(b.from) + 1);
                    let rect = [
                        ("x", &*x.to_string()),
                        ("y", &y),
                        ("width", &w.to_string()),
                        ("height", &h),
                        ("data-outcome", b.cell.outcome.as_str()),
                        ("data-display", b.cell.display.as_str()),
                    ];
                    m.leaf("rect", &rect, "");
                }
            });
        }
        let line = |m: &mut Markup, first: &[(&'static str, &str)], x: i32| {
            let x = x.to_string();
            let mut attrs = first.to_vec();
            attrs.extend([
                ("x1", &*x),
                ("x2", &x),
                ("y1", "0"),
                ("y2", &height),
                ("vector-effect", "non-scaling-stroke"),
            ]);
            m.leaf("line", &attrs, "");
        };
        for (d, _) in marks().filter(|(d, _)| *d >= START && *d <= END) {
            line(m, &[("class", "chart-event")], offset(d));
        }
        let day = date.to_string();
        let now = [("class", "chart-now"), ("data-scenario-date", &*day)];
        line(m, &now, offset(date));
    });
}

/// A band as a row of the text alternative, marked current when it holds
/// `date`.
fn text_row(m: &mut Markup, rules: &Rules, id: &str, b: &Band, date: Date, lang: Lang) {
    let mut attrs = vec![
        ("data-platform", id),
        ("data-outcome", b.cell.outcome.as_str()),
    ];
    if b.from <= date && date <= b.to {
        attrs.push(("aria-current", "date"));
    }
    m.el("tr", &attrs, |m| {
        m.leaf("th", &[("scope", "row")], platform_label(rules, id, lang));
        m.leaf("td", &[], &b.from.to_string());
        m.leaf("td", &[], &b.to.to_string());
        let mut words = String::from(outcome_key(b.cell.outcome).tr(lang));
        if let Some(k) = display_key(b.cell.display) {
            words = words + " (" + k.tr(lang) + ")";
        }
        m.leaf("td", &[], &words);
    });
}
