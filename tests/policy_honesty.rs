//! Honest uncertainty: the record as the app holds it (`rules/record.json`)
//! matches `INTEROP-RECORD.md`, and no rule or platform claims more
//! certainty than the record entries it cites.

use serde_json::Value;
use std::collections::BTreeMap;

fn json(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// One record entry's marks: wholly weak or assumed, and its marked parts.
#[derive(Debug, Default)]
struct Marks {
    weak: bool,
    assumed: bool,
    weak_parts: Vec<String>,
    assumed_parts: Vec<String>,
}

fn record() -> BTreeMap<String, Marks> {
    let v = json("rules/record.json");
    let mut out = BTreeMap::new();
    for e in v["entries"].as_array().expect("entries") {
        let id = e["id"].as_str().expect("id").to_string();
        let mut m = Marks {
            weak: e["weak"].as_bool().unwrap_or(false),
            assumed: e["assumed"].as_bool().unwrap_or(false),
            ..Marks::default()
        };
        for p in e["parts"].as_array().into_iter().flatten() {
            let key = p["key"].as_str().expect("part key").to_string();
            if p["weak"].as_bool().unwrap_or(false) {
                m.weak_parts.push(key.clone());
            }
            if p["assumed"].as_bool().unwrap_or(false) {
                m.assumed_parts.push(key);
            }
        }
        assert!(out.insert(id.clone(), m).is_none(), "{id} listed twice");
    }
    out
}

/// Record ids in the text of the record: the first cell of §1's table rows,
/// backticked ids of §4, §5 and §7, and §6's "Record id `…`".
fn ids_in(md: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in md.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() > 2 && cells[1].starts_with("R-") {
            out.insert(cells[1].to_string(), line.to_string());
            continue;
        }
        for (i, _) in line.match_indices('`') {
            let rest = &line[i + 1..];
            let Some(end) = rest.find('`') else { continue };
            let id = &rest[..end];
            let is_id = ["S-", "REG-", "CONN-", "N-"]
                .iter()
                .any(|p| id.starts_with(p))
                && id
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
            if is_id && !out.contains_key(id) {
                out.insert(id.to_string(), line.to_string());
            }
        }
    }
    out
}

#[test]
fn the_record_as_data_has_every_id_and_mark_of_the_record() {
    let held = record();
    let Ok(md) = std::fs::read_to_string("../shared/record/INTEROP-RECORD.md") else {
        eprintln!("INTEROP-RECORD.md is not beside the project: skipped");
        return;
    };
    let ids = ids_in(&md);
    assert!(
        ids.len() >= 15,
        "found only {} ids in the record",
        ids.len()
    );
    for (id, line) in &ids {
        let m = held
            .get(id)
            .unwrap_or_else(|| panic!("{id} is missing from rules/record.json"));
        if line.contains("(weak)") {
            assert!(
                m.weak || !m.weak_parts.is_empty(),
                "{id} is marked (weak) in the record"
            );
        }
        if line.contains("(assumed)") || line.contains("marked assumption") {
            assert!(
                m.assumed || !m.assumed_parts.is_empty(),
                "{id} is marked (assumed) in the record"
            );
        }
    }
    for (id, m) in &held {
        let line = ids
            .get(id)
            .unwrap_or_else(|| panic!("{id} is in rules/record.json but not in the record"));
        if m.weak || !m.weak_parts.is_empty() {
            assert!(
                line.contains("(weak)"),
                "{id} is weak here, not in the record"
            );
        }
        if m.assumed || !m.assumed_parts.is_empty() {
            assert!(
                line.contains("assum"),
                "{id} is assumed here, not in the record"
            );
        }
    }
}

/// Whether a citation (`R-2018-05-29` or `R-2018-05-29#bans`) rests on a
/// weak or an assumed part of the record; `None` when it is no record id.
fn citation(held: &BTreeMap<String, Marks>, cite: &str) -> Option<(bool, bool)> {
    let (id, part) = match cite.split_once('#') {
        Some((id, part)) => (id, Some(part)),
        None => (cite, None),
    };
    let m = held.get(id)?;
    let (mut weak, mut assumed) = (m.weak, m.assumed);
    if let Some(p) = part {
        assert!(
            m.weak_parts.iter().chain(&m.assumed_parts).any(|k| k == p),
            "{cite}: the record entry has no marked part {p}"
        );
        weak |= m.weak_parts.iter().any(|k| k == p);
        assumed |= m.assumed_parts.iter().any(|k| k == p);
    }
    Some((weak, assumed))
}

