//! What a citation of the app holds (issue 26, **Cite this**): what is
//! cited (a decision, the outcome matrix, What changed, a record entry, a
//! batch check), the scenario, the rules fingerprint, the record ids behind
//! it with their sources, the day it was made, the permalink and the app's
//! version. Pure data, no words: `present::cite` writes it as text, BibTeX
//! and CSL-JSON, and the downloads carry the same value.
//!
//! Built when a reader asks for it (the dialog opens, a file is made),
//! never per render: the matrix and What changed decide again to find the
//! rules behind them.

use super::model::Data;
use crate::lang::Lang;
use crate::policy::engine::{Decision, Why};
use crate::policy::fingerprint::Fingerprint;
use crate::policy::matrix::{diff, matrix};
use crate::policy::record::{entry, source_name};
use crate::policy::rules::{Context, Outcome, Rules};
use crate::policy::scenario::{Date, Scenario};
use std::sync::Arc;

/// What a citation cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cited {
    /// One decision: the link as the user gave it, where it was shared,
    /// what WeChat did and the rules that decided (`data-rules`).
    Decision {
        /// The link, as given (user input: every writer escapes it).
        link: String,
        /// Where it was shared.
        context: Context,
        /// What happened.
        outcome: Outcome,
        /// The deciding rule first, then those concurring.
        rules: Vec<String>,
    },
    /// The outcome matrix of the scenario's day.
    Matrix,
    /// What changed between two days.
    Changes {
        /// The first day.
        from: Date,
        /// The last day.
        to: Date,
    },
    /// One entry of the record (the timeline's card).
    Entry {
        /// Its record id.
        id: String,
    },
    /// A batch check of `links` links.
    Batch {
        /// How many links were checked.
        links: usize,
    },
}

/// A citation: everything a reader needs to find and check what they cite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// What is cited.
    pub cited: Cited,
    /// The scenario it was seen in.
    pub scenario: Scenario,
    /// Which rules file produced it.
    pub fingerprint: Fingerprint,
    /// The record entries behind it: (record id, its sources named by
    /// publication and title, `; ` between them), in the order first cited.
    pub record: Vec<(String, String)>,
    /// The day the citation was made (the reader's "accessed").
    pub made: Date,
    /// The address that shows it again.
    pub permalink: String,
    /// The app's version.
    pub version: &'static str,
}

/// The app's version, as every citation names it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

