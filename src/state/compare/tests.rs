//! Tests of `state::compare`.

use super::*;
use crate::policy::engine::decide;
use crate::policy::rules::Rules;
use crate::policy::scenario::{day, Date};

const TAOBAO: &str = "https://m.tb.cn/h.x";

fn current() -> Scenario {
    Scenario {
        region: Region::Overseas,
        ..day("2021-10-01")
    }
}

#[test]
fn absent_parameters_take_the_current_scenario_and_b_copies_a() {
    let c = Compare::parse("", &current());
    assert_eq!((c.a, c.b), (current(), current()));
    assert_eq!((c.url.as_str(), c.context), ("", Context::Chat));
    let c = Compare::parse(
        "?url=https%3A%2F%2Fm.tb.cn%2Fh.x&in=group&a.date=2021-12-10&a.cohort=early&utm=1",
        &current(),
    );
    assert_eq!(c.url, TAOBAO);
    assert_eq!(c.context, Context::Group);
    assert_eq!(c.a.date, Date::parse("2021-12-10").unwrap());
    assert_eq!(c.a.region, Region::Overseas, "from the current scenario");
    assert_eq!(c.a.cohort, Cohort::Early);
    assert_eq!(c.b, c.a, "B starts as a copy of A");
    assert!(c.errors.is_empty());
}

#[test]
fn each_side_takes_its_own_parameters_in_any_order() {
    let c = Compare::parse(
        "b.cohort=early&b.vpn=on&a.os=android&b.region=mainland&b.date=2013-01-01&a.vpn=off&in=moments",
        &current(),
    );
    assert_eq!(c.context, Context::Moments);
    assert_eq!(
        (c.a.os, c.a.vpn, c.a.cohort),
        (Os::Android, false, Cohort::Late)
    );
    assert_eq!(
        c.b,
        Scenario {
            date: Date::parse("2013-01-01").unwrap(),
            region: Region::Mainland,
            os: Os::Android,
            vpn: true,
            cohort: Cohort::Early,
        }
    );
}

#[test]
fn a_bad_parameter_is_named_by_side_and_field_and_keeps_the_other_side() {
    let c = Compare::parse(
        "a.date=2021-12-10&a.cohort=early&b.date=2030-01-01&b.os=windows&b.region=overseas",
        &day("2021-10-01"),
    );
    assert_eq!(
        c.errors,
        [
            BadParam {
                side: Side::B,
                field: Field::Date,
                value: "2030-01-01".into(),
                why: Refusal::OutsideRecord,
            },
            BadParam {
                side: Side::B,
                field: Field::Os,
                value: "windows".into(),
                why: Refusal::Malformed,
            },
        ]
    );
    assert_eq!(c.a.date, Date::parse("2021-12-10").unwrap(), "A kept");
    assert_eq!(c.a.cohort, Cohort::Early);
    assert_eq!(c.b.date, c.a.date, "B's bad date falls back to A's");
    assert_eq!(c.b.region, Region::Overseas, "B's good field kept");
    let c = Compare::parse("a.vpn=maybe&a.date=garbage&b.cohort=late", &current());
    let named: Vec<_> = c.errors.iter().map(|e| (e.side, e.field, e.why)).collect();
    assert_eq!(
        named,
        [
            (Side::A, Field::Vpn, Refusal::Malformed),
            (Side::A, Field::Date, Refusal::Malformed)
        ]
    );
    assert_eq!(c.a, current());
    assert_eq!(c.errors_of(Side::A).count(), 2);
    assert_eq!(c.errors_of(Side::B).count(), 0);
    assert!(!c.has_link());
    // Unknown sides and fields belong to someone else.
    assert!(
        Compare::parse("c.date=x&a.colour=red&a=1&.date=x", &current())
            .errors
            .is_empty()
    );
    // A mini program is no place to share in here: chat, as the opener.
    assert_eq!(
        Compare::parse("in=mini_program", &current()).context,
        Context::Chat
    );
}

