//! The chart "Over the years": one row per platform over 2013–2023, its
//! name a link to the platform's history and one button per band (a
//! stretch of days with one outcome in a context), named with platform,
//! context, days and outcome and showing them on hover and focus; the
//! record's events as thin lines, a year axis and a legend.
//!
//! Nothing here depends on the scenario's day, so the timeline keeps the
//! markup in a memo: a date change draws only the day's line and marks the
//! band holding the day (`ui::pages::timeline::chart`, with [`holds`]).

use super::href;
use super::markup::Markup;
use super::words::{context_name, display_key, outcome_chip, platform_label};
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::matrix::{years, Band, END, START};
use crate::policy::record::marks;
use crate::policy::rules::{CardDisplay, Context, Outcome, Rules};
use crate::policy::scenario::Date;
use crate::state::timeline::{offset, span};
use std::sync::Arc;

/// The chart of `rows` (each platform's bands in `ctx`): the rows, the
/// record's events and the year axis. Positions are in `data-left` and
/// `data-width` (percentages of the axis): the page's
/// Content-Security-Policy refuses style attributes, so the timeline sets
/// them through the CSS object model.
pub fn chart(rows: &[(Arc<str>, Vec<Band>)], rules: &Rules, ctx: Context, lang: Lang) -> Markup {
    let mut m = Markup::with_capacity(2048 + rows.len() * 1200);
    m.el(
        "div",
        &[("class", "chart"), ("data-context", ctx.as_str())],
        |m| {
            m.el("div", &[("class", "chart-rows")], |m| {
                // Decorative: the events are listed, with their names, under
                // the scrubber.
                let events = [("class", "chart-events"), ("aria-hidden", "true")];
                m.el("div", &events, |m| {
                    for (d, _) in marks().filter(|(d, _)| *d >= START && *d <= END) {
                        m.leaf(
                            "span",
                            &[("class", "chart-event"), ("data-left", &at(d))],
                            "",
                        );
                    }
                });
                for (id, bs) in rows {
                    row(m, rules, id, bs, ctx, lang);
                }
            });
            let axis = [
                ("class", "chart-axis"),
                ("aria-label", T::ChartYears.tr(lang)),
            ];
            m.el("ol", &axis, |m| {
                for year in years() {
                    let left = at(Date {
                        year,
                        month: 1,
                        day: 1,
                    });
                    let y = year.to_string();
                    m.el("li", &[("data-left", &left)], |m| {
                        m.leaf("time", &[("datetime", &y)], &y);
                    });
                }
            });
        },
    );
    m
}

/// A platform's row: a group named by the platform, its name linking to
/// its history, then its bands.
fn row(m: &mut Markup, rules: &Rules, id: &str, bands: &[Band], ctx: Context, lang: Lang) {
    let name = platform_label(rules, id, lang);
    let attrs = [
        ("class", "chart-row"),
        ("role", "group"),
        ("aria-label", name),
        ("data-platform", id),
    ];
    m.el("div", &attrs, |m| {
        m.leaf(
            "a",
            &[("class", "chart-label"), ("href", &href::history(id))],
            name,
        );
        m.el("div", &[("class", "chart-track")], |m| {
            for b in bands {
                segment(m, rules, id, b, ctx, lang);
            }
        });
    });
}

/// A band as a button: its name says it all, its tip shows it on hover
/// and focus, and pressing it moves the scenario to its first day
/// (`data-jump`).
fn segment(m: &mut Markup, rules: &Rules, id: &str, b: &Band, ctx: Context, lang: Lang) {
    let name = band_name(rules, id, ctx, b, lang);
    let (from, to) = (b.from.to_string(), b.to.to_string());
    let (left, width) = place(b);
    // A tip past the middle opens to the left, so that it stays in sight.
    let late = offset(b.from) + offset(b.to) > span();
    let class = if late {
        "chart-seg chart-seg-late"
    } else {
        "chart-seg"
    };
    let attrs = [
        ("type", "button"),
        ("class", class),
        ("aria-label", &name),
        ("data-outcome", b.cell.outcome.as_str()),
        ("data-display", b.cell.display.as_str()),
        ("data-from", &from),
        ("data-to", &to),
        ("data-jump", &from),
        ("data-left", &left),
        ("data-width", &width),
    ];
    m.el("button", &attrs, |m| {
        m.leaf(
            "span",
            &[("class", "chart-tip"), ("role", "tooltip")],
            &name,
        );
    });
}

