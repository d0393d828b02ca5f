//! Browser tests of issue 19: nothing lost across tabs (two app instances in
//! one page share localStorage and the Web Lock, as two tabs do), and the
//! export and import of all data on Me.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::i18n::T;
use walled_garden::lang::Lang;
use walled_garden::policy::scenario::Region;
use walled_garden::state::chats::ChatsAction;
use walled_garden::state::persist::{decode, encode, STORAGE_KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Tells every app in the page that "another tab" saved what storage holds
/// now, as the browser does with a `storage` event.
async fn storage_event() {
    let text = storage().get_item(STORAGE_KEY).unwrap().unwrap();
    common::storage_event(&text);
    flush().await;
}

fn log_texts(app: &Mounted) -> Vec<String> {
    app.messages()
        .iter()
        .filter_map(|m| m.query_selector("[data-bubble]").unwrap())
        .map(|b| text_of(&b))
        .collect()
}

#[wasm_bindgen_test]
async fn two_tabs_sending_at_once_keep_both_messages_after_a_reload() {
    let a = mount_fresh("#/chats/family").await;
    let b = mount("#/chats/family").await;
    a.fill("Message", "Sent in tab A").await;
    b.fill("Message", "Sent in tab B").await;
    // Send in both at the same moment: no render, no save in between.
    for app in [&a, &b] {
        app.button("Send")
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap()
            .click();
    }
    flush().await;
    storage_event().await;
    for app in [&a, &b] {
        let texts = log_texts(app);
        assert!(texts.iter().any(|t| t == "Sent in tab A"), "{texts:?}");
        assert!(texts.iter().any(|t| t == "Sent in tab B"), "{texts:?}");
    }
    a.unmount();
    b.unmount();
    let again = mount("#/chats/family").await;
    let texts = log_texts(&again);
    let n = texts.len();
    let mut last_two = texts[n - 2..].to_vec();
    last_two.sort();
    assert_eq!(last_two, ["Sent in tab A", "Sent in tab B"], "{texts:?}");
    again.unmount();
}

/// The Moments post whose text contains `text`.
fn post(app: &Mounted, text: &str) -> web_sys::Element {
    app.all("article[data-post]")
        .into_iter()
        .find(|p| text_of(p).contains(text))
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_like_and_a_comment_made_at_once_in_two_tabs_both_survive() {
    let a = mount_fresh("#/moments").await;
    let b = mount("#/moments").await;
    click_el(&button(&post(&b, "Coffee and a cat"), "Comment")).await;
    fill(
        &control(&post(&b, "Coffee and a cat"), "Comment text"),
        "Lovely cat",
    )
    .await;
    // Like in one tab and send the comment in the other at the same moment.
    for (app, name) in [(&a, "Like"), (&b, "Send")] {
        let el = button(&post(app, "Coffee and a cat"), name);
        el.dyn_into::<web_sys::HtmlElement>().unwrap().click();
    }
    flush().await;
    storage_event().await;
    a.unmount();
    b.unmount();
    let again = mount("#/moments").await;
    let t = text_of(&post(&again, "Coffee and a cat"));
    assert!(
        t.contains("Wang Fang, Sun Li, Zhao Lei, Alex Chen"),
        "the like: {t}"
    );
    assert!(t.contains("Alex Chen: Lovely cat"), "the comment: {t}");
    again.unmount();
}

#[wasm_bindgen_test]
async fn a_message_to_a_chat_deleted_in_another_tab_is_dropped_with_a_notice() {
    let app = mount_fresh("#/chats/mum").await;
    app.fill("Message", "Are you home?").await;
    // Another tab deletes the chat; this tab hears nothing before it sends.
    let mut theirs = saved();
    walled_garden::state::chats::reduce(&mut theirs.chats, ChatsAction::Delete("mum".into()));
    theirs.rev += 1;
    storage().set_item(STORAGE_KEY, &encode(&theirs)).unwrap();
    app.press("Send").await;
    flush().await;
    let notice = text_of(&app.find("[data-notice=dropped]"));
    assert!(
        notice.contains("Are you home?") && notice.contains("deleted in another tab"),
        "{notice}"
    );
    assert!(app.text().contains(T::ChatNotFound.tr(Lang::En)));
    assert!(saved().chat("mum").is_none());
    app.unmount();
}

/// Clicks "Export my data" with the download intercepted; returns the file.
async fn export(app: &Mounted) -> String {
    let anchor = app.find("a[download=\"walled-garden-data.json\"]");
    let cb = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default()
    });
    anchor
        .add_event_listener_with_callback("click", cb.as_ref().unchecked_ref())
        .unwrap();
    app.press("Export my data").await;
    let href = anchor.get_attribute("href").unwrap();
    let text = blob_text(&href).await;
    anchor
        .remove_event_listener_with_callback("click", cb.as_ref().unchecked_ref())
        .unwrap();
    text
}

