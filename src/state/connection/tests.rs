use super::*;
use crate::json::{FromJson, ToJson};
use crate::policy::connection::{public_view, PublicView, STRANGERS};
use crate::state::persist::validate;
use crate::state::seed::seed;
use ConnectionAction as A;

fn yes_stranger() -> u8 {
    STRANGERS.iter().find(|s| s.yes).unwrap().id
}

/// "Continue on WeChat" with stranger `id`, carrying words as the UI
/// would (which words is the string table's, tested there).
fn go_on(id: u8, msg: u64, ts: i64) -> ConnectionAction {
    A::ContinueOnWeChat {
        stranger: id,
        id: msg,
        ts,
        name_en: format!("Douyin match {id}"),
        name_zh: format!("抖音连线好友 {id}"),
        first: "Hi!".into(),
    }
}

fn no_stranger() -> u8 {
    STRANGERS.iter().find(|s| !s.yes).unwrap().id
}

#[test]
fn a_new_profile_is_unverified_private_and_in_the_test_group() {
    let d = Douyin::default();
    assert_eq!(d.verified_age, None);
    assert_eq!(d.group, TestGroup::In);
    assert_eq!(public_view(&d.profile()), PublicView::default());
}

#[test]
fn ages_are_whole_numbers_in_range_with_a_reason_otherwise() {
    assert_eq!(parse_age(" 25 "), Ok(25));
    assert_eq!(parse_age("18"), Ok(18));
    assert_eq!(parse_age("120"), Ok(120));
    for bad in ["", "  ", "abc", "17.5", "-3", "２５", "1e2"] {
        assert_eq!(parse_age(bad), Err(ProfileError::AgeNotNumber), "{bad}");
    }
    for far in ["0", "121", "99999999999999999999999"] {
        assert_eq!(parse_age(far), Err(ProfileError::AgeRange), "{far}");
    }
}

#[test]
fn the_age_comes_from_the_verification_and_is_fixed_afterwards() {
    let mut data = seed();
    assert!(!reduce(&mut data, A::Verify { age: 0 }), "out of range");
    assert!(!reduce(&mut data, A::Verify { age: MAX_AGE + 1 }));
    assert_eq!(data.douyin.verified_age, None);
    assert!(reduce(&mut data, A::Verify { age: 17 }));
    assert_eq!(data.douyin.verified_age, Some(17));
    // Nothing gets a 17-year-old past the check afterwards: not verifying
    // again, not a profile edit.
    assert!(!reduce(&mut data, A::Verify { age: 25 }));
    assert!(!reduce(&mut data, A::Set(Field::Age, 25)));
    assert_eq!(data.douyin.verified_age, Some(17));
    assert_eq!(data.douyin.profile().age, Some(17), "matches see this age");
    // Whether to show it stays the user's choice.
    assert!(reduce(&mut data, A::SetPublic(Field::Age, true)));
    assert_eq!(public_view(&data.douyin.profile()).age, Some(17));
    assert!(reduce(&mut data, A::SetPublic(Field::Age, false)));
    assert_eq!(public_view(&data.douyin.profile()).age, None);
}

#[test]
fn the_test_group_is_set_and_carried_in_the_address_when_not_the_default() {
    let mut data = seed();
    assert_eq!(carried(&data.douyin), None, "default: short addresses");
    assert!(reduce(&mut data, A::SetGroup(TestGroup::Out)));
    assert!(!reduce(&mut data, A::SetGroup(TestGroup::Out)), "no change");
    assert_eq!(
        carried(&data.douyin),
        Some(("connection", "out".to_string()))
    );
    assert!(reduce(&mut data, A::SetGroup(TestGroup::In)));
    assert_eq!(carried(&data.douyin), None);
}

