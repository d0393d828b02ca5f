//! Where a reader is in a guided story (`#/story/<id>?step=N`, issue 27),
//! what entering a step does to the state, and whether a **Try it** was
//! found. The stories themselves are `policy::stories`.

use super::connection::ConnectionAction;
use super::model::Data;
use super::scenario::ScenarioAction;
use super::Action;
use crate::lang::Lang;
use crate::policy::connection::TestGroup;
use crate::policy::rules::Rules;
use crate::policy::stories::{self, Step, Story};

/// A step of a story, as the address names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// The story.
    pub story: &'static Story,
    /// The step, from 0 (the address counts from 1).
    pub index: usize,
}

/// Why an address names no step: the screen shows the list of stories and
/// says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wrong {
    /// No story has this id (shown as text).
    Story(String),
    /// The story has no step with this number (as given).
    Step {
        /// The story's id.
        story: String,
        /// The `step=` value as given.
        given: String,
        /// How many steps the story has.
        count: usize,
    },
}

/// The step the address names: story `id`, and `step` (from 1; absent is
/// the first).
pub fn place(id: &str, step: Option<&str>) -> Result<Place, Wrong> {
    let story = stories::story(id).ok_or_else(|| Wrong::Story(id.to_string()))?;
    let count = story.steps.len();
    let index = match step {
        None => 0,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=count).contains(n))
            .map(|n| n - 1)
            .ok_or_else(|| Wrong::Step {
                story: id.to_string(),
                given: text.to_string(),
                count,
            })?,
    };
    Ok(Place { story, index })
}

impl Place {
    /// The step shown.
    pub fn step(&self) -> &'static Step {
        &self.story.steps[self.index]
    }
    /// How many steps the story has.
    pub fn count(&self) -> usize {
        self.story.steps.len()
    }
    /// The number the address and "3 of 8" show (from 1).
    pub fn number(&self) -> usize {
        self.index + 1
    }
    /// The step before, if any.
    pub fn back(&self) -> Option<Place> {
        self.index
            .checked_sub(1)
            .map(|index| Place { index, ..*self })
    }
    /// The step after, if any.
    pub fn next(&self) -> Option<Place> {
        (self.index + 1 < self.count()).then(|| Place {
            index: self.index + 1,
            ..*self
        })
    }
    /// Its address, without the scenario (the step sets it).
    pub fn href(&self) -> String {
        step_href(&self.story.id, self.number())
    }
    /// The query of a move to this step: the step, then the step's own
    /// scenario and test group as the address carries them, so the address
    /// is the step's state from the moment it is written (nothing of the
    /// step before lingers in it) and `lang` is kept.
    pub fn query(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let step = self.step();
        let mut q = vec![("step", self.number().to_string())];
        q.extend(crate::state::params::carried(&step.scenario, lang));
        if step.group != TestGroup::default() {
            q.push(("connection", step.group.as_str().to_string()));
        }
        q
    }
}

/// The address of step `number` (from 1) of story `id`.
pub fn step_href(id: &str, number: usize) -> String {
    format!("#/story/{}?step={number}", crate::state::params::encode(id))
}

/// What entering `step` changes: its scenario (the language stays) and
/// Douyin's test group, each only if it differs, so entering the step the
/// reader is on changes nothing.
pub fn enter(step: &Step, data: &Data) -> Vec<Action> {
    let [scenario, group] = set(step);
    let mut out = Vec::new();
    if data.scenario != step.scenario {
        out.push(scenario);
    }
    if data.douyin.group != step.group {
        out.push(group);
    }
    out
}

/// The actions that set `step`'s scenario and test group, whatever the
/// state (each is a no-op when it already holds): a move to a step
/// dispatches them before it writes the address, because the app's own
/// moves carry the state into the address, not the other way round.
pub fn set(step: &Step) -> [Action; 2] {
    [
        Action::Scenario(ScenarioAction::Set(step.scenario)),
        Action::Connection(ConnectionAction::SetGroup(step.group)),
    ]
}

