//! The chart "Over the years" as an SVG image to download, and to draw
//! into a canvas for the PNG: the same bands as the screen's chart (one row
//! per platform, coloured by outcome, paler when the card looked
//! different), a year axis, the legend, and a footer printed in the image
//! with the permalink, the days shown and the rules fingerprint, so that a
//! reader of a screenshot in a paper can check it.
//!
//! Built with [`Markup`] (its escaping is XML's too), every text from data
//! cleaned of the control characters XML forbids. Integer coordinates: a
//! pixel is five days, and float formatting would cost the bundle.

use super::super::chart::band_name;
use super::super::markup::Markup;
use super::super::words::{context_name, display_key, outcome_chip, platform_label};
use crate::i18n::download::D;
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::fingerprint::Fingerprint;
use crate::policy::matrix::{years, Band, START};
use crate::policy::rules::{CardDisplay, Context, Outcome, Rules};
use crate::policy::scenario::Date;
use crate::state::timeline::span;
use std::sync::Arc;

/// The image's width in pixels.
pub const WIDTH: i32 = 960;
/// Where the bars start (after the platforms' names) and their width.
const X0: i32 = 150;
const TRACK: i32 = WIDTH - X0 - 16;
/// The first row's top and a row's height.
const TOP: i32 = 44;
const ROW: i32 = 22;

/// What the footer prints: where the image came from.
pub struct Footer<'a> {
    /// The address that shows the chart again.
    pub permalink: &'a str,
    /// The first day shown.
    pub from: Date,
    /// The last day shown.
    pub to: Date,
    /// The rules that drew it.
    pub fingerprint: &'a Fingerprint,
}

/// An outcome's colour, the screen's (`styles/app.css`, `--out`).
fn colour(o: Outcome) -> &'static str {
    match o {
        Outcome::Open => "#2f9e5b",
        Outcome::Confirm => "#3b7bd4",
        Outcome::Warn => "#d99a1e",
        Outcome::CopyToBrowser => "#e06a2c",
        Outcome::Blocked => "#c9302c",
        _ => "#8c8c8c",
    }
}

/// `s` without the control characters XML 1.0 refuses (a rules file's
/// name may hold any), so the image always parses.
fn clean(s: &str) -> String {
    s.chars().map(|c| if c < ' ' { ' ' } else { c }).collect()
}

/// The x of the start of day `d` on the track (the day after the last
/// one shown is the track's end).
fn x(d: Date) -> i32 {
    let days = (d.ordinal() - START.ordinal()).clamp(0, span() + 1);
    X0 + days * TRACK / (span() + 1)
}

