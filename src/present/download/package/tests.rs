//! The package against the format: the descriptor parses, lists every
//! column of the CSV with its type, carries the provenance, and the ZIP
//! reads back; hostile rules stay text in all three files.

use super::*;
use crate::present::download::csv::parse;
use crate::present::download::tables::{changes, links, matrix, record};
use crate::present::download::{zip, Kind};
use crate::state::cite::Citation;
use crate::state::model::Data;
use crate::state::rules::CustomRules;
use serde_json::Value;

fn made() -> Date {
    Date::parse("2026-05-17").unwrap()
}

fn data_on(day: &str) -> Data {
    let mut d = crate::state::seed::seed();
    d.scenario.date = Date::parse(day).unwrap();
    d
}

/// Every kind of package, each with its citation, from `data`.
fn packages(data: &Data) -> Vec<(Table, Citation)> {
    let rules = data.rules();
    let (a, b) = (
        Date::parse("2021-09-16").unwrap(),
        Date::parse("2021-09-17").unwrap(),
    );
    let undated = crate::policy::scenario::Scenario {
        date: crate::policy::matrix::START,
        ..data.scenario
    };
    let rows = crate::state::opener::batch(rules, "https://v.douyin.com/x\n=1+1\n", &data.scenario);
    let link = String::from("https://example.org/#/timeline");
    vec![
        (
            matrix(rules, &data.scenario),
            Citation::of_matrix(data, made(), link.clone()),
        ),
        (
            changes(&crate::policy::matrix::diff(rules, &undated, a, b)),
            Citation::of_changes(data, a, b, made(), link.clone()),
        ),
        (
            record(rules, data.lang),
            of_record(Citation::of_matrix(data, made(), link.clone())),
        ),
        (
            links(&rows),
            Citation::of_batch(data, rows.len(), made(), link),
        ),
    ]
}

#[test]
fn the_descriptor_lists_every_column_with_its_type() {
    let data = data_on("2021-10-01");
    for (t, c) in packages(&data) {
        for lang in [Lang::En, Lang::Zh] {
            let text = datapackage(&t, &c, lang);
            // Our own reader and serde_json agree that it parses.
            crate::json::parse(&text).expect("crate::json parses it");
            let v: Value = serde_json::from_str(&text).expect("serde_json parses it");
            let res = &v["resources"][0];
            assert_eq!(res["path"], t.file());
            assert_eq!(res["format"], "csv");
            assert_eq!(res["mediatype"], "text/csv");
            assert_eq!(res["encoding"], "utf-8");
            assert_eq!(res["bytes"], t.csv.len());
            let hash = String::from("sha256:") + &sha256::hex(t.csv.as_bytes());
            assert_eq!(res["hash"], hash);
            let fields = res["schema"]["fields"].as_array().unwrap();
            let header = &parse(&t.csv).unwrap()[0];
            let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
            assert_eq!(&names, header, "{:?}", t.kind);
            for (f, want) in fields.iter().zip(t.kind.fields()) {
                assert_eq!(f["type"], want.ty.as_str());
                let about = f["description"].as_str().unwrap();
                assert!(!about.is_empty(), "{} has a description", want.name);
                let types = ["string", "integer", "boolean", "date"];
                assert!(types.contains(&f["type"].as_str().unwrap()));
            }
            let name = v["name"].as_str().unwrap();
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name}"
            );
            assert_eq!(v["licenses"][0]["name"], "MIT");
            assert!(!v["sources"].as_array().unwrap().is_empty());
            assert_eq!(v["created"], "2026-05-17T00:00:00Z");
            // The provenance.
            assert_eq!(v["rules_sha256"], c.fingerprint.sha256());
            assert_eq!(v["rules_sha256"].as_str().unwrap().len(), 64);
            assert_eq!(v["rules_fingerprint"], c.fingerprint.label());
            assert_eq!(v["rules_custom"], false);
            assert_eq!(v["permalink"], c.permalink);
            assert_eq!(v["scenario"]["date"], "2021-10-01");
            assert_eq!(v["scenario"]["cohort"], "late");
            assert_eq!(v["citation"], citation_text(&t, &c, lang));
        }
    }
}

#[test]
fn the_record_is_cited_as_the_record() {
    let data = data_on("2021-10-01");
    let (t, c) = packages(&data).swap_remove(2);
    assert_eq!(t.kind, Kind::Record);
    assert_eq!(c.record.len(), entries().len());
    let text = citation_text(&t, &c, Lang::En);
    let first = text.lines().next().unwrap();
    let n = entries().len();
    assert!(
        first.ends_with(&format!(" — Timeline: {n} entries of the record")),
        "{first}"
    );
    let zh = citation_text(&t, &c, Lang::Zh);
    assert!(
        zh.lines()
            .next()
            .unwrap()
            .ends_with(&format!("时间线：{n}条记录")),
        "{zh}"
    );
    assert!(!first.contains("Outcome matrix"), "{first}");
}

