//! One platform's history (`#/history?platform=…`): per context, the
//! outcome at first and one row per change, in words first (the day, the
//! context, both outcomes) and the rule ids second, each linking to its
//! rule; and, for an unknown or missing platform, the platforms to pick.

use super::changes::{cell_words, change_row, rule_links};
use super::href;
use super::markup::Markup;
use super::words::{context_name, platform_label};
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::history::{History, Lane};
use crate::policy::matrix::{platforms, START};
use crate::policy::rules::{Context, Rules};
use crate::policy::scenario::Date;

/// The id of a context's heading (the list is labelled by it).
fn lane_id(c: Context) -> &'static str {
    match c {
        Context::Chat => "hist-chat",
        Context::Group => "hist-group",
        Context::Moments => "hist-moments",
        Context::MiniProgram => "hist-mini",
    }
}

/// The history section: the platform's name as its heading, what it
/// shows, then each context with its outcome at first, its changes, and
/// what was in force on the scenario's `day` (so the reader sees where
/// their day falls in it).
pub fn history(h: &History, day: Date, rules: &Rules, lang: Lang) -> Markup {
    let mut m = Markup::with_capacity(4096);
    let section = [
        ("class", "history"),
        ("aria-labelledby", "hist-title"),
        ("data-platform", &*h.platform),
    ];
    m.el("section", &section, |m| {
        let title = [
            ("id", "hist-title"),
            ("class", "section-title history-name"),
        ];
        m.leaf("h2", &title, platform_label(rules, &h.platform, lang));
        m.leaf("p", &[("class", "section-help")], T::HistoryHelp.tr(lang));
        for lane in &h.lanes {
            let id = lane_id(lane.context);
            let attrs = [("class", "history-lane"), ("aria-labelledby", id)];
            m.el("section", &attrs, |m| {
                let name = context_name(lane.context).tr(lang);
                m.leaf("h3", &[("id", id), ("class", "history-context")], name);
                let start = START.to_string();
                let first = [
                    ("class", "history-first"),
                    ("data-context", lane.context.as_str()),
                    ("data-outcome", lane.first.outcome.as_str()),
                ];
                m.el("p", &first, |m| {
                    m.text(T::HistoryFirst.tr(lang)).text(" (");
                    m.leaf("time", &[("datetime", &start)], &start).text(")");
                    m.text(lang.pick(": ", "："));
                    m.text(&cell_words(&lane.first, lang)).text(" ");
                    rule_links(m, &lane.first.rules, rules);
                });
                if lane.changes.is_empty() {
                    m.leaf(
                        "p",
                        &[("class", "history-none")],
                        T::HistoryNoChange.tr(lang),
                    );
                } else {
                    m.el(
                        "ol",
                        &[("class", "history-list"), ("aria-labelledby", id)],
                        |m| {
                            for c in &lane.changes {
                                change_row(m, c, false, rules, lang);
                            }
                        },
                    );
                }
                on_day(m, lane, day, lang);
            });
        }
    });
    m
}

/// What was in force on the scenario's day in one context, since when.
fn on_day(m: &mut Markup, lane: &Lane, day: Date, lang: Lang) {
    let (cell, since) = lane.on(day);
    let (day, since) = (day.to_string(), since.to_string());
    let attrs = [
        ("class", "history-on-day"),
        ("data-context", lane.context.as_str()),
        ("data-date", &*day),
        ("data-outcome", cell.outcome.as_str()),
        ("data-since", &*since),
    ];
    m.el("p", &attrs, |m| {
        m.text(T::HistoryOnDay.tr(lang)).text(" ");
        m.leaf("time", &[("datetime", &day)], &day);
        m.text(lang.pick(": ", "："));
        m.text(&cell_words(cell, lang)).text(" ");
        m.text(T::HistorySince.tr(lang)).text(" ");
        m.leaf("time", &[("datetime", &since)], &since);
        m.text(lang.pick(".", "。"));
    });
}

/// The screen for the address's `platform` (percent-decoded, if given):
/// its history if it is a platform of the active rules (`h`, from
/// `policy::history::history`), else what [`pick`] says.
pub fn page(
    h: Option<&History>,
    requested: Option<&str>,
    day: Date,
    rules: &Rules,
    lang: Lang,
) -> Markup {
    match h {
        Some(h) => history(h, day, rules, lang),
        // `?platform=` with nothing after it asks for no platform.
        None => pick(requested.filter(|p| !p.is_empty()), rules, lang),
    }
}

