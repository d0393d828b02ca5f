//! Browser tests of the rules editor (issue 17, moved out of
//! time_travel.rs): edit, Validate, Apply and Reset; import and export.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The editor's text.
fn editor(app: &Mounted) -> String {
    app.value("Rules file")
}

/// The built-in file with the rule `id`'s outcome changed from `from` to `to`.
fn edited(text: &str, id: &str, from: &str, to: &str) -> String {
    let at = text.find(&format!("\"id\": \"{id}\"")).expect(id);
    let (head, tail) = text.split_at(at);
    head.to_string()
        + &tail.replacen(
            &format!("\"outcome\": \"{from}\""),
            &format!("\"outcome\": \"{to}\""),
            1,
        )
}

/// The opener's decision of a Douyin link in a group chat on 2022-02-01.
async fn douyin_in_a_group() -> (String, String, String) {
    let app = mount("#/open?url=https%3A%2F%2Fv.douyin.com%2Fx%2F&in=group&date=2022-02-01").await;
    let out = (
        app.status("data-outcome"),
        app.status("data-rules-source"),
        text_of(&app.find("#why")),
    );
    app.unmount();
    out
}

#[wasm_bindgen_test]
async fn edit_validate_apply_and_reset_the_rules() {
    let app = mount_fresh("#/rules?date=2022-02-01").await;
    let builtin = editor(&app);
    assert!(builtin.contains("\"id\": \"default-open\""));
    assert!(app.all("[data-rules-source=custom]").is_empty());
    app.press("Validate").await;
    assert!(said(&app, "status", "Valid:").unwrap().contains("rules"));

    // Broken on purpose: a precise error, and nothing changes.
    let broken = builtin.replacen(
        "\"outcome\": \"copy_to_browser\"",
        "\"outcome\": \"copy\"",
        1,
    );
    app.fill("Rules file", &broken).await;
    app.press("Apply").await;
    let alert = app.role("alert", Name::Any);
    let first = get(&alert, "button", Name::Any);
    let msg = text_of(&first);
    assert!(msg.starts_with("line "), "{msg}");
    assert!(msg.contains("taobao-copy-2013-11: outcome: "), "{msg}");
    let line: usize = first.get_attribute("data-line").unwrap().parse().unwrap();
    assert!(broken
        .lines()
        .nth(line - 1)
        .unwrap()
        .contains("\"outcome\": \"copy\""));
    // A click puts the cursor there.
    click_el(&first).await;
    let area = app
        .control("Rules file")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap();
    let at = area.selection_start().unwrap().unwrap() as usize;
    let before: String = broken
        .encode_utf16()
        .take(at)
        .map(|u| char::from_u32(u as u32).unwrap_or(' '))
        .collect();
    assert_eq!(before.matches('\n').count() + 1, line);
    assert!(
        saved().custom_rules.is_none(),
        "an invalid file is never applied"
    );
    assert!(app.all("[data-rules-source=custom]").is_empty());
    app.unmount();
    assert_eq!(douyin_in_a_group().await.0, "copy_to_browser");

    // Unblock Douyin in groups and apply.
    let app = mount("#/rules?date=2022-02-01").await;
    // The page of Douyin in groups is inherited from its own earlier rule
    // (groups keep "each platform's own earlier page"): edit that one.
    let unblocked = edited(&builtin, "douyin-copy-2018-03", "copy_to_browser", "open");
    app.fill("Rules file", &unblocked).await;
    app.press("Apply").await;
    assert!(said(&app, "status", "Applied")
        .unwrap()
        .contains("every decision"));
    assert!(saved().custom_rules.is_some());
    assert_eq!(
        app.roles("link", Name::Is("Custom rules")).len(),
        1,
        "flagged in the top bar"
    );
    app.unmount();
    let (out, source, why) = douyin_in_a_group().await;
    assert_eq!((out.as_str(), source.as_str()), ("open", "custom"));
    assert!(why.contains("Decided by your own rules"), "{why}");

    // A group chat follows too: its link card.
    let app = mount("#/chats/family?date=2022-02-01").await;
    app.fill("Message", "https://v.douyin.com/abc/").await;
    app.press("Send").await;
    let last = app.messages().pop().unwrap();
    let card = last.query_selector("[data-rules-source]").unwrap().unwrap();
    assert_eq!(
        card.get_attribute("data-rules-source").as_deref(),
        Some("custom")
    );
    assert_eq!(card.get_attribute("data-outcome").as_deref(), Some("open"));
    // The matrix too, and it survives a reload.
    app.unmount();
    let app = mount("#/timeline?date=2022-02-01").await;
    assert_eq!(outcome(&app, "douyin", "group"), "open");
    assert_eq!(
        cell(&app, "douyin", "group")
            .get_attribute("data-rules-source")
            .as_deref(),
        Some("custom")
    );
    app.unmount();

    // An invalid file now leaves the custom rules in force.
    let app = mount("#/rules?date=2022-02-01").await;
    assert_eq!(editor(&app), unblocked, "the applied file is shown again");
    app.fill("Rules file", "{ \"format\": 1, ").await;
    app.press("Apply").await;
    assert!(text_of(&app.role("alert", Name::Any)).contains("line 1, column"));
    app.unmount();
    assert_eq!(douyin_in_a_group().await.0, "open");

    // Reset to built-in.
    let app = mount("#/rules?date=2022-02-01").await;
    app.press("Reset to built-in").await;
    assert!(saved().custom_rules.is_none());
    assert!(app.roles("link", Name::Is("Custom rules")).is_empty());
    assert_eq!(editor(&app), builtin);
    app.unmount();
    let (out, source, _) = douyin_in_a_group().await;
    assert_eq!(
        (out.as_str(), source.as_str()),
        ("copy_to_browser", "builtin")
    );
}

