//! Tests of `state::correction`.

use super::*;
use crate::json::parse;
use crate::policy::matrix::matrix;
use crate::policy::rules::Rules;
use crate::state::seed::seed;

const LINK: &str = "https://m.tb.cn/h.x";

fn data() -> Data {
    let mut d = seed();
    d.scenario.date = Date::parse("2021-12-10").unwrap();
    d
}

fn app(data: &Data) -> Decision {
    decide(data.rules(), LINK, Context::Group, &data.scenario)
}

fn texts() -> DraftTexts {
    let t = |s: &str| DraftText {
        title: s.into(),
        reason: format!("{s} reason"),
        assumed: format!("{s} assumed"),
    };
    DraftTexts {
        en: t("Opened"),
        zh: t("打开了"),
    }
}

fn form(outcome: Outcome, source: &str) -> Form {
    Form {
        source: source.into(),
        ..Form::new(outcome, Date::parse("2021-12-10").unwrap())
    }
}

#[test]
fn the_app_says_copy_to_browser_for_taobao_in_a_group_that_day() {
    assert_eq!(app(&data()).outcome, Outcome::CopyToBrowser);
}

#[test]
fn a_claim_needs_a_source_a_day_and_a_difference() {
    let app = Outcome::CopyToBrowser;
    let f = form(Outcome::Open, "   ");
    assert_eq!(validate(&f, app), Err(vec![CorrectionError::NoSource]));
    let f = Form {
        day: "2012-12-31".into(),
        ..form(app, "")
    };
    assert_eq!(
        validate(&f, app),
        Err(vec![
            CorrectionError::NoSource,
            CorrectionError::BadDay,
            CorrectionError::SameAsApp
        ])
    );
    for bad in ["2024-01-01", "garbage", "2021-02-30", ""] {
        let f = Form {
            day: bad.into(),
            ..form(Outcome::Open, "a")
        };
        assert_eq!(
            validate(&f, app),
            Err(vec![CorrectionError::BadDay]),
            "{bad}"
        );
    }
    let f = Form {
        said: "x".repeat(MAX_TEXT + 1),
        ..form(Outcome::Open, "a")
    };
    assert_eq!(validate(&f, app), Err(vec![CorrectionError::TooLong]));
    // The same outcome with words: the words may be what differs.
    let f = Form {
        said: " 将要访问 ".into(),
        ..form(app, " https://example.org/report ")
    };
    let c = validate(&f, app).unwrap();
    assert_eq!(c.said, "将要访问");
    assert_eq!(c.source, "https://example.org/report");
    assert_eq!(c.day, Date::parse("2021-12-10").unwrap());
    for day in ["2013-01-01", "2023-12-31"] {
        let f = Form {
            day: day.into(),
            ..form(Outcome::Open, "s")
        };
        assert!(validate(&f, app).is_ok(), "{day}");
    }
}

#[test]
fn the_file_parses_and_carries_the_fingerprint_the_decision_and_the_claim() {
    let data = data();
    let d = app(&data);
    let hostile = "\"}<script>alert(1)</script>\\\u{2028}\n";
    let claim = Claim {
        outcome: Outcome::Open,
        said: hostile.into(),
        day: data.scenario.date,
        source: hostile.into(),
    };
    let text = correction_json(&data, &data.scenario, &d, hostile, Context::Group, &claim);
    let n = parse(&text).expect("the file parses");
    let s = |path: &[&str]| {
        let mut at = &n;
        for p in path {
            at = at.get(p).unwrap_or_else(|| panic!("{path:?}"));
        }
        at.as_str().unwrap().to_string()
    };
    assert_eq!(s(&["kind"]), KIND);
    assert_eq!(s(&["app_version"]), VERSION);
    let fp = data.rules_fingerprint();
    assert_eq!(s(&["rules_fingerprint", "sha256"]), fp.sha256());
    assert_eq!(s(&["rules_fingerprint", "label"]), fp.label());
    assert_eq!(s(&["scenario", "date"]), "2021-12-10");
    assert_eq!(s(&["scenario", "shared_in"]), "group");
    assert_eq!(s(&["scenario", "region"]), "mainland");
    assert_eq!(s(&["scenario", "os"]), data.scenario.os.as_str());
    assert_eq!(s(&["scenario", "vpn"]), "off");
    assert_eq!(s(&["scenario", "cohort"]), "late");
    assert_eq!(s(&["decision", "outcome"]), "copy_to_browser");
    assert_eq!(s(&["decision", "platform"]), "taobao");
    assert_eq!(s(&["decision", "share"]), "no");
    assert_eq!(s(&["decision", "confidence"]), d.confidence_str());
    assert_eq!(s(&["decision", "assumption"]), d.assumption_str());
    let rules: Vec<&str> = n
        .get("decision")
        .unwrap()
        .get("rules")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(rules.join(" "), d.rules_attr());
    assert_eq!(s(&["claim", "outcome"]), "open");
    assert_eq!(s(&["claim", "date"]), "2021-12-10");
    // Hostile text comes back as the same text.
    assert_eq!(s(&["claim", "said"]), hostile);
    assert_eq!(s(&["source"]), hostile);
    assert_eq!(s(&["link"]), hostile);
}