#[test]
fn edits_check_their_ranges_and_toggles_flip_one_field() {
    let mut data = seed();
    assert!(reduce(&mut data, A::Set(Field::City, 4)));
    assert!(!reduce(&mut data, A::Set(Field::City, CITIES)));
    assert!(!reduce(&mut data, A::Set(Field::Sign, SIGNS)));
    assert!(!reduce(
        &mut data,
        A::Set(Field::Picture, PICTURES.len() as u8)
    ));
    assert!(reduce(&mut data, A::Set(Field::Sign, 11)));
    assert_eq!((data.douyin.city, data.douyin.sign), (4, 11));

    assert!(reduce(&mut data, A::SetPublic(Field::City, true)));
    assert!(!reduce(&mut data, A::SetPublic(Field::City, true)));
    assert!(data.douyin.is_public(Field::City) && !data.douyin.is_public(Field::Age));
    assert!(reduce(&mut data, A::SetPublic(Field::City, false)));
    assert_eq!(data.douyin.public, 0);

    assert!(reduce(&mut data, A::ToggleInterest(2)));
    assert_eq!(data.douyin.interests, 0b100);
    assert!(reduce(&mut data, A::ToggleInterest(2)));
    assert!(!reduce(&mut data, A::ToggleInterest(INTERESTS)));
    assert_eq!(data.douyin.interests, 0);

    assert!(reduce(&mut data, A::SetUsername("  moon_me ".into())));
    assert_eq!(data.douyin.username, "moon_me");
    assert_eq!(
        check_username(&"x".repeat(MAX_USERNAME + 1)),
        Err(ProfileError::UsernameTooLong)
    );
    assert!(!reduce(
        &mut data,
        A::SetUsername("y".repeat(MAX_USERNAME + 1))
    ));
    assert_eq!(
        data.douyin.username, "moon_me",
        "a refused edit loses nothing"
    );
}

#[test]
fn eligibility_reads_the_account_and_the_scenario_not_the_cohort() {
    use crate::policy::scenario::Cohort;
    let mut data = seed();
    data.scenario.date = Date::parse("2020-03-10").unwrap();
    for cohort in [Cohort::Late, Cohort::Early] {
        data.scenario.cohort = cohort;
        assert_eq!(eligibility(&data, 1200), Err(Refusal::Unverified));
    }
    data.scenario.cohort = Cohort::default();
    assert_eq!(screen(&data, 1200), Screen::Verify);
    reduce(&mut data, A::Verify { age: 25 });
    assert_eq!(
        eligibility(&data, 1200),
        Ok(()),
        "the defaults let an adult in"
    );
    assert_eq!(screen(&data, 1200), Screen::Profile(None));
    assert_eq!(eligibility(&data, 600), Err(Refusal::OutsideHours));
    reduce(&mut data, A::SetGroup(TestGroup::Out));
    for cohort in [Cohort::Late, Cohort::Early] {
        data.scenario.cohort = cohort;
        assert_eq!(
            screen(&data, 1200),
            Screen::Closed(Refusal::NotInTest {
                before_start: false
            })
        );
    }

    let mut young = seed();
    young.scenario.date = Date::parse("2020-03-10").unwrap();
    reduce(&mut young, A::Verify { age: 17 });
    assert_eq!(
        screen(&young, 1200),
        Screen::Profile(Some(Refusal::Under18))
    );
    reduce(&mut young, A::Set(Field::Age, 18));
    assert_eq!(eligibility(&young, 1200), Err(Refusal::Under18));
}

#[test]
fn a_follow_happens_only_when_both_say_yes() {
    let mut data = seed();
    let (y, n) = (yes_stranger(), no_stranger());
    assert!(!reduce(
        &mut data,
        A::Follow {
            stranger: y,
            yes: false
        }
    ));
    assert!(
        !reduce(
            &mut data,
            A::Follow {
                stranger: n,
                yes: true
            }
        ),
        "they said no"
    );
    assert!(
        !reduce(
            &mut data,
            A::Follow {
                stranger: 250,
                yes: true
            }
        ),
        "nobody"
    );
    assert!(data.douyin.follows.is_empty());
    assert!(reduce(
        &mut data,
        A::Follow {
            stranger: y,
            yes: true
        }
    ));
    assert!(!reduce(
        &mut data,
        A::Follow {
            stranger: y,
            yes: true
        }
    ));
    assert_eq!(data.douyin.follows, [y]);
}

#[test]
fn continue_on_wechat_adds_a_contact_and_a_chat_once() {
    let mut data = seed();
    let y = yes_stranger();
    let go = go_on(y, 1, 1_583_000_000);
    assert!(!reduce(&mut data, go.clone()), "no follow, no WeChat");
    reduce(
        &mut data,
        A::Follow {
            stranger: y,
            yes: true,
        },
    );
    let before = Rc::clone(&data.contacts);
    assert!(reduce(&mut data, go.clone()));
    assert_eq!(before.len() + 1, data.contacts.len(), "copied on write");
    let c = data.contact(&contact_id(y)).unwrap().clone();
    let chat = data.chat(&chat_id(y)).unwrap().clone();
    assert_eq!(chat.kind, ChatKind::Direct { with: c.id.clone() });
    assert_eq!(chat.messages.len(), 1);
    assert_eq!(chat.messages[0].from, c.id);
    // The words carried by the action, as they were chosen.
    assert_eq!(c.name_en, format!("Douyin match {y}"));
    assert_eq!(c.name_zh, format!("抖音连线好友 {y}"));
    assert_eq!(
        (
            chat.messages[0].id,
            chat.messages[0].ts,
            chat.messages[0].text.as_str()
        ),
        (1, 1_583_000_000, "Hi!")
    );
    assert!(validate(&data).is_ok(), "{:?}", validate(&data));
    // Again (another tab, a double tap): nothing new.
    let snapshot = data.clone();
    assert!(!reduce(&mut data, go));
    assert_eq!(data, snapshot);
    // Saved and read back.
    let back = Data::from_json_str(&data.to_json_string()).unwrap();
    assert_eq!(back.douyin, data.douyin);
}