thread_local! {
    /// Puts a file made of `parts` (strings or byte arrays) into a file
    /// input and fires `change`, as choosing it in the picker does.
    static CHOOSE: js_sys::Function = js_sys::Function::new_with_args(
        "input, parts",
        "const dt = new DataTransfer();
         dt.items.add(new File(parts, 'rules.json', { type: 'application/json' }));
         input.files = dt.files;
         input.dispatchEvent(new Event('change', { bubbles: true }));",
    );
}

/// What the editor says about imports: its alert or status starting with
/// "Not imported" or "Imported".
fn import_note(app: &Mounted) -> Option<String> {
    said(app, "alert", "Not imported").or_else(|| said(app, "status", "Imported"))
}

/// Imports a file of `parts` and waits until the editor says something
/// other than `before`.
async fn import(app: &Mounted, parts: js_sys::Array, before: &Option<String>) -> String {
    let input = app.find("input[type=file]");
    CHOOSE
        .with(|f| f.call2(&JsValue::NULL, &input, &parts))
        .unwrap();
    for _ in 0..200 {
        flush().await;
        if let Some(now) = import_note(app).filter(|n| Some(n) != before.as_ref()) {
            return now;
        }
    }
    panic!("the import never finished");
}

#[wasm_bindgen_test]
async fn import_refuses_bad_files_and_export_downloads_the_active_file() {
    let app = mount_fresh("#/rules").await;
    let builtin = editor(&app);
    let bytes = |v: &[u8]| js_sys::Array::of1(&js_sys::Uint8Array::from(v));
    let mut note = None;
    for (parts, says) in [
        (
            js_sys::Array::of1(&"not json".into()),
            "the file is not JSON. line 1, column 1",
        ),
        (bytes(&[b'{', 0xff, b'}']), "not UTF-8"),
        (
            js_sys::Array::of1(&js_sys::Uint8Array::new_with_length(5 * 1024 * 1024 + 1)),
            "larger than 5 MB",
        ),
    ] {
        let said = import(&app, parts, &note).await;
        assert!(said.contains(says), "{said}");
        assert_eq!(editor(&app), builtin, "changes nothing");
        note = Some(said);
    }
    // A valid file goes into the editor, validated, not yet applied.
    let other = builtin.replacen("\"priority\": 0", "\"priority\": 1", 1);
    assert_ne!(other, builtin);
    let said = import(&app, js_sys::Array::of1(&other.clone().into()), &note).await;
    assert!(said.starts_with("Imported"), "{said}");
    assert_eq!(editor(&app), other);
    assert!(saved().custom_rules.is_none());
    // Export: the active file (still the built-in one), the download
    // intercepted.
    let link = app.role("link", Name::Is("Export"));
    assert_eq!(
        link.get_attribute("download").as_deref(),
        Some("rules.json")
    );
    let cb = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default()
    });
    link.add_event_listener_with_callback("click", cb.as_ref().unchecked_ref())
        .unwrap();
    click_el(&link).await;
    let href = link.get_attribute("href").unwrap();
    let text = blob_text(&href).await;
    drop(cb);
    assert_eq!(text, builtin);
    app.unmount();
}
