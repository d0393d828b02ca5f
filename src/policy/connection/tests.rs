use super::*;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

const EVENING: u16 = 20 * 60;

fn ok_on(date: &str, group: TestGroup, minutes: u16, age: Option<u8>) -> Result<(), Refusal> {
    eligibility(d(date), group, minutes, age)
}

use TestGroup::{In, Out};

#[test]
fn age_boundary_is_18_inclusive() {
    let at = |age| ok_on("2020-03-01", In, EVENING, age);
    assert_eq!(at(Some(17)), Err(Refusal::Under18));
    assert_eq!(at(Some(18)), Ok(()));
    assert_eq!(at(Some(0)), Err(Refusal::Under18));
    assert_eq!(at(Some(120)), Ok(()));
    assert_eq!(
        at(None),
        Err(Refusal::Unverified),
        "no verification, no age"
    );
}

#[test]
fn the_test_starts_on_2020_02_20_and_does_not_end() {
    let at = |date| ok_on(date, In, EVENING, Some(25));
    assert_eq!(
        at("2020-02-19"),
        Err(Refusal::NotInTest { before_start: true })
    );
    assert_eq!(at("2020-02-20"), Ok(()));
    assert_eq!(at("2031-01-01"), Ok(()), "no end date in the record");
}

#[test]
fn the_test_group_is_its_own_choice_and_in_by_default() {
    assert_eq!(TestGroup::default(), In);
    // The "done": 2020-03-10 at 20:00 with the defaults lets a
    // verified adult in.
    assert_eq!(
        ok_on("2020-03-10", TestGroup::default(), EVENING, Some(25)),
        Ok(())
    );
    for date in ["2020-02-20", "2021-12-01"] {
        assert_eq!(
            ok_on(date, Out, EVENING, Some(25)),
            Err(Refusal::NotInTest {
                before_start: false
            })
        );
    }
    // Before the start, nobody: the reason says so, whatever the group.
    for g in TestGroup::ALL {
        assert_eq!(
            ok_on("2020-02-19", g, EVENING, Some(25)),
            Err(Refusal::NotInTest { before_start: true })
        );
    }
    for g in TestGroup::ALL {
        assert_eq!(TestGroup::parse(g.as_str()), Some(g));
    }
    for bad in ["", "IN", "early", "late", "yes", " in"] {
        assert_eq!(TestGroup::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn the_daily_window_is_19_to_23_end_exclusive() {
    let at = |m| ok_on("2020-03-01", In, m, Some(25));
    assert_eq!(at(18 * 60 + 59), Err(Refusal::OutsideHours));
    assert_eq!(at(19 * 60), Ok(()));
    assert_eq!(at(22 * 60 + 59), Ok(()));
    assert_eq!(at(23 * 60), Err(Refusal::OutsideHours));
    assert_eq!(at(0), Err(Refusal::OutsideHours));
}

#[test]
fn checks_come_in_order_and_name_their_reason() {
    // Everything wrong: the feature not being there is said first.
    let r = ok_on("2020-01-01", Out, 0, None).unwrap_err();
    assert_eq!(r.as_str(), "not_in_test");
    let r = ok_on("2020-03-01", Out, 0, None).unwrap_err();
    assert_eq!(r.as_str(), "not_in_test");
    let r = ok_on("2020-03-01", In, 0, Some(12)).unwrap_err();
    assert_eq!(r.as_str(), "outside_hours");
    let r = ok_on("2020-03-01", In, EVENING, None).unwrap_err();
    assert_eq!(r.as_str(), "unverified");
    let r = ok_on("2020-03-01", In, EVENING, Some(12)).unwrap_err();
    assert_eq!(r.as_str(), "under_18");
}

#[test]
fn every_refusal_but_unverified_rests_on_a_named_assumption() {
    use Assumption as A;
    let cases = [
        (
            Refusal::NotInTest { before_start: true },
            Some(A::TestStart),
        ),
        (
            Refusal::NotInTest {
                before_start: false,
            },
            Some(A::TestGroup),
        ),
        (Refusal::OutsideHours, Some(A::Hours)),
        (Refusal::Unverified, None),
        (Refusal::Under18, Some(A::Age18)),
    ];
    for (r, a) in cases {
        assert_eq!(r.assumption(), a, "{r:?}");
    }
    // The keys are distinct and each names one assumption.
    for (i, a) in Assumption::ALL.iter().enumerate() {
        assert!(Assumption::ALL[..i]
            .iter()
            .all(|b| b.as_str() != a.as_str()));
        assert!(a
            .as_str()
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
    }
}

#[test]
fn docs_list_every_assumption() {
    let docs = include_str!("../../../docs/policy.md");
    let section = &docs[docs.find("## Douyin's Connection").expect("the section")..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    for a in Assumption::ALL {
        assert!(
            section.contains(&format!("`{}`", a.as_str())),
            "docs/policy.md's Connection section does not list `{}`",
            a.as_str()
        );
    }
}

#[test]
fn clock_times_parse_and_print() {
    assert_eq!(parse_hhmm("19:00"), Some(1140));
    assert_eq!(parse_hhmm("22:59:30"), Some(1379));
    assert_eq!(parse_hhmm("00:00"), Some(0));
    for bad in ["", "24:00", "12:60", "7:00", "ab:cd", "12", "１２:００"] {
        assert_eq!(parse_hhmm(bad), None, "{bad}");
    }
    assert_eq!(hhmm(1140), "19:00");
    assert_eq!(hhmm(5), "00:05");
}

#[test]
fn strangers_are_many_adult_distinct_and_in_range() {
    assert!(STRANGERS.len() >= 30);
    for (i, s) in STRANGERS.iter().enumerate() {
        let p = &s.profile;
        assert!(p.age.unwrap() >= MIN_AGE, "{}", s.id);
        assert!(usize::from(p.picture) < PICTURES.len() && p.city < CITIES && p.sign < SIGNS);
        assert!(p.interests < 1 << INTERESTS);
        assert!(STRANGERS[..i]
            .iter()
            .all(|o| o.id != s.id && o.profile.username != p.username));
        assert_eq!(stranger(s.id), Some(s));
    }
    assert!(STRANGERS.iter().any(|s| !s.yes), "some say no");
    assert!(
        STRANGERS.iter().any(|s| s.profile.public == 0),
        "some show nothing"
    );
}

fn me(city: u8, interests: u16) -> Profile<'static> {
    Profile {
        username: "me_myself",
        picture: 0,
        city,
        age: Some(25),
        sign: 0,
        public: 0,
        interests,
    }
}

#[test]
fn matching_is_deterministic_per_profile_and_day() {
    let p = me(4, 0b11);
    let day = d("2020-03-01");
    let r = ranking(&p, day);
    assert_eq!(r, ranking(&p, day), "same profile, same day");
    let mut all = r.clone();
    all.sort_unstable();
    assert_eq!(all, (0..STRANGERS.len()).collect::<Vec<_>>(), "each once");
    // Best first: same city and both interests.
    let best = &STRANGERS[r[0]];
    assert_eq!(
        (best.profile.city, best.profile.interests & 0b11),
        (4, 0b11)
    );
    let scores: Vec<u32> = r
        .iter()
        .map(|&i| score(&p, &STRANGERS[i].profile))
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // Another day reorders the ties only.
    let other = ranking(&p, d("2020-03-02"));
    assert_ne!(r, other);
    let other_scores: Vec<u32> = other
        .iter()
        .map(|&i| score(&p, &STRANGERS[i].profile))
        .collect();
    assert_eq!(scores, other_scores);
    // Another city matches other people first.
    assert_eq!(STRANGERS[ranking(&me(1, 0b11), day)[0]].profile.city, 1);
}

#[test]
fn the_public_view_has_only_public_fields_and_no_username() {
    let mut p = me(4, 0);
    p.picture = 3;
    p.sign = 7;
    assert_eq!(public_view(&p), PublicView::default(), "private by default");
    p.public = Field::City.bit() | Field::Sign.bit();
    assert_eq!(
        public_view(&p),
        PublicView {
            picture: None,
            city: Some(4),
            age: None,
            sign: Some(7)
        }
    );
    p.public = 0b1111;
    p.age = None;
    let v = public_view(&p);
    assert_eq!(
        (v.picture, v.age),
        (Some(3), None),
        "an age not given is not shown"
    );
    for s in &STRANGERS {
        let v = public_view(&s.profile);
        for f in Field::ALL {
            let public = s.profile.public & f.bit() != 0;
            let shown = match f {
                Field::Picture => v.picture.is_some(),
                Field::City => v.city.is_some(),
                Field::Age => v.age.is_some(),
                Field::Sign => v.sign.is_some(),
            };
            assert_eq!(shown, public, "{} {:?}", s.id, f);
        }
        // The view has no username to leak, whatever its values.
        assert!(!format!("{v:?}").contains(s.profile.username));
    }
}

#[test]
fn a_follow_needs_both_yes() {
    let yes = STRANGERS.iter().find(|s| s.yes).unwrap();
    let no = STRANGERS.iter().find(|s| !s.yes).unwrap();
    assert_eq!(follow(true, yes), FollowResult::Mutual);
    assert_eq!(follow(true, no), FollowResult::TheyDeclined);
    assert_eq!(follow(false, yes), FollowResult::YouDeclined);
    assert_eq!(follow(false, no), FollowResult::YouDeclined);
}