#[test]
fn again_with_other_words_or_ids_changes_nothing() {
    // A rebase re-applies the action made in this tab; another tab may have
    // added the match first, in the other language: the first one stays.
    let mut data = seed();
    let y = yes_stranger();
    reduce(
        &mut data,
        A::Follow {
            stranger: y,
            yes: true,
        },
    );
    assert!(reduce(&mut data, go_on(y, 1, 10)));
    let snapshot = data.clone();
    let other = A::ContinueOnWeChat {
        stranger: y,
        id: 2,
        ts: 20,
        name_en: "other".into(),
        name_zh: "其他".into(),
        first: "你好".into(),
    };
    assert!(!reduce(&mut data, other));
    assert_eq!(data, snapshot);
    // A stranger that does not exist, or was not followed: nothing.
    assert!(!reduce(&mut data, go_on(200, 3, 30)));
    assert!(!reduce(&mut data, go_on(no_stranger(), 3, 30)));
    assert_eq!(data, snapshot);
}

#[test]
fn the_wechat_id_never_holds_the_username() {
    let mut data = seed();
    for s in STRANGERS.iter().filter(|s| s.yes) {
        reduce(
            &mut data,
            A::Follow {
                stranger: s.id,
                yes: true,
            },
        );
        reduce(&mut data, go_on(s.id, 1, 0));
        let c = data.contact(&contact_id(s.id)).unwrap();
        assert!(!c.wechat_id.contains(s.profile.username), "{}", c.wechat_id);
    }
    assert!(validate(&data).is_ok());
}

#[test]
fn rounds_are_fixed_per_day_and_fair() {
    let day = Date::parse("2020-03-01").unwrap();
    for s in &STRANGERS {
        let r = round(day, s.id);
        assert_eq!(r, round(day, s.id));
        assert!(r.theirs < DRAWINGS && r.draw < WORDS && r.draw != r.theirs);
        assert!(r.choices.contains(&r.theirs));
        let mut c = r.choices.to_vec();
        c.sort_unstable();
        c.dedup();
        assert_eq!(c.len(), 4, "{r:?}");
    }
}

#[test]
fn the_profile_round_trips_through_json() {
    let mut d = Douyin {
        group: TestGroup::Out,
        verified_age: Some(30),
        username: "me \"quoted\"".into(),
        public: 0b1010,
        follows: vec![3, 7],
        ..Douyin::default()
    };
    d.interests = 0b1001_0001;
    assert_eq!(Douyin::from_json_str(&d.to_json_string()).unwrap(), d);
    let none = Douyin::default();
    assert_eq!(Douyin::from_json_str(&none.to_json_string()).unwrap(), none);
}

#[test]
fn an_older_save_keeps_its_profile_but_verifies_again() {
    // Saved before the test group and the verified age: `age` was typed
    // into the profile, so it proves nothing.
    let old = r#"{"verified":true,"username":"kai","picture":2,"city":4,"age":17,
        "sign":3,"interests":5,"public":6,"follows":[1]}"#;
    let d = Douyin::from_json_str(old).unwrap();
    assert_eq!(d.verified_age, None);
    assert_eq!(d.group, TestGroup::In);
    assert_eq!(
        (d.username.as_str(), d.city, d.follows.as_slice()),
        ("kai", 4, &[1][..])
    );
    let good = old.replace("\"age\":17", "\"group\":\"out\"");
    assert_eq!(Douyin::from_json_str(&good).unwrap().group, TestGroup::Out);
    let bad = old.replace("\"age\":17", "\"group\":\"maybe\"");
    assert!(
        Douyin::from_json_str(&bad).is_err(),
        "a damaged group is not read as in"
    );
}
