//! Browser tests of the guided stories (issue 27): every step of every
//! story walked with Next in both languages, each showing the decision its
//! data expects; Back, Next and the arrow keys; the address round-trips; a
//! Try it recognises the reader's change; a bad address shows the list
//! with a notice; leaving keeps the scenario and says so.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::policy::stories::{stories, story, DecisionExpected, Screen, Step};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

/// Waits for the next event `event` on the window and the renders after.
async fn after(event: &str, act: impl FnOnce()) {
    let w = web_sys::window().unwrap();
    let done = js_sys::Promise::new(&mut |resolve, _| {
        let opts = web_sys::AddEventListenerOptions::new();
        opts.set_once(true);
        w.add_event_listener_with_callback_and_add_event_listener_options(event, &resolve, &opts)
            .unwrap();
    });
    act();
    JsFuture::from(done).await.unwrap();
    flush().await;
    flush().await;
}

/// Presses `key` on the document, as a reader with the focus on the page.
async fn key(k: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(k);
    init.set_bubbles(true);
    let e = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap()
        .dispatch_event(&e)
        .unwrap();
    flush().await;
    flush().await;
}

/// The shown step's number (`data-step`).
fn shown_step(app: &Mounted) -> usize {
    attr(&app.find("[data-screen=story]"), "data-step")
        .parse()
        .unwrap()
}

fn decision_holds(el: &Element, e: &DecisionExpected, at: &str) {
    if let Some(o) = e.outcome {
        assert_eq!(attr(el, "data-outcome"), o.as_str(), "{at}");
    }
    if let Some(s) = e.share {
        assert_eq!(attr(el, "data-share"), if s { "yes" } else { "no" }, "{at}");
    }
    if let Some(r) = e.reachable {
        assert_eq!(
            attr(el, "data-reachable"),
            if r { "yes" } else { "no" },
            "{at}"
        );
    }
    if let Some(a) = e.assumption {
        assert_eq!(
            attr(el, "data-assumption"),
            if a { "yes" } else { "no" },
            "{at}"
        );
    }
}

/// What the step's screen shows, against what its data expects.
async fn screen_holds(app: &Mounted, step: &Step, at: &str) {
    let e = &step.expect;
    match &step.screen {
        Screen::Card { .. } => {
            let card = app.find("[data-screen=story] [data-display]");
            if let Some(d) = e.decision.as_ref().and_then(|d| d.display) {
                assert_eq!(attr(&card, "data-display"), d.as_str(), "{at}");
            }
            click_el(&card).await;
            let page = app.find("[role=dialog] [role=status][data-outcome]");
            decision_holds(&page, e.decision.as_ref().unwrap(), at);
            // Close it again, as the reader would before moving on.
            click_el(&app.find("[role=dialog] [data-cancel]")).await;
        }
        Screen::Outcome { .. } => {
            let page = app.find("[data-screen=story] [role=status][data-outcome]");
            decision_holds(&page, e.decision.as_ref().unwrap(), at);
        }
        Screen::Compare { .. } => {
            let a = app.find("[data-screen=story] [role=status][data-side=a]");
            let b = app.find("[data-screen=story] [role=status][data-side=b]");
            decision_holds(&a, e.decision.as_ref().unwrap(), at);
            decision_holds(&b, e.b.as_ref().unwrap(), at);
            assert_ne!(attr(&a, "data-outcome"), attr(&b, "data-outcome"), "{at}");
        }
        Screen::Composer => {
            for (target, status) in &e.sync {
                let boxed = app.find(&format!("#sync-{}", target.as_str()));
                assert_eq!(attr(&boxed, "data-sync"), status.as_str(), "{at}");
            }
        }
        Screen::Matrix => {
            assert!(
                !app.all("[data-screen=story] table [data-outcome]")
                    .is_empty(),
                "{at}"
            );
        }
        Screen::Register => {
            assert!(
                !app.all("[data-screen=story] select").is_empty(),
                "{at}: the sign-up form"
            );
        }
        Screen::Connection => {
            app.find("[data-screen=story] [data-app=douyin]");
        }
    }
}

/// Walks every story with Next from its first step, in `lang`.
async fn walk(lang: &str) {
    let zh = lang == "zh";
    for s in stories() {
        let app = mount_fresh(&format!("#/story/{}?step=1&lang={lang}", s.id)).await;
        for (i, step) in s.steps.iter().enumerate() {
            let at = format!("{lang} {} step {}", s.id, i + 1);
            assert_eq!(shown_step(&app), i + 1, "{at}");
            let caption = app.find("[data-screen=story] [aria-live=polite]");
            let text = text_of(&caption);
            let want = if zh {
                &step.caption.zh
            } else {
                &step.caption.en
            };
            assert!(text.contains(want.as_str()), "{at}: {text}");
            for id in &step.records {
                let link = get(&caption, "link", Name::Is(id));
                assert_eq!(attr(&link, "href"), format!("#/timeline?id={id}"), "{at}");
            }
            let day = step.scenario.date.to_string();
            assert!(hash().contains(&format!("date={day}")), "{at}: {}", hash());
            screen_holds(&app, step, &at).await;
            let next = app.button(if zh { "下一步" } else { "Next" });
            let last = i + 1 == s.steps.len();
            assert_eq!(next.has_attribute("disabled"), last, "{at}: Next");
            if !last {
                click_el(&next).await;
                flush().await;
            }
        }
        app.unmount();
    }
}

