//! The guided stories (`rules/stories.json`, embedded at compile time): the
//! record told step by step on the live screens, for classrooms and
//! readers (issue 27).
//!
//! A story is data, checked like the rules: every step names record ids
//! that exist, and may state what the engine must decide there (a link's
//! outcome, display, share button, reachability, assumption; Moments' sync;
//! sign-up; Connection). [`check`] runs a step's expectations against a set
//! of rules: a native test runs every story against the built-in rules, so
//! a rules change that breaks a story fails `make test`, and the app flags
//! a step the user's custom rules contradict.

use super::connection::{eligibility, parse_hhmm, TestGroup};
use super::engine::decide;
use super::record;
use super::registration::{registration, AccountType, Registration};
use super::rules::{CardDisplay, Context, Outcome, Rules};
use super::scenario::{parse_vpn, Cohort, Date, Os, Region, Scenario};
use super::sync::{sync_status_in, SyncStatus, SyncTarget};
use crate::json::{Error, Node};
use crate::lang::Lang;
use std::sync::OnceLock;

/// The stories file (minified in wasm builds).
pub const STORIES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/stories.json"));

/// Text in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
}

impl Words {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.en, &self.zh)
    }
    fn read(n: &Node, name: &str) -> Result<Words, Error> {
        Ok(Words {
            en: n.read(&format!("{name}_en"))?,
            zh: n.read(&format!("{name}_zh"))?,
        })
    }
}

/// What a step shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// A chat (one-to-one or group, by `context`) holding one link card;
    /// tapping it shows the page.
    Card {
        /// The link.
        link: String,
        /// Chat or group.
        context: Context,
    },
    /// The page WeChat showed for a link shared in `context` (the outcome
    /// screen, as after a tap).
    Outcome {
        /// The link.
        link: String,
        /// Where it was shared.
        context: Context,
    },
    /// The outcome matrix of the step's day.
    Matrix,
    /// The Moments composer with its sync boxes.
    Composer,
    /// Sign-up.
    Register,
    /// Douyin's Connection.
    Connection,
    /// One link in the step's scenario (A) and in `b`.
    Compare {
        /// The link.
        link: String,
        /// Where it was shared.
        context: Context,
        /// The other scenario.
        b: Scenario,
    },
}

impl Screen {
    /// The link the screen shows, if any, and where it was shared.
    pub fn link(&self) -> Option<(&str, Context)> {
        match self {
            Screen::Card { link, context }
            | Screen::Outcome { link, context }
            | Screen::Compare { link, context, .. } => Some((link, *context)),
            _ => None,
        }
    }
    /// The value of the step's `data-story-screen`.
    pub const fn as_str(&self) -> &'static str {
        match self {
            Screen::Card { .. } => "card",
            Screen::Outcome { .. } => "outcome",
            Screen::Matrix => "matrix",
            Screen::Composer => "composer",
            Screen::Register => "register",
            Screen::Connection => "connection",
            Screen::Compare { .. } => "compare",
        }
    }
}

/// What the engine must decide for the step's link (fields left out are
/// not checked).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecisionExpected {
    /// `data-outcome`.
    pub outcome: Option<Outcome>,
    /// `data-display`.
    pub display: Option<CardDisplay>,
    /// `data-share`.
    pub share: Option<bool>,
    /// `data-reachable`.
    pub reachable: Option<bool>,
    /// `data-assumption`.
    pub assumption: Option<bool>,
}

/// Connection's answer for a reader at `minutes` with a verified `age`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectionExpected {
    /// Minutes after midnight, China time.
    pub minutes: u16,
    /// The verified age, `None` when not verified.
    pub age: Option<u8>,
    /// `ok`, or the refusal's `data-reason`.
    pub result: String,
}

/// What must hold at a step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expect {
    /// The step's link, in the step's scenario.
    pub decision: Option<DecisionExpected>,
    /// The link in the compare's scenario B.
    pub b: Option<DecisionExpected>,
    /// Moments' sync targets.
    pub sync: Vec<(SyncTarget, SyncStatus)>,
    /// Whether sign-up is open (`Some(true)`) or suspended.
    pub sign_up_open: Option<bool>,
    /// Connection.
    pub connection: Option<ConnectionExpected>,
}

/// The change a **Try it** prompt asks the reader to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    /// Set Cohort.
    Cohort(Cohort),
    /// Set VPN.
    Vpn(bool),
    /// Set Region.
    Region(Region),
    /// Set Phone.
    Os(Os),
    /// Set Douyin's test group.
    Group(TestGroup),
}

impl Goal {
    /// Whether the reader's scenario and test group show the goal reached.
    pub fn reached(self, s: &Scenario, group: TestGroup) -> bool {
        match self {
            Goal::Cohort(c) => s.cohort == c,
            Goal::Vpn(v) => s.vpn == v,
            Goal::Region(r) => s.region == r,
            Goal::Os(o) => s.os == o,
            Goal::Group(g) => group == g,
        }
    }
}

