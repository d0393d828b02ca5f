//! Each platform's history (issue 25) against the engine itself: for every
//! platform of the built-in rules, in every context, the changes that
//! `policy::history` finds from the rules' change points are exactly the
//! days on which a walk of the engine over every day from 2013-01-01 to
//! 2023-12-31 sees the outcome or the card change.

#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;
use walled_garden::policy::history::{between, history};
use walled_garden::policy::matrix::{cell, platforms, Cell, CONTEXTS, END, START};
use walled_garden::policy::rules::{Context, Outcome, Rules};
use walled_garden::policy::scenario::{Cohort, Date, Region, Scenario};

/// A change as the walk sees it: the day, the context, the cells either side.
type Seen = (Date, Context, Cell, Cell);

/// Every day on which `platform`'s cell in `ctx` differs from the day
/// before, asking the engine about every single day.
fn walk(rules: &Rules, platform: &str, ctx: Context, s: &Scenario) -> (Cell, Vec<Seen>) {
    let p = rules.platform(platform).unwrap();
    let at = |date| cell(rules, p, ctx, &Scenario { date, ..*s });
    let first = at(START);
    let (mut prev, mut out) = (first.clone(), Vec::new());
    let mut day = START.add_days(1);
    while day <= END {
        let c = at(day);
        if !c.same(&prev) {
            out.push((day, ctx, prev.clone(), c.clone()));
        }
        prev = c;
        day = day.add_days(1);
    }
    (first, out)
}

/// The scenarios walked: both rollout cohorts, and a phone abroad on a VPN.
fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario {
            cohort: Cohort::Late,
            ..Scenario::default()
        },
        Scenario {
            cohort: Cohort::Early,
            ..Scenario::default()
        },
        Scenario {
            region: Region::Overseas,
            vpn: true,
            ..Scenario::default()
        },
    ]
}

#[test]
fn every_platforms_history_is_the_engine_walked_day_by_day() {
    let rules = Rules::builtin();
    let mut checked = 0;
    for s in scenarios() {
        for (_, p) in platforms(rules) {
            let h = history(rules, &p.id, &s).expect("a platform of the matrix");
            assert_eq!(&*h.platform, &*p.id);
            let contexts: Vec<Context> = h.lanes.iter().map(|l| l.context).collect();
            assert_eq!(contexts, CONTEXTS.to_vec());
            for lane in &h.lanes {
                let (first, walked) = walk(rules, &p.id, lane.context, &s);
                assert_eq!(lane.first, first, "{} {:?} on {START}", p.id, lane.context);
                let found: Vec<Seen> = lane
                    .changes
                    .iter()
                    .map(|c| (c.date, c.context, c.before.clone(), c.after.clone()))
                    .collect();
                // Same days, same cells; the rule ids on each side are the
                // engine's for the day before and the day itself.
                let days = |v: &[Seen]| v.iter().map(|c| c.0).collect::<Vec<_>>();
                assert_eq!(days(&found), days(&walked), "{} {:?}", p.id, lane.context);
                assert_eq!(found, walked, "{} {:?}", p.id, lane.context);
                checked += 1;
            }
        }
    }
    assert!(checked >= 3 * 3 * 5, "{checked} lanes");
}

#[test]
fn douyin_in_chats_copies_to_the_browser_from_2018_03_and_stops_in_2021() {
    let rules = Rules::builtin();
    let h = history(rules, "douyin", &Scenario::default()).unwrap();
    let chats = h.lanes.iter().find(|l| l.context == Context::Chat).unwrap();
    let walled = chats
        .changes
        .iter()
        .find(|c| (c.date.year, c.date.month) == (2018, 3))
        .expect("a change in 2018-03");
    assert_eq!(walled.after.outcome, Outcome::CopyToBrowser);
    assert_eq!(&*walled.after.rules[0], "douyin-copy-2018-03");
    let back = chats
        .changes
        .iter()
        .find(|c| c.date.year == 2021 && c.before.outcome == Outcome::CopyToBrowser)
        .expect("a change back in 2021");
    assert_ne!(back.after.outcome, Outcome::CopyToBrowser);
    assert!(walled.date < back.date);
    // Between the two days the two-date diff sees nothing in chats,
    // every change in between sees both.
    let (a, b) = (
        Date::parse("2018-01-01").unwrap(),
        Date::parse("2022-12-31").unwrap(),
    );
    let every = between(rules, &Scenario::default(), a, b);
    let douyin_chats: Vec<_> = every
        .iter()
        .filter(|c| &*c.platform == "douyin" && c.context == Context::Chat)
        .collect();
    assert!(douyin_chats.len() >= 2, "{douyin_chats:?}");
    assert!(douyin_chats.iter().any(|c| c.date == walled.date));
    assert!(douyin_chats.iter().any(|c| c.date == back.date));
}

#[test]
fn a_history_takes_well_under_50_ms() {
    let rules = Rules::builtin();
    let s = Scenario::default();
    // Once to warm up, then the slowest of a few runs of every platform.
    let ids: Vec<_> = platforms(rules).map(|(_, p)| p.id.clone()).collect();
    let mut slowest = 0.0f64;
    for _ in 0..4 {
        for id in &ids {
            let t = Instant::now();
            std::hint::black_box(history(rules, id, &s));
            slowest = slowest.max(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    // Unoptimised test builds are several times slower than the app's.
    assert!(slowest < 50.0, "{slowest:.2} ms");
    let t = Instant::now();
    std::hint::black_box(between(rules, &s, START, END));
    let all = t.elapsed().as_secs_f64() * 1000.0;
    assert!(all < 50.0, "every platform: {all:.2} ms");
}