#[wasm_bindgen_test]
async fn every_step_of_every_story_in_english() {
    walk("en").await;
}

#[wasm_bindgen_test]
async fn every_step_of_every_story_in_chinese() {
    walk("zh").await;
}

#[wasm_bindgen_test]
async fn back_next_and_the_arrow_keys_move_between_steps() {
    let app = mount_fresh("#/story/the-opening?step=1").await;
    assert!(app.button("Back").has_attribute("disabled"));
    key("ArrowRight").await;
    assert_eq!(shown_step(&app), 2);
    assert!(hash().contains("step=2"), "{}", hash());
    key("ArrowRight").await;
    assert_eq!(shown_step(&app), 3);
    key("ArrowLeft").await;
    assert_eq!(shown_step(&app), 2);
    click_el(&app.button("Back")).await;
    assert_eq!(shown_step(&app), 1);
    // Typing in a field is not moving: the arrow keys stay the field's.
    let field = app.all("input, select").into_iter().next();
    if let Some(f) = field {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("ArrowRight");
        init.set_bubbles(true);
        let e =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        f.dispatch_event(&e).unwrap();
        flush().await;
        assert_eq!(shown_step(&app), 1);
    }
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_address_of_a_step_opens_the_same_step_and_scenario() {
    let s = story("the-opening").unwrap();
    let step = &s.steps[3];
    let app = mount_fresh("#/story/the-opening?step=4").await;
    assert_eq!(shown_step(&app), 4);
    assert!(hash().contains(&format!("date={}", step.scenario.date)));
    let controls = app.role("navigation", Name::Any);
    get(&controls, "button", Name::Is("Copy link to this step"));
    // The handout prints the same address for the step.
    let handout = app.find("[data-handout=the-opening]");
    assert!(text_of(&handout).contains("#/story/the-opening?step=4"));
    // Another tab opening the step's address: the same step and screen.
    let first = app.find("[data-screen=story] [data-display]");
    let display = attr(&first, "data-display");
    app.unmount();
    let again = mount_fresh("#/story/the-opening?step=4").await;
    assert_eq!(shown_step(&again), 4);
    assert_eq!(
        attr(
            &again.find("[data-screen=story] [data-display]"),
            "data-display"
        ),
        display
    );
    again.unmount();
}

#[wasm_bindgen_test]
async fn a_try_it_says_when_the_reader_found_it() {
    let app = mount_fresh("#/story/the-opening?step=3").await;
    let t = app.find("[data-found]");
    assert_eq!(attr(&t, "data-found"), "no");
    assert!(text_of(&t).contains("Switch Cohort to early"));
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    // The reader switches the cohort (here through the address, as the
    // scenario controls do): the other group's page, and the prompt says so.
    after("hashchange", || {
        web_sys::window()
            .unwrap()
            .location()
            .set_hash("#/story/the-opening?step=3&date=2021-09-17&cohort=early")
            .unwrap()
    })
    .await;
    let t = app.find("[data-found]");
    assert_eq!(attr(&t, "data-found"), "yes");
    assert!(text_of(&t).contains("early cohort got the confirmation page"));
    assert_eq!(app.status("data-outcome"), "confirm");
    assert_eq!(shown_step(&app), 3, "still the same step");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_bad_story_or_step_shows_the_list_with_a_notice() {
    for (address, says) in [
        ("#/story/nope", "There is no story with this id: nope"),
        ("#/story/the-opening?step=99", "step=99"),
        ("#/story/the-opening?step=zero", "step=zero"),
    ] {
        let app = mount_fresh(address).await;
        let notice = app.find("[data-story-wrong]");
        assert_eq!(attr(&notice, "role"), "status");
        assert!(
            text_of(&notice).contains(says),
            "{address}: {}",
            text_of(&notice)
        );
        let list = app.find("[data-screen=stories]");
        assert!(by_role(&list, "link", Name::Any).len() >= stories().len());
        app.unmount();
    }
}

#[wasm_bindgen_test]
async fn leaving_a_story_keeps_its_scenario_and_says_so() {
    let app = mount_fresh("#/story/douyin-connection?step=2").await;
    assert!(hash().contains("connection=out"), "{}", hash());
    after("hashchange", || {
        web_sys::window()
            .unwrap()
            .location()
            .set_hash("#/me")
            .unwrap()
    })
    .await;
    assert_eq!(app.value("Date"), "2020-03-01");
    let kept = app.find("[data-notice=story-left]");
    assert!(text_of(&kept).contains("scenario of its last step is kept"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn discover_lists_the_stories_first() {
    let app = mount_fresh("#/discover").await;
    let links: Vec<String> = app.all("main a").iter().map(name_of).collect();
    assert_eq!(
        links.first().map(String::as_str),
        Some("Stories"),
        "{links:?}"
    );
    click_el(&app.role("link", Name::Is("Stories"))).await;
    assert!(hash().starts_with("#/stories"), "{}", hash());
    for s in stories() {
        app.role("link", Name::Is(&s.title.en));
    }
    app.unmount();
}
