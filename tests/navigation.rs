//! Browser tests of keeping the user's place (issue 25): following a record
//! id from a link's dialog and coming back, with the browser's back or the
//! app's Back, shows the dialog again; the address carries the open dialog
//! (`open=`) without adding history entries; the frame does not jump when
//! the timeline scrolls to an entry.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A one-to-one chat on 2021-10-01 whose Douyin link asks for a
/// confirmation under the rule of 2021-09-17 (R-2021-09-17).
const CHAT: &str = "#/chats/chenjing?date=2021-10-01";
const RECORD: &str = "R-2021-09-17";

/// Resolves on the window's next `event` (`popstate`, `hashchange`).
fn next_event(event: &str) -> JsFuture {
    let w = web_sys::window().unwrap();
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let opts = web_sys::AddEventListenerOptions::new();
        opts.set_once(true);
        w.add_event_listener_with_callback_and_add_event_listener_options(event, &resolve, &opts)
            .unwrap();
    });
    JsFuture::from(p)
}

fn history_length() -> u32 {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .length()
        .unwrap()
}

/// Taps the chat's Douyin link card: its dialog opens.
async fn open_card(app: &Mounted) {
    let card = app
        .all("[role=log] [data-display]")
        .pop()
        .expect("no link card");
    click_el(&card).await;
    assert_eq!(app.dialogs(), 1);
}

/// The link to `RECORD` in the open dialog's Why (opened first).
fn record_link(app: &Mounted) -> Element {
    let details = app.dialog().query_selector("details").unwrap().unwrap();
    details
        .dyn_into::<web_sys::HtmlDetailsElement>()
        .unwrap()
        .set_open(true);
    get(&app.dialog(), "link", Name::Is(RECORD))
}

/// Follows a plain link as a tap does and waits for the new screen.
async fn follow(link: &Element) {
    let changed = next_event("hashchange");
    click_el(link).await;
    changed.await.unwrap();
    flush().await;
    flush().await;
}

/// Presses the top bar's Back when it goes back in history, and waits for
/// the screen it returns to.
async fn app_back_in_history(app: &Mounted) {
    let popped = next_event("popstate");
    click_el(&app.button("Back")).await;
    popped.await.unwrap();
    flush().await;
    flush().await;
}

/// The dialog shows the same link's outcome screen again.
fn assert_dialog_again(app: &Mounted) {
    assert!(hash().starts_with("#/chats/chenjing"), "{}", hash());
    assert_eq!(app.dialogs(), 1, "the dialog is open again");
    app.role("dialog", Name::Has("v.douyin.com"));
    assert_eq!(app.status("data-outcome"), "confirm");
    assert!(hash().contains("date=2021-10-01"), "{}", hash());
}

