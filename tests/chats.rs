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
    app.role("textbox", Name::Is("Message")).dyn_into().unwrap()
}

fn send_button(app: &Mounted) -> HtmlButtonElement {
    app.button("Send").dyn_into().unwrap()
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
    app.last_bubble()
}

/// The Send as select (who speaks in a group).
async fn send_as(app: &Mounted, who: &str) {
    app.choose("Send as", who).await;
}

/// The row of the chat list whose name contains `title`: its link and the
/// list item around it (with the row's actions).
fn row(app: &Mounted, title: &str) -> (web_sys::Element, web_sys::Element) {
    let link = app
        .chat_rows("Chats")
        .into_iter()
        .find(|a| name_of(a).contains(title))
        .unwrap_or_else(|| panic!("no chat {title}: {:?}", app.chat_names("Chats")));
    let item = link.closest("li").unwrap().unwrap();
    (link, item)
}

#[wasm_bindgen_test]
async fn the_composer_has_the_contract_names() {
    let app = mount_fresh("#/chats/lihua").await;
    assert_eq!(textarea(&app).tag_name(), "TEXTAREA");
    assert_eq!(send_button(&app).text_content().unwrap(), "Send");
    assert_eq!(app.roles("log", Name::Any).len(), 1);
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
    app.press("Send").await;
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
    let alert = text_of(&app.role("alert", Name::Any));
    assert!(alert.contains("5001 / 5000"), "{alert}");
    assert!(!key(&app, "Enter", false).await);
    assert_eq!(textarea(&app).value(), long, "nothing typed is lost");
    assert_eq!(saved().chat("mum").unwrap().messages.len(), before);
    app.unmount();
}

#[wasm_bindgen_test]
async fn send_as_a_member_to_simulate_receiving() {
    let app = mount_fresh("#/chats/family").await;
    send_as(&app, "c-dad").await;
    type_text(&app, "Dinner is ready").await;
    app.press("Send").await;
    let last = app.messages().pop().unwrap();
    assert_eq!(last.get_attribute("data-from").as_deref(), Some("c-dad"));
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
    app.press("Send").await;
    assert_eq!(last_bubble(&app), nasty);
    assert!(app.all("[role=log] img, [role=log] script").is_empty());
    app.unmount();
}

#[wasm_bindgen_test]
async fn mark_unread_and_read_from_the_list() {
    let app = mount_fresh("#/chats").await;
    // Chen Jing's chat has nothing unread in the seed.
    let (link, _) = row(&app, "Chen Jing");
    assert!(!name_of(&link).contains("unread"), "{}", name_of(&link));
    app.press("More actions: Chen Jing").await;
    let (_, item) = row(&app, "Chen Jing");
    assert!(by_role(&item, "button", Name::Is("Mark as read")).is_empty());
    click_el(&button(&item, "Mark as unread")).await;
    let (link, _) = row(&app, "Chen Jing");
    assert!(
        name_of(&link).starts_with("1 unread Chen Jing"),
        "{}",
        name_of(&link)
    );
    assert_eq!(saved().chat("chenjing").unwrap().unread, 1);
    app.unmount();
}

#[wasm_bindgen_test]
async fn deleting_a_chat_asks_first() {
    let app = mount_fresh("#/chats").await;
    let n = app.chat_rows("Chats").len();
    click_el(&app.role("button", Name::Starts("More actions: "))).await;
    app.press("Delete").await;
    let dialog = app.role("dialog", Name::Is("Delete this chat?"));
    click_el(&button(&dialog, "Cancel")).await;
    assert_eq!(app.dialogs(), 0);
    assert_eq!(app.chat_rows("Chats").len(), n, "cancel keeps it");
    app.press("Delete").await;
    click_el(&button(&app.dialog(), "Delete")).await;
    assert_eq!(app.chat_rows("Chats").len(), n - 1);
    assert_eq!(saved().chats.len(), n - 1);
    app.unmount();
}

