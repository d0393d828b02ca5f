//! Browser tests of Douyin's Connection (issue 18, items 4 and 5; issue 23,
//! item 8): the refusals with their record id and assumptions, the Douyin
//! test group (select and address parameter, default in, independent of
//! WeChat's cohort), the age fixed by the verification, every assumption
//! badged, a match card that holds no private value of either side (text
//! and every attribute), and the flow match → call → Yes → Continue on
//! WeChat ending in a chat.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::i18n::connection::{name, CITY, SIGN, WORD};
use walled_garden::lang::Lang;
use walled_garden::policy::connection::{
    public_view, ranking, Assumption, Field, Profile, PICTURES, STRANGERS,
};
use walled_garden::policy::scenario::Date;
use walled_garden::state::connection::{round, Douyin};
use walled_garden::state::persist::{encode, STORAGE_KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const DAY: &str = "2020-03-01";
const CLOCK: &str = "Time in China (simulated)";
const GROUP: &str = "Douyin test group";
const ID_AGE: &str = "Age on your ID (simulated)";
const AGE: &str = "Age (from verification)";

/// Mounts Connection on `DAY` (every other parameter at its default) over
/// saved data whose Douyin profile is `douyin`, at 20:00 China time.
async fn open_with(douyin: Douyin) -> Mounted {
    let mut d = walled_garden::state::seed::seed();
    d.douyin = douyin;
    storage().clear().unwrap();
    storage().set_item(STORAGE_KEY, &encode(&d)).unwrap();
    let app = mount(&format!("#/connection?date={DAY}")).await;
    app.fill(CLOCK, "20:00").await;
    app
}

/// The `data-assumed` of the refusal on screen.
fn assumed(app: &Mounted) -> String {
    refusal(app)
        .and_then(|e| e.get_attribute("data-assumed"))
        .unwrap_or_default()
}

fn refusal(app: &Mounted) -> Option<Element> {
    app.root
        .query_selector("[role=alert][data-reason]")
        .unwrap()
}

fn reason(app: &Mounted) -> String {
    refusal(app)
        .and_then(|e| e.get_attribute("data-reason"))
        .unwrap_or_default()
}

fn adult() -> Douyin {
    Douyin {
        verified_age: Some(25),
        city: 4,
        interests: 0b11,
        ..Douyin::default()
    }
}

fn day() -> Date {
    Date::parse(DAY).unwrap()
}

#[wasm_bindgen_test]
async fn each_refusal_names_its_reason_the_record_and_its_assumptions() {
    let app = mount_fresh("#/connection?date=2020-02-19").await;
    assert!(app
        .root
        .query_selector("[data-app=douyin]")
        .unwrap()
        .is_some());
    assert!(app.text().contains("Douyin · Connection"));
    app.fill(CLOCK, "20:00").await;
    assert_eq!(reason(&app), "not_in_test");
    assert_eq!(assumed(&app), "test_start");
    let text = text_of(&refusal(&app).unwrap());
    assert!(
        text.contains("CONN-2020-02") && text.contains("2020-02-20"),
        "{text}"
    );
    assert!(
        text.contains("Assumption"),
        "the start day is assumed: {text}"
    );
    app.unmount();

    // Out of the test group: the simulator's choice, marked as assumed.
    let app = mount_fresh("#/connection?date=2020-03-01&connection=out").await;
    app.fill(CLOCK, "20:00").await;
    assert_eq!(reason(&app), "not_in_test");
    assert_eq!(assumed(&app), "test_group");
    let text = text_of(&refusal(&app).unwrap());
    assert!(
        text.contains("simulator's choice")
            && text.contains("random")
            && text.contains("Assumption")
            && text.contains("CONN-2020-02"),
        "{text}"
    );
    app.unmount();

    let app = mount_fresh("#/connection?date=2020-03-01").await;
    for (clock, want) in [
        ("18:59", "outside_hours"),
        ("19:00", "unverified"),
        ("22:59", "unverified"),
        ("23:00", "outside_hours"),
    ] {
        app.fill(CLOCK, clock).await;
        assert_eq!(reason(&app), want, "at {clock}");
    }
    assert_eq!(assumed(&app), "hours");
    let text = text_of(&refusal(&app).unwrap());
    assert!(
        text.contains("19:00–23:00") && text.contains("Assumption"),
        "{text}"
    );
    app.fill(CLOCK, "20:00").await;
    assert_eq!(reason(&app), "unverified");
    assert_eq!(assumed(&app), "", "verification is the record's own");
    assert!(!text_of(&refusal(&app).unwrap()).contains("Assumption"));
    app.unmount();
}

/// The "done": `#/connection` at 20:00 China time on 2020-03-10
/// with the defaults (no `connection=`, WeChat's default cohort `late`)
/// lets a verified adult in, verified as a new user would.
#[wasm_bindgen_test]
async fn the_defaults_at_20_00_on_2020_03_10_let_a_verified_adult_in() {
    let app = mount_fresh("#/connection?date=2020-03-10").await;
    assert_eq!(app.value(GROUP), "in", "in the test group by default");
    app.fill(CLOCK, "20:00").await;
    assert_eq!(reason(&app), "unverified", "open, once verified");
    assert_eq!(app.value("Phone number"), "13800138000");
    app.fill(ID_AGE, "25").await;
    app.press("Scan face").await;
    assert!(refusal(&app).is_none(), "{}", reason(&app));
    assert!(app.root.query_selector("[data-match]").unwrap().is_some());
    let data = saved();
    assert_eq!(data.douyin.verified_age, Some(25));
    assert_eq!(
        data.scenario.cohort,
        walled_garden::policy::scenario::Cohort::Late,
        "WeChat's default cohort, which used to keep everyone out"
    );
    assert!(!hash().contains("connection="), "{}", hash());
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_douyin_test_group_is_a_select_and_an_address_parameter() {
    // Its own choice: WeChat's early cohort neither puts the account in
    // nor keeps it out.
    let app = mount_fresh("#/connection?date=2020-03-10&cohort=early").await;
    app.fill(CLOCK, "20:00").await;
    assert_eq!(reason(&app), "unverified");
    let options: Vec<String> = app
        .control(GROUP)
        .query_selector_all("option")
        .unwrap()
        .values()
        .into_iter()
        .map(|o| {
            o.unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .get_attribute("value")
                .unwrap()
        })
        .collect();
    assert_eq!(options, ["in", "out"]);
    app.choose(GROUP, "out").await;
    assert_eq!(reason(&app), "not_in_test");
    assert_eq!(assumed(&app), "test_group");
    assert!(hash().contains("connection=out"), "{}", hash());
    assert!(
        hash().contains("cohort=early"),
        "the cohort stays: {}",
        hash()
    );
    assert_eq!(saved().douyin.group.as_str(), "out");

    // Kept when moving between screens, like the scenario's parameters.
    app.press("Back").await;
    assert!(hash().starts_with("#/discover"), "{}", hash());
    assert!(hash().contains("connection=out"), "{}", hash());
    click_el(&app.role("link", Name::Is("Connection (Douyin)"))).await;
    assert!(hash().starts_with("#/connection"), "{}", hash());
    assert!(hash().contains("connection=out"), "{}", hash());
    assert_eq!(app.value(GROUP), "out");

    // (A new screen: its clock starts at the real time again.)
    app.fill(CLOCK, "20:00").await;
    app.choose(GROUP, "in").await;
    assert_eq!(reason(&app), "unverified");
    assert!(!hash().contains("connection="), "the default: {}", hash());
    app.unmount();

    // The address sets it before the first render.
    let app = mount_fresh("#/connection?date=2020-03-10&connection=out").await;
    app.fill(CLOCK, "20:00").await;
    assert_eq!(app.value(GROUP), "out");
    assert_eq!(reason(&app), "not_in_test");
    assert!(app.all("[data-notice=bad-param]").is_empty());
    app.unmount();

    // A bad value is ignored with the notice every parameter gets.
    let app = mount_fresh("#/connection?date=2020-03-10&connection=early").await;
    assert_eq!(app.all("[data-notice=bad-param]").len(), 1);
    assert!(app.text().contains("connection=early"), "{}", app.text());
    assert_eq!(app.value(GROUP), "in");
    app.fill(CLOCK, "20:00").await;
    assert_eq!(reason(&app), "unverified");
    app.unmount();
}

#[wasm_bindgen_test]
async fn every_assumption_is_badged_in_both_languages() {
    for (lang, badge) in [("en", "Assumption"), ("zh", "假设")] {
        let app = mount_fresh(&format!("#/connection?date=2020-03-10&lang={lang}")).await;
        let shown: Vec<String> = app
            .all("[data-assumed]")
            .iter()
            .filter(|e| e.get_attribute("role").is_none())
            .map(|e| {
                let text = text_of(e);
                assert!(text.contains(badge), "{lang}: {text}");
                e.get_attribute("data-assumed").unwrap()
            })
            .collect();
        let all: Vec<&str> = Assumption::ALL.iter().map(|a| a.as_str()).collect();
        assert_eq!(shown, all, "{lang}");
        app.unmount();
    }
}

#[wasm_bindgen_test]
async fn the_age_comes_from_the_verification_and_cannot_be_edited_to_pass() {
    let app = mount_fresh("#/connection?date=2020-03-01").await;
    app.fill(CLOCK, "21:30").await;
    assert_eq!(reason(&app), "unverified");
    assert_eq!(
        app.value("Phone number"),
        "13800138000",
        "prefilled from the account"
    );
    app.fill("Phone number", "12").await;
    app.fill(ID_AGE, "25").await;
    app.press("Scan face").await;
    assert_eq!(reason(&app), "unverified", "a bad number does not verify");
    assert_eq!(app.value("Phone number"), "12", "what was typed is kept");
    assert!(
        app.text().contains("11 digits"),
        "says how many digits: {}",
        app.text()
    );
    app.fill("Phone number", "13800138000").await;
    app.fill(ID_AGE, "seventeen").await;
    app.press("Scan face").await;
    assert_eq!(reason(&app), "unverified", "no age, no verification");
    assert!(app.text().contains("whole number"), "a clear message");
    assert_eq!(app.value(ID_AGE), "seventeen", "what was typed is kept");

    app.fill(ID_AGE, "17").await;
    app.press("Scan face").await;
    assert_eq!(reason(&app), "under_18");
    assert_eq!(assumed(&app), "age_18");
    let text = text_of(&refusal(&app).unwrap());
    assert!(
        text.contains("CONN-2020-02") && text.contains("18") && text.contains("Assumption"),
        "{text}"
    );
    assert!(app.root.query_selector("[data-match]").unwrap().is_none());
    assert_eq!(saved().douyin.verified_age, Some(17));

    // Verified: no second verification, and the profile's age is shown
    // read-only; changing the field's value changes nothing.
    assert!(!app.has_button("Scan face"));
    assert!(app.roles("control", Name::Is(ID_AGE)).is_empty());
    let age = app.control(AGE);
    assert_eq!(value_of(&age), "17");
    assert!(age
        .dyn_ref::<web_sys::HtmlInputElement>()
        .unwrap()
        .read_only());
    fill(&age, "18").await;
    flush().await;
    assert_eq!(reason(&app), "under_18");
    assert_eq!(saved().douyin.verified_age, Some(17));
    // Whether matches see the age is still the user's choice.
    assert!(!app.checked("Show to matches: Age"));
    click_el(&app.control("Show to matches: Age")).await;
    assert!(app.checked("Show to matches: Age"));
    assert!(saved().douyin.is_public(Field::Age));
    assert_eq!(saved().douyin.verified_age, Some(17));
    app.unmount();

    // 18 is let in ("above 18" read as 18 or over).
    let app = mount_fresh("#/connection?date=2020-03-01").await;
    app.fill(CLOCK, "21:30").await;
    app.fill(ID_AGE, "18").await;
    app.press("Scan face").await;
    assert!(refusal(&app).is_none(), "{}", reason(&app));
    assert!(app.root.query_selector("[data-match]").unwrap().is_some());
    assert_eq!(app.value(AGE), "18");
    assert_eq!(saved().douyin.verified_age, Some(18));
    app.unmount();
}

/// Every text and attribute value under (and of) `el`.
fn all_strings(el: &Element) -> Vec<String> {
    let mut out = vec![text_of(el)];
    let list = el.query_selector_all("*").unwrap();
    let mut els = vec![el.clone()];
    els.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()));
    for e in els {
        for n in e.get_attribute_names().iter() {
            let n = n.as_string().unwrap();
            out.push(e.get_attribute(&n).unwrap_or_default());
            out.push(n);
        }
    }
    out
}

