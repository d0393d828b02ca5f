//! Browser tests of **Suggest a correction** (issue 26): the dialog beside
//! a decision refuses a claim without a source in an alert and keeps what
//! was typed; with a source it shows the correction file (the rules
//! fingerprint, the decision, the claim) with Copy and Download; **Try it
//! in the rules editor** applies a draft rule as custom rules, so that the
//! opener shows the claimed outcome, and Reset to built-in goes back; the
//! same in Chinese.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::policy::fingerprint::Fingerprint;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// The issue's walk: a Taobao link in a group on 2021-12-10 (the late
/// cohort: copy to a browser).
const TAOBAO: &str = "#/open?url=https%3A%2F%2Fm.tb.cn%2Fh.x&in=group&date=2021-12-10";

/// The id the draft rule of a claim about that decision gets.
const DRAFT: &str = "correction-2021-12-10-taobao-group";

fn press_escape(el: &Element) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let esc = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&esc).unwrap();
}

fn focused() -> Option<Element> {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
}

/// Focuses and presses the decision's `name` button; the dialog it opens.
async fn open(app: &Mounted, name: &str) -> (Element, Element) {
    let status = app.find("[role=status][data-outcome]");
    let b = button(&status, name);
    b.dyn_ref::<web_sys::HtmlElement>()
        .unwrap()
        .focus()
        .unwrap();
    click_el(&b).await;
    (b, app.role("dialog", Name::Is(name)))
}

/// Follows a plain link: clicks it and waits for the `hashchange` it
/// causes and the renders after it.
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
    wasm_bindgen_futures::JsFuture::from(changed).await.unwrap();
    flush().await;
    flush().await;
}

/// The texts of the alerts in `dialog`.
fn alerts(dialog: &Element) -> Vec<String> {
    by_role(dialog, "alert", Name::Any)
        .iter()
        .map(text_of)
        .collect()
}