fn text(m: &mut Markup, x: i32, y: i32, attrs: &[(&'static str, &str)], s: &str) {
    let (x, y) = (x.to_string(), y.to_string());
    let mut all = vec![("x", x.as_str()), ("y", y.as_str())];
    all.extend_from_slice(attrs);
    m.leaf("text", &all, &clean(s));
}

fn rect(m: &mut Markup, at: (i32, i32, i32, i32), attrs: &[(&'static str, &str)]) {
    let n = [at.0, at.1, at.2, at.3].map(|v| v.to_string());
    let mut all = vec![
        ("x", n[0].as_str()),
        ("y", n[1].as_str()),
        ("width", n[2].as_str()),
        ("height", n[3].as_str()),
    ];
    all.extend_from_slice(attrs);
    m.leaf("rect", &all, "");
}

/// The chart of `rows` (each platform's bands in `ctx`, as the screen's)
/// as a standalone SVG document, its words in `lang`, with `foot`.
pub fn chart(
    rows: &[(Arc<str>, Vec<Band>)],
    rules: &Rules,
    ctx: Context,
    foot: &Footer,
    lang: Lang,
) -> String {
    let axis = TOP + rows.len() as i32 * ROW;
    let (legend, footer) = (axis + 40, axis + 72);
    let height = footer + 3 * 16 + 8;
    let title = String::from(T::OverTheYears.tr(lang)) + " · " + context_name(ctx).tr(lang);
    let (w, h) = (WIDTH.to_string(), height.to_string());
    let view = String::from("0 0 ") + &w + " " + &h;
    let mut m = Markup::with_capacity(8192 + rows.len() * 2048);
    let root = [
        ("xmlns", "http://www.w3.org/2000/svg"),
        ("width", w.as_str()),
        ("height", h.as_str()),
        ("viewBox", view.as_str()),
        ("font-family", "system-ui, sans-serif"),
        ("font-size", "12"),
        ("role", "img"),
        ("aria-label", title.as_str()),
    ];
    m.el("svg", &root, |m| {
        m.leaf("title", &[], &clean(&title));
        rect(m, (0, 0, WIDTH, height), &[("fill", "#fff")]);
        text(
            m,
            16,
            26,
            &[("font-size", "16"), ("font-weight", "bold")],
            &title,
        );
        for (i, (id, bands)) in rows.iter().enumerate() {
            let y = TOP + i as i32 * ROW;
            let name = platform_label(rules, id, lang);
            text(m, 16, y + 13, &[], name);
            for b in bands {
                let (left, right) = (x(b.from), x(b.to.add_days(1)));
                let mut attrs = vec![("fill", colour(b.cell.outcome))];
                if b.cell.display != CardDisplay::Card {
                    attrs.push(("fill-opacity", "0.45"));
                }
                let at = (left, y + 1, (right - left).max(1), ROW - 6);
                m.el("g", &[], |m| {
                    m.leaf("title", &[], &clean(&band_name(rules, id, ctx, b, lang)));
                    rect(m, at, &attrs);
                });
            }
        }
        // The year axis: a tick and the year at each 1 January.
        for year in years() {
            let at = x(Date {
                year,
                month: 1,
                day: 1,
            });
            rect(m, (at, TOP - 4, 1, axis - TOP + 8), &[("fill", "#ccc")]);
            text(
                m,
                at + 2,
                axis + 16,
                &[("fill", "#595959")],
                &year.to_string(),
            );
        }
        // The legend: the outcomes shown, and the paler bars when any.
        let shown = |f: &dyn Fn(&Band) -> bool| rows.iter().any(|(_, bs)| bs.iter().any(f));
        let mut at = 16;
        for o in Outcome::ALL
            .iter()
            .filter(|o| shown(&|b| b.cell.outcome == **o))
        {
            rect(m, (at, legend - 10, 12, 12), &[("fill", colour(*o))]);
            let words = outcome_chip(*o).tr(lang);
            text(m, at + 16, legend, &[], words);
            at += 24 + 7 * words.chars().count() as i32;
        }
        if shown(&|b| b.cell.display != CardDisplay::Card) {
            let paler = [("fill", "#8c8c8c"), ("fill-opacity", "0.45")];
            rect(m, (at, legend - 10, 12, 12), &paler);
            let words = display_key(CardDisplay::Private).map_or("", |k| k.tr(lang));
            text(m, at + 16, legend, &[], words);
        }
        // The footer: where the image came from.
        rect(m, (16, footer - 14, WIDTH - 32, 1), &[("fill", "#ccc")]);
        let grey = [("fill", "#595959"), ("font-size", "11")];
        let colon = lang.pick(": ", "：");
        for (i, line) in footer_lines(foot, lang, colon).iter().enumerate() {
            text(m, 16, footer + 4 + i as i32 * 16, &grey, line);
        }
    });
    String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") + m.as_str() + "\n"
}

/// The footer's three lines: the app and the days, the rules, the
/// permalink.
pub fn footer_lines(foot: &Footer, lang: Lang, colon: &str) -> [String; 3] {
    let fp = foot.fingerprint;
    [
        String::from("Walled Garden · ")
            + D::Days.tr(lang)
            + colon
            + &foot.from.to_string()
            + " – "
            + &foot.to.to_string(),
        String::from(D::Rules.tr(lang)) + colon + &fp.label() + " (SHA-256 " + fp.sha256() + ")",
        String::from(D::Permalink.tr(lang)) + colon + foot.permalink,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::matrix::{bands, platforms, END};
    use crate::policy::scenario::{day, Scenario};

    fn rows(rules: &Rules, ctx: Context) -> Vec<(Arc<str>, Vec<Band>)> {
        let s = Scenario {
            date: START,
            ..day("2021-10-01")
        };
        platforms(rules)
            .map(|(i, p)| (p.id.clone(), bands(rules, i, ctx, &s, START, END)))
            .collect()
    }

    fn footer(fp: &Fingerprint) -> Footer<'_> {
        Footer {
            permalink: "https://example.org/#/timeline?date=2021-10-01&lang=en",
            from: START,
            to: END,
            fingerprint: fp,
        }
    }

    #[test]
    fn the_image_prints_its_footer() {
        let (rules, fp) = (Rules::builtin(), Fingerprint::builtin());
        let r = rows(rules, Context::Chat);
        let svg = chart(&r, rules, Context::Chat, &footer(&fp), Lang::En);
        assert!(svg.starts_with("<?xml"));
        for want in [
            "Days: 2013-01-01 – 2023-12-31",
            &(String::from("Rules: ") + fp.short()),
            fp.sha256(),
            "Permalink: https://example.org/#/timeline?date=2021-10-01&amp;lang=en",
            ">Over the years · Chat</text>",
            "Douyin, Chat, 2018-03-01 to 2021-09-16: Copy to browser",
        ] {
            assert!(svg.contains(want), "{want}");
        }
        let bars: usize = r.iter().map(|(_, b)| b.len()).sum();
        assert_eq!(svg.matches("<g>").count(), bars, "a bar per band");
        let zh = chart(&r, rules, Context::Chat, &footer(&fp), Lang::Zh);
        assert!(zh.contains("日期范围：2013-01-01 – 2023-12-31"));
        assert!(zh.contains("永久链接："));
    }

    #[test]
    fn bars_tile_the_track() {
        let rules = Rules::builtin();
        for (_, bs) in rows(rules, Context::Moments) {
            assert_eq!(x(bs[0].from), X0);
            for w in bs.windows(2) {
                assert_eq!(x(w[0].to.add_days(1)), x(w[1].from));
            }
            assert_eq!(x(bs.last().unwrap().to.add_days(1)), X0 + TRACK);
        }
    }

    /// Markup and control characters in a platform's id and name stay
    /// text, and the image still parses as XML (checked with Python's
    /// parser where python3 is installed).
    #[test]
    fn hostile_names_stay_text_and_the_xml_parses() {
        let rules = Rules::builtin();
        let fp = Fingerprint::of_custom("x");
        let mut r = rows(rules, Context::Group);
        r[0].0 = "<img src=x onerror=alert(1)>\u{1}\"&".into();
        let svg = chart(&r, rules, Context::Group, &footer(&fp), Lang::En);
        assert!(!svg.contains("<img"));
        assert!(!svg.contains('\u{1}'));
        assert!(svg.contains(" custom (SHA-256 "));
        let dir = std::env::temp_dir().join(format!("wg-svg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("chart.svg");
        std::fs::write(&path, &svg).unwrap();
        let script = "import sys, xml.etree.ElementTree as E\n\
                      t = E.parse(sys.argv[1]).getroot()\n\
                      print(t.tag)\n";
        if let Ok(out) = std::process::Command::new("python3")
            .args(["-c", script])
            .arg(&path)
            .output()
        {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(
                String::from_utf8_lossy(&out.stdout).trim(),
                "{http://www.w3.org/2000/svg}svg"
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