#[test]
fn what_changed_says_its_days() {
    let data = data_on("2021-10-01");
    let (t, c) = packages(&data).swap_remove(1);
    assert_eq!(t.kind, Kind::Changes);
    let v: Value = serde_json::from_str(&datapackage(&t, &c, Lang::En)).unwrap();
    assert_eq!(v["days"]["from"], "2021-09-16");
    assert_eq!(v["days"]["to"], "2021-09-17");
    assert_eq!(v["name"], "walled-garden-changes-2021-09-16-2021-09-17");
}

#[test]
fn the_zip_holds_the_csv_the_descriptor_and_the_readme() {
    let data = data_on("2021-10-01");
    for (t, c) in packages(&data) {
        let files = zip::read(&package(&t, &c, Lang::En)).expect("a readable ZIP");
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, [t.file().as_str(), "datapackage.json", "README.md"]);
        assert_eq!(files[0].1, t.csv.as_bytes());
        assert_eq!(files[1].1, datapackage(&t, &c, Lang::En).as_bytes());
    }
}

#[test]
fn the_readme_explains_in_the_users_language() {
    let data = data_on("2021-10-01");
    let (t, c) = packages(&data).swap_remove(0);
    let en = readme(&t, &c, Lang::En);
    for want in [
        "# Outcome matrix · Walled Garden",
        "## Columns",
        "- `confidence` (string): ",
        "- `share` (boolean): ",
        "## Confidence and assumption",
        "## How to cite",
        "CSV injection",
        c.fingerprint.sha256(),
        &c.fingerprint.label(),
        "date=2021-10-01, region=mainland, os=ios, vpn=off, cohort=late",
        "https://example.org/#/timeline",
        "## Licence",
    ] {
        assert!(en.contains(want), "{want}: {en}");
    }
    let cite = crate::present::cite::text(&c, Lang::En);
    assert!(en.contains(&(String::from("> ") + cite.lines().next().unwrap())));
    let zh = readme(&t, &c, Lang::Zh);
    for want in ["## 列", "## 如何引用", "## 可信度与假设", "CSV 注入"] {
        assert!(zh.contains(want), "{want}: {zh}");
    }
    assert!(!zh.contains("How to cite"));
}

/// A rules file with a rule whose id is a formula, markup and quotes
/// (rule ids and names are free text) deciding Feishu's links on
/// 2020-02-28, and a platform named so: valid, so a package made with it
/// must keep all of it as text.
fn hostile_data() -> Data {
    const H: &str = "=HYPERLINK(\"http://evil/\")<img src=x onerror=alert(1)>\"\n'";
    let mut file: Value = serde_json::from_str(crate::policy::rules::BUILTIN_JSON).unwrap();
    file["platforms"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "evil", "name_en": H, "name_zh": H, "owner": H, "owner_zh": H,
            "domains": ["evil.example"], "categories": ["ecommerce"],
        }));
    let rules = file["rules"].as_array_mut().unwrap();
    let mut rule = rules
        .iter()
        .find(|r| r["id"] == "feishu-blocked-2020-02-28")
        .unwrap()
        .clone();
    rule["id"] = H.into();
    rule["priority"] = (rule["priority"].as_i64().unwrap() + 1).into();
    rules.push(rule);
    let mut data = data_on("2020-02-28");
    let custom = CustomRules::parse(&file.to_string()).expect("a hostile but valid file");
    data.custom_rules = Some(custom);
    data
}

#[test]
fn hostile_rules_stay_text() {
    let data = hostile_data();
    assert!(data.rules_fingerprint().is_custom());
    let (t, c) = packages(&data).swap_remove(0);
    let rows = parse(&t.csv).unwrap();
    let evil: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[10].contains("HYPERLINK"))
        .collect();
    assert!(!evil.is_empty(), "the hostile rule decides: {}", t.csv);
    for r in &evil {
        assert!(
            r[10].starts_with("'=HYPERLINK(\"http://evil/\")<img"),
            "{r:?}"
        );
    }
    assert!(rows.iter().any(|r| r[1] == "evil"));
    for line in t.csv.split("\r\n") {
        assert!(!line.contains(",=") && !line.starts_with('='), "{line}");
    }
    let text = datapackage(&t, &c, Lang::En);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["rules_custom"], true);
    assert!(v["rules_fingerprint"]
        .as_str()
        .unwrap()
        .ends_with(" custom"));
    let files = zip::read(&package(&t, &c, Lang::Zh)).unwrap();
    assert_eq!(files.len(), 3);
    assert!(readme(&t, &c, Lang::En).contains("the user's own rules"));
}