#[wasm_bindgen_test]
async fn a_claim_without_a_source_is_refused_and_keeps_what_was_typed() {
    let app = mount_fresh(TAOBAO).await;
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    let (opener, dialog) = open(&app, "Suggest a correction").await;
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let inside = focused().map(web_sys::Node::from);
    assert!(dialog.contains(inside.as_ref()), "the focus moves in");
    // The form starts from the app's decision and the scenario's day.
    assert_eq!(
        value_of(&control(&dialog, "What you saw")),
        "copy_to_browser"
    );
    assert_eq!(value_of(&control(&dialog, "When")), "2021-12-10");
    assert!(alerts(&dialog).is_empty());

    choose(&control(&dialog, "What you saw"), "open").await;
    fill(&control(&dialog, "What it said"), "<b>opened</b> at once").await;
    click_el(&button(&dialog, "Make correction file")).await;
    let said = alerts(&dialog).join(" ");
    assert!(said.contains("Give a source"), "{said}");
    assert!(by_role(&dialog, "textbox", Name::Is("Correction file")).is_empty());
    assert_eq!(value_of(&control(&dialog, "What you saw")), "open");
    assert_eq!(
        value_of(&control(&dialog, "What it said")),
        "<b>opened</b> at once"
    );
    assert_eq!(value_of(&control(&dialog, "When")), "2021-12-10");
    assert_eq!(
        control(&dialog, "Source")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    // Try it is refused the same way, and nothing is applied.
    click_el(&button(&dialog, "Try it in the rules editor")).await;
    assert!(alerts(&dialog).join(" ").contains("Give a source"));
    assert_eq!(app.status("data-rules-source"), "builtin");

    // The same outcome as the app's with no words: nothing to correct.
    choose(&control(&dialog, "What you saw"), "copy_to_browser").await;
    fill(&control(&dialog, "What it said"), "").await;
    fill(&control(&dialog, "Source"), "https://example.org/report").await;
    click_el(&button(&dialog, "Make correction file")).await;
    assert!(alerts(&dialog)
        .join(" ")
        .contains("That is what the app shows"));

    // Escape closes; the focus goes back; what was typed is still there.
    press_escape(&dialog);
    flush().await;
    assert_eq!(app.dialogs(), 0);
    assert_eq!(focused().as_ref(), Some(&opener), "the focus goes back");
    let (_, dialog) = open(&app, "Suggest a correction").await;
    assert_eq!(
        value_of(&control(&dialog, "Source")),
        "https://example.org/report"
    );
    click_el(&button(&dialog, "Close")).await;
    assert_eq!(app.dialogs(), 0);
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_claim_with_a_source_makes_a_file_and_a_draft_rule_that_decides() {
    let app = mount_fresh(TAOBAO).await;
    let fp = Fingerprint::builtin();
    let (_, dialog) = open(&app, "Suggest a correction").await;
    choose(&control(&dialog, "What you saw"), "open").await;
    fill(
        &control(&dialog, "What it said"),
        "\"}</textarea><script>x</script>",
    )
    .await;
    fill(
        &control(&dialog, "Source"),
        "Doe, J. (2021). A group chat. https://example.org/r",
    )
    .await;
    click_el(&button(&dialog, "Make correction file")).await;
    assert!(alerts(&dialog).is_empty(), "{:?}", alerts(&dialog));

    let text = value_of(&get(&dialog, "textbox", Name::Is("Correction file")));
    let file: serde_json::Value = serde_json::from_str(&text).expect("the file parses");
    assert_eq!(file["rules_fingerprint"]["sha256"], fp.sha256());
    assert_eq!(file["rules_fingerprint"]["label"], fp.label().as_str());
    assert_eq!(file["link"], "https://m.tb.cn/h.x");
    assert_eq!(file["scenario"]["date"], "2021-12-10");
    assert_eq!(file["scenario"]["shared_in"], "group");
    assert_eq!(file["scenario"]["cohort"], "late");
    assert_eq!(file["decision"]["outcome"], "copy_to_browser");
    assert_eq!(file["decision"]["platform"], "taobao");
    assert_eq!(file["claim"]["outcome"], "open");
    assert_eq!(file["claim"]["said"], "\"}</textarea><script>x</script>");
    assert_eq!(file["claim"]["date"], "2021-12-10");
    assert_eq!(
        file["source"],
        "Doe, J. (2021). A group chat. https://example.org/r"
    );
    assert!(file["app_version"].is_string());
    // Hostile text stayed text: no element was made of it.
    assert!(dialog.query_selector("script").unwrap().is_none());
    let copy = button(&dialog, "Copy");
    assert_eq!(
        copy.closest("[data-copy]")
            .unwrap()
            .unwrap()
            .get_attribute("data-copy-text"),
        Some(text.clone())
    );
    button(&dialog, "Download");

    click_el(&button(&dialog, "Try it in the rules editor")).await;
    assert_eq!(app.dialogs(), 0, "the dialog closes on the draft applied");
    assert_eq!(app.status("data-rules-source"), "custom");
    assert_eq!(app.status("data-outcome"), "open");
    assert_eq!(app.status("data-assumption"), "yes");
    assert_eq!(app.status("data-confidence"), "low");
    assert!(
        app.status("data-rules").starts_with(DRAFT),
        "{}",
        app.status("data-rules")
    );
    // The line says so, names the draft and how to go back.
    let line = app.find("[data-correction=applied]");
    assert!(
        text_of(&line).contains("the rules are now custom"),
        "{}",
        text_of(&line)
    );
    assert!(text_of(&line).contains(DRAFT));
    let matrix = get(&line, "link", Name::Is("See the outcome matrix"));
    assert!(matrix
        .get_attribute("href")
        .unwrap()
        .starts_with("#/timeline?"));
    let editor = get(&line, "link", Name::Is("Open the rules editor"));
    assert!(editor
        .get_attribute("href")
        .unwrap()
        .contains(&format!("id={DRAFT}")));
    // The saved data holds the draft as the active rules.
    saves_done().await;
    assert!(saved().custom_rules.unwrap().text().contains(DRAFT));

    // The matrix of that day shows it; coming back, the line is still
    // there (the draft decides); Reset to built-in goes back.
    follow(&matrix).await;
    assert!(hash().starts_with("#/timeline"), "{}", hash());
    assert_eq!(outcome(&app, "taobao", "group"), "open");
    back().await;
    assert_eq!(app.status("data-outcome"), "open");
    let line = app.find("[data-correction=applied]");
    click_el(&button(&line, "Reset to built-in")).await;
    assert_eq!(app.status("data-rules-source"), "builtin");
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    assert!(app.all("[data-correction=applied]").is_empty());
    app.unmount();
}

#[wasm_bindgen_test]
async fn in_chinese() {
    let app = mount_fresh(&(String::from(TAOBAO) + "&lang=zh")).await;
    let (_, dialog) = open(&app, "提出更正").await;
    for name in ["你看到的", "页面上的文字", "日期", "来源"] {
        control(&dialog, name);
    }
    choose(&control(&dialog, "你看到的"), "open").await;
    click_el(&button(&dialog, "生成更正文件")).await;
    let said = alerts(&dialog).join(" ");
    assert!(said.contains("请给出来源"), "{said}");
    assert_eq!(value_of(&control(&dialog, "你看到的")), "open");
    // The outcomes are in words, in Chinese.
    let saw = control(&dialog, "你看到的");
    assert!(!text_of(&saw).contains("Opens"), "{}", text_of(&saw));

    fill(&control(&dialog, "来源"), "某报道，2021 年").await;
    click_el(&button(&dialog, "生成更正文件")).await;
    let text = value_of(&get(&dialog, "textbox", Name::Is("更正文件")));
    assert!(text.contains(Fingerprint::builtin().sha256()), "{text}");
    assert!(text.contains("某报道，2021 年"));
    button(&dialog, "复制");
    button(&dialog, "下载");
    click_el(&button(&dialog, "在规则编辑器中试用")).await;
    assert_eq!(app.status("data-rules-source"), "custom");
    assert_eq!(app.status("data-outcome"), "open");
    let line = app.find("[data-correction=applied]");
    assert!(text_of(&line).contains("自定义规则"), "{}", text_of(&line));
    click_el(&button(&line, "恢复内置规则")).await;
    assert_eq!(app.status("data-rules-source"), "builtin");
    app.unmount();
}