#[test]
fn the_address_round_trips() {
    let mut c = Compare::new("https://a.b/c?d=e&f=微信 #x", Context::Group, current());
    c.b.cohort = Cohort::Early;
    c.b.vpn = true;
    c.b.date = Date::parse("2023-12-31").unwrap();
    let q = c.query_string();
    assert!(
        q.starts_with("url=https%3A%2F%2Fa.b%2Fc%3Fd%3De%26f%3D"),
        "{q}"
    );
    assert!(
        q.contains("&in=group&a.date=2021-10-01&a.region=overseas"),
        "{q}"
    );
    assert!(q.ends_with("&b.vpn=on&b.cohort=early"), "{q}");
    // Whatever the current scenario of whoever opens it.
    for now in [Scenario::default(), current()] {
        assert_eq!(Compare::parse(&q, &now), c);
        assert_eq!(Compare::parse(&(String::from("?") + &q), &now), c);
    }
    let names: Vec<_> = c.query().into_iter().map(|(n, _)| n).collect();
    assert_eq!(names.len(), 12);
    assert_eq!(&names[..3], ["url", "in", "a.date"]);
}

#[test]
fn a_field_changes_one_side_only_and_a_bad_value_changes_nothing() {
    let c = Compare::new(TAOBAO, Context::Group, day("2021-12-10"));
    let next = c.with(Side::B, Field::Cohort, "early").unwrap();
    assert_eq!(next.a, c.a);
    assert_eq!(next.b.cohort, Cohort::Early);
    for (field, value) in [
        (Field::Date, "2021-12-1"),
        (Field::Date, "2012-12-31"),
        (Field::Region, "mars"),
        (Field::Os, ""),
        (Field::Vpn, "yes"),
        (Field::Cohort, "middle"),
    ] {
        assert_eq!(c.with(Side::A, field, value), None, "{value}");
    }
    // Every field's own spelling is taken back.
    for field in Field::ALL {
        let v = field.value(&next.b);
        assert_eq!(next.with(Side::A, field, &v).unwrap().b, next.b);
    }
    let b_on_a = Field::ALL.into_iter().fold(c.clone(), |c, f| {
        c.with(Side::A, f, &f.value(&next.b)).unwrap()
    });
    assert_eq!(b_on_a.a, next.b);
    // A change clears the refusals: the address it writes has none.
    let bad = Compare::parse("b.date=2030-01-01", &day("2021-12-10"));
    assert!(!bad.errors.is_empty());
    assert!(bad
        .with(Side::A, Field::Vpn, "on")
        .unwrap()
        .errors
        .is_empty());
}

#[test]
fn differences_name_every_field_that_differs() {
    let rules = Rules::builtin();
    let late = day("2021-12-10");
    let early = Scenario {
        cohort: Cohort::Early,
        ..late
    };
    let a = decide(rules, TAOBAO, Context::Group, &late);
    let b = decide(rules, TAOBAO, Context::Group, &early);
    assert!(differences(&a, &a).is_empty());
    let d = differences(&a, &b);
    assert_eq!(
        d[0],
        Difference::Outcome(Outcome::CopyToBrowser, Outcome::Open)
    );
    assert!(d.contains(&Difference::Rules(a.rules.clone(), b.rules.clone())));
    assert!(kinds(&d).starts_with("outcome "), "{}", kinds(&d));
    assert!(kinds(&d).ends_with(" rules"), "{}", kinds(&d));
    // Each kind, one at a time.
    let mut c = a.clone();
    c.display = CardDisplay::Folded;
    c.share = !a.share;
    c.reachable = !a.reachable;
    c.confidence = Confidence::Low;
    c.assumption = !a.assumption;
    assert_eq!(
        kinds(&differences(&a, &c)),
        "display share reachable confidence assumption"
    );
    assert_eq!(
        differences(&a, &c)[0],
        Difference::Display(CardDisplay::Card, CardDisplay::Folded)
    );
    assert_eq!(kinds(&[]), "");
}
