//! The record on the timeline: its entries as cards, each with only the
//! dates the record gives, how sure the record is, its sources and what of
//! the simulator follows from it; and the scrubber's ticks and events.

use super::href;
use super::markup::Markup;
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::matrix::{END, START};
use crate::policy::record::{self, entries, source_name, source_url, Entry, Use};
use crate::policy::rules::Rules;
use crate::policy::scenario::Date;
use crate::state::timeline::percent;

/// Every entry of the record as a card, in the record's order. They
/// depend on the rules (what follows from each entry) and the language
/// only, so the timeline keeps them in a memo.
pub fn cards(rules: &Rules, lang: Lang) -> Markup {
    let mut m = Markup::with_capacity(16 * 1500);
    for e in entries() {
        card(&mut m, rules, lang, e);
    }
    m
}

/// The scrubber's ticks: one per day the record gives (an undated entry
/// has none), placed by `data-left`. Only a picture: close days overlap on
/// a phone, so the events are buttons in a list ([`events`]).
pub fn ticks() -> Markup {
    let mut m = Markup::new();
    for (day, _) in record::marks().filter(|(d, _)| *d >= START && *d <= END) {
        m.leaf("li", &[("data-left", &percent(day))], "");
    }
    m
}

/// The record's dated events under the scrubber, folded: a button each,
/// named by its day (with its precision when it is not to the day) and
/// its title, jumping to its day by `data-jump`.
pub fn events(lang: Lang) -> Markup {
    let shown: Vec<(Date, &Entry)> = record::marks()
        .filter(|(d, _)| *d >= START && *d <= END)
        .collect();
    let mut m = Markup::with_capacity(shown.len() * 200);
    m.el("details", &[("class", "scrub-events")], |m| {
        let count = String::from(T::Events.tr(lang)) + " (" + &shown.len().to_string() + ")";
        m.leaf("summary", &[], &count);
        m.leaf(
            "p",
            &[("class", "scrub-events-help")],
            T::EventsHelp.tr(lang),
        );
        m.el("ol", &[("aria-label", T::Events.tr(lang))], |m| {
            for (day, e) in &shown {
                let d = day.to_string();
                m.el("li", &[], |m| {
                    let attrs = [
                        ("type", "button"),
                        ("class", "scrub-event"),
                        ("data-jump", &d),
                    ];
                    m.el("button", &attrs, |m| {
                        m.leaf("time", &[("datetime", &d)], &d);
                        if let Some(p) = precision(e) {
                            m.text(" ").text(p.tr(lang));
                        }
                        m.text(" · ").text(e.title(lang));
                    });
                });
            }
        });
    });
    m
}

/// One entry's card; "Jump to" carries its day in `data-jump`.
fn card(m: &mut Markup, rules: &Rules, lang: Lang, e: &Entry) {
    let sep = lang.pick(": ", "：");
    let id = e.id.as_str();
    let uses = e.uses(rules);
    let date = e.date.map_or("none".into(), |d| d.to_string());
    let title_id = String::from(id) + "-title";
    let mut attrs = vec![
        ("class", "record-card"),
        ("tabindex", "-1"),
        ("id", id),
        ("data-date", &*date),
    ];
    if uses.is_empty() {
        attrs.push(("data-context-only", "true"));
    }
    attrs.push(("aria-labelledby", &title_id));
    m.el("article", &attrs, |m| {
        m.leaf("h3", &[("id", &title_id)], e.title(lang));
        m.el("p", &[("class", "record-date")], |m| {
            dates(m, e, lang);
            m.text(" · ").leaf("code", &[], id);
        });
        m.leaf("p", &[("class", "record-what")], e.what(lang));
        confidence(m, e, lang);
        m.el("p", &[("class", "record-sources")], |m| {
            m.text(T::Sources.tr(lang)).text(sep);
            for s in &e.sources {
                // Named as a reader cites it (`seeds/000` by its
                // publication and title), the record's id kept as a title.
                let name = source_name(s);
                match source_url(s) {
                    Some(url) => {
                        let attrs = [
                            ("class", "record-source"),
                            ("target", "_blank"),
                            ("rel", "noopener noreferrer"),
                            ("href", &url),
                        ];
                        m.leaf("a", &attrs, &name);
                    }
                    None => {
                        m.leaf("span", &[("class", "record-source"), ("title", s)], &name);
                    }
                }
            }
        });
        follows(m, &uses, lang);
        // "Jump to" needs a day the entry held: its start, else the last
        // day before its end; an undated entry has none.
        if let Some(d) = e.date.or(e.until.map(|u| u.add_days(-1))) {
            let attrs = [
                ("type", "button"),
                ("class", "btn"),
                ("data-jump", &d.to_string()),
            ];
            m.leaf("button", &attrs, T::JumpTo.tr(lang));
        }
        // Cite this: one dialog for every card (`ui::components::cite`),
        // once the bundle has room for it (`crate::OVER_BUDGET`).
        if !crate::OVER_BUDGET {
            return;
        }
        let cite = [
            ("type", "button"),
            ("class", "btn cite-btn"),
            ("data-cite", id),
        ];
        m.leaf("button", &cite, crate::i18n::cite::Ci::CiteThis.tr(lang));
    });
}

