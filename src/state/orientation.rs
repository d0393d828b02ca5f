//! Orientation (issue 25): the pure parts of what tells a newcomer what the
//! app is and which day it simulates: whether the first visit's welcome is
//! due, which parts of the scenario differ from the default (the scenario
//! bar names only those), whether the window is wide enough for the side
//! panel, and the record entries behind a screen.
//!
//! The welcome's flag is kept under its own localStorage key, not in the
//! saved `Data`: having read the welcome is a fact about this browser, not
//! about the demo's data, so **Reset demo data**, an import or a switch of
//! account must not show it again, dismissing it must not bump `Data::rev`
//! (and start a save and a rebase in every other tab), and a test can mark
//! it seen without building a whole saved model.

use crate::policy::scenario::{Cohort, Os, Region, Scenario};
use crate::policy::{Context, Rules};

/// The localStorage key of the welcome's flag.
pub const WELCOME_KEY: &str = "walled-garden.welcomed";

/// The value stored under [`WELCOME_KEY`] once the welcome was dismissed.
pub const WELCOME_SEEN: &str = "1";

/// Whether the welcome is shown on mounting, given what is stored under
/// [`WELCOME_KEY`] (`None`: nothing, or storage unavailable). Anything but
/// the seen mark counts as a first visit: a stray value must not hide it.
pub fn welcome_due(stored: Option<&str>) -> bool {
    stored != Some(WELCOME_SEEN)
}

/// The narrowest window, in CSS pixels, with room for the side panel
/// beside the phone frame (390 px and its ring, the panel, margins).
pub const WIDE_MIN_WIDTH: f64 = 1000.0;

/// Below this height the phone fills the window (`styles/app.css`:
/// `max-height: 700px`), so there is no side to put a panel on.
pub const WIDE_MIN_HEIGHT: f64 = 701.0;

/// Whether a window of `width` × `height` CSS pixels shows the side panel
/// (and no scenario bar, which it replaces).
pub fn is_wide(width: f64, height: f64) -> bool {
    width >= WIDE_MIN_WIDTH && height >= WIDE_MIN_HEIGHT
}

/// One part of the scenario besides its date, as the scenario bar and the
/// side panel name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Where the phone is.
    Region(Region),
    /// Which phone.
    Os(Os),
    /// Whether the VPN is on.
    Vpn(bool),
    /// The rollout cohort.
    Cohort(Cohort),
}

/// Every part of `s` but its date, in the order of the scenario controls.
pub fn parts(s: &Scenario) -> [Part; 4] {
    [
        Part::Region(s.region),
        Part::Os(s.os),
        Part::Vpn(s.vpn),
        Part::Cohort(s.cohort),
    ]
}

/// The parts of `s` that differ from the default scenario: what the
/// compact scenario bar names after the date ("2021-11-29, overseas").
pub fn asides(s: &Scenario) -> Vec<Part> {
    let d = parts(&Scenario::default());
    parts(s)
        .into_iter()
        .zip(d)
        .filter(|(p, d)| p != d)
        .map(|(p, _)| p)
        .collect()
}

/// The record ids behind the rules in force under `s` in any of
/// `contexts`, sorted and without repeats: what the side panel cites for
/// the screen in view. A rule listing no context covers them all.
pub fn record_ids(rules: &Rules, s: &Scenario, contexts: &[Context]) -> Vec<String> {
    let mut ids: Vec<String> = rules
        .rules()
        .iter()
        .filter(|r| r.valid_on(s.date) && r.conditions.failing(s).is_none())
        .filter(|r| r.contexts.is_empty() || r.contexts.iter().any(|c| contexts.contains(c)))
        .flat_map(|r| r.sources.iter().cloned())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::scenario::Date;

    #[test]
    fn the_welcome_is_due_until_it_was_dismissed() {
        assert!(welcome_due(None));
        assert!(welcome_due(Some("")));
        assert!(welcome_due(Some("yes")));
        assert!(!welcome_due(Some(WELCOME_SEEN)));
    }

    #[test]
    fn wide_windows_are_laptops_not_phones_or_short_windows() {
        assert!(is_wide(1280.0, 720.0));
        assert!(is_wide(1366.0, 768.0));
        assert!(!is_wide(390.0, 844.0));
        assert!(!is_wide(999.0, 900.0));
        assert!(!is_wide(1280.0, 700.0));
    }

    #[test]
    fn the_bar_names_only_what_differs_from_the_default() {
        let mut s = Scenario::default();
        assert!(asides(&s).is_empty());
        s.region = Region::Overseas;
        assert_eq!(asides(&s), [Part::Region(Region::Overseas)]);
        s.vpn = true;
        s.cohort = Cohort::Early;
        s.os = Os::Android;
        assert_eq!(
            asides(&s),
            [
                Part::Region(Region::Overseas),
                Part::Os(Os::Android),
                Part::Vpn(true),
                Part::Cohort(Cohort::Early)
            ]
        );
        // The date is the bar's own first part, never an aside.
        s = Scenario {
            date: Date::parse("2014-01-01").unwrap(),
            ..Scenario::default()
        };
        assert!(asides(&s).is_empty());
    }

    #[test]
    fn record_ids_are_those_of_the_rules_in_force() {
        let rules = Rules::builtin();
        let s = Scenario {
            date: Date::parse("2021-12-10").unwrap(),
            ..Scenario::default()
        };
        let ids = record_ids(rules, &s, &[Context::Group]);
        assert!(!ids.is_empty());
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted, "sorted, no repeats");
        // Every id is a source of a rule in force in groups on that day.
        for id in &ids {
            assert!(rules.rules().iter().any(|r| r.valid_on(s.date)
                && r.sources.contains(id)
                && (r.contexts.is_empty() || r.contexts.contains(&Context::Group))));
        }
        // A rule that ended before the day is not cited for it.
        let ended: Vec<_> = rules
            .rules()
            .iter()
            .filter(|r| r.valid_until.is_some_and(|u| u <= s.date))
            .flat_map(|r| r.sources.iter())
            .filter(|id| {
                !rules
                    .rules()
                    .iter()
                    .any(|r| r.valid_on(s.date) && r.sources.contains(*id))
            })
            .collect();
        for id in ended {
            assert!(!ids.contains(id), "{id} ended before {}", s.date);
        }
        // No context, nothing cited.
        assert!(record_ids(rules, &s, &[]).iter().all(|id| rules
            .rules()
            .iter()
            .any(|r| r.contexts.is_empty() && r.sources.contains(id))));
    }
}
