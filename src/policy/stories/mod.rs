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

mod check;
mod parse;
#[cfg(test)]
mod tests;

pub use check::check;
pub use parse::parse;

use super::connection::TestGroup;
use super::rules::{CardDisplay, Context, Outcome};
use super::scenario::{Cohort, Os, Region, Scenario};
use super::sync::{SyncStatus, SyncTarget};
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
    fn read(n: &crate::json::Node, name: &str) -> Result<Words, crate::json::Error> {
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
