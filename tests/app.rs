//! Browser tests of the foundation: the shell, routing, languages, the
//! scenario, persistence and recovery. Run by `wasm-pack test --headless --chrome`.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::i18n::T;
use walled_garden::lang::Lang;
use walled_garden::state::persist::{encode, BACKUP_KEY, STORAGE_KEY};
use walled_garden::state::seed::seed;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn mounts_with_four_tabs_and_the_seeded_chats() {
    let app = mount_fresh("#/chats").await;
    assert_eq!(app.tabs(), ["Chats", "Contacts", "Discover", "Me"]);
    let current = app.all("[aria-current=page]");
    assert_eq!(current.len(), 1);
    assert_eq!(name_of(&current[0]), "Chats");
    let names = app.chat_names("Chats");
    assert_eq!(names.len(), 6, "{names:?}");
    for n in ["Family", "Deals & Coupons", "Li Hua", "Mum"] {
        assert!(
            names.iter().any(|x| x.contains(n)),
            "{n} missing from {names:?}"
        );
    }
    app.unmount();
}

#[wasm_bindgen_test]
async fn tab_clicks_route_and_back_returns() {
    let app = mount_fresh("#/chats").await;
    click_el(&app.role("link", Name::Is("Contacts"))).await;
    assert_eq!(hash(), "#/contacts");
    assert_eq!(app.title(), "Contacts");
    assert!(app.text().contains("Zhang Wei"));

    click_el(&app.role("link", Name::Is("Me"))).await;
    assert_eq!(hash(), "#/me");
    app.control("Date");

    back().await;
    assert_eq!(hash(), "#/contacts");
    assert_eq!(app.title(), "Contacts");
    app.unmount();
}

#[wasm_bindgen_test]
async fn opening_a_chat_shows_its_log_and_marks_it_read() {
    let app = mount_fresh("#/chats/family").await;
    assert_eq!(app.title(), "Family");
    let log = app.role("log", Name::Any);
    assert!(text_of(&log).contains("Dinner on Saturday"));
    assert!(app.has_button("Back"));
    assert!(app.roles("navigation", Name::Any).is_empty());
    assert_eq!(saved().chat("family").unwrap().unread, 0);
    app.unmount();
}

#[wasm_bindgen_test]
async fn lang_zh_shows_chinese_and_sets_html_lang() {
    let app = mount_fresh("#/chats?lang=zh").await;
    assert_eq!(app.tabs(), ["微信", "通讯录", "发现", "我"]);
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("zh-CN"));
    assert!(app
        .chat_names("微信")
        .iter()
        .any(|t| t.contains("相亲相爱一家人")));
    app.unmount();

    // Switching back on Me is instant and complete.
    let app = mount("#/me").await;
    app.choose("语言", "en").await;
    assert_eq!(app.tabs(), ["Chats", "Contacts", "Discover", "Me"]);
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn scenario_parameters_set_the_scenario_before_the_first_render() {
    let app = mount_fresh("#/me?date=2020-02-28&region=overseas&os=android&vpn=on").await;
    assert_eq!(app.value("Date"), "2020-02-28");
    assert_eq!(app.value("Region"), "overseas");
    assert_eq!(app.value("Phone"), "android");
    assert!(app.checked("VPN"));
    assert!(app.all("[data-notice]").is_empty());
    app.unmount();
}

#[wasm_bindgen_test]
async fn bad_parameters_are_ignored_with_a_visible_notice() {
    let app = mount_fresh("#/me?date=2021-13-45&region=mars").await;
    assert_eq!(app.all("[data-notice=bad-param]").len(), 2);
    assert!(app.text().contains("date=2021-13-45"));
    assert_eq!(app.value("Date"), "2021-12-01");
    assert_eq!(app.value("Region"), "mainland");
    // The notice can be dismissed.
    click_el(&button(&app.find("[data-notice=bad-param]"), "Dismiss")).await;
    assert_eq!(app.all("[data-notice=bad-param]").len(), 1);
    app.unmount();
}