/// The words for an entry's precision, when it is not to the day.
fn precision(e: &Entry) -> Option<T> {
    match e.precision.as_str() {
        "month" => Some(T::PrecMonth),
        "approximate" => Some(T::PrecApprox),
        "unknown" => Some(T::PrecUnknown),
        _ => None,
    }
}

/// A card's dates, only as the record gives them: the start as a `<time>`
/// (or "Start not in the record" before an end, or "No date in the
/// record"), the end (marked "(inferred)" when the record infers it), the
/// precision of a date shown, and the record's own words when the day
/// shown is a reading of them.
pub fn dates(m: &mut Markup, e: &Entry, lang: Lang) {
    let time = |m: &mut Markup, d: Date| {
        let d = d.to_string();
        m.leaf("time", &[("datetime", &d)], &d);
    };
    match e.date {
        Some(d) => time(m, d),
        None if e.until.is_some() => {
            m.text(T::NoStart.tr(lang));
        }
        None => {
            m.text(T::NoDate.tr(lang));
        }
    }
    if let Some(u) = e.until {
        m.text(if e.date.is_some() { " " } else { " · " });
        m.text(T::UntilDay.tr(lang)).text(" ");
        time(m, u);
        if e.until_inferred {
            m.text(" ").text(T::Inferred.tr(lang));
        }
    }
    if let Some(p) = precision(e).filter(|_| e.date.or(e.until).is_some()) {
        m.text(" ").text(p.tr(lang));
    }
    if let Some(w) = e.when(lang) {
        m.text(" · ").text(T::RecordSays.tr(lang));
        m.text(lang.pick(": \u{201c}", "：“")).text(w);
        m.text(lang.pick("\u{201d}", "”"));
    }
}

/// What of the simulator follows from the entry: the rules citing it
/// (links to the rules screen; network rules by id), the features built on
/// it, or, when nothing does, that it is context only.
fn follows(m: &mut Markup, uses: &[Use], lang: Lang) {
    let sep = lang.pick(": ", "：");
    let line = [("class", "record-rules")];
    if uses.is_empty() {
        m.leaf("p", &line, T::ContextOnly.tr(lang));
        return;
    }
    let rules: Vec<&Use> = uses
        .iter()
        .filter(|u| matches!(u, Use::Rule(_) | Use::Network(_)))
        .collect();
    if !rules.is_empty() {
        m.el("p", &line, |m| {
            m.text(T::RulesCiting.tr(lang)).text(sep);
            for (i, u) in rules.iter().enumerate() {
                match u {
                    Use::Rule(r) => {
                        m.el("a", &[("href", &href::rule(r))], |m| {
                            m.leaf("code", &[], r);
                        });
                    }
                    Use::Network(r) => {
                        // Not on the rules screen: named, not linked.
                        if i > 0 {
                            m.text(" · ");
                        }
                        m.leaf("code", &[], r);
                    }
                    _ => {}
                }
            }
        });
    }
    let features: Vec<(&str, T)> = uses
        .iter()
        .filter_map(|u| match u {
            Use::Sync => Some((href::MOMENTS, T::UseSync)),
            Use::SignUp => Some((href::REGISTER, T::Register)),
            Use::Connection => Some((href::CONNECTION, T::Connection)),
            _ => None,
        })
        .collect();
    if !features.is_empty() {
        m.el("p", &line, |m| {
            m.text(T::UsedBy.tr(lang)).text(sep);
            for (to, name) in features {
                m.leaf("a", &[("href", to)], name.tr(lang));
            }
        });
    }
}