/// Whether `value` appears in `strings`: numbers as whole numbers (not
/// inside longer ones), everything else as a substring.
fn appears(strings: &[String], value: &str) -> bool {
    if value.bytes().all(|b| b.is_ascii_digit()) {
        strings
            .iter()
            .any(|s| s.split(|c: char| !c.is_ascii_digit()).any(|t| t == value))
    } else {
        strings.iter().any(|s| s.contains(value))
    }
}

/// The displayed values of `p`'s fields: `(public, private)`, in English.
fn values(p: &Profile) -> (Vec<String>, Vec<String>) {
    let mut public = Vec::new();
    let mut private = vec![p.username.to_string()];
    for f in Field::ALL {
        let v = match f {
            Field::Picture => PICTURES[usize::from(p.picture)].to_string(),
            Field::City => name(&CITY, p.city, Lang::En).to_string(),
            Field::Age => p.age.unwrap().to_string(),
            Field::Sign => name(&SIGN, p.sign, Lang::En).to_string(),
        };
        if p.public & f.bit() != 0 {
            public.push(v);
        } else {
            private.push(v);
        }
    }
    (public, private)
}

#[wasm_bindgen_test]
async fn the_match_card_holds_no_private_value_of_either_side() {
    // Private: username, picture 🐙, Xi'an, 25; public: the sign.
    let me = Douyin {
        verified_age: Some(25),
        username: "secret_me_q7".into(),
        picture: 11,
        city: 7,
        sign: 10,
        interests: 0b0110_0000,
        public: Field::Sign.bit(),
        ..Douyin::default()
    };
    let app = open_with(me.clone()).await;
    let (my_public, my_private) = values(&me.profile());
    assert!(public_view(&me.profile()).picture.is_none());
    let order = ranking(&me.profile(), day());
    let mut checked = 0;
    for (k, &i) in order.iter().enumerate().take(12) {
        let s = &STRANGERS[i];
        let card = app.find("[data-match]");
        assert_eq!(
            card.get_attribute("data-match").unwrap(),
            s.id.to_string(),
            "match {k}"
        );
        let (their_public, their_private) = values(&s.profile);
        let shown: Vec<String> = my_public
            .iter()
            .chain(&their_public)
            .cloned()
            .chain([s.id.to_string()])
            .collect();
        let private: Vec<&String> = my_private.iter().chain(&their_private).collect();
        // A value public on one side and private on the other proves
        // nothing either way: such matches are skipped.
        if private.iter().all(|p| !appears(&shown, p)) {
            let strings = all_strings(&card);
            for p in &private {
                assert!(
                    !appears(&strings, p),
                    "private {p:?} of match {} on its card: {strings:?}",
                    s.id
                );
            }
            for v in &shown[..shown.len() - 1] {
                assert!(
                    appears(&strings, v),
                    "public {v:?} missing for match {}",
                    s.id
                );
            }
            checked += 1;
        }
        app.press("Next match").await;
    }
    assert!(checked >= 5, "only {checked} matches could be checked");

    // The call renders the stranger the same way.
    let s = &STRANGERS[order[12]];
    app.press("Start video call").await;
    let call = app
        .find("[role=timer]")
        .closest("section")
        .unwrap()
        .unwrap();
    let strings = all_strings(&call);
    let (_, their_private) = values(&s.profile);
    for p in their_private.iter().chain(&my_private) {
        if !appears(&values(&s.profile).0, p) {
            assert!(!appears(&strings, p), "private {p:?} in the call");
        }
    }
    app.unmount();
}

