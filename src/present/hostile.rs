//! Hostile input for every builder of `present`: names, texts, ids and
//! sources from an imported rules file, and link, message and post text,
//! each carrying markup. None of it may come out as markup.

use super::markup::Markup;
use super::{batch, changes, chart, history, matrix, opener, outcome, record, rules, why};
use crate::lang::Lang;
use crate::policy::engine::{decide, Decision};
use crate::policy::matrix::{bands, diff, platforms, sample_link, CONTEXTS, END, START};
use crate::policy::rules::{Context, Rules};
use crate::policy::scenario::{day, Date, Scenario};
use crate::state::opener::batch as batch_rows;
use serde_json::Value;

/// Markup, an attribute break-out and every character that matters.
const H: &str = "<img src=x onerror=alert(1)>\" onmouseover=\"alert(2)\"'&<>";

/// What [`H`] becomes, escaped.
const ESCAPED: &str =
    "&lt;img src=x onerror=alert(1)&gt;&quot; onmouseover=&quot;alert(2)&quot;&#39;&amp;&lt;&gt;";

/// The built-in rules file with [`H`] after every name, owner and text,
/// a rule and a source whose ids carry it, and the rule citing it.
fn hostile_file() -> String {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    let text = matches!(
                        k.as_str(),
                        "name_en"
                            | "name_zh"
                            | "owner"
                            | "owner_zh"
                            | "title"
                            | "body"
                            | "reason"
                            | "en"
                            | "zh"
                    );
                    match v {
                        Value::String(s) if text => s.push_str(H),
                        _ => walk(v),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut file: Value = serde_json::from_str(crate::policy::rules::BUILTIN_JSON).unwrap();
    walk(&mut file);
    // Ids are free text too: a source, a category and a rule citing both
    // (and a record entry, so that its card lists the rule), deciding
    // Feishu's links on the days of its own rule.
    let (source, category) = (String::from("S") + H, String::from("c") + H);
    file["sources"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": source, "section": H, "what": H}));
    file["categories"]
        .as_array_mut()
        .unwrap()
        .push(category.clone().into());
    let rules = file["rules"].as_array_mut().unwrap();
    let mut rule = rules
        .iter()
        .find(|r| r["id"] == "feishu-blocked-2020-02-28")
        .unwrap()
        .clone();
    rule["id"] = (String::from("r") + H).into();
    rule["priority"] = (rule["priority"].as_i64().unwrap() + 1).into();
    rule["sources"] = serde_json::json!(["R-2020-02-28", source]);
    rule["categories"] = serde_json::json!([category]);
    rules.push(rule);
    file.to_string()
}

/// The hostile rules (they validate: names and texts are free text).
fn hostile_rules() -> Rules {
    Rules::from_json(&hostile_file()).expect("a hostile but valid file")
}

/// Fails if `html` holds markup that none of the builders writes: a tag
/// or an attribute from data, or an unescaped `<`, `>` or `"` in a text
/// or a value.
fn assert_clean(html: &str, what: &str) {
    assert!(!html.contains("<img"), "{what}: {html}");
    let mut rest = html;
    while let Some(at) = rest.find(['<', '>']) {
        assert_eq!(&rest[at..at + 1], "<", "{what}: a stray > in {rest}");
        rest = &rest[at + 1..];
        let name_end = rest.find([' ', '>']).expect("a closed tag");
        let name = rest[..name_end].trim_start_matches('/');
        assert!(
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric()),
            "{what}: tag {name:?} in {html}"
        );
        rest = &rest[name_end..];
        // The attributes: ` name="value"` up to the tag's `>`.
        while let Some(attr) = rest.strip_prefix(' ') {
            let eq = attr.find("=\"").expect("a quoted value");
            let attr_name = &attr[..eq];
            assert!(
                attr_name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    && !attr_name.starts_with("on")
                    || attr_name == "open",
                "{what}: attribute {attr_name:?} in {html}"
            );
            let value = &attr[eq + 2..];
            let end = value.find('"').expect("an ended value");
            assert!(!value[..end].contains(['<', '>']), "{what}: {html}");
            rest = &value[end + 1..];
        }
        assert!(rest.starts_with('>'), "{what}: {rest}");
        rest = &rest[1..];
    }
}

/// [`assert_clean`], and the hostile text was shown (escaped).
fn assert_shown(m: &Markup, what: &str) {
    assert_clean(m.as_str(), what);
    assert!(m.as_str().contains(ESCAPED), "{what}: {}", m.as_str());
}

/// Decisions of `rules` for every platform's link and a hostile link, in
/// every context, on a few days.
fn decisions(rules: &Rules) -> Vec<(String, Decision)> {
    let mut links: Vec<String> = platforms(rules).map(|(_, p)| sample_link(p)).collect();
    links.push(String::from("https://example.com/") + H);
    links.push(H.to_string());
    let mut out = Vec::new();
    for date in ["2014-01-01", "2020-02-28", "2021-10-01", "2022-02-01"] {
        let s = day(date);
        for ctx in Context::ALL {
            for l in &links {
                out.push((l.clone(), decide(rules, l, ctx, &s)));
            }
        }
    }
    out
}

#[test]
fn the_checker_finds_markup() {
    assert_clean("<p class=\"flag\">a &lt;b&gt;</p><br>", "clean");
    for bad in [
        "<p>a<img src=x></p>",
        "<p title=\"a\" onclick=\"x\">",
        "<p>a > b</p>",
        "<p title=\"<b>\">",
    ] {
        let caught = std::panic::catch_unwind(|| assert_clean(bad, "bad")).is_err();
        assert!(caught, "{bad}");
    }
}

#[test]
fn batch_table_and_opener_summary() {
    let rules = hostile_rules();
    let s = day("2022-02-01");
    let text = [String::from("https://m.tb.cn/x?") + H, H.to_string()].join("\n");
    let rows = batch_rows(&rules, &text, &s);
    for lang in [Lang::En, Lang::Zh] {
        assert_shown(&batch::table(&rules, &rows, lang), "batch table");
    }
    for (_, d) in decisions(&rules) {
        for lang in [Lang::En, Lang::Zh] {
            assert_clean(opener::summary(&d, &rules, lang).as_str(), "summary");
        }
    }
    let d = decide(&rules, "https://m.tb.cn/x", Context::Chat, &s);
    assert_shown(&opener::summary(&d, &rules, Lang::En), "summary");
}

#[test]
fn why_and_outcome_pages() {
    let rules = hostile_rules();
    let mut why_shown = false;
    for (link, d) in decisions(&rules) {
        for lang in [Lang::En, Lang::Zh] {
            let w = why::body(&d, &rules, lang);
            assert_clean(w.as_str(), "why");
            why_shown |= w.as_str().contains(ESCAPED);
            let t = d.texts.get(lang);
            let reason = crate::i18n::reason(&d, lang);
            for (m, what) in [
                (outcome::interstitial(t, &link, &reason), "interstitial"),
                (outcome::copy_head(t, &link), "copy"),
                (outcome::stop_page(true, t, &reason), "blocked"),
                (outcome::stop_page(false, t, &reason), "rejected"),
            ] {
                assert_shown(&m, what);
            }
            assert_clean(outcome::reason(&reason).as_str(), "reason");
            let b = outcome::browser(&d, &rules, lang);
            assert_clean(b.bar.as_str(), "browser bar");
            assert_clean(b.page.as_str(), "browser page");
            if let Some(n) = &d.network {
                assert_shown(&outcome::network_notice(n.get(lang), lang), "network");
            }
        }
    }
    assert!(why_shown, "a reason or an assumption in Why");
    // The hostile rule decides Feishu's links on its day, its id and source
    // in Why.
    let feishu = rules.platform("feishu").map(sample_link).unwrap();
    let d = decide(&rules, &feishu, Context::Chat, &day("2020-02-28"));
    let w = why::body(&d, &rules, Lang::En);
    let id = String::from("data-rule=\"r") + ESCAPED + "\"";
    assert!(w.as_str().contains(&id), "{}", w.as_str());
    assert!(w
        .as_str()
        .contains(&(String::from(">S") + ESCAPED + "</a>")));
    assert_shown(&outcome::mini_page(H, H), "mini program");
}

#[test]
fn timeline_matrix_chart_changes_and_record() {
    let rules = hostile_rules();
    let s = Scenario {
        date: START,
        ..day("2021-10-01")
    };
    for lang in [Lang::En, Lang::Zh] {
        let m = crate::policy::matrix::matrix(&rules, &day("2021-10-01"));
        assert_shown(&matrix::matrix(&m, &rules, &s, lang), "matrix");
        let rows: Vec<_> = platforms(&rules)
            .map(|(i, p)| {
                (
                    p.id.clone(),
                    bands(&rules, i, Context::Chat, &s, START, END),
                )
            })
            .collect();
        let date = Date::parse("2021-09-17").unwrap();
        assert_shown(&chart::chart(&rows, &rules, Context::Chat, lang), "chart");
        assert_clean(chart::legend(&rows, lang).as_str(), "legend");
        let a = Date::parse("2021-09-16").unwrap();
        let changed = diff(&rules, &s, a, date);
        assert!(!changed.is_empty());
        let from = Scenario { date: a, ..s };
        assert_shown(&changes::list(&changed, &from, &rules, lang), "changes");
        assert_shown(&record::cards(&rules, lang), "cards");
        assert_clean(record::events(lang).as_str(), "events");
        assert_clean(record::ticks().as_str(), "ticks");
    }
    assert_eq!(CONTEXTS.len(), 3);
}

#[test]
fn rules_list_and_editor_errors() {
    let rules = hostile_rules();
    let all: Vec<_> = rules.rules().iter().collect();
    let target = Some(&*all[0].id);
    for lang in [Lang::En, Lang::Zh] {
        assert_shown(&rules::list(&all, &rules, lang, target), "rules list");
    }
    // A file whose errors quote what it says.
    let broken = hostile_file().replacen("\"taobao\"", &serde_json::to_string(H).unwrap(), 1);
    let Err(errors) = Rules::from_json(&broken) else {
        panic!("an invalid file");
    };
    for lang in [Lang::En, Lang::Zh] {
        assert_clean(rules::errors(&errors, lang).as_str(), "errors");
    }
}

#[test]
fn history_of_a_platform_and_every_change_in_between() {
    let rules = hostile_rules();
    let s = day("2021-10-01");
    let mut shown = 0;
    for (_, p) in platforms(&rules) {
        let h = crate::policy::history::history(&rules, &p.id, &s).unwrap();
        for lang in [Lang::En, Lang::Zh] {
            // The heading is the platform's (hostile) name.
            assert_shown(
                &history::history(&h, crate::policy::matrix::START, &rules, lang),
                "history",
            );
            shown += 1;
        }
    }
    assert!(shown > 0);
    // Feishu's history carries the hostile rule's id as a link.
    let feishu = crate::policy::history::history(&rules, "feishu", &s).unwrap();
    let m = history::history(&feishu, crate::policy::matrix::START, &rules, Lang::En);
    assert!(m
        .as_str()
        .contains(&(String::from("<code>r") + ESCAPED + "</code>")));
    for lang in [Lang::En, Lang::Zh] {
        assert_shown(&history::pick(Some(H), &rules, lang), "pick");
        assert_shown(&history::pick(None, &rules, lang), "pick");
        assert_shown(
            &history::page(None, Some(H), crate::policy::matrix::START, &rules, lang),
            "page",
        );
        let every = crate::policy::history::between(&rules, &s, START, END);
        assert!(!every.is_empty());
        assert_shown(&changes::every(&every, &rules, lang), "every change");
    }
}