#[test]
fn no_rule_claims_more_certainty_than_its_sources() {
    let held = record();
    let rules = json("rules/rules.json");
    let mut checked = 0;
    for r in rules["rules"].as_array().expect("rules") {
        let id = r["id"].as_str().expect("rule id");
        let mut cites: Vec<&str> = r["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        if let Some(c) = r.get("caveat") {
            // A caveat's own sources make only the caveat weak.
            let low = c["confidence"].as_str() == Some("low");
            for s in c["sources"].as_array().into_iter().flatten() {
                let s = s.as_str().expect("caveat source");
                let (weak, _) = citation(&held, s).expect("caveat cites the record");
                assert!(!weak || low, "{id}: caveat cites weak {s} but is not low");
            }
        }
        cites.retain(|c| held.contains_key(c.split('#').next().unwrap_or(c)));
        for c in cites {
            let (weak, assumed) = citation(&held, c).expect("record id");
            let confidence = r["confidence"].as_str().expect("confidence");
            assert!(
                !weak || confidence == "low",
                "{id} cites {c}, which is weak, but claims {confidence} confidence"
            );
            assert!(
                !assumed || r["assumption"].as_bool() == Some(true),
                "{id} cites {c}, which is assumed, but is not marked as an assumption"
            );
            checked += 1;
        }
        if r["assumption"].as_bool() == Some(true) {
            let note = r["note"].as_str().unwrap_or("");
            assert!(
                note.len() > 20,
                "{id} is an assumption: its note must say what was inferred"
            );
        }
    }
    assert!(checked > 20, "only {checked} citations checked");
}

#[test]
fn platforms_on_assumed_domains_are_assumptions() {
    let rules = json("rules/rules.json");
    let Ok(md) = std::fs::read_to_string("../shared/record/INTEROP-RECORD.md") else {
        return;
    };
    let mut found = 0;
    for line in md.lines().filter(|l| l.contains("(assumed)")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Some(pid) = cells
            .get(1)
            .and_then(|c| c.strip_prefix('`')?.strip_suffix('`'))
        else {
            continue;
        };
        let p = rules["platforms"]
            .as_array()
            .expect("platforms")
            .iter()
            .find(|p| p["id"] == pid)
            .unwrap_or_else(|| panic!("platform {pid} missing"));
        assert_eq!(
            p["assumption"], true,
            "platform {pid} rests on an assumed domain"
        );
        found += 1;
    }
    assert!(
        found >= 1,
        "the record marks at least the Duoshan domain as assumed"
    );
}

mod cohorts {
    use walled_garden::policy::engine::{decide, Decision, Why};
    use walled_garden::policy::rules::{Context, Outcome, Rules};
    use walled_garden::policy::scenario::{Cohort, Date, Scenario};
    use Cohort::{Early, Late};
    use Context::{Chat, Group};

    const TAOBAO: &str = "https://item.taobao.com/item.htm?id=1";

    fn at(cohort: Cohort, date: &str, ctx: Context) -> Decision {
        let s = Scenario {
            date: Date::parse(date).expect(date),
            cohort,
            ..Scenario::default()
        };
        decide(Rules::builtin(), TAOBAO, ctx, &s)
    }

    #[track_caller]
    fn outcomes(date: &str, ctx: Context, early: Outcome, late: Outcome) {
        let (e, l) = (at(Early, date, ctx), at(Late, date, ctx));
        assert_eq!(
            (e.outcome, l.outcome),
            (early, late),
            "Taobao in {ctx:?} on {date}"
        );
        // Each side names what the other cohort saw, when it differs.
        let differs = early != late;
        assert_eq!(
            e.other_cohort.as_ref().map(|o| (o.cohort, o.outcome)),
            differs.then_some((Late, late))
        );
        assert_eq!(
            l.other_cohort.as_ref().map(|o| (o.cohort, o.outcome)),
            differs.then_some((Early, early))
        );
    }

