#![cfg(not(target_arch = "wasm32"))]
//! The second audit of the record as data (issue 23): `rules/record.json`
//! holds every id of `INTEROP-RECORD.md` with the sources the record names
//! for it, and no date the record does not give; the timeline says which
//! entries nothing of the simulator follows from, derived from the rules.
//!
//! The markdown is parsed here, independently of the app: §1's table rows
//! (id, from, sources), the backticked ids opening the bullets of §4, §5
//! and §7 (their own "Source: …" and "(seeds/…)", "(SCMP …)" citations, or
//! for §4's sync bullets the list of their parent bullet), and §6, which is
//! one id for the whole section with the sources of its heading.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use walled_garden::policy::record::{entries, entry, Use};
use walled_garden::policy::rules::{Rules, RECORD_PARTS};

const RECORD_MD: &str = "../shared/record/INTEROP-RECORD.md";
const SEEDS: &str = "../shared/record/seeds";

/// One id of the markdown record.
#[derive(Debug)]
struct MdEntry {
    id: String,
    section: String,
    /// Its text: the table row, the bullet, or for §6 the whole section;
    /// the id included (`REG-2021-11` dates itself to the month).
    text: String,
    /// The sources the record names for it.
    sources: Vec<String>,
    /// The sources are those of a parent bullet, shared by its siblings:
    /// the entry cites some of them, not necessarily all.
    pooled: bool,
    /// §1's "from" cell.
    from: Option<String>,
}