/// A step's **Try it** prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TryIt {
    /// What to change.
    pub goal: Goal,
    /// The prompt.
    pub prompt: Words,
    /// What the reader found, said when the goal is reached.
    pub found: Words,
}

/// One step: a scenario, a screen and a caption.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The scenario the step sets (the language is left as it is).
    pub scenario: Scenario,
    /// Douyin's test group the step sets.
    pub group: TestGroup,
    /// What it shows.
    pub screen: Screen,
    /// Two to four short sentences naming its record ids.
    pub caption: Words,
    /// The record ids it names.
    pub records: Vec<String>,
    /// What the engine must decide there.
    pub expect: Expect,
    /// An optional prompt to change the scenario.
    pub try_it: Option<TryIt>,
}

/// A guided story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Story {
    /// Its address id (`#/story/<id>`).
    pub id: String,
    /// Title.
    pub title: Words,
    /// One line on what it tells.
    pub line: Words,
    /// How long it takes to read, in minutes.
    pub minutes: u8,
    /// The steps, from 1 in the address.
    pub steps: Vec<Step>,
}

/// What is wrong with a stories file: which story and step (from 1), and
/// what. Only the built-in file is read, and a test reads it, so these
/// are for the maintainer who edits it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryError {
    /// The story's id, or its position when it has none.
    pub story: String,
    /// The step, from 1 (0: the story itself).
    pub step: usize,
    /// What is wrong.
    pub what: String,
}

fn bad(story: &str, step: usize, what: impl Into<String>) -> StoryError {
    StoryError {
        story: story.to_string(),
        step,
        what: what.into(),
    }
}

/// Every built-in story, in the order of the list. Parsed once; a test
/// checks the file, so an invalid one cannot ship (here it would give no
/// stories rather than a crash).
pub fn stories() -> &'static [Story] {
    static STORIES: OnceLock<Vec<Story>> = OnceLock::new();
    STORIES.get_or_init(|| parse(STORIES_JSON).unwrap_or_default())
}

/// A built-in story by id.
pub fn story(id: &str) -> Option<&'static Story> {
    stories().iter().find(|s| s.id == id)
}

