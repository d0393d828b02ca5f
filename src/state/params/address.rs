//! What an address changes in the state: the same on the first load and on
//! every change of the address in an open tab (typing, back, forward), so
//! that the address is the state.

use super::Params;
use crate::lang::Lang;
use crate::policy::connection::TestGroup;
use crate::policy::scenario::Scenario;
use crate::state::connection::ConnectionAction;
use crate::state::model::{Data, NoticeKind};
use crate::state::scenario::ScenarioAction;
use crate::state::Action;

/// The actions that make `data` what the address's `params` ask for: a
/// parameter that is given and valid replaces the current value; one that
/// is absent or refused keeps it, and every refused one gets a notice
/// naming it (`NoticeKind::BadParam`). Nothing for what already matches,
/// so an address that reproduces the state changes nothing.
pub fn changes(params: &Params, data: &Data) -> Vec<Action> {
    let mut out = Vec::new();
    let mut scenario = data.scenario;
    params.apply(&mut scenario);
    if scenario != data.scenario {
        out.push(Action::Scenario(ScenarioAction::Set(scenario)));
    }
    if let Some(lang) = params.lang.filter(|l| *l != data.lang) {
        out.push(Action::SetLang(lang));
    }
    if let Some(g) = params.connection.filter(|g| *g != data.douyin.group) {
        out.push(Action::Connection(ConnectionAction::SetGroup(g)));
    }
    for (name, value) in &params.rejected {
        out.push(Action::Notify(NoticeKind::BadParam {
            name: name.clone(),
            value: value.clone(),
        }));
    }
    out
}

impl Params {
    /// These parameters as the address of a history entry the app wrote
    /// itself: such an address carries every scenario parameter that is
    /// not the default (`carried_data`), so an absent one *is* the default.
    /// Going back to it then restores a default value too, not only the
    /// ones spelled out. Refused values stay refused (the current value
    /// is kept), and `url`/`in` are left as they are.
    pub fn whole(mut self) -> Params {
        let absent = |p: &Params, name: &str| !p.rejected.iter().any(|(n, _)| n == name);
        let d = Scenario::default();
        if self.date.is_none() && absent(&self, "date") {
            self.date = Some(d.date);
        }
        if self.region.is_none() && absent(&self, "region") {
            self.region = Some(d.region);
        }
        if self.os.is_none() && absent(&self, "os") {
            self.os = Some(d.os);
        }
        if self.vpn.is_none() && absent(&self, "vpn") {
            self.vpn = Some(d.vpn);
        }
        if self.cohort.is_none() && absent(&self, "cohort") {
            self.cohort = Some(d.cohort);
        }
        if self.lang.is_none() && absent(&self, "lang") {
            self.lang = Some(Lang::default());
        }
        if self.connection.is_none() && absent(&self, "connection") {
            self.connection = Some(TestGroup::default());
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::super::{carried_data, full_query_data, merge, FIRST_DAY, LAST_DAY};
    use super::*;
    use crate::policy::scenario::{Cohort, Date, Os, Region};
    use crate::state::model::Model;
    use crate::state::{reduce, seed::seed};

    /// The model after the address `query` was applied to the seed.
    fn after(query: &str) -> Model {
        after_on(Model::new(seed()), query)
    }

    fn after_on(mut m: Model, query: &str) -> Model {
        reduce(&mut m, Action::Address(Params::parse(query)));
        m
    }

    fn refused(m: &Model) -> Vec<(String, String)> {
        m.notices
            .iter()
            .filter_map(|n| match &n.kind {
                NoticeKind::BadParam { name, value } => Some((name.clone(), value.clone())),
                _ => None,
            })
            .collect()
    }

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn every_good_parameter_is_applied() {
        let m = after(
            "date=2020-03-01&region=overseas&os=android&vpn=on&cohort=early&lang=zh&connection=out",
        );
        let s = m.data.scenario;
        assert_eq!(s.date, day("2020-03-01"));
        assert_eq!(s.region, Region::Overseas);
        assert_eq!(s.os, Os::Android);
        assert!(s.vpn);
        assert_eq!(s.cohort, Cohort::Early);
        assert_eq!(m.data.lang, Lang::Zh);
        assert_eq!(m.data.douyin.group, TestGroup::Out);
        assert!(m.notices.is_empty());
    }

    #[test]
    fn every_bad_parameter_keeps_the_current_value_and_is_named() {
        let start = after(
            "date=2020-03-01&region=overseas&os=android&vpn=on&cohort=early&lang=zh&connection=out",
        );
        let before = start.data.clone();
        let m = after_on(
            start,
            "date=garbage&region=mars&os=symbian&vpn=yes&cohort=middle&lang=fr&connection=maybe",
        );
        assert_eq!(m.data, before, "nothing changed, not even rev");
        let names: Vec<String> = refused(&m).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "date",
                "region",
                "os",
                "vpn",
                "cohort",
                "lang",
                "connection"
            ]
        );
        assert_eq!(refused(&m)[0].1, "garbage");
    }