    #[test]
    fn taobao_in_chats_across_the_rollout() {
        use Outcome::{Confirm, CopyToBrowser, Open};
        outcomes("2021-09-16", Chat, CopyToBrowser, CopyToBrowser);
        outcomes("2021-09-17", Chat, Confirm, CopyToBrowser);
        outcomes("2021-11-28", Chat, Confirm, CopyToBrowser);
        outcomes("2021-11-29", Chat, Open, Open);
        outcomes("2022-01-26", Chat, Open, Open);
        outcomes("2022-01-27", Chat, Open, Open);
    }

    #[test]
    fn taobao_in_groups_across_the_pilot() {
        use Outcome::{CopyToBrowser, Open};
        outcomes("2021-09-16", Group, CopyToBrowser, CopyToBrowser);
        outcomes("2021-09-17", Group, CopyToBrowser, CopyToBrowser);
        outcomes("2021-11-28", Group, CopyToBrowser, CopyToBrowser);
        outcomes("2021-11-29", Group, Open, CopyToBrowser);
        outcomes("2022-01-26", Group, Open, CopyToBrowser);
        outcomes("2022-01-27", Group, Open, Open);
    }

    #[test]
    fn the_late_cohort_is_the_default_and_names_its_rules() {
        assert_eq!(Scenario::default().cohort, Late);
        let d = at(Late, "2021-10-01", Chat);
        assert_eq!(&*d.rules[0], "taobao-chat-rollout-2021-09-17");
        let other = d.other_cohort.expect("the early cohort saw otherwise");
        assert_eq!(&*other.rule, "chat-confirm-2021-09-17");
        // A rule for the other cohort is traced as a failed cohort condition.
        let e = at(Early, "2021-10-01", Chat);
        assert!(e
            .trace
            .iter()
            .any(|s| &*s.rule_id == "taobao-chat-rollout-2021-09-17"
                && s.why == Why::Condition("cohort")));
    }

    #[test]
    fn decisions_about_assumed_platforms_say_assumption() {
        for (link, date) in [
            ("https://www.duoshan.com/", "2018-01-01"),
            ("https://www.duoshan.com/download", "2019-01-15"),
            ("https://haokan.baidu.com/v?vid=1", "2021-01-01"),
        ] {
            let s = Scenario {
                date: Date::parse(date).unwrap(),
                ..Scenario::default()
            };
            let d = decide(Rules::builtin(), link, Chat, &s);
            assert!(d.assumption, "{link} on {date}");
            assert_eq!(d.assumption_str(), "yes");
            let step = d
                .trace
                .iter()
                .find(|t| t.why == Why::AssumedPlatform)
                .expect("traced");
            assert!(step.to_string().contains("assumption"), "{step}");
            // The Why section can say what was assumed, in both languages.
            assert!(
                d.assumed
                    .iter()
                    .any(|a| a.en.contains(".com") && !a.zh.is_empty()),
                "{:?}",
                d.assumed
            );
        }
        let jd = decide(
            Rules::builtin(),
            "https://item.jd.com/1.html",
            Chat,
            &Scenario::default(),
        );
        assert_eq!((jd.assumption_str(), jd.confidence_str()), ("no", "high"));
    }

    #[test]
    fn every_assumption_of_the_builtin_rules_says_what_was_assumed() {
        let rules = Rules::builtin();
        for r in rules.rules().iter().filter(|r| r.assumption) {
            let a = r
                .assumed
                .as_ref()
                .unwrap_or_else(|| panic!("{}: no assumed text", r.id));
            assert!(!a.en.is_empty() && !a.zh.is_empty(), "{}", r.id);
        }
        for p in rules.platforms().iter().filter(|p| p.assumption) {
            assert!(p.assumed.is_some(), "{}: no assumed text", p.id);
        }
    }
}

#[test]
fn docs_list_every_assumption() {
    let docs = std::fs::read_to_string("docs/policy.md").expect("docs/policy.md");
    let list = docs
        .split("Every assumption of the built-in file")
        .nth(1)
        .expect("docs/policy.md lists the assumptions");
    let rules = json("rules/rules.json");
    let entries = [("rules", ""), ("platforms", "platform ")];
    for (list_name, prefix) in entries {
        for r in rules[list_name].as_array().unwrap() {
            if r["assumption"] == true {
                let id = r["id"].as_str().unwrap();
                let row = format!("| {prefix}`{id}` |");
                assert!(list.contains(&row), "docs/policy.md does not list {id}");
            }
        }
    }
}