/// Presses "Next match" until the card shows a stranger who answers `yes`.
async fn match_saying(app: &Mounted, p: &Douyin, yes: bool) -> u8 {
    for &i in &ranking(&p.profile(), day()) {
        if STRANGERS[i].yes == yes {
            assert_eq!(
                app.find("[data-match]")
                    .get_attribute("data-match")
                    .unwrap(),
                STRANGERS[i].id.to_string()
            );
            return STRANGERS[i].id;
        }
        app.press("Next match").await;
    }
    unreachable!("no stranger answers {yes}")
}

/// A stroke across the canvas by pointer events; whether it left ink.
const DRAW: &str = "const r = c.getBoundingClientRect();
    for (const [type, x] of [['pointerdown', 10], ['pointermove', 80], ['pointermove', 120], ['pointerup', 120]]) {
        c.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: r.left + x, clientY: r.top + 40 }));
    }
    return c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v) => v > 0);";

/// Draws on the canvas, presses "Done drawing", guesses.
async fn play(app: &Mounted, id: u8) {
    assert!(text_of(&app.role("timer", Name::Is("Call time"))).contains("00:0"));
    let canvas = app.role("img", Name::Is("Your drawing"));
    let inked = js_sys::Function::new_with_args("c", DRAW)
        .call1(&wasm_bindgen::JsValue::NULL, &canvas)
        .unwrap();
    assert_eq!(
        inked.as_bool(),
        Some(true),
        "the pointer drew on the canvas"
    );
    app.press("Done drawing").await;
    assert!(!app.roles("img", Name::Is("Their drawing")).is_empty());
    let r = round(day(), id);
    let right = name(&WORD, r.theirs, Lang::En);
    app.press(right).await;
    assert!(app
        .roles("status", Name::Any)
        .iter()
        .any(|e| text_of(e) == "Right!"));
    assert!(app.text().contains("Follow each other?"));
}