/// Reads and validates a stories file: every problem, or the stories.
pub fn parse(text: &str) -> Result<Vec<Story>, Vec<StoryError>> {
    let root = crate::json::parse(text).map_err(|e| vec![bad("", 0, format!("{e:?}"))])?;
    let list = root
        .get("stories")
        .and_then(Node::as_array)
        .ok_or_else(|| vec![bad("", 0, "no \"stories\" list")])?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, n) in list.iter().enumerate() {
        match read_story(n, i) {
            Ok(s) => {
                if out.iter().any(|o: &Story| o.id == s.id) {
                    errors.push(bad(&s.id, 0, "the id is used twice"));
                }
                out.push(s);
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn read_story(n: &Node, i: usize) -> Result<Story, Vec<StoryError>> {
    let id: String = n
        .read("id")
        .map_err(|e| vec![bad(&format!("#{}", i + 1), 0, format!("{e:?}"))])?;
    let head = || -> Result<(Words, Words, u8), Error> {
        Ok((
            Words::read(n, "title")?,
            Words::read(n, "line")?,
            n.read("minutes")?,
        ))
    };
    let (title, line, minutes) = head().map_err(|e| vec![bad(&id, 0, format!("{e:?}"))])?;
    let valid_id = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    let mut errors = Vec::new();
    if !valid_id {
        errors.push(bad(&id, 0, "an id is lower-case letters, digits and '-'"));
    }
    let mut steps = Vec::new();
    let nodes = n.get("steps").and_then(Node::as_array).unwrap_or(&[]);
    if nodes.is_empty() {
        errors.push(bad(&id, 0, "a story has steps"));
    }
    for (j, s) in nodes.iter().enumerate() {
        match read_step(s) {
            Ok(step) => {
                errors.extend(step_problems(&step).into_iter().map(|w| bad(&id, j + 1, w)));
                steps.push(step);
            }
            Err(e) => errors.push(bad(&id, j + 1, e)),
        }
    }
    if errors.is_empty() {
        Ok(Story {
            id,
            title,
            line,
            minutes,
            steps,
        })
    } else {
        Err(errors)
    }
}

/// What the file can say right but the record can't back: ids that do not
/// exist, a caption that does not name its ids, an empty caption.
fn step_problems(step: &Step) -> Vec<String> {
    let mut out = Vec::new();
    if step.records.is_empty() {
        out.push("a step names at least one record id".to_string());
    }
    for id in &step.records {
        if record::entry(id).is_none() {
            out.push(format!("{id} is not a record id"));
        }
        for (lang, caption) in [("en", &step.caption.en), ("zh", &step.caption.zh)] {
            if !caption.contains(id.as_str()) {
                out.push(format!("the {lang} caption does not name {id}"));
            }
        }
    }
    for caption in [&step.caption.en, &step.caption.zh] {
        if caption.trim().is_empty() {
            out.push("an empty caption".to_string());
        }
    }
    if step.expect.b.is_some() && !matches!(step.screen, Screen::Compare { .. }) {
        out.push("expect_b needs a compare screen".to_string());
    }
    out
}

/// `scenario` with the fields `n` gives (a step's own, or a compare's `b`
/// over the step's).
fn read_scenario(n: &Node, base: Scenario) -> Result<Scenario, String> {
    let mut s = base;
    let text = |name: &str| n.get(name).and_then(Node::as_str);
    if let Some(d) = text("date") {
        s.date = Date::parse(d).map_err(|_| format!("bad date {d}"))?;
    }
    if let Some(r) = text("region") {
        s.region = Region::parse(r).ok_or(format!("bad region {r}"))?;
    }
    if let Some(o) = text("os") {
        s.os = Os::parse(o).ok_or(format!("bad os {o}"))?;
    }
    if let Some(v) = text("vpn") {
        s.vpn = parse_vpn(v).ok_or(format!("bad vpn {v}"))?;
    }
    if let Some(c) = text("cohort") {
        s.cohort = Cohort::parse(c).ok_or(format!("bad cohort {c}"))?;
    }
    Ok(s)
}

fn read_step(n: &Node) -> Result<Step, String> {
    let text = |name: &str| n.get(name).and_then(Node::as_str);
    if text("date").is_none() {
        return Err("a step sets a date".to_string());
    }
    let scenario = read_scenario(n, Scenario::default())?;
    let group = match text("connection") {
        Some(g) => TestGroup::parse(g).ok_or(format!("bad connection {g}"))?,
        None => TestGroup::In,
    };
    let link = || -> Result<(String, Context), String> {
        let link = text("link").ok_or("this screen needs a link")?.to_string();
        let context = text("in").unwrap_or("chat");
        let context = Context::parse(context).ok_or(format!("bad in {context}"))?;
        Ok((link, context))
    };
    let screen = match text("screen").unwrap_or("") {
        "card" => {
            let (link, context) = link()?;
            if context == Context::Moments {
                return Err("a card is in a chat or a group".to_string());
            }
            Screen::Card { link, context }
        }
        "outcome" => {
            let (link, context) = link()?;
            Screen::Outcome { link, context }
        }
        "matrix" => Screen::Matrix,
        "composer" => Screen::Composer,
        "register" => Screen::Register,
        "connection" => Screen::Connection,
        "compare" => {
            let (link, context) = link()?;
            let b = n.get("b").ok_or("a compare screen has a b scenario")?;
            Screen::Compare {
                link,
                context,
                b: read_scenario(b, scenario)?,
            }
        }
        other => return Err(format!("unknown screen {other:?}")),
    };
    let field = |e: Error| format!("{e:?}");
    let caption = Words::read(n, "caption").map_err(field)?;
    let records: Vec<String> = n.read("records").map_err(field)?;
    let expect = Expect {
        decision: n.get("expect").map(read_decision).transpose()?,
        b: n.get("expect_b").map(read_decision).transpose()?,
        sync: read_sync(n.get("expect_sync"))?,
        sign_up_open: match text("expect_sign_up") {
            None => None,
            Some("open") => Some(true),
            Some("suspended") => Some(false),
            Some(o) => return Err(format!("bad expect_sign_up {o}")),
        },
        connection: n
            .get("expect_connection")
            .map(read_connection)
            .transpose()?,
    };
    if (expect.decision.is_some() || expect.b.is_some()) && screen.link().is_none() {
        return Err("a decision is expected of a screen with a link".to_string());
    }
    let try_it = n.get("try").map(read_try).transpose()?;
    Ok(Step {
        scenario,
        group,
        screen,
        caption,
        records,
        expect,
        try_it,
    })
}

fn read_decision(n: &Node) -> Result<DecisionExpected, String> {
    let text = |name: &str| n.get(name).and_then(Node::as_str);
    let flag = |name: &str| n.get(name).and_then(Node::as_bool);
    Ok(DecisionExpected {
        outcome: text("outcome")
            .map(|o| Outcome::parse(o).ok_or(format!("bad outcome {o}")))
            .transpose()?,
        display: text("display")
            .map(|d| CardDisplay::parse(d).ok_or(format!("bad display {d}")))
            .transpose()?,
        share: flag("share"),
        reachable: flag("reachable"),
        assumption: flag("assumption"),
    })
}

fn read_sync(n: Option<&Node>) -> Result<Vec<(SyncTarget, SyncStatus)>, String> {
    let Some(fields) = n.and_then(Node::as_object) else {
        return Ok(Vec::new());
    };
    fields
        .0
        .iter()
        .map(|(k, v)| {
            let target = SyncTarget::parse(k).ok_or(format!("bad sync target {k}"))?;
            let v = v.as_str().unwrap_or("");
            let status = SyncStatus::parse(v).ok_or(format!("bad sync status {v}"))?;
            Ok((target, status))
        })
        .collect()
}

fn read_connection(n: &Node) -> Result<ConnectionExpected, String> {
    let time = n.get("time").and_then(Node::as_str).unwrap_or("");
    let minutes = parse_hhmm(time).ok_or(format!("bad time {time:?}"))?;
    let age = n.get("age").and_then(Node::as_i64);
    let age = age
        .map(|a| u8::try_from(a).map_err(|_| format!("bad age {a}")))
        .transpose()?;
    let result = n.get("result").and_then(Node::as_str).unwrap_or("");
    Ok(ConnectionExpected {
        minutes,
        age,
        result: result.to_string(),
    })
}

fn read_try(n: &Node) -> Result<TryIt, String> {
    let goal = n.get("goal").ok_or("a Try it has a goal")?;
    let text = |name: &str| goal.get(name).and_then(Node::as_str);
    let goal = if let Some(c) = text("cohort") {
        Goal::Cohort(Cohort::parse(c).ok_or(format!("bad cohort {c}"))?)
    } else if let Some(v) = text("vpn") {
        Goal::Vpn(parse_vpn(v).ok_or(format!("bad vpn {v}"))?)
    } else if let Some(r) = text("region") {
        Goal::Region(Region::parse(r).ok_or(format!("bad region {r}"))?)
    } else if let Some(o) = text("os") {
        Goal::Os(Os::parse(o).ok_or(format!("bad os {o}"))?)
    } else if let Some(g) = text("connection") {
        Goal::Group(TestGroup::parse(g).ok_or(format!("bad connection {g}"))?)
    } else {
        return Err("a Try it goal sets cohort, vpn, region, os or connection".to_string());
    };
    let field = |e: Error| format!("{e:?}");
    Ok(TryIt {
        goal,
        prompt: Words::read(n, "prompt").map_err(field)?,
        found: Words::read(n, "found").map_err(field)?,
    })
}

/// What `rules` decide against what a step expects: one line per
/// difference (empty when the step holds). The app flags a step the
/// user's custom rules contradict; the tests run every step against the
/// built-in rules.
pub fn check(step: &Step, rules: &Rules) -> Vec<String> {
    let mut out = Vec::new();
    let decision =
        |e: &DecisionExpected, scenario: &Scenario, side: &str, out: &mut Vec<String>| {
            let Some((link, context)) = step.screen.link() else {
                return;
            };
            let d = decide(rules, link, context, scenario);
            let mut differs = |what: &str, want: String, got: String| {
                if want != got {
                    out.push(format!("{side}{what}: expected {want}, decided {got}"));
                }
            };
            if let Some(o) = e.outcome {
                differs("outcome", o.as_str().into(), d.outcome.as_str().into());
            }
            if let Some(x) = e.display {
                differs("display", x.as_str().into(), d.display.as_str().into());
            }
            if let Some(x) = e.share {
                differs("share", x.to_string(), d.share.to_string());
            }
            if let Some(x) = e.reachable {
                differs("reachable", x.to_string(), d.reachable.to_string());
            }
            if let Some(x) = e.assumption {
                differs("assumption", x.to_string(), d.assumption.to_string());
            }
        };
    if let Some(e) = &step.expect.decision {
        decision(e, &step.scenario, "", &mut out);
    }
    if let (Some(e), Screen::Compare { b, .. }) = (&step.expect.b, &step.screen) {
        decision(e, b, "B ", &mut out);
    }
    for &(target, want) in &step.expect.sync {
        let got = sync_status_in(rules, &step.scenario, target, step.scenario.region).status;
        if got != want {
            out.push(format!(
                "sync {}: expected {}, decided {}",
                target.as_str(),
                want.as_str(),
                got.as_str()
            ));
        }
    }
    if let Some(open) = step.expect.sign_up_open {
        let s = &step.scenario;
        let got = registration(AccountType::Personal, s.region, s.date) == Registration::Open;
        if got != open {
            out.push(format!("sign-up open: expected {open}, decided {got}"));
        }
    }
    if let Some(c) = &step.expect.connection {
        let got = match eligibility(step.scenario.date, step.group, c.minutes, c.age) {
            Ok(()) => "ok",
            Err(r) => r.as_str(),
        };
        if got != c.result {
            out.push(format!("connection: expected {}, decided {got}", c.result));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