/// Chooses a file holding `text` (or `bytes` zero bytes) in the import
/// picker, as the file dialog does, and waits until it is read.
async fn choose_file(app: &Mounted, text: &str, bytes: f64) {
    let import = [Lang::En, Lang::Zh].map(|l| T::ImportData.tr(l));
    app.press(import.into_iter().find(|n| app.has_button(n)).unwrap())
        .await;
    let input = app.find("input[type=file]");
    let pick = js_sys::Function::new_with_args(
        "input, text, bytes",
        "const dt = new DataTransfer();
         const body = bytes > 0 ? new Uint8Array(bytes) : text;
         dt.items.add(new File([body], 'data.json', { type: 'application/json' }));
         input.files = dt.files;
         input.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    pick.call3(
        &wasm_bindgen::JsValue::NULL,
        &input,
        &text.into(),
        &bytes.into(),
    )
    .unwrap();
    // Reading the file takes a few tasks: until it says something.
    for _ in 0..200 {
        flush().await;
        if app.dialogs() > 0 || !app.roles("alert", Name::Any).is_empty() {
            break;
        }
    }
}

#[wasm_bindgen_test]
async fn export_then_import_round_trips_byte_for_byte() {
    let app = mount_fresh("#/me").await;
    app.choose("Region", "overseas").await;
    let file = export(&app).await;
    assert!(
        file.starts_with("{\"app\":\"walled-garden\",\"version\":1,"),
        "{file}"
    );
    let before = saved();

    // Reset, then import the file back.
    app.press("Reset demo data").await;
    click_el(&button(&app.dialog(), "Reset")).await;
    assert_eq!(saved().scenario.region, Region::Mainland);
    let reset_text = storage().get_item(STORAGE_KEY).unwrap().unwrap();
    choose_file(&app, &file, 0.0).await;
    let dialog = app.role("dialog", Name::Is("Replace all data with this file?"));
    click_el(&button(&dialog, "Replace")).await;
    flush().await;

    let after = saved();
    assert_eq!(after.scenario.region, Region::Overseas);
    assert!(hash().contains("region=overseas"), "{}", hash());
    assert_eq!(app.value("Region"), "overseas", "the screen shows it too");
    assert_eq!(app.all("[data-notice=imported]").len(), 1);
    assert!(after.rev > before.rev, "other tabs take it as newer data");
    assert_eq!(
        walled_garden::state::model::Data { rev: 0, ..after },
        walled_garden::state::model::Data { rev: 0, ..before }
    );
    assert_eq!(export(&app).await, file, "byte for byte");
    // What was there before the import is kept.
    let kept = storage()
        .get_item("walled-garden.before-import")
        .unwrap()
        .unwrap();
    assert_eq!(decode(&kept).unwrap(), decode(&reset_text).unwrap());
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_broken_import_changes_nothing_and_says_why() {
    let app = mount_fresh("#/me").await;
    let file = export(&app).await;
    let stored = storage().get_item(STORAGE_KEY).unwrap().unwrap();
    let cases: [(&str, f64, &str); 4] = [
        ("not json at all", 0.0, "not a Walled Garden data file"),
        (&file[..file.len() / 2], 0.0, "damaged"),
        ("", 10.0 * 1024.0 * 1024.0 + 1.0, "larger than 10 MB"),
        (
            &file.replacen("\"version\":1", "\"version\":9", 1),
            0.0,
            "newer version",
        ),
    ];
    for (text, bytes, says) in cases {
        choose_file(&app, text, bytes).await;
        let alert = text_of(&app.role("alert", Name::Any));
        assert!(
            alert.contains(says) && alert.contains("Nothing was changed"),
            "{alert}"
        );
        assert_eq!(app.dialogs(), 0);
        assert_eq!(storage().get_item(STORAGE_KEY).unwrap().unwrap(), stored);
    }
    // Cancelling a valid file changes nothing either.
    choose_file(&app, &file.replacen("\"mainland\"", "\"overseas\"", 1), 0.0).await;
    click_el(&button(&app.dialog(), "Cancel")).await;
    assert_eq!(saved().scenario.region, Region::Mainland);
    assert_eq!(storage().get_item(STORAGE_KEY).unwrap().unwrap(), stored);
    app.unmount();

    // In Chinese, the reason is in Chinese.
    let app = mount_fresh("#/me?lang=zh").await;
    choose_file(&app, "{}", 0.0).await;
    let alert = text_of(&app.role("alert", Name::Any));
    assert!(
        alert.contains("不是围墙花园的数据文件") && !alert.contains("Not"),
        "{alert}"
    );
    app.unmount();
}