async fn check_member(app: &Mounted, name: &str) {
    click_el(&get(&app.dialog(), "checkbox", Name::Is(name))).await;
}

/// The group's Members button ("Members (3)").
fn members_button(app: &Mounted) -> String {
    name_of(&app.role("button", Name::Starts("Members (")))
}

#[wasm_bindgen_test]
async fn create_a_group_with_checks() {
    let app = mount_fresh("#/chats").await;
    click_el(&app.role("button", Name::Has("New group"))).await;
    let dialog = app.role("dialog", Name::Is("New group"));
    let alert = |app: &Mounted| text_of(&get(&app.dialog(), "alert", Name::Any));
    // No name, no members: says why, keeps the dialog.
    click_el(&button(&dialog, "Create")).await;
    assert!(alert(&app).contains("name"));
    fill(&control(&app.dialog(), "Group name"), "Hiking club").await;
    check_member(&app, "Li Hua").await;
    click_el(&button(&app.dialog(), "Create")).await;
    assert!(alert(&app).contains("at least two"));
    check_member(&app, "Wang Fang").await;
    click_el(&button(&app.dialog(), "Create")).await;
    assert_eq!(app.dialogs(), 0);
    assert_eq!(hash(), "#/chats/g1");
    assert_eq!(app.title(), "Hiking club");
    assert_eq!(members_button(&app), "Members (3)");
    app.unmount();
}