impl Citation {
    /// A citation of `what` in `data`'s scenario and rules, with `ids` (rule
    /// ids, in order) turned into the record entries they rest on.
    fn new<'a>(
        data: &Data,
        cited: Cited,
        ids: impl IntoIterator<Item = &'a str>,
        made: Date,
        permalink: String,
    ) -> Citation {
        Citation {
            cited,
            scenario: data.scenario,
            fingerprint: data.rules_fingerprint(),
            record: record_of(data.rules(), ids),
            made,
            permalink,
            version: VERSION,
        }
    }

    /// A citation of decision `d` of `link` shared in `context`, which the
    /// rules of `data` made in its scenario. The record is that of every
    /// rule Why lists (deciding, concurring, supplying, the network's).
    pub fn of_decision(
        data: &Data,
        d: &Decision,
        link: &str,
        context: Context,
        made: Date,
        permalink: String,
    ) -> Citation {
        let cited = Cited::Decision {
            link: link.to_string(),
            context,
            outcome: d.outcome,
            rules: d.rules.iter().map(|r| r.to_string()).collect(),
        };
        let applied = d
            .trace
            .iter()
            .filter(|s| s.applied && s.why != Why::AssumedPlatform)
            .map(|s| &*s.rule_id);
        Citation::new(data, cited, applied, made, permalink)
    }

    /// A citation of the outcome matrix of `data`'s day: the record behind
    /// every cell's rules.
    pub fn of_matrix(data: &Data, made: Date, permalink: String) -> Citation {
        let m = matrix(data.rules(), &data.scenario);
        let ids = m
            .iter()
            .flat_map(|(_, cells)| cells.iter())
            .flat_map(|c| c.rules.iter());
        Citation::new(data, Cited::Matrix, ids.map(|r| &**r), made, permalink)
    }

    /// A citation of What changed from `from` to `to`: the record behind
    /// the rules on both sides of every change.
    pub fn of_changes(
        data: &Data,
        from: Date,
        to: Date,
        made: Date,
        permalink: String,
    ) -> Citation {
        let changes = diff(data.rules(), &data.scenario, from, to);
        let ids: Vec<&Arc<str>> = changes
            .iter()
            .flat_map(|c| c.before.rules.iter().chain(c.after.rules.iter()))
            .collect();
        let cited = Cited::Changes { from, to };
        Citation::new(data, cited, ids.into_iter().map(|r| &**r), made, permalink)
    }

    /// A citation of the record entry `id`: itself and its sources (an id
    /// the record does not have is cited with none).
    pub fn of_entry(data: &Data, id: &str, made: Date, permalink: String) -> Citation {
        let mut c = Citation::new(
            data,
            Cited::Entry { id: id.to_string() },
            [],
            made,
            permalink,
        );
        c.record = vec![(id.to_string(), sources_of(id))];
        c
    }

    /// A citation of a batch check of `links` links on `data`'s day: the
    /// record behind every rule in force that day (the batch decides each
    /// link in three contexts, so any of them may have).
    pub fn of_batch(data: &Data, links: usize, made: Date, permalink: String) -> Citation {
        let day = data.scenario.date;
        let rules = data.rules();
        let ids = rules
            .rules()
            .iter()
            .filter(|r| r.valid_on(day))
            .map(|r| &*r.id);
        Citation::new(data, Cited::Batch { links }, ids, made, permalink)
    }

    /// The record ids alone, in order.
    pub fn record_ids(&self) -> impl Iterator<Item = &str> {
        self.record.iter().map(|(id, _)| id.as_str())
    }
}

/// The record entries the rules `ids` of `rules` rest on (a network
/// rule's too), each once, in the order first cited; a part (`ID#part`)
/// cites its entry.
fn record_of<'a>(rules: &Rules, ids: impl IntoIterator<Item = &'a str>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for id in ids {
        let sources = match rules.rule(id) {
            Some(r) => &r.sources,
            None => match rules.network_rules().iter().find(|n| &*n.id == id) {
                Some(n) => &n.sources,
                None => continue,
            },
        };
        for s in sources {
            let e = s.split('#').next().unwrap_or(s);
            if !out.iter().any(|(x, _)| x == e) {
                out.push((e.to_string(), sources_of(e)));
            }
        }
    }
    out
}

/// The sources of record entry `id` as a reader names them, `; ` between.
fn sources_of(id: &str) -> String {
    entry(id)
        .map(|e| {
            let names: Vec<_> = e.sources.iter().map(|s| source_name(s)).collect();
            names.join("; ")
        })
        .unwrap_or_default()
}

/// The address (the part after the page, `#/open?…`) that shows the
/// decision of `link` shared in `context` in `scenario` again, with every
/// scenario parameter (a side of Compare has a scenario of its own).
pub fn decision_address(link: &str, context: Context, scenario: &Scenario, lang: Lang) -> String {
    String::from("#/open") + &super::opener::scenario_query(link, context, scenario, lang)
}

