//! The stories file and its checks.

use super::*;
use crate::policy::rules::Rules;

#[test]
fn the_stories_file_is_valid() {
    let stories = parse(STORIES_JSON).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(stories.len(), 5);
    assert_eq!(stories, super::stories());
    for s in &stories {
        assert!(s.steps.len() >= 3, "{}", s.id);
        assert!(s.minutes > 0, "{}", s.id);
    }
}

#[test]
fn every_expectation_holds_against_the_builtin_rules() {
    let rules = Rules::builtin();
    let mut failures = Vec::new();
    for s in stories() {
        for (i, step) in s.steps.iter().enumerate() {
            for f in check(step, rules) {
                failures.push(format!("{} step {}: {f}", s.id, i + 1));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn every_step_expects_something_of_the_engine() {
    // A step without an expectation would let a rules change rewrite
    // what the story shows without a test noticing.
    for s in stories() {
        for (i, step) in s.steps.iter().enumerate() {
            let e = &step.expect;
            let any = e.decision.is_some()
                || !e.sync.is_empty()
                || e.sign_up_open.is_some()
                || e.connection.is_some();
            assert!(
                any || step.screen == Screen::Matrix,
                "{} step {}",
                s.id,
                i + 1
            );
        }
    }
}

#[test]
fn a_changed_rule_breaks_the_story_that_shows_it() {
    // The built-in file with Feishu's 2020 block taken out: story 1's
    // blocked page is contradicted, and `check` says where.
    let text = crate::policy::rules::BUILTIN_JSON.replace(
        "\"feishu-blocked-2020-02-28\"",
        "\"feishu-blocked-2020-02-28-x\"",
    );
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rules = v["rules"].as_array_mut().unwrap();
    rules.retain(|r| r["id"] != "feishu-blocked-2020-02-28-x");
    let edited = Rules::from_json(&v.to_string()).unwrap();
    let broken: Vec<(String, usize)> = stories()
        .iter()
        .flat_map(|s| {
            s.steps
                .iter()
                .enumerate()
                .filter(|(_, step)| !check(step, &edited).is_empty())
                .map(|(i, _)| (s.id.clone(), i + 1))
        })
        .collect();
    assert!(!broken.is_empty());
    assert!(
        broken.iter().all(|(id, _)| id == "copy-into-a-browser"),
        "{broken:?}"
    );
}

#[test]
fn problems_are_named_by_story_and_step() {
    let text = r#"{"stories":[{"id":"x","title_en":"t","title_zh":"t","line_en":"l","line_zh":"l","minutes":1,
        "steps":[{"date":"2021-09-17","screen":"outcome","link":"https://m.tb.cn/h.x","in":"group",
          "records":["R-2099-01"],"caption_en":"No id.","caption_zh":"没有。"},
          {"date":"2021-09-17","screen":"warp","records":[],"caption_en":"","caption_zh":""}]}]}"#;
    let errors = parse(text).unwrap_err();
    assert!(errors
        .iter()
        .any(|e| e.step == 1 && e.what.contains("R-2099-01 is not a record id")));
    assert!(errors
        .iter()
        .any(|e| e.step == 1 && e.what.contains("caption does not name")));
    assert!(errors
        .iter()
        .any(|e| e.step == 2 && e.what.contains("unknown screen")));
    assert!(errors.iter().all(|e| e.story == "x"));
}

#[test]
fn a_try_it_goal_is_reached_by_the_readers_change() {
    let s = stories()
        .iter()
        .find(|s| s.id == "the-opening")
        .expect("story 2");
    let (step, t) = s
        .steps
        .iter()
        .find_map(|st| st.try_it.as_ref().map(|t| (st, t)))
        .expect("a Try it in story 2");
    assert!(!t.goal.reached(&step.scenario, step.group));
    let changed = Scenario {
        cohort: Cohort::Early,
        ..step.scenario
    };
    assert!(t.goal.reached(&changed, step.group));
}
