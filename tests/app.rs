//! Browser tests of the foundation: the shell, routing, languages, the
//! scenario, persistence and recovery. Run by `wasm-pack test --headless --chrome`.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::state::persist::{encode, BACKUP_KEY, STORAGE_KEY};
use walled_garden::state::seed::seed;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn mounts_with_four_tabs_and_the_seeded_chats() {
    let app = mount_fresh("#/chats").await;
    assert_eq!(
        app.texts("nav.tabbar a .tab-label"),
        ["Chats", "Contacts", "Discover", "Me"]
    );
    assert!(app
        .find("nav.tabbar a.active")
        .text_content()
        .unwrap()
        .contains("Chats"));
    let names = app.texts(".chat-row .cell-title");
    assert_eq!(names.len(), 6, "{names:?}");
    for n in ["Family", "Deals & Coupons", "Li Hua", "Mum"] {
        assert!(names.iter().any(|x| x == n), "{n} missing from {names:?}");
    }
    app.unmount();
}

#[wasm_bindgen_test]
async fn tab_clicks_route_and_back_returns() {
    let app = mount_fresh("#/chats").await;
    app.click("nav.tabbar a:nth-child(2)").await;
    assert_eq!(hash(), "#/contacts");
    assert_eq!(
        app.find(".topbar-title").text_content().unwrap(),
        "Contacts"
    );
    assert!(app.text().contains("Zhang Wei"));

    app.click("nav.tabbar a:nth-child(4)").await;
    assert_eq!(hash(), "#/me");
    assert!(app.root.query_selector("#sc-me-date").unwrap().is_some());

    back().await;
    assert_eq!(hash(), "#/contacts");
    assert_eq!(
        app.find(".topbar-title").text_content().unwrap(),
        "Contacts"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn opening_a_chat_shows_its_log_and_marks_it_read() {
    let app = mount_fresh("#/chats/family").await;
    assert_eq!(app.find(".topbar-title").text_content().unwrap(), "Family");
    let log = app.find("[role=log]");
    assert!(log.text_content().unwrap().contains("Dinner on Saturday"));
    assert!(app.root.query_selector("button.back").unwrap().is_some());
    assert!(app.root.query_selector("nav.tabbar").unwrap().is_none());
    assert_eq!(saved().chat("family").unwrap().unread, 0);
    app.unmount();
}

#[wasm_bindgen_test]
async fn lang_zh_shows_chinese_and_sets_html_lang() {
    let app = mount_fresh("#/chats?lang=zh").await;
    assert_eq!(
        app.texts("nav.tabbar a .tab-label"),
        ["微信", "通讯录", "发现", "我"]
    );
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("zh-CN"));
    assert!(app
        .texts(".chat-row .cell-title")
        .iter()
        .any(|t| t == "相亲相爱一家人"));
    app.unmount();

    // Switching back on Me is instant and complete.
    let app = mount("#/me").await;
    app.select("#me-lang", "en").await;
    assert_eq!(
        app.texts("nav.tabbar a .tab-label"),
        ["Chats", "Contacts", "Discover", "Me"]
    );
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn scenario_parameters_set_the_scenario_before_the_first_render() {
    let app = mount_fresh("#/me?date=2020-02-28&region=overseas&os=android&vpn=on").await;
    let date = app.find("#sc-me-date").dyn_into_input();
    assert_eq!(date.value(), "2020-02-28");
    assert_eq!(
        app.find("#sc-me-region").dyn_into_select().value(),
        "overseas"
    );
    assert_eq!(app.find("#sc-me-os").dyn_into_select().value(), "android");
    assert!(app.find("#sc-me-vpn").dyn_into_input().checked());
    assert!(app.all(".notice").is_empty());
    app.unmount();
}

#[wasm_bindgen_test]
async fn bad_parameters_are_ignored_with_a_visible_notice() {
    let app = mount_fresh("#/me?date=2021-13-45&region=mars").await;
    assert_eq!(app.all("[data-notice=bad-param]").len(), 2);
    assert!(app.text().contains("date=2021-13-45"));
    assert_eq!(
        app.find("#sc-me-date").dyn_into_input().value(),
        "2021-12-01"
    );
    assert_eq!(
        app.find("#sc-me-region").dyn_into_select().value(),
        "mainland"
    );
    // The notice can be dismissed.
    app.click("[data-notice=bad-param] button").await;
    assert_eq!(app.all("[data-notice=bad-param]").len(), 1);
    app.unmount();
}

#[wasm_bindgen_test]
async fn scenario_changes_are_saved_and_survive_a_remount() {
    let app = mount_fresh("#/me").await;
    app.select("#sc-me-region", "overseas").await;
    app.input("#sc-me-date", "2022-01-27").await;
    app.click("#sc-me-vpn").await;
    app.unmount();
    let data = saved();
    assert_eq!(data.scenario.date.to_string(), "2022-01-27");
    assert!(data.scenario.vpn);

    set_hash("#/me");
    let app = mount("#/me").await;
    assert_eq!(
        app.find("#sc-me-region").dyn_into_select().value(),
        "overseas"
    );
    assert_eq!(
        app.find("#sc-me-date").dyn_into_input().value(),
        "2022-01-27"
    );
    assert!(app.find("#sc-me-vpn").dyn_into_input().checked());
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_incomplete_date_keeps_the_old_one_and_says_why() {
    let app = mount_fresh("#/me").await;
    app.input("#sc-me-date", "").await;
    assert!(app
        .find("[role=alert]")
        .text_content()
        .unwrap()
        .contains("complete date"));
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
    assert_eq!(app.all(".chat-row").len(), 6, "seed data is shown");
    assert_eq!(
        saved().chats,
        seed().chats,
        "the seed replaced the broken data"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn newer_data_from_another_tab_is_adopted() {
    let app = mount_fresh("#/chats").await;
    let mut theirs = saved();
    theirs.rev += 10;
    theirs.lang = walled_garden::i18n::Lang::Zh;
    let text = encode(&theirs);
    storage().set_item(STORAGE_KEY, &text).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(STORAGE_KEY));
    init.set_new_value(Some(&text));
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    flush().await;
    assert_eq!(app.texts("nav.tabbar a .tab-label")[0], "微信");
    assert_eq!(app.all("[data-notice=synced]").len(), 1);

    // Older data from another tab is not adopted.
    let mut older = theirs.clone();
    older.rev = 1;
    older.lang = walled_garden::i18n::Lang::En;
    init.set_new_value(Some(&encode(&older)));
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    flush().await;
    assert_eq!(app.texts("nav.tabbar a .tab-label")[0], "微信");
    app.unmount();
}

#[wasm_bindgen_test]
async fn reset_demo_data_asks_first() {
    let app = mount_fresh("#/me?lang=zh").await;
    app.click(".me .btn.danger").await;
    assert!(app.root.query_selector("[role=dialog]").unwrap().is_some());
    // Cancel keeps everything.
    app.click("[role=dialog] .dialog-btn:not(.danger)").await;
    assert!(app.root.query_selector("[role=dialog]").unwrap().is_none());
    assert_eq!(saved().lang, walled_garden::i18n::Lang::Zh);
    // Confirm resets.
    app.click(".me .btn.danger").await;
    app.click("[role=dialog] .dialog-btn.danger").await;
    flush().await;
    assert_eq!(saved().lang, walled_garden::i18n::Lang::En);
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
async fn later_screens_are_honest_placeholders() {
    for hash in ["#/moments", "#/timeline", "#/rules", "#/register"] {
        let app = mount_fresh(hash).await;
        assert!(
            app.root
                .query_selector("[data-screen=coming-soon]")
                .unwrap()
                .is_some(),
            "{hash}"
        );
        app.unmount();
    }
}

/// Casts found elements to form controls.
trait Cast {
    fn dyn_into_input(self) -> web_sys::HtmlInputElement;
    fn dyn_into_select(self) -> web_sys::HtmlSelectElement;
}

impl Cast for web_sys::Element {
    fn dyn_into_input(self) -> web_sys::HtmlInputElement {
        wasm_bindgen::JsCast::dyn_into(self).unwrap()
    }
    fn dyn_into_select(self) -> web_sys::HtmlSelectElement {
        wasm_bindgen::JsCast::dyn_into(self).unwrap()
    }
}

#[wasm_bindgen_test]
async fn a_full_storage_keeps_state_in_memory_and_says_so() {
    let app = mount_fresh("#/me").await;
    // Make every write fail as a full localStorage does.
    let proto = js_sys::Reflect::get(&js_sys::global(), &"Storage".into())
        .and_then(|s| js_sys::Reflect::get(&s, &"prototype".into()))
        .unwrap();
    let original = js_sys::Reflect::get(&proto, &"setItem".into()).unwrap();
    let failing = js_sys::Function::new_with_args(
        "k, v",
        "throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')",
    );
    js_sys::Reflect::set(&proto, &"setItem".into(), &failing).unwrap();

    app.select("#sc-me-region", "overseas").await;
    flush().await;
    assert_eq!(app.all("[data-notice=write-failed]").len(), 1);
    // The change lives on in memory and on screen...
    assert_eq!(
        app.find("#sc-me-region").dyn_into_select().value(),
        "overseas"
    );
    // ...and what was saved before is untouched.
    assert_eq!(
        saved().scenario.region,
        walled_garden::policy::scenario::Region::Mainland
    );

    js_sys::Reflect::set(&proto, &"setItem".into(), &original).unwrap();
    app.unmount();
}