#[wasm_bindgen_test]
async fn the_browsers_back_from_a_record_id_opens_the_dialog_again() {
    let app = mount_fresh(CHAT).await;
    let entries = history_length();
    open_card(&app).await;
    assert!(
        hash().contains("open=https%3A%2F%2Fv.douyin.com"),
        "{}",
        hash()
    );
    assert_eq!(history_length(), entries, "opening a dialog adds no entry");
    follow(&record_link(&app)).await;
    assert!(
        hash().starts_with("#/timeline?id=R-2021-09-17"),
        "{}",
        hash()
    );
    assert_eq!(app.title(), "Timeline");
    assert_eq!(app.dialogs(), 0);
    back().await;
    assert_dialog_again(&app);
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_apps_back_from_a_record_id_opens_the_dialog_again() {
    let app = mount_fresh(CHAT).await;
    open_card(&app).await;
    follow(&record_link(&app)).await;
    assert_eq!(app.title(), "Timeline");
    let entries = history_length();
    app_back_in_history(&app).await;
    assert_dialog_again(&app);
    assert_eq!(history_length(), entries, "back, not a new entry");
    // And once more: the place is kept every time.
    follow(&record_link(&app)).await;
    app_back_in_history(&app).await;
    assert_dialog_again(&app);
    app.unmount();
}

#[wasm_bindgen_test]
async fn closing_the_dialog_removes_it_from_the_address() {
    let app = mount_fresh(CHAT).await;
    let entries = history_length();
    open_card(&app).await;
    click_el(&button(&app.dialog(), "Close")).await;
    assert_eq!(app.dialogs(), 0);
    assert!(!hash().contains("open="), "{}", hash());
    assert!(hash().contains("date=2021-10-01"), "{}", hash());
    assert_eq!(history_length(), entries, "closing adds no entry either");
    // `open` is nobody's bad parameter.
    assert!(app.all("[data-notice=bad-param]").is_empty());
    app.unmount();

    // An address with `open=` shows the chat with that dialog open.
    let link = walled_garden::state::params::encode("https://v.douyin.com/abc/");
    let app = mount_fresh(&(String::from(CHAT) + "&open=" + &link)).await;
    assert_eq!(app.dialogs(), 1);
    assert_eq!(app.status("data-outcome"), "confirm");
    assert!(app.all("[data-notice=bad-param]").is_empty());
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_first_load_of_a_record_id_goes_back_to_discover() {
    let app = mount_fresh("#/timeline?id=R-2021-09-17").await;
    assert_eq!(app.title(), "Timeline");
    app.press("Back").await;
    assert!(hash().starts_with("#/discover"), "{}", hash());
    assert_eq!(app.title(), "Discover");
    // A new entry: the browser's back returns to the timeline.
    back().await;
    assert_eq!(app.title(), "Timeline");
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_apps_back_returns_to_the_previous_screen_of_the_app() {
    // Discover, then the link opener: Back goes back to Discover, as the
    // parent would, but in history (no new entry).
    let app = mount_fresh("#/discover").await;
    click_el(&app.role("link", Name::Is("Link opener"))).await;
    assert!(hash().starts_with("#/open"), "{}", hash());
    let entries = history_length();
    app_back_in_history(&app).await;
    assert!(hash().starts_with("#/discover"), "{}", hash());
    assert_eq!(history_length(), entries);
    app.unmount();
}

#[wasm_bindgen_test]
async fn moments_keeps_its_dialog_in_the_address_too() {
    let app = mount_fresh("#/moments").await;
    let card = app
        .all("article [data-display]")
        .into_iter()
        .next()
        .expect("a link card in the feed");
    click_el(&card).await;
    assert_eq!(app.dialogs(), 1);
    assert!(hash().contains("open="), "{}", hash());
    let shown = hash();
    app.unmount();
    // Coming back to that address: the same dialog.
    let app = mount(&shown).await;
    assert_eq!(app.dialogs(), 1);
    click_el(&button(&app.dialog(), "Close")).await;
    assert!(!hash().contains("open="), "{}", hash());
    app.unmount();
}

/// Loads the app's stylesheet into the test page, so that the phone frame,
/// its title bar and the screen's own scroller are laid out as in the app
/// (the element the app is mounted in fills the window, as the page's
/// body does). Returns the style element, to remove.
fn with_styles() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let style = doc.create_element("style").unwrap();
    let css = String::from(include_str!("../styles/app.css")) + "\nbody > div { height: 100%; }";
    style.set_text_content(Some(&css));
    doc.head().unwrap().append_child(&style).unwrap();
    style
}

fn top_of(el: &Element) -> f64 {
    el.get_bounding_client_rect().top()
}

#[wasm_bindgen_test]
async fn the_title_bar_stays_when_the_timeline_scrolls_to_the_entry() {
    let style = with_styles();
    let scroll_y = || web_sys::window().unwrap().scroll_y().unwrap();

    // Followed from a chat's dialog.
    let app = mount_fresh(CHAT).await;
    let back_top = top_of(&app.button("Back"));
    let title_top = top_of(&app.find("h1"));
    open_card(&app).await;
    follow(&record_link(&app)).await;
    assert_eq!(app.title(), "Timeline");
    let screen = app.role("main", Name::Any);
    let entry = app.find("#R-2021-09-17");
    assert_eq!(top_of(&app.button("Back")), back_top, "Back stays");
    assert_eq!(top_of(&app.find("h1")), title_top, "the title stays");
    assert_eq!(scroll_y(), 0.0, "the page does not scroll");
    assert!(screen.scroll_top() > 0, "the screen scrolled to the entry");
    let (top, bottom) = (top_of(&screen), screen.get_bounding_client_rect().bottom());
    let at = top_of(&entry);
    assert!(
        at >= top && at < bottom,
        "the entry is in view: {at} in {top}..{bottom}"
    );
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .and_then(|e| e.get_attribute("id"));
    assert_eq!(focused.as_deref(), Some(RECORD), "the entry has the focus");
    app.unmount();

    // A first load, of the record's last entry too: the screen cannot
    // scroll it to its top, and what is left moves nothing else.
    let app = mount_fresh("#/timeline").await;
    let last = app
        .all("[id^='R-']")
        .pop()
        .and_then(|e| e.get_attribute("id"))
        .unwrap();
    app.unmount();
    for id in [RECORD, last.as_str()] {
        let app = mount_fresh(&(String::from("#/timeline?id=") + id)).await;
        assert_eq!(top_of(&app.button("Back")), back_top, "{id}");
        assert_eq!(
            top_of(&app.find("h1")),
            title_top,
            "the title bar stays: {id}"
        );
        assert_eq!(scroll_y(), 0.0);
        let screen = app.role("main", Name::Any);
        assert!(screen.scroll_top() > 0, "scrolled to {id}");
        app.unmount();
    }
    style.remove();
}