/// The address of the timeline in `data`'s scenario (the matrix, What
/// changed), scrolled to record entry `id` when given.
pub fn timeline_address(data: &Data, id: Option<&str>) -> String {
    let q = super::params::full_query_data(data);
    match id {
        Some(id) => String::from("#/timeline?id=") + &super::params::encode(id) + "&" + &q[1..],
        None => String::from("#/timeline") + &q,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::engine::decide;
    use crate::state::seed::seed;

    fn data_on(day: &str) -> Data {
        let mut d = seed();
        d.scenario.date = Date::parse(day).unwrap();
        d
    }

    fn made() -> Date {
        Date::new(2026, 12, 4).unwrap()
    }

    #[test]
    fn a_decision_names_its_rules_record_and_fingerprint() {
        let data = data_on("2021-12-10");
        let link = "https://m.tb.cn/h.x";
        let d = decide(data.rules(), link, Context::Group, &data.scenario);
        let p = decision_address(link, Context::Group, &data.scenario, data.lang);
        assert!(p.starts_with("#/open?url=https%3A%2F%2Fm.tb.cn%2Fh.x&in=group&date=2021-12-10"));
        let c = Citation::of_decision(&data, &d, link, Context::Group, made(), p.clone());
        assert_eq!(c.fingerprint, Fingerprint::builtin());
        assert_eq!(c.version, env!("CARGO_PKG_VERSION"));
        assert_eq!(c.permalink, p);
        assert_eq!(c.made, made());
        let Cited::Decision { rules, outcome, .. } = &c.cited else {
            panic!("{:?}", c.cited);
        };
        assert_eq!(*outcome, d.outcome);
        assert_eq!(rules[0], &*d.rules[0]);
        // Every rule that decided rests on record entries, each named.
        assert!(!c.record.is_empty());
        for r in &d.rules {
            for s in &data.rules().rule(r).unwrap().sources {
                let id = s.split('#').next().unwrap();
                assert!(c.record_ids().any(|x| x == id), "{id}");
            }
        }
        for (id, sources) in &c.record {
            assert!(entry(id).is_some(), "{id}");
            assert!(!sources.is_empty(), "{id}");
            assert!(!sources.contains("seeds/"), "{sources}");
        }
        let unique: std::collections::HashSet<_> = c.record_ids().collect();
        assert_eq!(unique.len(), c.record.len());
    }

    #[test]
    fn custom_rules_are_cited_by_their_own_fingerprint() {
        let mut data = data_on("2021-12-10");
        let text = crate::policy::rules::BUILTIN_JSON;
        data.custom_rules = Some(crate::state::rules::CustomRules::parse(text).unwrap());
        let c = Citation::of_matrix(&data, made(), String::new());
        assert!(c.fingerprint.is_custom());
        assert_eq!(c.fingerprint, Fingerprint::of_custom(text));
    }

    #[test]
    fn the_matrix_changes_entries_and_batches_have_a_record() {
        let data = data_on("2021-12-10");
        let m = Citation::of_matrix(&data, made(), timeline_address(&data, None));
        assert_eq!(m.cited, Cited::Matrix);
        assert!(
            m.record_ids().any(|id| id == "R-2021-09-17"),
            "{:?}",
            m.record
        );
        assert!(m.permalink.starts_with("#/timeline?date=2021-12-10&"));

        let (from, to) = (
            Date::new(2021, 9, 16).unwrap(),
            Date::new(2021, 9, 18).unwrap(),
        );
        let ch = Citation::of_changes(&data, from, to, made(), String::new());
        assert_eq!(ch.cited, Cited::Changes { from, to });
        assert!(
            ch.record_ids().any(|id| id == "R-2021-09-17"),
            "{:?}",
            ch.record
        );

        let e = Citation::of_entry(&data, "R-2021-09-17", made(), String::new());
        assert_eq!(e.record.len(), 1);
        assert!(e.record[0].1.contains("The Record"), "{}", e.record[0].1);
        let p = timeline_address(&data, Some("R-2021-09-17"));
        assert!(
            p.starts_with("#/timeline?id=R-2021-09-17&date=2021-12-10&"),
            "{p}"
        );
        // An id from nowhere is cited as given, with no sources.
        let none = Citation::of_entry(&data, "}{x", made(), String::new());
        assert_eq!(none.record, vec![("}{x".to_string(), String::new())]);

        let b = Citation::of_batch(&data, 3, made(), String::new());
        assert_eq!(b.cited, Cited::Batch { links: 3 });
        assert!(!b.record.is_empty());
    }
}