#[wasm_bindgen_test]
async fn edit_members_and_leave_a_group() {
    let app = mount_fresh("#/chats/family").await;
    assert_eq!(members_button(&app), "Members (4)");
    app.press("Members (4)").await;
    check_member(&app, "Xiao Ming").await; // remove
    click_el(&button(&app.dialog(), "Save")).await;
    assert_eq!(members_button(&app), "Members (3)");
    // Leaving asks first, then goes back to the list without the group.
    app.press("Members (3)").await;
    click_el(&button(&app.dialog(), "Leave group")).await;
    let confirm = app.role("dialog", Name::Is("Leave this group?"));
    click_el(&button(&confirm, "Leave group")).await;
    assert_eq!(hash(), "#/chats");
    assert!(!app.chat_names("Chats").iter().any(|t| t.contains("Family")));
    assert!(saved().chat("family").is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn link_cards_follow_the_rules_for_the_chat_type_and_date() {
    // 2021-12-01: the group pilot opens e-commerce links (as cards) for the
    // early cohort; the late one (the default) still gets Taobao's
    // copy-to-browser card of phase 1.
    let app = mount_fresh("#/chats/deals").await;
    let last = app.all("[role=log] [data-display]").pop().unwrap();
    assert_eq!(last.get_attribute("data-display").as_deref(), Some("card"));
    assert_eq!(
        last.get_attribute("data-outcome").as_deref(),
        Some("copy_to_browser")
    );
    app.unmount();
    let app = mount_fresh("#/chats/deals?cohort=early").await;
    let cards = app.all("[role=log] [data-display]");
    let displays: Vec<String> = cards
        .iter()
        .map(|c| c.get_attribute("data-display").unwrap())
        .collect();
    // JD, Pinduoduo, the password text, Taobao (seed order).
    assert_eq!(displays, ["card", "card", "text", "card"], "{displays:?}");
    assert!(app.text().contains("Taobao password text"));
    let taobao = cards.last().unwrap();
    assert_eq!(
        taobao.get_attribute("data-outcome").as_deref(),
        Some("open")
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
    app.choose("JD", "hide").await;
    app.choose("Pinduoduo", "fold").await;
    assert_eq!(
        saved().link_mode("jd"),
        walled_garden::state::model::LinkMode::Hide
    );
    app.unmount();

    let app = mount("#/chats/deals?cohort=early").await;
    assert!(app
        .text()
        .contains("A link was hidden by your settings: JD"));
    assert!(app.all("[role=log] [data-platform=jd]").is_empty());
    let folded: Vec<_> = app.all("[role=log] [data-display=folded]");
    assert_eq!(folded.len(), 1, "Pinduoduo by choice");
    // A folded card opens on a tap.
    app.click("[role=log] [data-display=folded]").await;
    let pdd = app.all("[role=log] [data-display=folded]").pop().unwrap();
    assert_eq!(
        pdd.get_attribute("data-platform").as_deref(),
        Some("pinduoduo")
    );
    app.unmount();

    // One-to-one chats are not affected.
    let app = mount("#/chats/zhangwei").await;
    assert_eq!(app.all("[role=log] [data-platform=jd]").len(), 1);
    app.unmount();
}

#[wasm_bindgen_test]
async fn report_a_link_and_withdraw_it_on_me() {
    let app = mount_fresh("#/chats/chenjing").await;
    let log = app.role("log", Name::Any);
    click_el(&button(&log, "Report this link")).await;
    let reported = button(&app.role("log", Name::Any), "Reported");
    assert!(reported.dyn_into::<HtmlButtonElement>().unwrap().disabled());
    let reports = saved().reports;
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].platform, "douyin");
    assert_eq!(reports[0].chat, "chenjing");
    app.unmount();

    let app = mount("#/me").await;
    let reports = app.role("list", Name::Is("Reported links"));
    assert!(text_of(&reports).contains("v.douyin.com"));
    click_el(&button(&reports, "Withdraw")).await;
    assert!(app.text().contains("No reported links."));
    assert!(saved().reports.is_empty());
    app.unmount();
}

#[wasm_bindgen_test]
async fn tapping_a_card_shows_the_shared_outcome_screen() {
    // 2021-10-01, one-to-one chat: the confirmation page of phase 1.
    let app = mount_fresh("#/chats/chenjing?date=2021-10-01").await;
    app.click("[role=log] [data-display=card]").await;
    assert_eq!(overlay_status(&app), 1);
    assert_eq!(app.status("data-outcome"), "confirm");
    assert_eq!(app.status("data-platform"), "douyin");
    assert_eq!(app.status("data-host"), "v.douyin.com");
    assert_eq!(app.status("data-share"), "no");
    assert!(app.status("data-rules").contains("2021-09-17"));
    // The overlay is a dialog named by the link, closed by its Close.
    let overlay = app.role("dialog", Name::Has("v.douyin.com"));
    click_el(&button(&overlay, "Close")).await;
    assert_eq!(app.dialogs(), 0);
    app.unmount();

    // In a group on the same day the same kind of link asks for a browser.
    let app = mount_fresh("#/chats/family?date=2021-10-01").await;
    send_as(&app, "c-dad").await;
    type_text(&app, "https://v.douyin.com/abc/").await;
    app.press("Send").await;
    app.click("[role=log] [data-display=card]").await;
    assert_eq!(overlay_status(&app), 1);
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
    assert_eq!(app.messages().len(), WINDOW);
    assert_eq!(last_bubble(&app), "Message number 10000");
    for _ in 0..10 {
        app.press("Show earlier messages").await;
        assert!(app.messages().len() <= MAX_WINDOW);
    }
    assert!(!app
        .texts("[role=log] [data-bubble]")
        .contains(&"Message number 10000".to_string()));
    app.press("Show later messages").await;
    // Sending brings the newest back, with the new message last.
    type_text(&app, "still here").await;
    app.press("Send").await;
    assert_eq!(app.messages().len(), WINDOW);
    assert_eq!(last_bubble(&app), "still here");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_sent_message_is_there_after_a_reload() {
    let app = mount_fresh("#/chats/deals").await;
    send_as(&app, "c-zhaolei").await;
    type_text(&app, "https://item.taobao.com/item.htm?id=1").await;
    app.press("Send").await;
    app.unmount();
    let app = mount("#/chats/deals").await;
    assert_eq!(last_bubble(&app), "https://item.taobao.com/item.htm?id=1");
    assert!(app
        .messages()
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
    send_as(&app, "c-sunli").await;
    type_text(&app, "https://item.taobao.com/item.htm?id=1").await;
    app.press("Send").await;
    app.unmount();

    let app = mount("#/chats/deals?date=2021-10-01").await;
    open_last_card(&app).await;
    assert_eq!(overlay_status(&app), 1);
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    assert_eq!(app.status("data-platform"), "taobao");
    app.unmount();

    let app = mount("#/chats/deals?date=2022-03-01").await;
    open_last_card(&app).await;
    assert_eq!(overlay_status(&app), 1);
    assert_eq!(app.status("data-outcome"), "open");
    assert_eq!(saved().scenario.date.to_string(), "2022-03-01");
    // The demo conversation moved to the new day; the message sent on
    // 2021-12-01 kept its own time, so it is now before it (issue 25).
    let deals = saved().chat("deals").unwrap().clone();
    let sent = deals
        .messages
        .iter()
        .position(|m| m.from == "c-sunli" && !m.demo)
        .unwrap();
    assert!(deals.messages[sent].text.ends_with("id=1"));
    assert!(
        deals.messages[sent + 1..].iter().all(|m| m.demo),
        "{:?}",
        deals.messages
    );
    app.unmount();
}

/// How many decisions (`role="status"`) the open dialog over the chat holds.
fn overlay_status(app: &Mounted) -> usize {
    by_role(&app.dialog(), "status", Name::Any).len()
}

/// Taps the link card of the newest message.
async fn open_last_card(app: &Mounted) {
    let last = app.messages().pop().expect("no message");
    let card = last.query_selector("[data-display]").unwrap().unwrap();
    click_el(&card).await;
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
    app.press("Send").await;
    flush().await;
    assert_eq!(app.all("[data-notice=write-failed]").len(), 1);
    assert!(app.text().contains("Not saved"), "{}", app.text());
    // The app goes on: the message is shown, more can be sent, and the
    // notice is not repeated.
    assert_eq!(last_bubble(&app), big);
    type_text(&app, "still here").await;
    app.press("Send").await;
    flush().await;
    assert_eq!(last_bubble(&app), "still here");
    assert_eq!(app.all("[data-notice=write-failed]").len(), 1);
    // What was saved before is intact.
    assert_eq!(saved(), before);

    // Space freed: the next save writes everything, and the notice goes.
    storage().remove_item("filler").unwrap();
    type_text(&app, "space again").await;
    app.press("Send").await;
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

/// Issue 25: a search that finds nothing says so (not "No chats yet."),
/// and Escape closes a row's actions.
#[wasm_bindgen_test]
async fn a_search_without_results_says_so_and_escape_closes_row_actions() {
    let app = mount_fresh("#/chats").await;
    let search = app.role("searchbox", Name::Is("Search"));
    fill(&search, "淘宝").await;
    assert!(app.chat_names("Chats").is_empty());
    let status = app.role("status", Name::Any);
    assert!(
        text_of(&status).contains("No chat matches"),
        "{}",
        text_of(&status)
    );
    assert!(text_of(&status).contains("淘宝"));
    assert!(!app.text().contains("No chats yet."));
    fill(&search, "").await;
    let more = app
        .roles("button", Name::Any)
        .into_iter()
        .find(|b| name_of(b).starts_with("More actions"))
        .expect("a row's More actions button");
    click_el(&more).await;
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("true"));
    let esc = web_sys::KeyboardEventInit::new();
    esc.set_key("Escape");
    esc.set_bubbles(true);
    let e = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &esc).unwrap();
    more.dispatch_event(&e).unwrap();
    flush().await;
    let more = app
        .roles("button", Name::Any)
        .into_iter()
        .find(|b| name_of(b).starts_with("More actions"))
        .unwrap();
    assert_eq!(
        more.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    app.unmount();
}
