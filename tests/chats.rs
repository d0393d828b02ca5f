//! Browser tests of the chat screen: composing, sending, speaking as a
//! member, limits and hostile text.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::state::persist::STORAGE_KEY;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn textarea(app: &Mounted) -> HtmlTextAreaElement {
    app.find("textarea[aria-label=Message]").dyn_into().unwrap()
}

fn send_button(app: &Mounted) -> HtmlButtonElement {
    app.find("button.send").dyn_into().unwrap()
}

async fn type_text(app: &Mounted, text: &str) {
    let t = textarea(app);
    t.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    t.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    flush().await;
}

async fn key(app: &Mounted, key: &str, shift: bool) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    let not_prevented = textarea(app).dispatch_event(&ev).unwrap();
    flush().await;
    not_prevented
}

fn last_bubble(app: &Mounted) -> String {
    app.texts("[role=log] .bubble").pop().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_composer_has_the_contract_names() {
    let app = mount_fresh("#/chats/lihua").await;
    assert!(app
        .root
        .query_selector("textarea[aria-label=Message]")
        .unwrap()
        .is_some());
    assert_eq!(send_button(&app).text_content().unwrap(), "Send");
    assert!(app.root.query_selector("[role=log]").unwrap().is_some());
    app.unmount();
}

#[wasm_bindgen_test]
async fn send_button_sends_and_clears() {
    let app = mount_fresh("#/chats/lihua").await;
    assert!(send_button(&app).disabled(), "empty: disabled");
    type_text(&app, "   \n ").await;
    assert!(send_button(&app).disabled(), "white space only: disabled");
    type_text(&app, "Hello Li Hua").await;
    assert!(!send_button(&app).disabled());
    app.click("button.send").await;
    assert_eq!(last_bubble(&app), "Hello Li Hua");
    assert_eq!(textarea(&app).value(), "");
    let data = saved();
    let m = data.chat("lihua").unwrap().messages.last().unwrap().clone();
    assert_eq!((m.from.as_str(), m.text.as_str()), ("me", "Hello Li Hua"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn enter_sends_and_shift_enter_does_not() {
    let app = mount_fresh("#/chats/mum").await;
    type_text(&app, "line one").await;
    assert!(
        key(&app, "Enter", true).await,
        "Shift+Enter is left to the textarea"
    );
    assert_eq!(textarea(&app).value(), "line one");
    assert!(!key(&app, "Enter", false).await, "Enter is taken");
    assert_eq!(last_bubble(&app), "line one");
    assert_eq!(textarea(&app).value(), "");
    app.unmount();
}

#[wasm_bindgen_test]
async fn too_long_is_refused_with_a_counter_and_kept() {
    let app = mount_fresh("#/chats/mum").await;
    let before = saved().chat("mum").unwrap().messages.len();
    let long = "好".repeat(5_001);
    type_text(&app, &long).await;
    assert!(send_button(&app).disabled());
    let alert = app.find(".composer [role=alert]").text_content().unwrap();
    assert!(alert.contains("5001 / 5000"), "{alert}");
    assert!(!key(&app, "Enter", false).await);
    assert_eq!(textarea(&app).value(), long, "nothing typed is lost");
    assert_eq!(saved().chat("mum").unwrap().messages.len(), before);
    app.unmount();
}

#[wasm_bindgen_test]
async fn send_as_a_member_to_simulate_receiving() {
    let app = mount_fresh("#/chats/family").await;
    app.select("select.send-as", "c-dad").await;
    type_text(&app, "Dinner is ready").await;
    app.click("button.send").await;
    let last = app.all("[role=log] .msg").pop().unwrap();
    assert!(last.class_list().contains("theirs"));
    assert!(last.text_content().unwrap().contains("Dad"));
    assert_eq!(
        saved()
            .chat("family")
            .unwrap()
            .messages
            .last()
            .unwrap()
            .from,
        "c-dad"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn hostile_text_stays_text() {
    let app = mount_fresh("#/chats/lihua").await;
    let nasty = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    type_text(&app, nasty).await;
    app.click("button.send").await;
    assert_eq!(last_bubble(&app), nasty);
    assert!(app
        .root
        .query_selector("[role=log] img, [role=log] script")
        .unwrap()
        .is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn mark_unread_and_read_from_the_list() {
    let app = mount_fresh("#/chats").await;
    // Chen Jing's chat has nothing unread in the seed.
    let row = || {
        app.all(".chat-item")
            .into_iter()
            .find(|e| e.text_content().unwrap().contains("Chen Jing"))
            .unwrap()
    };
    assert!(row().query_selector(".badge").unwrap().is_none());
    row()
        .query_selector(".row-more")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    flush().await;
    assert_eq!(
        row()
            .query_selector(".row-action.read")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Mark as unread"
    );
    row()
        .query_selector(".row-action.read")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    flush().await;
    assert_eq!(
        row()
            .query_selector(".badge")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "1"
    );
    assert_eq!(saved().chat("chenjing").unwrap().unread, 1);
    app.unmount();
}

#[wasm_bindgen_test]
async fn deleting_a_chat_asks_first() {
    let app = mount_fresh("#/chats").await;
    let n = app.all(".chat-item").len();
    app.click(".chat-item .row-more").await;
    app.click(".row-action.delete").await;
    assert!(app.root.query_selector("[role=dialog]").unwrap().is_some());
    app.click("[role=dialog] .dialog-btn:not(.danger)").await;
    assert_eq!(app.all(".chat-item").len(), n, "cancel keeps it");
    app.click(".row-action.delete").await;
    app.click("[role=dialog] .dialog-btn.danger").await;
    assert_eq!(app.all(".chat-item").len(), n - 1);
    assert_eq!(saved().chats.len(), n - 1);
    app.unmount();
}

async fn check_member(app: &Mounted, name: &str) {
    let label = app
        .all(".member-option")
        .into_iter()
        .find(|l| l.text_content().unwrap().contains(name))
        .unwrap_or_else(|| panic!("no member option {name}"));
    label
        .query_selector("input")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    flush().await;
}

#[wasm_bindgen_test]
async fn create_a_group_with_checks() {
    let app = mount_fresh("#/chats").await;
    app.click("button.new-group").await;
    assert!(app.root.query_selector("[role=dialog]").unwrap().is_some());
    // No name, no members: says why, keeps the dialog.
    app.click("[role=dialog] .dialog-btn.primary").await;
    assert!(app
        .find("[role=dialog] [role=alert]")
        .text_content()
        .unwrap()
        .contains("name"));
    app.input(".group-name input", "Hiking club").await;
    check_member(&app, "Li Hua").await;
    app.click("[role=dialog] .dialog-btn.primary").await;
    assert!(app
        .find("[role=dialog] [role=alert]")
        .text_content()
        .unwrap()
        .contains("at least two"));
    check_member(&app, "Wang Fang").await;
    app.click("[role=dialog] .dialog-btn.primary").await;
    assert!(app.root.query_selector("[role=dialog]").unwrap().is_none());
    assert_eq!(hash(), "#/chats/g1");
    assert_eq!(
        app.find(".topbar-title").text_content().unwrap(),
        "Hiking club"
    );
    assert_eq!(
        app.find(".members-btn").text_content().unwrap(),
        "Members (3)"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn edit_members_and_leave_a_group() {
    let app = mount_fresh("#/chats/family").await;
    assert_eq!(
        app.find(".members-btn").text_content().unwrap(),
        "Members (4)"
    );
    app.click(".members-btn").await;
    check_member(&app, "Xiao Ming").await; // remove
    app.click("[role=dialog] .dialog-btn.primary").await;
    assert_eq!(
        app.find(".members-btn").text_content().unwrap(),
        "Members (3)"
    );
    // Leaving asks first, then goes back to the list without the group.
    app.click(".members-btn").await;
    app.click("button.leave").await;
    app.click("[role=dialog][aria-labelledby=dialog-title] .dialog-btn.danger")
        .await;
    assert_eq!(hash(), "#/chats");
    assert!(!app
        .texts(".chat-row .cell-title")
        .iter()
        .any(|t| t == "Family"));
    assert!(saved().chat("family").is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn link_cards_follow_the_rules_for_the_chat_type_and_date() {
    // 2021-12-01: the group pilot folds e-commerce links; chats show cards.
    let app = mount_fresh("#/chats/deals").await;
    let cards = app.all("[role=log] [data-display]");
    let displays: Vec<String> = cards
        .iter()
        .map(|c| c.get_attribute("data-display").unwrap())
        .collect();
    // JD, Pinduoduo, the password text, Taobao (seed order).
    assert_eq!(displays, ["card", "card", "text", "folded"], "{displays:?}");
    assert!(app.text().contains("Taobao password text"));
    // A folded card opens on a tap.
    app.click("[role=log] .link-card.folded").await;
    let taobao = app.all("[role=log] [data-display]").pop().unwrap();
    assert_eq!(
        taobao.get_attribute("data-display").as_deref(),
        Some("folded")
    );
    assert_eq!(
        taobao.get_attribute("data-platform").as_deref(),
        Some("taobao")
    );
    app.unmount();

    // The same chat in 2022-02: Taobao opens in groups, shown as a card.
    let app = mount_fresh("#/chats/deals?date=2022-02-01").await;
    let last = app.all("[role=log] [data-display]").pop().unwrap();
    assert_eq!(last.get_attribute("data-display").as_deref(), Some("card"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn manage_links_fold_or_hide_a_platform_in_groups() {
    let app = mount_fresh("#/me").await;
    assert!(app.text().contains("Simulator extension"));
    app.select("#link-mode-jd", "hide").await;
    app.select("#link-mode-pinduoduo", "fold").await;
    assert_eq!(
        saved().link_mode("jd"),
        walled_garden::state::model::LinkMode::Hide
    );
    app.unmount();

    let app = mount("#/chats/deals").await;
    assert!(app
        .text()
        .contains("A link was hidden by your settings: JD"));
    assert!(app.all("[role=log] [data-platform=jd]").is_empty());
    let folded: Vec<_> = app.all("[role=log] [data-display=folded]");
    assert_eq!(folded.len(), 2, "Pinduoduo by choice, Taobao by the pilot");
    app.unmount();

    // One-to-one chats are not affected.
    let app = mount("#/chats/zhangwei").await;
    assert_eq!(app.all("[role=log] [data-platform=jd]").len(), 1);
    app.unmount();
}

#[wasm_bindgen_test]
async fn report_a_link_and_withdraw_it_on_me() {
    let app = mount_fresh("#/chats/chenjing").await;
    app.click("[role=log] .report-link").await;
    let button = app.find("[role=log] .report-link");
    assert_eq!(button.text_content().unwrap(), "Reported");
    let reports = saved().reports;
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].platform, "douyin");
    assert_eq!(reports[0].chat, "chenjing");
    app.unmount();

    let app = mount("#/me").await;
    assert!(app
        .find(".reports")
        .text_content()
        .unwrap()
        .contains("v.douyin.com"));
    app.click(".reports button").await;
    assert!(app.text().contains("No reported links."));
    assert!(saved().reports.is_empty());
    app.unmount();
}

#[wasm_bindgen_test]
async fn tapping_a_card_shows_the_shared_outcome_screen() {
    // 2021-10-01, one-to-one chat: the confirmation page of phase 1.
    let app = mount_fresh("#/chats/chenjing?date=2021-10-01").await;
    app.click("[role=log] .link-card").await;
    assert!(app
        .root
        .query_selector(".outcome-overlay [role=status]")
        .unwrap()
        .is_some());
    assert_eq!(app.status("data-outcome"), "confirm");
    assert_eq!(app.status("data-platform"), "douyin");
    assert_eq!(app.status("data-host"), "v.douyin.com");
    assert_eq!(app.status("data-share"), "no");
    assert!(app.status("data-rules").contains("2021-09-17"));
    app.click(".outcome-overlay .overlay-close").await;
    assert!(app
        .root
        .query_selector(".outcome-overlay")
        .unwrap()
        .is_none());
    app.unmount();

    // In a group on the same day the same kind of link asks for a browser.
    let app = mount_fresh("#/chats/family?date=2021-10-01").await;
    app.select("select.send-as", "c-dad").await;
    type_text(&app, "https://v.douyin.com/abc/").await;
    app.click("button.send").await;
    app.click("[role=log] .link-card").await;
    assert!(app
        .root
        .query_selector(".outcome-overlay [role=status]")
        .unwrap()
        .is_some());
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_10000_message_chat_keeps_the_dom_small() {
    use walled_garden::state::chats::{MAX_WINDOW, WINDOW};
    storage().clear().unwrap();
    storage()
        .set_item(STORAGE_KEY, &long_chat_data(10_000))
        .unwrap();
    let app = mount("#/chats/long").await;
    assert_eq!(app.all("[role=log] .msg").len(), WINDOW);
    assert_eq!(last_bubble(&app), "Message number 10000");
    for _ in 0..10 {
        app.click("[role=log] .more-btn.earlier").await;
        assert!(app.all("[role=log] .msg").len() <= MAX_WINDOW);
    }
    assert!(!app
        .texts("[role=log] .bubble")
        .contains(&"Message number 10000".to_string()));
    app.click("[role=log] .more-btn.later").await;
    // Sending brings the newest back, with the new message last.
    type_text(&app, "still here").await;
    app.click("button.send").await;
    assert_eq!(app.all("[role=log] .msg").len(), WINDOW);
    assert_eq!(last_bubble(&app), "still here");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_sent_message_is_there_after_a_reload() {
    let app = mount_fresh("#/chats/deals").await;
    app.select("select.send-as", "c-zhaolei").await;
    type_text(&app, "https://item.taobao.com/item.htm?id=1").await;
    app.click("button.send").await;
    app.unmount();
    let app = mount("#/chats/deals").await;
    assert_eq!(last_bubble(&app), "https://item.taobao.com/item.htm?id=1");
    assert!(app
        .all("[role=log] .msg")
        .pop()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Zhao Lei"));
    app.unmount();
}

/// The "done" walk: a Taobao link in Deals & Coupons, sent as a
/// friend, across the 2022-01-27 opening, and still there after a reload.
#[wasm_bindgen_test]
async fn taobao_in_deals_before_and_after_2022_01_27() {
    let app = mount_fresh("#/chats/deals").await;
    app.select("select.send-as", "c-sunli").await;
    type_text(&app, "https://item.taobao.com/item.htm?id=1").await;
    app.click("button.send").await;
    app.unmount();

    let app = mount("#/chats/deals?date=2021-10-01").await;
    app.click("[role=log] .msg:last-child .link-card").await;
    assert!(app
        .root
        .query_selector(".outcome-overlay [role=status]")
        .unwrap()
        .is_some());
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    assert_eq!(app.status("data-platform"), "taobao");
    app.unmount();

    let app = mount("#/chats/deals?date=2022-03-01").await;
    app.click("[role=log] .msg:last-child .link-card").await;
    assert!(app
        .root
        .query_selector(".outcome-overlay [role=status]")
        .unwrap()
        .is_some());
    assert_eq!(app.status("data-outcome"), "open");
    assert_eq!(saved().scenario.date.to_string(), "2022-03-01");
    assert!(saved().chat("deals").unwrap().messages.last().unwrap().from == "c-sunli");
    app.unmount();
}

/// Fills localStorage to its real quota with another key, leaving less
/// than 64 characters free; returns the filler's length.
fn fill_storage() -> f64 {
    js_sys::Function::new_no_args(
        "let lo = 0, hi = 1 << 25; \
         while (hi - lo > 64) { const m = (lo + hi) >> 1; \
           try { localStorage.setItem('filler', 'x'.repeat(m)); lo = m; } \
           catch (e) { hi = m; } } \
         localStorage.setItem('filler', 'x'.repeat(lo)); return lo;",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap()
    .as_f64()
    .unwrap()
}

#[wasm_bindgen_test]
async fn a_chat_past_the_storage_quota_keeps_working_and_loses_nothing_saved() {
    let app = mount_fresh("#/chats/lihua").await;
    let before = saved();
    assert!(fill_storage() > 1_000_000.0, "a quota of megabytes");

    // A long message no longer fits: the save fails for real.
    let big = "長".repeat(5_000);
    type_text(&app, &big).await;
    app.click("button.send").await;
    flush().await;
    assert_eq!(app.all("[data-notice=write-failed]").len(), 1);
    assert!(app.text().contains("Not saved"), "{}", app.text());
    // The app goes on: the message is shown, more can be sent, and the
    // notice is not repeated.
    assert_eq!(last_bubble(&app), big);
    type_text(&app, "still here").await;
    app.click("button.send").await;
    flush().await;
    assert_eq!(last_bubble(&app), "still here");
    assert_eq!(app.all("[data-notice=write-failed]").len(), 1);
    // What was saved before is intact.
    assert_eq!(saved(), before);

    // Space freed: the next save writes everything, and the notice goes.
    storage().remove_item("filler").unwrap();
    type_text(&app, "space again").await;
    app.click("button.send").await;
    flush().await;
    let texts: Vec<String> = saved()
        .chat("lihua")
        .unwrap()
        .messages
        .iter()
        .map(|m| m.text.clone())
        .collect();
    assert_eq!(
        texts[texts.len() - 3..],
        [big, "still here".into(), "space again".into()]
    );
    assert!(app.all("[data-notice=write-failed]").is_empty());
    app.unmount();
}
