//! Browser tests of each platform's history (issue 25): `#/history?
//! platform=douyin` lists every change context by context, reached from a
//! matrix row; an unknown platform says so and offers the others; What
//! changed's "Every change in between" lists what the two-date comparison
//! cannot see (Douyin in chats walled off in 2018 and open again by 2022).

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// Follows a link of present's markup (a plain `href="#/…"`): clicks it
/// and waits for the `hashchange` it causes and the renders after it.
async fn follow(link: &Element) {
    let w = web_sys::window().unwrap();
    let changed = js_sys::Promise::new(&mut |resolve, _| {
        let opts = web_sys::AddEventListenerOptions::new();
        opts.set_once(true);
        w.add_event_listener_with_callback_and_add_event_listener_options(
            "hashchange",
            &resolve,
            &opts,
        )
        .unwrap();
    });
    click_el(link).await;
    JsFuture::from(changed).await.unwrap();
    flush().await;
    flush().await;
}

/// Changes the address as typing it does, and waits for the renders.
async fn type_address(hash: &str) {
    let w = web_sys::window().unwrap();
    let changed = js_sys::Promise::new(&mut |resolve, _| {
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
    JsFuture::from(changed).await.unwrap();
    flush().await;
    flush().await;
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

/// The rows of the list named `context` (a context's heading labels it).
fn rows(app: &Mounted, context: &str) -> Vec<Element> {
    let list = app.role("list", Name::Is(context));
    by_role(&list, "listitem", Name::Any)
}

/// Douyin's page: its name, the chats' 2018-03 change to copy to browser
/// in words then rule ids (each linking to its rule), and the change back.
fn assert_douyins_history(app: &Mounted) {
    assert_eq!(app.title(), "History");
    app.role("heading", Name::Is("Douyin"));
    let chats = rows(app, "Chat");
    let walled = chats
        .iter()
        .find(|r| attr(r, "data-date").starts_with("2018-03"))
        .unwrap_or_else(|| {
            panic!(
                "no 2018-03 row: {:?}",
                chats.iter().map(text_of).collect::<Vec<_>>()
            )
        });
    assert_eq!(attr(walled, "data-context"), "chat");
    assert_eq!(attr(walled, "data-from"), "open");
    assert_eq!(attr(walled, "data-to"), "copy_to_browser");
    assert!(attr(walled, "data-rules").contains("douyin-copy-2018-03"));
    let text = text_of(walled);
    assert!(
        text.starts_with("2018-03-01 · Chat: Opens → Copy to browser"),
        "words first: {text}"
    );
    let rule = get(walled, "link", Name::Is("douyin-copy-2018-03"));
    assert_eq!(attr(&rule, "href"), "#/rules?id=douyin-copy-2018-03");
    let back = chats
        .iter()
        .find(|r| {
            attr(r, "data-date").starts_with("2021") && attr(r, "data-from") == "copy_to_browser"
        })
        .expect("the 2021 change back");
    assert_ne!(attr(back, "data-to"), "copy_to_browser");
    // Every row in date order, and each context has its list.
    let dates: Vec<String> = chats.iter().map(|r| attr(r, "data-date")).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    for context in ["Group", "Moments"] {
        assert!(!rows(app, context).is_empty(), "{context}");
    }
}

#[wasm_bindgen_test]
async fn douyins_history_has_the_2018_change_in_chats() {
    let app = mount_fresh("#/history?platform=douyin").await;
    assert_douyins_history(&app);
    app.unmount();
}

#[wasm_bindgen_test]
async fn each_context_says_what_was_in_force_on_the_scenarios_day() {
    let app = mount_fresh("#/history?platform=douyin&date=2019-06-01").await;
    let chat = app.find("[data-since][data-context=chat]");
    assert_eq!(attr(&chat, "data-date"), "2019-06-01");
    assert_eq!(attr(&chat, "data-outcome"), "copy_to_browser");
    assert_eq!(attr(&chat, "data-since"), "2018-03-01");
    assert!(text_of(&chat).contains("2019-06-01: Copy to browser since 2018-03-01"));
    // Moving the day moves the line, not the history.
    let before = rows(&app, "Chat").len();
    type_address("#/history?platform=douyin&date=2014-01-01").await;
    let chat = app.find("[data-since][data-context=chat]");
    assert_eq!(attr(&chat, "data-outcome"), "open");
    assert_eq!(attr(&chat, "data-since"), "2013-01-01");
    assert_eq!(rows(&app, "Chat").len(), before);
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_history_speaks_chinese() {
    let app = mount_fresh("#/history?platform=douyin&lang=zh").await;
    assert_eq!(app.title(), "变化历史");
    app.role("heading", Name::Is("抖音"));
    let chats = rows(&app, "单聊");
    let walled = chats
        .iter()
        .find(|r| attr(r, "data-date").starts_with("2018-03"))
        .expect("the 2018-03 row");
    assert!(
        text_of(walled).starts_with("2018-03-01 · 单聊："),
        "{}",
        text_of(walled)
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_matrix_rows_platform_leads_to_its_history() {
    let app = mount_fresh("#/timeline?date=2021-10-01").await;
    let table = app.role("table", Name::Is("Outcome matrix"));
    let link = get(&table, "link", Name::Is("Douyin"));
    follow(&link).await;
    assert!(
        hash().starts_with("#/history?platform=douyin"),
        "{}",
        hash()
    );
    assert_douyins_history(&app);
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_unknown_platform_says_so_and_offers_the_others() {
    let app = mount_fresh("#/history?platform=nowhere").await;
    let alert = app.role("alert", Name::Any);
    let said = text_of(&alert);
    assert!(
        said.contains("no platform") && said.contains("nowhere"),
        "{said}"
    );
    assert!(app.all("li[data-date][data-from]").is_empty());
    let pick = app.role("list", Name::Is("Choose a platform"));
    let douyin = get(&pick, "link", Name::Is("Douyin"));
    follow(&douyin).await;
    assert!(app.roles("alert", Name::Any).is_empty());
    assert_douyins_history(&app);
    app.unmount();
    // No platform at all: the same list, no alarm.
    let app = mount_fresh("#/history").await;
    assert!(app.roles("alert", Name::Any).is_empty());
    assert!(app.text().contains("Choose a platform to see every change"));
    app.role("list", Name::Is("Choose a platform"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn every_change_in_between_sees_what_the_two_end_days_hide() {
    let app = mount_fresh("#/timeline?date=2021-10-01").await;
    app.fill("From", "2018-01-01").await;
    app.fill("To", "2022-12-31").await;
    app.press("Compare").await;
    let douyin_chats = "li[data-platform=\"douyin\"][data-context=\"chat\"]";
    // Open on both days: the two-date comparison shows no change.
    assert!(app.all(douyin_chats).is_empty());
    app.press("Every change in between").await;
    let status = app
        .roles("status", Name::Any)
        .iter()
        .map(text_of)
        .find(|t| t.contains("changes in between"))
        .expect("a count of the changes");
    assert!(!status.starts_with('0'), "{status}");
    let douyin = app.all(douyin_chats);
    assert!(douyin.len() >= 2, "{}", douyin.len());
    let walled = douyin
        .iter()
        .find(|r| attr(r, "data-date").starts_with("2018-03"))
        .expect("the 2018-03 change");
    assert_eq!(attr(walled, "data-to"), "copy_to_browser");
    assert!(douyin
        .iter()
        .any(|r| attr(r, "data-date").starts_with("2021")
            && attr(r, "data-from") == "copy_to_browser"));
    // By date, and each row's platform opens its history.
    let dates: Vec<String> = app
        .all("li[data-date]")
        .iter()
        .map(|r| attr(r, "data-date"))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    follow(&get(walled, "link", Name::Is("Douyin"))).await;
    assert_douyins_history(&app);
    app.unmount();
}

#[wasm_bindgen_test]
async fn why_links_to_every_change_of_the_platform() {
    let app =
        mount_fresh("#/open?url=https%3A%2F%2Fv.douyin.com%2Fabc%2F&in=chat&date=2021-10-01").await;
    assert_eq!(app.status("data-platform"), "douyin");
    // Why (open already on the opener, else opened from its summary);
    // the link is its last line.
    if !app.find("#why").has_attribute("open") {
        app.click("#why summary").await;
    }
    assert!(app.find("#why").has_attribute("open"));
    let link = app.role("link", Name::Is("Every change of Douyin"));
    follow(&link).await;
    assert_douyins_history(&app);
    app.unmount();
}