fn is_id(s: &str) -> bool {
    ["R-", "S-", "REG-", "CONN-", "N-"]
        .iter()
        .any(|p| s.starts_with(p))
        && s.len() > 3
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

/// A list of sources as the record writes it: `;` or `,` between them,
/// and a bare number after a named one is another of that publication
/// ("SCMP 3142719, 3143909").
fn split_sources(list: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in list
        .split([';', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let s = s.trim_end_matches('.');
        if s.chars().all(|c| c.is_ascii_digit()) {
            if let Some(prev) = out.last() {
                let name = prev.rsplit_once(' ').map_or("", |(n, _)| n);
                out.push(format!("{name} {s}"));
                continue;
            }
        }
        out.push(s.to_string());
    }
    out
}

/// The parenthesised groups of `text`, outermost.
fn groups(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    start = i + 1;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(&text[start..i]);
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether every item of a group is a seed or an SCMP article: a
/// citation, not a remark such as "(assumed)" or "(use 2017-05-19, …)".
fn is_citation(group: &str) -> bool {
    split_sources(group)
        .iter()
        .all(|s| s.starts_with("seeds/") || s.starts_with("SCMP "))
}

/// The sources a bullet names itself: "Source: …" to its end, and its
/// citation groups.
fn own_sources(bullet: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let (body, tail) = match bullet.split_once("Source: ") {
        Some((b, t)) => (b, Some(t)),
        None => (bullet, None),
    };
    for g in groups(body).into_iter().filter(|g| is_citation(g)) {
        out.extend(split_sources(g));
    }
    out.extend(tail.map(split_sources).unwrap_or_default());
    let mut seen = BTreeSet::new();
    out.retain(|s| seen.insert(s.clone()));
    out
}

fn parse(md: &str) -> Vec<MdEntry> {
    let mut out: Vec<MdEntry> = Vec::new();
    let mut section = String::new();
    let mut heading_sources: Vec<String> = Vec::new();
    let mut pool: Option<Vec<String>> = None;
    let mut whole: Option<usize> = None;
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            section = h.split('.').next().unwrap_or("").trim().to_string();
            heading_sources = groups(h)
                .last()
                .filter(|g| g.contains("seeds/"))
                .map(|g| split_sources(g))
                .unwrap_or_default();
            (pool, whole) = (None, None);
            continue;
        }
        if let Some(i) = whole {
            out[i].text.push('\n');
            out[i].text.push_str(line);
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() > 5 && is_id(cells[1]) {
            out.push(MdEntry {
                id: cells[1].to_string(),
                section: section.clone(),
                text: line.to_string(),
                sources: split_sources(cells[4]),
                pooled: false,
                from: Some(cells[2].to_string()),
            });
            continue;
        }
        if let Some(id) = line
            .strip_prefix("Record id `")
            .and_then(|r| r.split('`').next())
        {
            whole = Some(out.len());
            out.push(MdEntry {
                id: id.to_string(),
                section: section.clone(),
                text: line.to_string(),
                sources: heading_sources.clone(),
                pooled: false,
                from: None,
            });
            continue;
        }
        let Some(bullet) = line.trim_start().strip_prefix("- ") else {
            continue;
        };
        let nested = line.starts_with(' ');
        if !nested {
            pool = groups(bullet)
                .into_iter()
                .find_map(|g| g.strip_prefix("source: "))
                .map(split_sources);
        }
        let Some(id) = bullet
            .strip_prefix('`')
            .and_then(|r| r.split('`').next())
            .filter(|id| is_id(id))
        else {
            continue;
        };
        let own = own_sources(bullet);
        let (sources, pooled) = match (&pool, own.is_empty()) {
            (Some(p), true) if nested => (p.clone(), true),
            (_, true) => (heading_sources.clone(), false),
            _ => (own, false),
        };
        out.push(MdEntry {
            id: id.to_string(),
            section: section.clone(),
            text: bullet.to_string(),
            sources,
            pooled,
            from: None,
        });
    }
    out
}

/// The markdown record, or `None` (the test is skipped, saying so) when
/// the shared record is not beside the project.
fn record_md() -> Option<Vec<MdEntry>> {
    match std::fs::read_to_string(RECORD_MD) {
        Ok(md) => Some(parse(&md)),
        Err(_) => {
            eprintln!("{RECORD_MD} is not beside the project: skipped");
            None
        }
    }
}

fn json(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `rules/record.json`'s entries by id.
fn held() -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for e in json("rules/record.json")["entries"].as_array().unwrap() {
        let id = e["id"].as_str().unwrap().to_string();
        assert!(out.insert(id.clone(), e.clone()).is_none(), "{id} twice");
    }
    out
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(String::from))
        .collect()
}

/// "May 2017" for `2017-05-19`.
fn month_words(day: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let m: usize = day[5..7].parse().unwrap();
    format!("{} {}", MONTHS[m - 1], &day[..4])
}

/// What is wrong with the dates of `e` (a record.json entry) against the
/// record's text for it: a date the record does not give, an unknown date
/// shown as a day, the record's words misquoted, an inferred end not
/// marked.
fn date_problems(e: &Value, md: &MdEntry) -> Vec<String> {
    let mut out = Vec::new();
    let text = &md.text;
    let precision = e["precision"].as_str().unwrap_or("");
    let when = e["when_en"].as_str();
    if !["day", "month", "approximate", "unknown"].contains(&precision) {
        out.push(format!("precision {precision:?}"));
    }
    if let Some(w) = when {
        if !text.contains(w) {
            out.push(format!("when_en {w:?} is not the record's words"));
        }
    }
    // A day is given when the record writes it, writes its month for a
    // month-precision date (which starts on the 1st), or, for a reading of
    // the record's words ("late February 2020"), when the words quoted
    // name its month.
    let given = |d: &str| {
        text.contains(d)
            || (precision == "month" && d.ends_with("-01") && text.contains(&d[..7]))
            || (precision == "approximate" && when.is_some_and(|w| w.contains(&month_words(d))))
    };
    let date = e["date"].as_str();
    let until = e["until"].as_str();
    for (what, d) in [("date", date), ("until", until)] {
        let Some(d) = d else { continue };
        if precision == "unknown" {
            out.push(format!("{what} {d}, but the record gives no date"));
        } else if !given(d) {
            out.push(format!("{what} {d} is not in the record"));
        }
    }
    if date.is_none() && until.is_none() && precision != "unknown" {
        out.push(format!("no date, but precision {precision}"));
    }
    if let Some(from) = &md.from {
        let start = if from.len() == 7 {
            format!("{from}-01")
        } else {
            from.clone()
        };
        if date != Some(start.as_str()) {
            out.push(format!("the record's from is {from}, the date {date:?}"));
        }
    }
    if let Some(u) = until {
        if text.contains(&format!("{u} (inferred")) && e["until_inferred"] != true {
            out.push(format!("the record infers the end {u}: until_inferred"));
        }
    }
    out
}

/// What is wrong with the sources of `e` against the record: one the
/// record does not name for it, one it names and the file leaves out, no
/// seed where the record's list has seeds, a seed that is not a file.
fn source_problems(e: &Value, md: &MdEntry, seeds: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let held = strs(&e["sources"]);
    if held.is_empty() {
        out.push("no sources".into());
    }
    for s in &held {
        if !md.sources.contains(s) {
            out.push(format!("{s:?} is not a source the record names for it"));
        }
    }
    if md.pooled {
        let seed = |s: &String| s.starts_with("seeds/");
        if md.sources.iter().any(seed) && !held.iter().any(seed) {
            out.push(format!("cites none of the seeds of {:?}", md.sources));
        }
    } else {
        for s in &md.sources {
            if !held.contains(s) {
                out.push(format!("the record names {s:?}, the file does not"));
            }
        }
    }
    for s in held.iter().filter(|s| s.starts_with("seeds/")) {
        let n = s["seeds/".len()..].split(' ').next().unwrap_or("");
        if !seeds.iter().any(|f| f.starts_with(&format!("{n}_"))) {
            out.push(format!("{s}: no such seed in {SEEDS}"));
        }
    }
    out
}

fn seed_files() -> Vec<String> {
    std::fs::read_dir(SEEDS)
        .map(|d| {
            d.filter_map(|f| f.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_markdown_is_read_whole() {
    let Some(md) = record_md() else { return };
    let by_id: BTreeMap<&str, &MdEntry> = md.iter().map(|m| (m.id.as_str(), m)).collect();
    assert_eq!(by_id.len(), md.len(), "an id twice");
    assert!(md.len() >= 17, "only {} ids: {by_id:?}", md.len());
    let reg = by_id["REG-2021-07-27"];
    assert_eq!(reg.sources, ["SCMP 3143909", "seeds/004", "SCMP 3142719"]);
    assert!(by_id["S-VPN"].pooled && by_id["S-VPN"].sources.len() == 5);
    assert_eq!(by_id["N-GFW"].sources, ["seeds/001", "seeds/002"]);
    assert_eq!(by_id["N-GFW"].section, "7");
    assert_eq!(by_id["REG-2021-11"].sources, ["seeds/000"]);
    let conn = by_id["CONN-2020-02"];
    assert_eq!(conn.sources, ["seeds/003", "SCMP 3081740", "pandaily"]);
    assert!(conn.text.contains("late February 2020"));
    assert_eq!(by_id["R-2013-11"].from.as_deref(), Some("2013-11"));
    assert_eq!(by_id["R-2013-11"].sources.len(), 3);
}

#[test]
fn every_id_of_the_record_is_held_with_its_sources() {
    let Some(md) = record_md() else { return };
    let held = held();
    let seeds = seed_files();
    assert!(seeds.len() >= 5, "the seeds are beside the record");
    let mut problems = Vec::new();
    for m in &md {
        let Some(e) = held.get(&m.id) else {
            problems.push(format!("{}: missing from rules/record.json", m.id));
            continue;
        };
        if e["section"].as_str() != Some(m.section.as_str()) {
            problems.push(format!("{}: section {} in the record", m.id, m.section));
        }
        for p in source_problems(e, m, &seeds) {
            problems.push(format!("{}: {p}", m.id));
        }
    }
    for id in held.keys() {
        if !md.iter().any(|m| &m.id == id) {
            problems.push(format!("{id}: in rules/record.json, not in the record"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn no_date_the_record_does_not_give() {
    let Some(md) = record_md() else { return };
    let held = held();
    let mut problems = Vec::new();
    for m in &md {
        for p in held.get(&m.id).map_or(vec![], |e| date_problems(e, m)) {
            problems.push(format!("{}: {p}", m.id));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    // What the app reads agrees with the file.
    for e in entries() {
        let raw = &held[&e.id];
        assert_eq!(
            e.date.map(|d| d.to_string()).as_deref(),
            raw["date"].as_str()
        );
        assert_eq!(
            e.until.map(|d| d.to_string()).as_deref(),
            raw["until"].as_str()
        );
    }
}

/// The checks above fail on what the file held before this audit: the
/// invented 2013-01-01, a date for an entry the record dates nowhere, an
/// inferred end unmarked, the seeds left out.
#[test]
fn the_checks_refuse_what_the_file_held_before() {
    let Some(md) = record_md() else { return };
    let by_id = |id: &str| md.iter().find(|m| m.id == id).unwrap();
    let old = |s: &str| -> Value { serde_json::from_str(s).unwrap() };
    for (id, e) in [
        (
            "S-SYNC-BEFORE-2017-05",
            r#"{"date":"2013-01-01","until":"2017-05-19","precision":"month"}"#,
        ),
        ("S-VPN", r#"{"date":"2013-01-01","precision":"unknown"}"#),
        (
            "S-ANDROID-SOON",
            r#"{"date":"2017-05-19","precision":"unknown"}"#,
        ),
        (
            "REG-2021-07-27",
            r#"{"date":"2021-07-27","until":"2021-08-05","precision":"day"}"#,
        ),
        ("CONN-2020-02", r#"{"date":"2020-02-01","precision":"day"}"#),
        ("R-2013-11", r#"{"date":"2013-11-02","precision":"month"}"#),
    ] {
        assert!(!date_problems(&old(e), by_id(id)).is_empty(), "{id} {e}");
    }
    let seeds = seed_files();
    for (id, e) in [
        (
            "S-2017-05-19",
            r#"{"sources":["Jing Daily","Telegiz 2017-05-21"]}"#,
        ),
        (
            "S-ANDROID-SOON",
            r#"{"sources":["Jing Daily","Telegiz 2017-05-21"]}"#,
        ),
        ("N-GFW", r#"{"sources":["seeds/001"]}"#),
        ("S-VPN", r#"{"sources":["seeds/002","Reuters"]}"#),
        ("R-2013-11", r#"{"sources":["seeds/000 (context)"]}"#),
        ("REG-2021-11", r#"{"sources":["seeds/009"]}"#),
    ] {
        assert!(
            !source_problems(&old(e), by_id(id), &seeds).is_empty(),
            "{id} {e}"
        );
    }
}

/// Only keeping Android unavailable is assumed: "soon" is in seed 001.
#[test]
fn android_soon_is_sourced_and_only_its_unavailability_assumed() {
    let e = entry("S-ANDROID-SOON").unwrap();
    assert!(!e.assumed && !e.weak);
    assert!(e.sources.iter().any(|s| s == "seeds/001"));
    let assumed: Vec<&str> = e
        .parts
        .iter()
        .filter(|p| p.assumed)
        .map(|p| p.key.as_str())
        .collect();
    assert_eq!(assumed, ["unavailable"]);
    let Some(_) = record_md() else { return };
    let seed = seed_files()
        .into_iter()
        .find(|f| f.starts_with("001_"))
        .expect("seed 001 beside the record");
    let text = std::fs::read_to_string(format!("{SEEDS}/{seed}")).unwrap();
    assert!(text.contains("Android users is expected to be available soon"));
}

/// Every part of a record entry can be cited as `ID#part`, and every
/// citation of a part anywhere in the rules file names one.
#[test]
fn every_part_is_citable_and_every_citation_names_one() {
    let held = held();
    let mut parts: Vec<String> = Vec::new();
    for (id, e) in &held {
        for p in e["parts"].as_array().into_iter().flatten() {
            parts.push(format!("{id}#{}", p["key"].as_str().unwrap()));
        }
    }
    let mut known: Vec<String> = RECORD_PARTS.iter().map(|s| s.to_string()).collect();
    known.sort();
    parts.sort();
    assert_eq!(
        known, parts,
        "rules::RECORD_PARTS and the parts of rules/record.json"
    );
    for c in citations(&json("rules/rules.json")) {
        if let Some((id, _)) = c.split_once('#') {
            if held.contains_key(id) {
                assert!(parts.contains(&c), "{c} names no part of {id}");
            }
        }
    }
}

/// Every `source` and `sources` value in a rules file, anywhere but its
/// top-level `sources` (the documentation of its extra ids).
fn citations(rules: &Value) -> Vec<String> {
    fn walk(v: &Value, top: bool, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    if k == "source" || (k == "sources" && !top) {
                        out.extend(v.as_str().map(String::from));
                        out.extend(strs(v));
                    } else if k != "sources" {
                        walk(v, false, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, false, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(rules, true, &mut out);
    out
}

/// The timeline's "Context: no rule of the simulator follows" is derived:
/// an entry is context only exactly when nothing in the rules file cites
/// it (its rules, network and sync sections; a caveat) and no feature's
/// code does. REG-2021-11 (MIIT's technology testing) is such an entry.
#[test]
fn context_only_entries_follow_from_the_rules() {
    let rules = Rules::builtin();
    let cited: BTreeSet<String> = citations(&json("rules/rules.json"))
        .into_iter()
        .map(|c| c.split('#').next().unwrap_or("").to_string())
        .collect();
    for e in entries() {
        let uses = e.uses(rules);
        let from_file = uses
            .iter()
            .any(|u| matches!(u, Use::Rule(_) | Use::Network(_) | Use::Sync));
        assert_eq!(
            from_file,
            cited.contains(&e.id),
            "{}: the rules file {} it, the timeline says {uses:?}",
            e.id,
            if cited.contains(&e.id) {
                "cites"
            } else {
                "does not cite"
            }
        );
        let by_code = uses
            .iter()
            .any(|u| matches!(u, Use::SignUp | Use::Connection));
        assert_eq!(e.context_only(rules), !from_file && !by_code, "{}", e.id);
    }
    let reg = entry("REG-2021-11").unwrap();
    assert!(reg.context_only(rules), "{:?}", reg.uses(rules));
    assert!(!entry("REG-2021-07-27").unwrap().context_only(rules));
    assert!(!entry("CONN-2020-02").unwrap().context_only(rules));
}

/// A sync answer (the rules file's `sync` section, which the engine's
/// honesty tests do not read) citing an assumed entry or part says it is
/// an assumption.
#[test]
fn sync_answers_on_assumed_parts_say_so() {
    let held = held();
    let rules = json("rules/rules.json");
    let mut checked = 0;
    for s in rules["sync"].as_array().expect("sync") {
        let cite = s["source"].as_str().unwrap();
        let (id, part) = match cite.split_once('#') {
            Some((i, p)) => (i, Some(p)),
            None => (cite, None),
        };
        let Some(e) = held.get(id) else { continue };
        let part_assumed = part.is_some_and(|p| {
            e["parts"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|x| x["key"] == p && x["assumed"] == true)
        });
        if e["assumed"] == true || part_assumed {
            assert_eq!(s["assumption"], true, "{cite}: {s}");
        }
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} sync answers");
}
