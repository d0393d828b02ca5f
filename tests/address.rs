//! Browser tests of issue 25's "the address is the state": a change of the
//! address in an open tab (typed, back, forward) applies its scenario
//! parameters at once, and a refused value keeps the current one with a
//! notice naming the parameter. The pure half is `state::params::address`.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Resolves at the window's next `event`; call it before causing the event.
fn next(event: &str) -> js_sys::Promise {
    let w = web_sys::window().unwrap();
    js_sys::Promise::new(&mut |resolve, _| {
        let opts = web_sys::AddEventListenerOptions::new();
        opts.set_once(true);
        w.add_event_listener_with_callback_and_add_event_listener_options(event, &resolve, &opts)
            .unwrap();
    })
}

/// Changes the address as typing it does (a new history entry and a
/// `hashchange`), and waits for the event and the renders it causes.
async fn type_address(hash: &str) {
    let changed = next("hashchange");
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    JsFuture::from(changed).await.unwrap();
    flush().await;
    flush().await;
}

/// The browser's forward button: waits for `popstate` and the renders.
async fn forward() {
    let popped = next("popstate");
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .forward()
        .unwrap();
    JsFuture::from(popped).await.unwrap();
    flush().await;
    flush().await;
}

/// The texts of the live `role="status"` elements that quote `pair`
/// (`date=garbage`): the notices naming that parameter.
fn notices_of(app: &Mounted, pair: &str) -> Vec<String> {
    app.roles("status", Name::Any)
        .iter()
        .map(text_of)
        .filter(|t| t.contains(pair))
        .collect()
}

#[wasm_bindgen_test]
async fn a_typed_date_applies_at_once_and_back_and_forward_follow() {
    let app = mount_fresh("#/me").await;
    assert_eq!(app.value("Date"), "2021-12-01");

    type_address("#/me?date=2020-03-01").await;
    assert_eq!(app.value("Date"), "2020-03-01", "applied in the open tab");
    assert!(hash().contains("date=2020-03-01"), "kept: {}", hash());
    assert!(app.all("[data-notice]").is_empty());

    // Other parameters the address leaves out keep their values.
    app.choose("Region", "overseas").await;
    type_address("#/me?date=2016-05-05").await;
    assert_eq!(app.value("Date"), "2016-05-05");
    assert_eq!(app.value("Region"), "overseas");

    back().await;
    assert_eq!(app.value("Date"), "2020-03-01", "back: the previous date");
    assert_eq!(app.value("Region"), "overseas", "as that entry was left");
    assert!(hash().contains("date=2020-03-01"), "{}", hash());

    back().await;
    assert_eq!(app.value("Date"), "2021-12-01", "back to the default day");
    assert_eq!(app.value("Region"), "mainland");
    assert!(
        !hash().contains("date="),
        "a default keeps the address short: {}",
        hash()
    );

    forward().await;
    assert_eq!(app.value("Date"), "2020-03-01", "forward again");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_plain_link_without_parameters_keeps_the_scenario() {
    // A record id in a Why is a plain `#/timeline?id=…` link: following it
    // must not reset the day it was followed on.
    let app = mount_fresh("#/me?date=2020-03-01&lang=zh").await;
    type_address("#/discover").await;
    assert!(hash().starts_with("#/discover"), "{}", hash());
    assert!(hash().contains("date=2020-03-01"), "carried: {}", hash());
    assert!(hash().contains("lang=zh"), "carried: {}", hash());
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_refused_date_keeps_the_current_one_and_says_so() {
    let app = mount_fresh("#/me?date=2020-03-01").await;
    for bad in ["garbage", "2010-01-01", "2024-01-01"] {
        let pair = String::from("date=") + bad;
        type_address(&(String::from("#/me?") + &pair)).await;
        let said = notices_of(&app, &pair);
        assert_eq!(said.len(), 1, "one status notice names {pair}");
        // A well-formed day says what the record covers; garbage doesn't.
        let names_range = said[0].contains("2013-01-01 to 2023-12-31");
        assert_eq!(names_range, bad != "garbage", "{pair}: {}", said[0]);
        assert_eq!(app.value("Date"), "2020-03-01", "{pair} kept out");
        assert!(hash().contains("date=2020-03-01"), "{pair}: {}", hash());
    }
    // The record's last day is taken.
    type_address("#/me?date=2023-12-31").await;
    assert_eq!(app.value("Date"), "2023-12-31");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_fresh_load_refuses_a_date_outside_the_record() {
    let app = mount_fresh("#/me?date=2012-12-31&os=android").await;
    assert_eq!(notices_of(&app, "date=2012-12-31").len(), 1);
    assert_eq!(app.value("Date"), "2021-12-01");
    assert_eq!(app.value("Phone"), "android");
    app.unmount();
}
