//! Browser test of a story step under custom rules (issue 27): the step
//! they contradict is flagged, with what differs. In a page of its own:
//! run in tests/stories.rs, the test after it found its address rewritten
//! to this one's last address after mounting (this one applies a rules
//! file and leaves a save behind; the cause is not pinned down).

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

/// Changes the address as typing it does and waits for the renders.
async fn type_address(hash: &str) {
    let w = web_sys::window().unwrap();
    let done = js_sys::Promise::new(&mut |resolve, _| {
        let opts = web_sys::AddEventListenerOptions::new();
        opts.set_once(true);
        w.add_event_listener_with_callback_and_add_event_listener_options(
            "hashchange",
            &resolve,
            &opts,
        )
        .unwrap();
    });
    w.location().set_hash(hash).unwrap();
    JsFuture::from(done).await.unwrap();
    flush().await;
    flush().await;
}

#[wasm_bindgen_test]
async fn a_step_the_custom_rules_contradict_is_flagged() {
    // Feishu's block of 2020-02-28 made a copy-to-browser page: story 1's
    // step 5 says "blocked", so these rules contradict it.
    let app = mount_fresh("#/rules").await;
    let text = app.value("Rules file");
    let at = text.find("\"id\": \"feishu-blocked-2020-02-28\"").unwrap();
    let (head, tail) = text.split_at(at);
    let edited = head.to_string()
        + &tail.replacen(
            "\"outcome\": \"blocked\"",
            "\"outcome\": \"copy_to_browser\"",
            1,
        );
    app.fill("Rules file", &edited).await;
    app.press("Apply").await;
    type_address("#/story/copy-into-a-browser?step=5").await;
    let flag = app.find("[data-contradicted]");
    assert_eq!(attr(&flag, "role"), "alert");
    assert!(
        text_of(&flag).contains("outcome: expected blocked"),
        "{}",
        text_of(&flag)
    );
    // A step the rules don't touch is not flagged.
    click_el(&app.button("Next")).await;
    assert!(app.all("[data-contradicted]").is_empty());
    app.unmount();
}
