//! Trust (issue 23): nothing inferred reads as a fact. Every part of a
//! decision the user sees is traced to the rule that supplied it, and the
//! decision is an assumption exactly when one of those rules (or the
//! platform) is one, read from the rules file itself, not from the engine.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use walled_garden::policy::engine::{decide, Why};
use walled_garden::policy::rules::{CardDisplay, Confidence, Context, Outcome, Part, Rules};
use walled_garden::policy::scenario::{Cohort, Date, Region, Scenario};

fn file() -> Value {
    let text = std::fs::read_to_string("rules/rules.json").expect("rules/rules.json");
    serde_json::from_str(&text).expect("rules/rules.json is JSON")
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// `(assumption, confidence)` of every rule, network rule and platform of
/// the file, as the file states them.
fn marks(v: &Value) -> BTreeMap<String, (bool, String)> {
    let mut out = BTreeMap::new();
    for section in ["rules", "network", "platforms"] {
        for r in v[section].as_array().into_iter().flatten() {
            let id = r["id"].as_str().unwrap().to_string();
            let assumed = r["assumption"].as_bool().unwrap_or(false);
            let confidence = r["confidence"].as_str().unwrap_or("high").to_string();
            out.insert(id, (assumed, confidence));
        }
    }
    out
}

/// Every day a rule starts or ends, and the day before it.
fn change_days(v: &Value) -> BTreeSet<Date> {
    let mut days = BTreeSet::new();
    for r in v["rules"].as_array().unwrap() {
        for f in ["valid_from", "valid_until"] {
            if let Some(d) = r[f].as_str() {
                let d = day(d);
                days.insert(d);
                days.insert(d.add_days(-1));
            }
        }
    }
    days
}

/// The outcome grid of the issue: every platform × chat, group, Moments ×
/// both cohorts × every change date and the day before it, in the
/// mainland without a VPN and abroad with one.
#[test]
fn no_decision_of_the_grid_reads_as_more_than_its_rules() {
    let v = file();
    let marks = marks(&v);
    let rules = Rules::builtin();
    let mut checked = 0;
    let mut inherited = 0;
    for p in rules.platforms() {
        let link = format!("https://{}/x", p.domains[0]);
        for ctx in [Context::Chat, Context::Group, Context::Moments] {
            for &date in &change_days(&v) {
                for cohort in [Cohort::Early, Cohort::Late] {
                    for (region, vpn) in [(Region::Mainland, false), (Region::Overseas, true)] {
                        let s = Scenario {
                            date,
                            cohort,
                            region,
                            vpn,
                            ..Scenario::default()
                        };
                        let d = decide(rules, &link, ctx, &s);
                        let at = format!("{} in {} on {date} ({cohort:?})", p.id, ctx.as_str());
                        assert!(
                            !(d.assumption && d.confidence == Confidence::High),
                            "{at}: an assumption with high confidence"
                        );
                        let suppliers: Vec<_> =
                            d.trace.iter().filter(|t| !t.supplies.is_empty()).collect();
                        // Every part the user sees has exactly one supplier.
                        for part in [Part::Page, Part::Display, Part::Share, Part::Reason] {
                            let n = suppliers.iter().filter(|t| t.supplies.has(part)).count();
                            assert_eq!(n, 1, "{at}: {part:?} supplied {n} times");
                        }
                        let mut expect = marks[&*p.id].0;
                        for t in &suppliers {
                            let (assumed, confidence) = &marks[&*t.rule_id];
                            expect |= assumed;
                            assert!(
                                d.confidence.as_str() == "low" || confidence != "low",
                                "{at}: {} is weak but the decision is {}",
                                t.rule_id,
                                d.confidence.as_str()
                            );
                        }
                        assert_eq!(d.assumption, expect, "{at}: {:?}", d.trace);
                        let below: Vec<_> = suppliers
                            .iter()
                            .filter(|t| matches!(t.why, Why::Supplies(_)))
                            .collect();
                        if !below.is_empty() {
                            inherited += 1;
                            // An inherited page never comes from the
                            // catch-all default: that would flip the
                            // outcome the inheriting rule states.
                            assert!(
                                below.iter().all(|t| &*t.rule_id != "default-open"),
                                "{at}: page from default-open"
                            );
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 3_000, "only {checked} decisions");
    assert!(inherited > 100, "only {inherited} decisions inherit a part");
}

#[test]
fn douyin_in_a_group_after_phase_1_is_an_assumption_and_says_which_page() {
    let rules = Rules::builtin();
    let s = Scenario {
        date: day("2021-10-01"),
        ..Scenario::default()
    };
    let d = decide(rules, "https://v.douyin.com/x", Context::Group, &s);
    assert_eq!(d.outcome, Outcome::CopyToBrowser);
    assert_eq!((d.assumption_str(), d.confidence_str()), ("yes", "medium"));
    let page = d.trace.iter().find(|t| t.supplies.has(Part::Page)).unwrap();
    assert_eq!(&*page.rule_id, "douyin-copy-2018-03");
    assert!(matches!(&page.why, Why::Supplies(by) if &**by == "groups-stay-restricted-2021-09-17"));
    assert!(page.to_string().contains("supplies page"), "{page}");
    // The reason is the deciding rule's own.
    assert!(
        walled_garden::i18n::reason(&d, walled_garden::lang::Lang::En)
            .contains("17 September 2021")
    );
    // The day before, the same page, and the same flag.
    let before = decide(
        rules,
        "https://v.douyin.com/x",
        Context::Group,
        &Scenario {
            date: day("2021-09-16"),
            ..s
        },
    );
    assert_eq!(before.assumption_str(), "yes");
    // Taobao's page in groups comes from a fact: no assumption.
    let t = decide(rules, "https://m.tb.cn/x", Context::Group, &s);
    assert_eq!((t.assumption_str(), t.confidence_str()), ("no", "high"));
    assert_eq!(
        &*t.trace
            .iter()
            .find(|t| t.supplies.has(Part::Page))
            .unwrap()
            .rule_id,
        "taobao-copy-2013-11"
    );
}

#[test]
fn the_pilot_opens_e_commerce_links_as_cards_for_the_early_cohort() {
    let rules = Rules::builtin();
    let s = |date: &str, cohort| Scenario {
        date: day(date),
        cohort,
        ..Scenario::default()
    };
    let d = decide(
        rules,
        "https://m.tb.cn/h.x",
        Context::Group,
        &s("2021-12-10", Cohort::Early),
    );
    assert_eq!((d.outcome, d.display), (Outcome::Open, CardDisplay::Card));
    assert!(
        walled_garden::i18n::reason(&d, walled_garden::lang::Lang::En).contains("folded"),
        "{}",
        d.texts.en.reason
    );
    assert_eq!(d.assumption_str(), "yes");
    let late = decide(
        rules,
        "https://m.tb.cn/h.x",
        Context::Group,
        &s("2021-12-10", Cohort::Late),
    );
    assert_eq!(late.outcome, Outcome::CopyToBrowser);
    // Tmall after the pilot's assumed end: open as a card, an assumption,
    // and a reason that does not claim the pilot's date.
    let tmall = decide(
        rules,
        "https://www.tmall.com/",
        Context::Group,
        &s("2022-06-01", Cohort::Late),
    );
    assert_eq!(
        (tmall.outcome, tmall.display),
        (Outcome::Open, CardDisplay::Card)
    );
    assert_eq!(tmall.assumption_str(), "yes");
    assert!(!tmall.texts.en.reason.starts_with("From 29 November 2021"));
}

#[test]
fn facebook_and_twitter_do_not_load_in_the_mainland_without_a_vpn() {
    let rules = Rules::builtin();
    for link in [
        "https://www.facebook.com/",
        "https://twitter.com/x",
        "https://x.com/",
    ] {
        for (region, vpn, reachable) in [
            (Region::Mainland, false, false),
            (Region::Mainland, true, true),
            (Region::Overseas, false, true),
            (Region::Overseas, true, true),
        ] {
            let s = Scenario {
                region,
                vpn,
                ..Scenario::default()
            };
            let d = decide(rules, link, Context::Chat, &s);
            // WeChat's step is its own: the page opens in the app.
            assert_eq!(d.outcome, Outcome::Open, "{link}");
            assert_eq!(d.reachable, reachable, "{link} {region:?} vpn {vpn}");
            assert_eq!(d.network.is_some(), !reachable);
            let step = d
                .trace
                .iter()
                .find(|t| &*t.rule_id == "gfw-facebook-twitter");
            assert!(step.is_some(), "{link}: the network rule is in the trace");
            assert_eq!(step.unwrap().why == Why::Unreachable, !reachable);
        }
    }
    // Other sites load everywhere; mini-program links have no network step.
    let d = decide(
        rules,
        "https://m.tb.cn/x",
        Context::Chat,
        &Scenario::default(),
    );
    assert!(d.reachable);
    let d = decide(
        rules,
        "weixin://dl/business/?t=x",
        Context::Chat,
        &Scenario::default(),
    );
    assert_eq!(d.reachable_str(), "yes");
    // The page text is the network's, in both languages.
    let d = decide(
        rules,
        "https://www.facebook.com/",
        Context::Chat,
        &Scenario::default(),
    );
    let n = d.network.unwrap();
    assert!(n.en.body.contains("VPN") && n.zh.body.contains("VPN"));
}

#[test]
fn jd_is_a_fact_in_chats_only_and_undated_rules_claim_no_start() {
    let rules = Rules::builtin();
    let jd = |ctx| {
        decide(
            rules,
            "https://item.jd.com/1.html",
            ctx,
            &Scenario::default(),
        )
    };
    assert_eq!(jd(Context::Chat).assumption_str(), "no");
    assert_eq!(jd(Context::Group).assumption_str(), "yes");
    assert_eq!(jd(Context::Moments).assumption_str(), "yes");
    for id in [
        "jd-pinduoduo-always-open",
        "taobao-password-text",
        "wechat-own-open",
        "mp-short-link",
    ] {
        assert_eq!(rules.rule(id).unwrap().start(), None, "{id} claims a start");
    }
    assert_eq!(
        rules.rule("douyin-copy-2018-03").unwrap().start(),
        Some(day("2018-03-01"))
    );
    // No reason or assumed text of the file says "always" of an undated
    // rule any more, except to quote the record ("had always opened").
    let v = file();
    for r in v["rules"].as_array().unwrap() {
        let reason = r["texts"]["en"]["reason"].as_str().unwrap_or("");
        let assumed = r["assumed"]["en"].as_str().unwrap_or("");
        for t in [reason, assumed] {
            assert!(
                !t.contains("always") || t.contains("had always opened"),
                "{}: {t}",
                r["id"]
            );
        }
    }
}

#[test]
fn the_moments_password_refusal_is_not_a_web_page() {
    let rules = Rules::builtin();
    let s = Scenario {
        date: day("2019-01-01"),
        ..Scenario::default()
    };
    let d = decide(rules, "￥AbC123dEf￥", Context::Moments, &s);
    assert_eq!(d.outcome, Outcome::Blocked);
    assert!(!d.texts.en.title.contains("page"), "{}", d.texts.en.title);
    assert!(!d.texts.zh.title.contains("网页"), "{}", d.texts.zh.title);
    assert_eq!(d.assumption_str(), "yes");
}

/// A file may not say an assumption is of high confidence; a rule that
/// inherits the page takes the assumption and confidence of the rule that
/// supplies it.
#[test]
fn the_honesty_rule_holds_for_any_file() {
    let rule = |id: &str, extra: &str, outcome: &str, conf: &str, assumed: bool, prio: i32| {
        format!(
            r#"{{"id":"{id}","contexts":["chat"],"outcome":"{outcome}","display":"card","share":false,
            "texts":{{"en":{{"title":"{id} title","body":"","reason":"{id} reason"}},"zh":{{"title":"{id} 标题","body":"","reason":"{id} 原因"}}}},
            "sources":["R-2013-11"],"confidence":"{conf}","assumption":{assumed},"priority":{prio}{extra}}}"#
        )
    };
    let file = |rules: &[String]| {
        format!(
            r#"{{"format":1,"categories":[],"platforms":[{{"id":"shop","name_en":"Shop","name_zh":"店","owner":"S","domains":["shop.cn"],"categories":[]}}],"rules":[{}]}}"#,
            rules.join(",")
        )
    };
    let bad = file(&[rule("a", "", "open", "high", true, 0)]);
    let errors = Rules::from_json(&bad).unwrap_err();
    assert!(errors.iter().any(|e| e.field == "confidence"), "{errors:?}");

    let good = file(&[
        rule(
            "top",
            r#","inherits":["page"]"#,
            "copy_to_browser",
            "high",
            false,
            9,
        ),
        rule("below", "", "copy_to_browser", "low", false, 1),
        rule("guess", "", "blocked", "medium", true, 5),
    ]);
    let rules = Rules::from_json(&good).unwrap();
    let d = decide(
        &rules,
        "https://shop.cn/",
        Context::Chat,
        &Scenario::default(),
    );
    // "guess" is the next rule in force below "top": it supplies the page.
    assert_eq!(d.outcome, Outcome::Blocked);
    assert_eq!(d.texts.en.title, "guess title");
    assert_eq!(d.texts.en.reason, "top reason");
    assert_eq!((d.assumption_str(), d.confidence_str()), ("yes", "medium"));
    assert_eq!(d.rules_attr(), "top guess");

    let bad_part = file(&[rule(
        "x",
        r#","inherits":["reason"]"#,
        "open",
        "high",
        false,
        0,
    )]);
    assert!(Rules::from_json(&bad_part).is_err());
}