/// An adult matched with a stranger whose answer is `theirs`, a round
/// played and Yes said: the follow happens only when `theirs` is yes.
async fn call_and_say_yes(theirs: bool) -> (Mounted, u8) {
    let me = adult();
    let app = open_with(me.clone()).await;
    let id = match_saying(&app, &me, theirs).await;
    app.press("Start video call").await;
    play(&app, id).await;
    app.press("Yes").await;
    assert_eq!(
        app.find("[data-follow]")
            .get_attribute("data-follow")
            .unwrap(),
        theirs.to_string()
    );
    // The gate is an assumption, said whether it opens or not.
    let note = text_of(&app.find("[data-app=douyin] [data-assumed=wechat_after_follow]"));
    assert!(
        note.contains("mutual follow") && note.contains("Assumption"),
        "{note}"
    );
    (app, id)
}

#[wasm_bindgen_test]
async fn match_call_yes_and_continue_on_wechat_ends_in_a_new_chat() {
    let (app, id) = call_and_say_yes(true).await;
    assert_eq!(saved().douyin.follows, [id]);
    app.press("Continue on WeChat").await;
    assert!(
        hash().starts_with(&format!("#/chats/dy-{id}")),
        "{}",
        hash()
    );
    let data = saved();
    let contact = data.contact(&format!("c-dy-{id}")).expect("a new contact");
    assert!(!contact.name_en.contains(
        STRANGERS
            .iter()
            .find(|s| s.id == id)
            .unwrap()
            .profile
            .username
    ));
    assert!(
        app.last_bubble().contains("Douyin Connection"),
        "{}",
        app.last_bubble()
    );
    app.unmount();

    let app = mount("#/chats").await;
    let names = app.chat_names("Chats");
    assert!(
        names.iter().any(|n| n.contains(&contact.name_en)),
        "{names:?}"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn no_follow_and_no_wechat_when_the_stranger_says_no() {
    let (app, _) = call_and_say_yes(false).await;
    assert!(app.text().contains("They said no"));
    assert!(!app.has_button("Continue on WeChat"));
    assert!(saved().douyin.follows.is_empty());
    app.press("End call").await;
    assert!(app.root.query_selector("[data-match]").unwrap().is_some());
    app.unmount();
}

#[wasm_bindgen_test]
async fn in_chinese_the_screens_have_no_english_words() {
    let me = adult();
    let mut d = walled_garden::state::seed::seed();
    d.douyin = me.clone();
    d.lang = Lang::Zh;
    storage().clear().unwrap();
    storage().set_item(STORAGE_KEY, &encode(&d)).unwrap();
    let app = mount("#/connection?date=2020-03-01&lang=zh").await;
    app.fill("北京时间（模拟）", "20:00").await;
    let english = |app: &Mounted| -> Vec<String> {
        all_visible(&app.find("[data-app=douyin]"))
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .filter(|w| {
                w.bytes().filter(u8::is_ascii_alphabetic).count() >= 2 && !w.starts_with("CONN-")
            })
            .map(String::from)
            .collect()
    };
    assert_eq!(
        english(&app),
        Vec::<String>::new(),
        "match card and profile"
    );
    let id = match_saying(&app, &me, true).await;
    app.press("开始视频通话").await;
    assert_eq!(english(&app), Vec::<String>::new(), "call");
    app.press("画好了").await;
    app.press(name(&WORD, round(day(), id).theirs, Lang::Zh))
        .await;
    app.press("是").await;
    assert_eq!(english(&app), Vec::<String>::new(), "follow result");
    assert!(app.has_button("到微信继续聊"));
    app.unmount();
}

/// The visible text and the labels under `el`.
fn all_visible(el: &Element) -> String {
    let mut s = text_of(el);
    let list = el.query_selector_all("[aria-label]").unwrap();
    for i in 0..list.length() {
        let e: Element = list.item(i).unwrap().dyn_into().unwrap();
        s.push(' ');
        s.push_str(&e.get_attribute("aria-label").unwrap());
    }
    s
}