fn cell(rules: &Rules, s: &Scenario) -> Outcome {
    let m = matrix(rules, s);
    let (_, cells) = m.iter().find(|(p, _)| &**p == "taobao").unwrap();
    cells[1].outcome
}

#[test]
fn the_draft_validates_and_changes_the_matrix_cell_of_that_day() {
    let data = data();
    let s = data.scenario;
    assert_eq!(cell(data.rules(), &s), Outcome::CopyToBrowser);
    let claim = Claim {
        outcome: Outcome::Open,
        said: String::new(),
        day: s.date,
        source: "https://example.org/\"}]<b>".into(),
    };
    let draft = draft_rule(
        &data,
        &data.scenario,
        LINK,
        Context::Group,
        &claim,
        &texts(),
    )
    .unwrap();
    assert_eq!(draft.id, "correction-2021-12-10-taobao-group");
    // The file as applied validates with the loader the editor uses.
    let rules = Rules::from_json(draft.rules.text()).expect("validates");
    assert_eq!(cell(&rules, &s), Outcome::Open);
    let d = decide(&rules, LINK, Context::Group, &s);
    assert_eq!(d.outcome, Outcome::Open);
    assert_eq!(d.rules[0].as_ref(), draft.id);
    assert!(d.custom && d.assumption);
    assert_eq!(d.confidence.as_str(), "low");
    let r = rules.rule(&draft.id).unwrap();
    assert_eq!(r.sources, ["CORRECTION-2021-12-10-taobao-group"]);
    assert!(rules.sources().iter().any(|x| x.what == claim.source));
    // The day before is as it was; another cohort is as it was.
    let before = Scenario {
        date: Date::parse("2021-12-09").unwrap(),
        ..s
    };
    assert_eq!(cell(&rules, &before), cell(data.rules(), &before));
    let early = Scenario {
        cohort: crate::policy::scenario::Cohort::Early,
        ..s
    };
    assert_eq!(cell(&rules, &early), cell(data.rules(), &early));
}

#[test]
fn a_second_draft_goes_into_the_custom_file_with_its_own_ids() {
    let mut data = data();
    let claim = Claim {
        outcome: Outcome::Open,
        said: "打开了".into(),
        day: data.scenario.date,
        source: "A citation, 2021".into(),
    };
    let first = draft_rule(
        &data,
        &data.scenario,
        LINK,
        Context::Group,
        &claim,
        &texts(),
    )
    .unwrap();
    super::super::rules::reduce(
        &mut data.custom_rules,
        super::super::rules::RulesAction::Apply(first.rules.clone()),
    );
    let claim = Claim {
        outcome: Outcome::Blocked,
        ..claim
    };
    let second = draft_rule(
        &data,
        &data.scenario,
        LINK,
        Context::Group,
        &claim,
        &texts(),
    )
    .unwrap();
    assert_eq!(second.id, "correction-2021-12-10-taobao-group-2");
    let rules = second.rules.shared().unwrap();
    assert!(rules.rule(&first.id).is_some());
    let d = decide(&rules, LINK, Context::Group, &data.scenario);
    assert_eq!(
        (d.outcome, d.rules[0].as_ref()),
        (Outcome::Blocked, second.id.as_str())
    );
    // A file without a `sources` section gets one.
    let bare = r#"{"format": 1, "categories": [], "platforms": [{"id": "x", "name_en": "X", "name_zh": "X", "owner": "X", "domains": ["x.com"], "categories": []}], "rules": []}"#;
    let c = CustomRules::parse(bare).unwrap();
    super::super::rules::reduce(
        &mut data.custom_rules,
        super::super::rules::RulesAction::Apply(c),
    );
    let d = draft_rule(
        &data,
        &data.scenario,
        "https://x.com/",
        Context::Chat,
        &claim,
        &texts(),
    );
    let d = d.unwrap().rules.shared().unwrap();
    let x = decide(&d, "https://x.com/", Context::Chat, &data.scenario);
    assert_eq!(x.outcome, Outcome::Blocked);
}

#[test]
fn a_web_link_of_no_platform_makes_no_draft() {
    let data = data();
    let claim = Claim {
        outcome: Outcome::Blocked,
        said: String::new(),
        day: data.scenario.date,
        source: "s".into(),
    };
    let d = draft_rule(
        &data,
        &data.scenario,
        "https://example.org/",
        Context::Chat,
        &claim,
        &texts(),
    );
    assert_eq!(d, Err(DraftError::NoPlatform));
    // A mini-program form needs no platform: every link of its form.
    let d = draft_rule(
        &data,
        &data.scenario,
        "#小程序://Name/abc",
        Context::Chat,
        &claim,
        &texts(),
    );
    assert!(d.is_ok(), "{d:?}");
}