/// A band's name: "Douyin, Chat, 2018-03-01 to 2021-09-16: Copy to
/// browser", its card's look after the outcome when it is not a plain
/// card. The chart's own ends are not days of the record: a band from the
/// first day shown reads "until …", one to the last "from …".
pub fn band_name(rules: &Rules, id: &str, ctx: Context, b: &Band, lang: Lang) -> String {
    let (comma, colon) = (lang.pick(", ", "，"), lang.pick(": ", "："));
    let mut s = String::from(platform_label(rules, id, lang));
    s = s + comma + context_name(ctx).tr(lang) + comma;
    let (from, to) = (b.from.to_string(), b.to.to_string());
    let days = match (b.from <= START, b.to >= END) {
        (true, true) => T::ChartThroughout.tr(lang).to_string(),
        (true, false) => String::from(T::UntilDay.tr(lang)) + " " + &to,
        (false, true) => match lang {
            Lang::En => String::from(T::ChartFrom.tr(lang)) + " " + &from,
            Lang::Zh => from + " " + T::ChartFrom.tr(lang),
        },
        (false, false) if b.from == b.to => match lang {
            Lang::En => String::from(T::ChartOn.tr(lang)) + " " + &from,
            Lang::Zh => from + " " + T::ChartOn.tr(lang),
        },
        (false, false) => from + " " + T::ChartTo.tr(lang) + " " + &to,
    };
    s = s + &days + colon + outcome_chip(b.cell.outcome).tr(lang);
    if let Some(k) = display_key(b.cell.display) {
        s = s + lang.pick(" (", "（") + k.tr(lang) + lang.pick(")", "）");
    }
    s
}

/// The legend of `rows`: a swatch and the words of each outcome they show,
/// in the outcomes' order; the paler bars when a card looks different;
/// the day's line.
pub fn legend(rows: &[(Arc<str>, Vec<Band>)], lang: Lang) -> Markup {
    let shown = |f: &dyn Fn(&Band) -> bool| rows.iter().any(|(_, bs)| bs.iter().any(f));
    let mut m = Markup::new();
    let attrs = [
        ("class", "chart-legend"),
        ("aria-label", T::Legend.tr(lang)),
    ];
    m.el("ul", &attrs, |m| {
        for o in Outcome::ALL
            .iter()
            .filter(|o| shown(&|b| b.cell.outcome == **o))
        {
            m.el("li", &[("data-outcome", o.as_str())], |m| {
                m.leaf("span", &[("class", "chart-swatch")], "");
                m.text(outcome_chip(*o).tr(lang));
            });
        }
        if shown(&|b| b.cell.display != CardDisplay::Card) {
            m.el("li", &[("data-display", "private")], |m| {
                m.leaf("span", &[("class", "chart-swatch")], "");
                m.text(T::ChartPaler.tr(lang));
            });
        }
        m.el("li", &[], |m| {
            m.leaf("span", &[("class", "chart-swatch chart-swatch-day")], "");
            m.text(T::ChartDay.tr(lang));
        });
    });
    m
}

/// `d`'s place on the chart's axis, as a CSS percentage: days since
/// [`START`] over the days shown, each day a slot of equal width.
pub fn at(d: Date) -> String {
    pct(hundredths(offset(d)))
}

/// A band's left edge and width: the width is the difference of two
/// rounded edges, so the bands of a row tile it with no gap.
fn place(b: &Band) -> (String, String) {
    let (l, r) = (hundredths(offset(b.from)), hundredths(offset(b.to) + 1));
    (pct(l), pct(r - l))
}

/// `days` after [`START`] in hundredths of a percent of the axis.
fn hundredths(days: i32) -> i64 {
    i64::from(days) * 10_000 / i64::from(span() + 1)
}

/// Hundredths of a percent as CSS (no floats: their formatting would cost
/// the bundle).
fn pct(h: i64) -> String {
    format!("{}.{:02}%", h / 100, h % 100)
}