/// For an address without a platform of the active rules: what is wrong
/// (`requested`, the id asked for, if any, is shown as text) and a link to
/// each platform's history.
pub fn pick(requested: Option<&str>, rules: &Rules, lang: Lang) -> Markup {
    let mut m = Markup::with_capacity(2048);
    let section = [("class", "history"), ("aria-labelledby", "hist-title")];
    m.el("section", &section, |m| {
        let title = [("id", "hist-title"), ("class", "section-title")];
        m.leaf("h2", &title, T::HistoryPick.tr(lang));
        match requested {
            Some(id) => {
                let attrs = [("class", "history-unknown"), ("role", "alert")];
                m.el("p", &attrs, |m| {
                    m.text(T::HistoryUnknown.tr(lang)).text(" ");
                    m.leaf("code", &[], id);
                });
            }
            None => {
                m.leaf(
                    "p",
                    &[("class", "section-help")],
                    T::HistoryMissing.tr(lang),
                );
            }
        }
        let list = [("class", "history-pick"), ("aria-labelledby", "hist-title")];
        m.el("ul", &list, |m| {
            for (_, p) in platforms(rules) {
                m.el("li", &[("data-platform", &*p.id)], |m| {
                    let name = platform_label(rules, &p.id, lang);
                    m.leaf("a", &[("href", &href::history(&p.id))], name);
                });
            }
        });
    });
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::history::history as of;
    use crate::policy::scenario::Scenario;

    #[test]
    fn douyins_chats_say_the_change_in_words_then_its_rules() {
        let rules = Rules::builtin();
        let h = of(rules, "douyin", &Scenario::default()).unwrap();
        let m = history(&h, Date::new(2019, 6, 1).unwrap(), rules, Lang::En);
        let s = m.as_str();
        assert!(
            s.contains("<h2 id=\"hist-title\" class=\"section-title history-name\">Douyin</h2>")
        );
        assert!(
            s.contains(
                "<li data-date=\"2018-03-01\" data-platform=\"douyin\" data-context=\"chat\" \
                 data-from=\"open\" data-to=\"copy_to_browser\" \
                 data-rules=\"douyin-copy-2018-03 default-open\"><span class=\"history-words\">\
                 <time datetime=\"2018-03-01\">2018-03-01</time> · Chat: Opens → Copy to browser\
                 </span> <span class=\"history-rules\"><a class=\"rule-id\" \
                 href=\"#/rules?id=default-open\"><code>default-open</code></a> → \
                 <a class=\"rule-id\" href=\"#/rules?id=douyin-copy-2018-03\">\
                 <code>douyin-copy-2018-03</code></a></span></li>"
            ),
            "{s}"
        );
        // Three contexts, each with a heading labelling its list.
        for id in ["hist-chat", "hist-group", "hist-moments"] {
            assert!(s.contains(&format!("<h3 id=\"{id}\"")), "{id}");
        }
        // Where the scenario's day falls: in the 2018-03 band, in words.
        assert!(
            s.contains(
                "<p class=\"history-on-day\" data-context=\"chat\" data-date=\"2019-06-01\" \
                 data-outcome=\"copy_to_browser\" data-since=\"2018-03-01\">On your day, \
                 <time datetime=\"2019-06-01\">2019-06-01</time>: Copy to browser since \
                 <time datetime=\"2018-03-01\">2018-03-01</time>.</p>"
            ),
            "{s}"
        );
        let first = history(&h, START, rules, Lang::En);
        assert!(first.as_str().contains(
            "data-context=\"chat\" data-date=\"2013-01-01\" data-outcome=\"open\" data-since=\"2013-01-01\""
        ));
        let zh = history(&h, START, rules, Lang::Zh);
        assert!(zh.as_str().contains("抖音"));
        assert!(zh.as_str().contains("单聊："));
    }

    #[test]
    fn an_unknown_platform_is_named_and_the_known_ones_offered() {
        let rules = Rules::builtin();
        let m = pick(Some("douyinx"), rules, Lang::En);
        let s = m.as_str();
        assert!(s.contains("role=\"alert\""));
        assert!(s.contains("<code>douyinx</code>"));
        assert!(s.contains("<a href=\"#/history?platform=douyin\">Douyin</a>"));
        assert!(!s.contains("platform=wechat"));
        let none = pick(None, rules, Lang::Zh);
        assert!(!none.as_str().contains("role=\"alert\""));
        assert!(none.as_str().contains(T::HistoryMissing.tr(Lang::Zh)));
    }
}