#[wasm_bindgen_test]
async fn scenario_changes_are_saved_and_survive_a_remount() {
    let app = mount_fresh("#/me").await;
    app.choose("Region", "overseas").await;
    app.fill("Date", "2022-01-27").await;
    click_el(&app.control("VPN")).await;
    app.unmount();
    let data = saved();
    assert_eq!(data.scenario.date.to_string(), "2022-01-27");
    assert!(data.scenario.vpn);

    set_hash("#/me");
    let app = mount("#/me").await;
    assert_eq!(app.value("Region"), "overseas");
    assert_eq!(app.value("Date"), "2022-01-27");
    assert!(app.checked("VPN"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_incomplete_date_keeps_the_old_one_and_says_why() {
    let app = mount_fresh("#/me").await;
    app.fill("Date", "").await;
    assert!(text_of(&app.role("alert", Name::Any)).contains("complete date"));
    assert_eq!(saved().scenario.date.to_string(), "2021-12-01");
    app.unmount();
}

#[wasm_bindgen_test]
async fn corrupted_storage_is_recovered_and_backed_up() {
    storage().clear().unwrap();
    storage()
        .set_item(STORAGE_KEY, "{\"version\": 1, \"chats\": [oops")
        .unwrap();
    let app = mount("#/chats").await;
    assert_eq!(app.all("[data-notice=recovered]").len(), 1);
    assert_eq!(
        storage().get_item(BACKUP_KEY).unwrap().as_deref(),
        Some("{\"version\": 1, \"chats\": [oops")
    );
    assert_eq!(app.chat_rows("Chats").len(), 6, "seed data is shown");
    assert_eq!(
        saved().chats,
        seed().chats,
        "the seed replaced the broken data"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn why_storage_was_recovered_is_said_in_chinese() {
    storage().clear().unwrap();
    storage()
        .set_item(STORAGE_KEY, "{\"version\": 1, \"chats\": [oops")
        .unwrap();
    let app = mount("#/chats?lang=zh").await;
    let notice = app.find("[data-notice=recovered] p");
    let text = text_of(&notice);
    assert!(text.contains("第 1 行第 26 列：此处应为一个值"), "{text}");
    assert!(
        !text.contains("line") && !text.contains("expected"),
        "{text}"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn newer_data_from_another_tab_is_adopted() {
    let app = mount_fresh("#/chats").await;
    let mut theirs = saved();
    theirs.rev += 10;
    theirs.lang = walled_garden::lang::Lang::Zh;
    let text = encode(&theirs);
    storage().set_item(STORAGE_KEY, &text).unwrap();
    storage_event(&text);
    flush().await;
    assert_eq!(app.tabs()[0], "微信");
    assert_eq!(app.all("[data-notice=synced]").len(), 1);

    // Older data from another tab is not adopted.
    let mut older = theirs.clone();
    older.rev = 1;
    older.lang = walled_garden::lang::Lang::En;
    storage_event(&encode(&older));
    flush().await;
    assert_eq!(app.tabs()[0], "微信");
    app.unmount();
}

#[wasm_bindgen_test]
async fn newer_data_from_another_tab_keeps_our_unsaved_changes_on_top() {
    let app = mount_fresh("#/me").await;
    // A change this tab can't save yet (a full storage)...
    let writes = Writes::fail("full");
    app.choose("Region", "overseas").await;
    // ...while another tab saves newer data.
    let mut theirs = saved();
    theirs.rev += 10;
    theirs.lang = Lang::Zh;
    let text = encode(&theirs);
    writes.restore();
    storage().set_item(STORAGE_KEY, &text).unwrap();
    writes.refuse();
    storage_event(&text);
    flush().await;
    // Theirs is taken, and ours re-applied on top of it.
    assert_eq!(app.tabs()[0], "微信");
    assert_eq!(app.value("地区"), "overseas");
    assert_eq!(app.all("[data-notice=synced]").len(), 1);
    // Once storage has room, the next save writes both.
    writes.restore();
    app.choose("手机", "android").await;
    let data = saved();
    assert_eq!(data.lang, Lang::Zh);
    assert_eq!(
        data.scenario.region,
        walled_garden::policy::scenario::Region::Overseas
    );
    assert_eq!(
        data.scenario.os,
        walled_garden::policy::scenario::Os::Android
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn reset_demo_data_asks_first() {
    let app = mount_fresh("#/me?lang=zh").await;
    let zh = |t: T| t.tr(Lang::Zh);
    app.press(zh(T::ResetData)).await;
    let dialog = app.role("dialog", Name::Is(zh(T::ResetConfirmTitle)));
    // Cancel keeps everything.
    click_el(&button(&dialog, zh(T::Cancel))).await;
    assert_eq!(app.dialogs(), 0);
    assert_eq!(saved().lang, Lang::Zh);
    // Confirm resets.
    app.press(zh(T::ResetData)).await;
    click_el(&button(&app.dialog(), zh(T::Reset))).await;
    flush().await;
    assert_eq!(saved().lang, walled_garden::lang::Lang::En);
    assert_eq!(saved().chats, seed().chats);
    app.unmount();
}

#[wasm_bindgen_test]
async fn unknown_addresses_show_not_found() {
    let app = mount_fresh("#/nowhere/at/all").await;
    assert!(app
        .root
        .query_selector("[data-screen=not-found]")
        .unwrap()
        .is_some());
    app.unmount();
}

#[wasm_bindgen_test]
async fn every_discover_entry_opens_a_built_screen() {
    // No placeholder is left: each entry, Connection included, has a route.
    for hash in ["#/register", "#/connection"] {
        let app = mount_fresh(hash).await;
        assert!(app.all("[data-screen=coming-soon]").is_empty(), "{hash}");
        app.unmount();
    }
    let app = mount_fresh("#/discover").await;
    for name in [
        "Moments",
        "Mini Programs",
        "Link opener",
        "Connection (Douyin)",
        "Timeline",
        "Rules",
    ] {
        click_el(&app.role("link", Name::Is(name))).await;
        assert!(!hash().starts_with("#/discover"), "{name} opens its screen");
        back().await;
    }
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_full_storage_keeps_state_in_memory_and_says_so() {
    let app = mount_fresh("#/me").await;
    // Make every write fail as a full localStorage does.
    let writes = Writes::fail("The quota has been exceeded.");

    app.choose("Region", "overseas").await;
    flush().await;
    assert_eq!(app.all("[data-notice=write-failed]").len(), 1);
    // The change lives on in memory and on screen...
    assert_eq!(app.value("Region"), "overseas");
    // ...and what was saved before is untouched.
    assert_eq!(
        saved().scenario.region,
        walled_garden::policy::scenario::Region::Mainland
    );

    writes.restore();
    app.unmount();
}
