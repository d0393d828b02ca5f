//! The scenario reducer.

use crate::policy::scenario::{Cohort, Date, Os, Region, Scenario};

/// A change to the scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioAction {
    /// Move to another day.
    SetDate(Date),
    /// Mainland China or overseas.
    SetRegion(Region),
    /// iOS or Android.
    SetOs(Os),
    /// VPN on or off.
    SetVpn(bool),
    /// Early or late in gradual rollouts.
    SetCohort(Cohort),
    /// Replace everything (e.g. from "jump to" buttons).
    Set(Scenario),
}

/// Applies `action`; returns whether anything changed.
pub fn reduce(s: &mut Scenario, action: ScenarioAction) -> bool {
    let before = *s;
    match action {
        ScenarioAction::SetDate(d) => s.date = d,
        ScenarioAction::SetRegion(r) => s.region = r,
        ScenarioAction::SetOs(o) => s.os = o,
        ScenarioAction::SetVpn(v) => s.vpn = v,
        ScenarioAction::SetCohort(c) => s.cohort = c,
        ScenarioAction::Set(n) => *s = n,
    }
    *s != before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_action_sets_its_field() {
        let mut s = Scenario::default();
        let d = Date::parse("2013-11-01").unwrap();
        assert!(reduce(&mut s, ScenarioAction::SetDate(d)));
        assert_eq!(s.date, d);
        assert!(reduce(&mut s, ScenarioAction::SetRegion(Region::Overseas)));
        assert_eq!(s.region, Region::Overseas);
        assert!(reduce(&mut s, ScenarioAction::SetOs(Os::Android)));
        assert_eq!(s.os, Os::Android);
        assert!(reduce(&mut s, ScenarioAction::SetVpn(true)));
        assert!(s.vpn);
        assert!(!reduce(&mut s, ScenarioAction::SetVpn(true)), "no change");
        assert!(reduce(&mut s, ScenarioAction::SetCohort(Cohort::Early)));
        assert_eq!(s.cohort, Cohort::Early);
        assert!(
            !reduce(&mut s, ScenarioAction::SetCohort(Cohort::Early)),
            "no change"
        );
        assert!(reduce(&mut s, ScenarioAction::Set(Scenario::default())));
        assert_eq!(s, Scenario::default());
    }
}