/// How sure the record is of an entry and of its parts.
fn confidence(m: &mut Markup, e: &Entry, lang: Lang) {
    let flag = |m: &mut Markup, weak: bool, assumed: bool| {
        let (k, class) = match (weak, assumed) {
            (_, true) => (T::Assumption, "flag assumption"),
            (true, _) => (T::WeakEntry, "flag low"),
            _ => return,
        };
        m.text(" · ").leaf("span", &[("class", class)], k.tr(lang));
    };
    // The record's marks make a rule citing the entry low confidence.
    let level = if e.weak || e.assumed {
        T::ConfLow
    } else {
        T::ConfHigh
    };
    m.el("div", &[("class", "record-confidence")], |m| {
        m.el("p", &[], |m| {
            m.text(T::ConfidenceLabel.tr(lang))
                .text(lang.pick(": ", "："));
            m.text(level.tr(lang));
            flag(m, e.weak, e.assumed);
        });
        if !e.parts.is_empty() {
            m.el("ul", &[], |m| {
                for p in &e.parts {
                    m.el("li", &[], |m| {
                        m.text(lang.pick(&p.what_en, &p.what_zh));
                        flag(m, p.weak, p.assumed);
                    });
                }
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates_of(id: &str, lang: Lang) -> String {
        let mut m = Markup::new();
        dates(&mut m, record::entry(id).unwrap(), lang);
        m.into_string()
    }

    #[test]
    fn cards_give_only_the_dates_of_the_record() {
        use Lang::{En, Zh};
        assert_eq!(
            dates_of("S-SYNC-BEFORE-2017-05", En),
            "Start not in the record · until <time datetime=\"2017-05-19\">2017-05-19</time> \
             (approximate) · the record says: \u{201c}before May 2017\u{201d}"
        );
        assert!(dates_of("S-SYNC-BEFORE-2017-05", Zh).starts_with("记录中没有开始日期 · 至 "));
        assert!(dates_of("S-SYNC-BEFORE-2017-05", Zh).ends_with("记录原文：“2017 年 5 月前”"));
        for id in ["S-VPN", "S-ANDROID-SOON", "N-GFW"] {
            assert_eq!(dates_of(id, En), "No date in the record", "{id}");
            assert_eq!(dates_of(id, Zh), "记录中没有日期", "{id}");
        }
        assert_eq!(
            dates_of("REG-2021-07-27", En),
            "<time datetime=\"2021-07-27\">2021-07-27</time> until \
             <time datetime=\"2021-08-05\">2021-08-05</time> (inferred)"
        );
        assert!(dates_of("REG-2021-07-27", Zh).ends_with("2021-08-05</time> （推断）"));
        assert!(dates_of("CONN-2020-02", En)
            .ends_with("(approximate) · the record says: \u{201c}late February 2020\u{201d}"));
        assert_eq!(
            dates_of("R-2013-11", En),
            "<time datetime=\"2013-11-01\">2013-11-01</time> (month only)"
        );
        assert!(!dates_of("R-2021-09-17", En).contains('('));
    }

    #[test]
    fn every_entry_is_a_card_with_its_id_and_sources() {
        let html = cards(Rules::builtin(), Lang::En).into_string();
        assert_eq!(html.matches("<article ").count(), entries().len());
        assert!(html.contains(
            "<article class=\"record-card\" tabindex=\"-1\" id=\"R-2021-09-17\" \
             data-date=\"2021-09-17\" aria-labelledby=\"R-2021-09-17-title\">"
        ));
        assert!(html.contains("data-context-only=\"true\""));
        assert!(html.contains("<a href=\"#/rules?id="));
        let ticks = ticks().into_string();
        assert!(ticks.starts_with("<li data-left=\""), "{ticks}");
        assert_eq!(ticks.matches("<li ").count(), record::marks().count());
        assert!(!ticks.contains("<button"), "a picture, not controls");
    }

    #[test]
    fn every_event_is_a_button_with_its_day_and_title() {
        for lang in [Lang::En, Lang::Zh] {
            let html = events(lang).into_string();
            let n = record::marks().count();
            assert_eq!(html.matches("<button ").count(), n);
            assert_eq!(html.matches("data-jump=").count(), n);
            let count = String::from(T::Events.tr(lang)) + " (" + &n.to_string() + ")";
            assert!(html.contains(&count), "{html}");
            for (d, e) in record::marks() {
                let d = d.to_string();
                let name = format!("<time datetime=\"{d}\">{d}</time>");
                let at = html.find(&name).unwrap_or_else(|| panic!("{d}"));
                let item = &html[at..at + html[at..].find("</button>").unwrap()];
                let mut title = Markup::new();
                title.text(" · ").text(e.title(lang));
                assert!(item.ends_with(title.as_str()), "{item}");
            }
        }
        let en = events(Lang::En).into_string();
        assert!(en.contains(
            "data-jump=\"2013-11-01\"><time datetime=\"2013-11-01\">2013-11-01</time> \
             (month only) · Taobao links stop opening</button>"
        ));
        assert!(en.contains(
            "<time datetime=\"2021-09-17\">2021-09-17</time> · Phase 1: one-to-one chats open \
             after confirmation</button>"
        ));
        let zh = events(Lang::Zh).into_string();
        assert!(
            zh.contains("（仅知月份） · 淘宝链接无法在微信中打开</button>"),
            "{zh}"
        );
    }
}