/// Whether the band from `from` to `to` (its `data-from` and `data-to`)
/// holds `date`: the band the timeline marks `aria-current="date"`.
pub fn holds(from: &str, to: &str, date: Date) -> bool {
    match (Date::parse(from), Date::parse(to)) {
        (Ok(f), Ok(t)) => f <= date && date <= t,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::matrix::{bands, platforms};
    use crate::policy::scenario::{day, Scenario};

    /// Every platform's bands in `ctx`, as the timeline draws them.
    fn rows(rules: &Rules, ctx: Context) -> Vec<(Arc<str>, Vec<Band>)> {
        let s = Scenario {
            date: START,
            ..day("2021-10-01")
        };
        platforms(rules)
            .map(|(i, p)| (p.id.clone(), bands(rules, i, ctx, &s, START, END)))
            .collect()
    }

    /// The segments of `html`: each button's attributes, up to its `>`.
    fn segments(html: &str) -> Vec<&str> {
        let starts = html
            .match_indices("<button ")
            .map(|(i, _)| i + "<button".len());
        starts
            .map(|i| &html[i..i + html[i..].find('>').unwrap()])
            .collect()
    }

    /// The value of `attr` in a tag's attributes.
    fn attr<'a>(tag: &'a str, attr: &str) -> &'a str {
        let key = String::from(" ") + attr + "=\"";
        let at = tag.find(&key).unwrap_or_else(|| panic!("{attr} in {tag}")) + key.len();
        &tag[at..at + tag[at..].find('"').unwrap()]
    }

    #[test]
    fn the_axis_has_every_year_from_2013_to_2023() {
        let rules = Rules::builtin();
        for (lang, name) in [(Lang::En, "Years"), (Lang::Zh, "年份")] {
            let html = chart(&rows(rules, Context::Chat), rules, Context::Chat, lang).into_string();
            let axis = &html[html.find("<ol class=\"chart-axis\"").unwrap()..];
            assert!(axis.contains(&format!("aria-label=\"{name}\"")), "{axis}");
            assert_eq!(axis.matches("<li ").count(), 11);
            for y in 2013..=2023 {
                let label = format!("<time datetime=\"{y}\">{y}</time>");
                assert!(axis.contains(&label), "{y}: {axis}");
            }
            assert!(axis.contains("<li data-left=\"0.00%\"><time datetime=\"2013\">"));
            // 2023 starts 10 years (3652 days) into 4017.
            assert!(axis.contains("<li data-left=\"90.91%\"><time datetime=\"2023\">"));
        }
        assert_eq!(years().count(), 11);
    }

    #[test]
    fn every_segment_is_a_button_named_in_both_languages() {
        let rules = Rules::builtin();
        for ctx in [Context::Chat, Context::Group, Context::Moments] {
            let r = rows(rules, ctx);
            for lang in [Lang::En, Lang::Zh] {
                let html = chart(&r, rules, ctx, lang).into_string();
                let segs = segments(&html);
                let all: Vec<(&Arc<str>, &Band)> = r
                    .iter()
                    .flat_map(|(id, bs)| bs.iter().map(move |b| (id, b)))
                    .collect();
                assert_eq!(segs.len(), all.len());
                for (seg, (id, b)) in segs.iter().zip(&all) {
                    let name = attr(seg, "aria-label");
                    let platform = platform_label(rules, id, lang);
                    let context = context_name(ctx).tr(lang);
                    let outcome = outcome_chip(b.cell.outcome).tr(lang);
                    let head = [platform, context].join(lang.pick(", ", "，"));
                    assert!(name.starts_with(&head), "{name}");
                    assert!(name.contains(outcome), "{name}");
                    // The days: every day of the band the chart does not
                    // cut, in words the language's.
                    let (from, to) = (b.from.to_string(), b.to.to_string());
                    assert_eq!(name.contains(&from), b.from > START, "{name}");
                    assert_eq!(name.contains(&to), b.to < END, "{name}");
                    let words = match (b.from > START, b.to < END) {
                        (false, false) => T::ChartThroughout,
                        (false, true) => T::UntilDay,
                        (true, false) => T::ChartFrom,
                        (true, true) if b.from == b.to => T::ChartOn,
                        (true, true) => T::ChartTo,
                    };
                    assert!(name.contains(words.tr(lang)), "{name}");
                    if let Some(k) = display_key(b.cell.display) {
                        assert!(name.contains(k.tr(lang)), "{name}");
                    }
                    assert_eq!(attr(seg, "type"), "button");
                    assert_eq!(attr(seg, "data-jump"), from);
                    assert_eq!(attr(seg, "data-outcome"), b.cell.outcome.as_str());
                    // Its tip says the same.
                    let tip = format!("<span class=\"chart-tip\" role=\"tooltip\">{name}</span>");
                    assert!(html.contains(&tip), "{name}");
                }
                assert!(
                    !html.contains("aria-hidden=\"true\"><div"),
                    "the rows are not hidden"
                );
            }
        }
    }

    #[test]
    fn names_read_as_sentences() {
        let rules = Rules::builtin();
        let (chat, group) = (rows(rules, Context::Chat), rows(rules, Context::Group));
        let douyin = |r: &[(Arc<str>, Vec<Band>)], ctx, lang| -> Vec<String> {
            let (id, bs) = r.iter().find(|(id, _)| &**id == "douyin").unwrap();
            bs.iter()
                .map(|b| band_name(rules, id, ctx, b, lang))
                .collect()
        };
        assert_eq!(
            douyin(&chat, Context::Chat, Lang::En),
            [
                "Douyin, Chat, until 2018-02-28: Opens",
                "Douyin, Chat, 2018-03-01 to 2021-09-16: Copy to browser",
                "Douyin, Chat, 2021-09-17 to 2021-11-28: Confirm first",
                "Douyin, Chat, from 2021-11-29: Opens",
            ]
        );
        assert_eq!(
            douyin(&chat, Context::Chat, Lang::Zh),
            [
                "抖音，单聊，至 2018-02-28：直接打开",
                "抖音，单聊，2018-03-01 至 2021-09-16：需复制",
                "抖音，单聊，2021-09-17 至 2021-11-28：需确认",
                "抖音，单聊，2021-11-29 起：直接打开",
            ]
        );
        let (id, bs) = group.iter().find(|(id, _)| &**id == "feishu").unwrap();
        let names: Vec<String> = bs
            .iter()
            .map(|b| band_name(rules, id, Context::Group, b, Lang::En))
            .collect();
        assert!(
            names.iter().any(|n| n.ends_with("on 2020-02-28: Blocked")),
            "{names:?}"
        );
        let (id, bs) = group.iter().find(|(id, _)| &**id == "jd").unwrap();
        assert_eq!(
            band_name(rules, id, Context::Group, &bs[0], Lang::Zh),
            "京东，群聊，图中各年：直接打开"
        );
    }

    #[test]
    fn rows_are_named_groups_linking_to_their_history() {
        let rules = Rules::builtin();
        let html = chart(&rows(rules, Context::Chat), rules, Context::Chat, Lang::En).into_string();
        assert!(html.contains(
            "<div class=\"chart-row\" role=\"group\" aria-label=\"Douyin\" data-platform=\"douyin\">\
             <a class=\"chart-label\" href=\"#/history?platform=douyin\">Douyin</a>"
        ));
        assert_eq!(
            html.matches("role=\"group\"").count(),
            platforms(rules).count()
        );
        assert!(!html.contains("role=\"img\""));
    }

    #[test]
    fn bands_tile_their_row_and_the_events_are_marked() {
        let rules = Rules::builtin();
        let html = chart(
            &rows(rules, Context::Moments),
            rules,
            Context::Moments,
            Lang::En,
        )
        .into_string();
        let hundredths =
            |s: &str| -> i64 { s.trim_end_matches('%').replace('.', "").parse().unwrap() };
        for row in html.split("role=\"group\"").skip(1) {
            let segs = segments(row);
            let mut at = 0;
            for seg in &segs {
                assert_eq!(hundredths(attr(seg, "data-left")), at, "{seg}");
                at += hundredths(attr(seg, "data-width"));
            }
            assert_eq!(at, 10_000, "{row}");
        }
        assert_eq!(
            html.matches("class=\"chart-event\"").count(),
            marks().count(),
            "a line per dated event"
        );
        let legend = legend(&rows(rules, Context::Moments), Lang::En).into_string();
        for words in [
            "Opens",
            "Copy to browser",
            "Blocked",
            "Warning first",
            "Paler",
            "day",
        ] {
            assert!(legend.contains(words), "{words}: {legend}");
        }
        assert!(!legend.contains("Confirm first"), "only the outcomes shown");
    }

    #[test]
    fn the_current_band_holds_the_day() {
        let d = |s| Date::parse(s).unwrap();
        assert!(holds("2018-03-01", "2021-09-16", d("2018-03-01")));
        assert!(holds("2018-03-01", "2021-09-16", d("2021-09-16")));
        assert!(!holds("2018-03-01", "2021-09-16", d("2021-09-17")));
        assert!(!holds("garbage", "2021-09-16", d("2020-01-01")));
        assert_eq!(at(START), "0.00%");
        assert_eq!(at(d("2030-01-01")), at(END), "clamped to the axis");
    }

    #[test]
    fn hostile_platform_ids_and_names_stay_text() {
        const H: &str = "<img src=x onerror=alert(1)>\" onmouseover=\"x\"'&";
        let rules = Rules::builtin();
        let bands = rows(rules, Context::Chat).remove(0).1;
        let hostile = vec![(Arc::<str>::from(H), bands)];
        for lang in [Lang::En, Lang::Zh] {
            let html = chart(&hostile, rules, Context::Chat, lang).into_string();
            assert!(
                !html.contains("<img") && !html.contains("\" onmouseover"),
                "{html}"
            );
            let escaped =
                "&lt;img src=x onerror=alert(1)&gt;&quot; onmouseover=&quot;x&quot;&#39;&amp;";
            assert!(html.contains(&format!(
                "aria-label=\"{escaped}\" data-platform=\"{escaped}\""
            )));
            assert!(
                html.contains(&format!(">{escaped}</a>")),
                "the label is text"
            );
            assert!(
                html.contains("href=\"#/history?platform=%3Cimg%20"),
                "{html}"
            );
            let segs = segments(&html);
            assert!(attr(segs[0], "aria-label").starts_with(escaped));
        }
    }
}