    #[test]
    fn dates_are_taken_within_the_record_and_refused_outside() {
        for good in ["2013-01-01", "2023-12-31", "2018-06-01"] {
            let m = after(&format!("date={good}"));
            assert_eq!(m.data.scenario.date, day(good), "{good}");
            assert!(m.notices.is_empty(), "{good}");
        }
        assert_eq!(
            (FIRST_DAY, LAST_DAY),
            (day("2013-01-01"), day("2023-12-31"))
        );
        for bad in [
            "2012-12-31",
            "2024-01-01",
            "2010-01-01",
            "2030-01-01",
            "2021-02-29",
            "2021-13-45",
            "garbage",
            "",
        ] {
            let m = after(&format!("date={bad}"));
            assert_eq!(m.data.scenario.date, seed().scenario.date, "{bad} kept out");
            assert_eq!(refused(&m), [("date".to_string(), bad.to_string())]);
        }
    }

    #[test]
    fn a_bad_value_spoils_only_itself() {
        let m = after("date=2030-01-01&region=overseas");
        assert_eq!(m.data.scenario.region, Region::Overseas);
        assert_eq!(m.data.scenario.date, seed().scenario.date);
        assert_eq!(refused(&m).len(), 1);
    }

    #[test]
    fn an_address_that_matches_changes_nothing() {
        let d = seed();
        assert!(changes(&Params::parse(""), &d).is_empty());
        assert!(changes(&Params::parse("date=2021-12-01&lang=en&url=x"), &d).is_empty());
        let m = after("date=2021-12-01&connection=in");
        assert_eq!(m.data.rev, d.rev, "no new revision");
    }

    #[test]
    fn absent_parameters_keep_their_values_unless_the_address_is_whole() {
        let m = after("date=2020-03-01&region=overseas&lang=zh&connection=out");
        let kept = after_on(m.clone(), "date=2019-01-01");
        assert_eq!(kept.data.scenario.date, day("2019-01-01"));
        assert_eq!(kept.data.scenario.region, Region::Overseas);
        assert_eq!(kept.data.lang, Lang::Zh);
        let mut whole = m;
        reduce(
            &mut whole,
            Action::Address(Params::parse("date=2019-01-01").whole()),
        );
        assert_eq!(
            whole.data.scenario,
            Scenario {
                date: day("2019-01-01"),
                ..Scenario::default()
            }
        );
        assert_eq!(whole.data.lang, Lang::En);
        assert_eq!(whole.data.douyin.group, TestGroup::In);
        // A refused value in a whole address still keeps the current one.
        let p = Params::parse("date=garbage").whole();
        assert_eq!(p.date, None);
        assert_eq!(p.region, Some(Region::Mainland));
    }

    #[test]
    fn what_the_app_writes_brings_the_state_back_whole() {
        let m = after("date=2020-03-01&os=android&connection=out&lang=zh");
        let carried = merge("url=x", carried_data(&m.data));
        let query: Vec<String> = carried.iter().map(|(n, v)| format!("{n}={v}")).collect();
        let back = after_on(Model::new(seed()), &query.join("&"));
        assert_eq!(back.data.scenario, m.data.scenario);
        assert_eq!(back.data.lang, m.data.lang);
        assert_eq!(back.data.douyin.group, m.data.douyin.group);
        // The copied link too, with Connection's group spelled out.
        let q = full_query_data(&m.data);
        assert!(q.ends_with("&connection=out"), "{q}");
        let copied = after_on(Model::new(seed()), &q);
        assert_eq!(copied.data.douyin.group, TestGroup::Out);
        assert_eq!(copied.data.scenario, m.data.scenario);
        assert!(full_query_data(&seed()).ends_with("&connection=in"));
    }
}