/// Whether a move of the reader from a screen to another leaves a story
/// (one of its steps to anything else): then a notice says its scenario
/// is kept. Moving between steps, or arriving, says nothing.
pub fn left(was_story: bool, is_story: bool) -> bool {
    was_story && !is_story
}

/// Whether the reader has made the change the step's **Try it** asks for
/// (`None`: the step has no Try it).
pub fn found(step: &Step, data: &Data) -> Option<bool> {
    let t = step.try_it.as_ref()?;
    Some(t.goal.reached(&data.scenario, data.douyin.group))
}

/// Whether the active rules contradict what the step says the engine
/// decided there (the user's custom rules): the differences, empty when
/// the step holds.
pub fn contradictions(step: &Step, rules: &Rules) -> Vec<String> {
    stories::check(step, rules)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::scenario::Cohort;
    use crate::state::seed::seed;

    #[test]
    fn an_address_names_a_step_or_says_what_is_wrong() {
        let p = place("the-opening", Some("3")).unwrap();
        assert_eq!((p.index, p.number()), (2, 3));
        assert_eq!(p.href(), "#/story/the-opening?step=3");
        assert_eq!(place("the-opening", None).unwrap().index, 0);
        let count = p.count();
        assert_eq!(
            place("the-opening", Some("0")),
            Err(Wrong::Step {
                story: "the-opening".into(),
                given: "0".into(),
                count
            })
        );
        assert!(place("the-opening", Some(&(count + 1).to_string())).is_err());
        assert!(place("the-opening", Some("two")).is_err());
        assert_eq!(place("nope", None), Err(Wrong::Story("nope".into())));
    }

    #[test]
    fn a_move_writes_the_steps_own_scenario() {
        let p = place("douyin-connection", Some("2")).unwrap();
        let q = p.query(Lang::Zh);
        assert_eq!(q[0], ("step", "2".to_string()));
        assert!(q.contains(&("date", "2020-03-01".to_string())));
        assert!(q.contains(&("connection", "out".to_string())));
        assert!(q.contains(&("lang", "zh".to_string())));
        let first = place("douyin-connection", Some("1"))
            .unwrap()
            .query(Lang::En);
        assert!(!first
            .iter()
            .any(|(k, _)| *k == "connection" || *k == "lang"));
    }

    #[test]
    fn only_leaving_a_story_is_said() {
        assert!(left(true, false));
        assert!(!left(true, true));
        assert!(!left(false, true));
        assert!(!left(false, false));
    }

    #[test]
    fn back_and_next_stop_at_the_ends() {
        let first = place("the-opening", None).unwrap();
        assert!(first.back().is_none());
        let last = place("the-opening", Some(&first.count().to_string())).unwrap();
        assert!(last.next().is_none());
        assert_eq!(first.next().unwrap().back().unwrap(), first);
    }

    #[test]
    fn entering_a_step_sets_its_scenario_once() {
        let mut data = seed();
        let step = place("douyin-connection", Some("2")).unwrap().step();
        let actions = enter(step, &data);
        assert_eq!(actions.len(), 2, "{actions:?}");
        data.scenario = step.scenario;
        data.douyin.group = step.group;
        assert!(enter(step, &data).is_empty());
    }

    #[test]
    fn a_try_it_is_found_by_the_readers_change() {
        let mut data = seed();
        let step = place("the-opening", Some("3")).unwrap().step();
        data.scenario = step.scenario;
        assert_eq!(found(step, &data), Some(false));
        data.scenario.cohort = Cohort::Early;
        assert_eq!(found(step, &data), Some(true));
        let plain = place("the-opening", Some("1")).unwrap().step();
        assert_eq!(found(plain, &data), None);
    }

    #[test]
    fn the_builtin_rules_contradict_no_step() {
        for s in crate::policy::stories::stories() {
            for step in &s.steps {
                assert!(contradictions(step, Rules::builtin()).is_empty());
            }
        }
    }
}
