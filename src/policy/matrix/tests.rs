//! The matrix, bands and diffs against the record's own dates (read from
//! `rules/record.json`, not copied outputs).

use super::*;
use crate::policy::scenario::Cohort;

/// The §1 entries of the record: id and date.
fn record() -> Vec<(String, Date)> {
    let v: serde_json::Value =
        serde_json::from_str(include_str!("../../../rules/record.json")).unwrap();
    v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["section"] == "1")
        .map(|e| {
            let id = e["id"].as_str().unwrap().to_string();
            (id, Date::parse(e["date"].as_str().unwrap()).unwrap())
        })
        .collect()
}

fn date_of(id: &str) -> Date {
    record().into_iter().find(|(i, _)| i == id).unwrap().1
}

fn index(rules: &Rules, id: &str) -> u32 {
    platforms(rules).find(|(_, p)| &*p.id == id).unwrap().0
}

fn scenario(cohort: Cohort) -> Scenario {
    Scenario {
        cohort,
        ..Scenario::default()
    }
}

/// Band starts and outcomes.
fn shape(rules: &Rules, id: &str, ctx: Context, cohort: Cohort) -> Vec<(Date, Outcome)> {
    bands(rules, index(rules, id), ctx, &scenario(cohort), START, END)
        .iter()
        .map(|b| (b.from, b.cell.outcome))
        .collect()
}

#[test]
fn taobao_in_chats_follows_the_record() {
    let r = Rules::builtin();
    let late = shape(r, "taobao", Context::Chat, Cohort::Late);
    assert_eq!(
        late,
        [
            (START, Outcome::Open),
            (date_of("R-2013-11"), Outcome::CopyToBrowser),
            (date_of("R-2021-11-29"), Outcome::Open),
        ]
    );
    // The early cohort got the 2021-09-17 confirmation page.
    let early = shape(r, "taobao", Context::Chat, Cohort::Early);
    assert_eq!(early[2], (date_of("R-2021-09-17"), Outcome::Confirm));
    // Bands cover the whole span without gaps.
    let bs = bands(
        r,
        index(r, "taobao"),
        Context::Chat,
        &scenario(Cohort::Late),
        START,
        END,
    );
    assert_eq!((bs[0].from, bs.last().unwrap().to), (START, END));
    for w in bs.windows(2) {
        assert_eq!(w[0].to.add_days(1), w[1].from);
    }
}

#[test]
fn douyin_stays_walled_in_groups_but_opens_in_chats() {
    let r = Rules::builtin();
    let s = Cohort::Late;
    assert_eq!(
        shape(r, "douyin", Context::Group, s),
        [
            (START, Outcome::Open),
            (date_of("R-2018-03"), Outcome::CopyToBrowser)
        ]
    );
    let chat = shape(r, "douyin", Context::Chat, s);
    assert_eq!(
        &chat[1..],
        [
            (date_of("R-2018-03"), Outcome::CopyToBrowser),
            (date_of("R-2021-09-17"), Outcome::Confirm),
            (date_of("R-2021-11-29"), Outcome::Open),
        ]
    );
}

#[test]
fn the_matrix_is_the_engine_on_each_platform() {
    let r = Rules::builtin();
    let s = Scenario {
        date: date_of("R-2022-01-27"),
        ..Scenario::default()
    };
    let m = matrix(r, &s);
    assert!(m.iter().all(|(id, _)| &**id != "wechat"));
    let row = |id: &str| m.iter().find(|(p, _)| &**p == id).unwrap().1.clone();
    let taobao = row("taobao");
    assert_eq!(taobao[0].outcome, Outcome::Open);
    assert_eq!(taobao[1].outcome, Outcome::Open);
    assert_eq!(taobao[1].rules[0].as_ref(), "taobao-open-2022-01-27");
    assert_eq!(taobao[2].outcome, Outcome::CopyToBrowser);
    assert_eq!(row("douyin")[1].outcome, Outcome::CopyToBrowser);
    assert_eq!(row("jd")[1].outcome, Outcome::Open);
}

#[test]
fn each_record_date_changes_cells_by_its_own_rules() {
    let r = Rules::builtin();
    for (id, day) in record() {
        let mut found = false;
        for cohort in [Cohort::Early, Cohort::Late] {
            for c in diff(r, &scenario(cohort), day.add_days(-1), day) {
                assert_eq!(c.date, day);
                let cites = c.after.rules.iter().chain(&c.before.rules).any(|rule| {
                    r.rule(rule)
                        .is_some_and(|x| x.sources.iter().any(|s| s.split('#').next() == Some(&id)))
                });
                found |= cites;
            }
        }
        assert!(found, "{id}: no cell changed by a rule citing it");
    }
    // A quiet stretch: nothing changed.
    let quiet = diff(
        r,
        &Scenario::default(),
        Date::new(2016, 1, 1).unwrap(),
        Date::new(2016, 12, 31).unwrap(),
    );
    assert!(quiet.is_empty(), "{quiet:?}");
}

#[test]
fn change_points_are_the_record_dates() {
    let r = Rules::builtin();
    let all = changes(r, &scenario(Cohort::Late), START, END);
    let dates: Vec<Date> = record().into_iter().map(|(_, d)| d).collect();
    // Every change happens on a record date (or the day after Feishu's
    // first block, which the record describes: "a day later").
    for c in &all {
        assert!(
            dates.contains(&c.date) || dates.contains(&c.date.add_days(-1)),
            "{c:?}"
        );
        assert!(!c.before.same(&c.after));
    }
    for w in all.windows(2) {
        assert!(w[0].date <= w[1].date);
    }
    // The changes between two days are the change points between them
    // when each cell changed once.
    let (a, b) = (
        Date::new(2021, 9, 1).unwrap(),
        Date::new(2021, 10, 1).unwrap(),
    );
    let d = diff(r, &scenario(Cohort::Late), a, b);
    let between: Vec<_> = all.iter().filter(|c| c.date > a && c.date <= b).collect();
    assert_eq!(d.len(), between.len());
    assert!(d.iter().any(|c| &*c.platform == "douyin"));
}

#[test]
fn nearest_event() {
    let ds = [
        Date::new(2021, 9, 17).unwrap(),
        Date::new(2021, 11, 29).unwrap(),
    ];
    let day = Date::new(2021, 10, 1).unwrap();
    assert_eq!(nearest(ds.iter().copied(), day), Some(ds[0]));
    assert_eq!(nearest(std::iter::empty(), day), None);
}
