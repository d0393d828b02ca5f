//! Browser tests of **Cite this** and the rules fingerprint (issue 26):
//! the dialog beside a decision (text, BibTeX, CSL-JSON and the permalink,
//! each with **Copy**; Escape closes it and the focus goes back), in
//! English and Chinese; the matrix, What changed and a record entry cite
//! themselves; the fingerprint shows in Why and on Me.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::policy::fingerprint::Fingerprint;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// The walk: a Taobao link in a group on 2021-12-10.
const TAOBAO: &str = "#/open?url=https%3A%2F%2Fm.tb.cn%2Fh.x&in=group&date=2021-12-10";

fn press_escape(el: &Element) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    // As a key press is: a layer that handles it says so.
    init.set_cancelable(true);
    let esc = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&esc).unwrap();
}

/// Focuses `button` (as a tap or the keyboard leaves it), presses it and
/// returns the dialog named `name` it opens.
async fn open(app: &Mounted, button: &Element, name: &str) -> Element {
    button
        .dyn_ref::<web_sys::HtmlElement>()
        .unwrap()
        .focus()
        .unwrap();
    click_el(button).await;
    app.role("dialog", Name::Is(name))
}

/// The value of the read-only field named `name` in `dialog`.
fn field(dialog: &Element, name: &str) -> String {
    value_of(&get(dialog, "textbox", Name::Is(name)))
}

fn focused() -> Option<Element> {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
}

#[wasm_bindgen_test]
async fn a_decision_cites_itself_with_the_fingerprint_and_the_record() {
    let app = mount_fresh(TAOBAO).await;
    let fp = Fingerprint::builtin();
    let status = app.find("[role=status][data-outcome]");
    let cite = button(&status, "Cite this");
    let dialog = open(&app, &cite, "Cite this").await;
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let inside = focused().expect("a focused element");
    assert!(dialog.contains(Some(&inside)), "the focus moves in");

    let bib = field(&dialog, "BibTeX");
    assert!(bib.starts_with("@misc{walledgarden-"), "{bib}");
    assert!(
        bib.contains(fp.short()) && bib.contains(fp.sha256()),
        "{bib}"
    );
    for id in ["R-2021-09-17", "R-2013-11"] {
        assert!(bib.contains(id), "{id}: {bib}");
    }
    let text = field(&dialog, "Text");
    for words in [
        "Walled Garden (version ",
        "https://m.tb.cn/h.x",
        "Date: 2021-12-10",
        "Shared in: Group chat",
        "Region: Mainland China",
        "Phone: iOS",
        "VPN off",
        "Cohort: Late",
        "Outcome: Does not open: copy it to a browser",
        "Record: R-2021-09-17 (The Record, ",
        "Made: ",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    assert!(
        text.contains(&(String::from("Rules fingerprint: ") + fp.short())),
        "{text}"
    );
    let csl: serde_json::Value = serde_json::from_str(&field(&dialog, "CSL-JSON")).unwrap();
    assert_eq!(csl[0]["author"][0]["literal"], "Walled Garden");
    assert!(csl[0]["note"].as_str().unwrap().contains("R-2021-09-17"));
    let link = field(&dialog, "Permalink");
    assert!(
        link.contains(&(String::from(TAOBAO) + "&region=mainland")),
        "{link}"
    );
    assert_eq!(csl[0]["URL"], link.as_str());

    // Each form has its own Copy, in its own group.
    for form in ["Text", "BibTeX", "CSL-JSON", "Permalink"] {
        let group = get(&dialog, "group", Name::Is(form));
        let copy = button(&group, "Copy");
        assert!(copy.closest("[data-copy]").unwrap().is_some());
    }
    let group = get(&dialog, "group", Name::Is("BibTeX"));
    let copy = button(&group, "Copy");
    click_el(&copy).await;
    let mut state = String::from("idle");
    for _ in 0..200 {
        state = copy
            .closest("[data-copy]")
            .unwrap()
            .unwrap()
            .get_attribute("data-copy")
            .unwrap();
        if state != "idle" {
            break;
        }
        flush().await;
    }
    assert_ne!(state, "idle");
    assert_eq!(
        copy.closest("[data-copy]")
            .unwrap()
            .unwrap()
            .get_attribute("data-copy-text"),
        Some(bib)
    );

    press_escape(&dialog);
    flush().await;
    assert_eq!(app.dialogs(), 0);
    assert_eq!(focused().as_ref(), Some(&cite), "the focus goes back");
    // Close does the same.
    let dialog = open(&app, &cite, "Cite this").await;
    click_el(&button(&dialog, "Close")).await;
    assert_eq!(app.dialogs(), 0);
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_citation_speaks_chinese() {
    let app = mount_fresh(&(String::from(TAOBAO) + "&lang=zh")).await;
    let fp = Fingerprint::builtin();
    let status = app.find("[role=status][data-outcome]");
    let dialog = open(&app, &button(&status, "引用"), "引用").await;
    let text = field(&dialog, "文本");
    for words in [
        "围墙花园（版本 ",
        "分享到：群聊",
        "地区：中国大陆",
        "结果：无法打开",
        "记录：R-2021-09-17",
        "生成于：",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    assert!(
        text.contains(&(String::from("规则指纹：") + fp.short())),
        "{text}"
    );
    assert!(field(&dialog, "BibTeX").contains(fp.short()));
    assert!(field(&dialog, "永久链接").contains("lang=zh"));
    assert_eq!(by_role(&dialog, "button", Name::Is("复制")).len(), 4);
    press_escape(&dialog);
    flush().await;
    assert_eq!(app.dialogs(), 0);
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_fingerprint_shows_in_why_and_on_me() {
    let fp = Fingerprint::builtin();
    let app = mount_fresh(TAOBAO).await;
    let status = app.find("[role=status][data-outcome]");
    let line = status
        .query_selector("#why [data-rules-sha256]")
        .unwrap()
        .expect("Why's line");
    assert_eq!(
        line.get_attribute("data-rules-sha256").as_deref(),
        Some(fp.sha256())
    );
    assert_eq!(
        text_of(&line),
        String::from("Rules fingerprint: ") + fp.short()
    );
    app.unmount();

    let app = mount_fresh("#/me").await;
    let line = app.find("[data-rules-sha256]");
    assert_eq!(
        text_of(&line),
        String::from("Rules fingerprint: ") + fp.short()
    );
    app.unmount();
    let app = mount_fresh("#/me?lang=zh").await;
    let line = app.find("[data-rules-sha256]");
    assert_eq!(
        text_of(&line),
        String::from("规则指纹：「") + fp.short() + "」"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_matrix_what_changed_and_each_entry_cite_themselves() {
    let app = mount_fresh("#/timeline?date=2021-12-10").await;
    // The matrix's stands right after it, first on the screen.
    let matrix = app.roles("button", Name::Is("Cite this")).remove(0);
    let dialog = open(&app, &matrix, "Cite this").await;
    let bib = field(&dialog, "BibTeX");
    assert!(bib.contains("Outcome matrix: 2021-12-10"), "{bib}");
    assert!(bib.contains("R-2021-09-17"), "{bib}");
    assert!(field(&dialog, "Permalink").contains("#/timeline?date=2021-12-10&"));
    press_escape(&dialog);
    flush().await;
    assert_eq!(app.dialogs(), 0);

    // What changed cites the two days it compared.
    let changes = app.role("region", Name::Is("What changed"));
    assert!(by_role(&changes, "button", Name::Is("Cite this")).is_empty());
    app.fill("From", "2021-09-16").await;
    app.fill("To", "2021-09-18").await;
    click_el(&button(&changes, "Compare")).await;
    let dialog = open(&app, &button(&changes, "Cite this"), "Cite this").await;
    let text = field(&dialog, "Text");
    assert!(
        text.contains("What changed: 2021-09-16 – 2021-09-18"),
        "{text}"
    );
    assert!(text.contains("R-2021-09-17"), "{text}");
    press_escape(&dialog);
    flush().await;

    // Every record card has its own; one names its entry and sources.
    let cards = app.all("article[id]");
    assert!(!cards.is_empty());
    for card in &cards {
        let id = card.id();
        let cite = button(card, "Cite this");
        assert_eq!(cite.get_attribute("data-cite"), Some(id));
    }
    let card = app.find("article[id=\"R-2021-09-17\"]");
    let dialog = open(&app, &button(&card, "Cite this"), "Cite this").await;
    let text = field(&dialog, "Text");
    assert!(text.contains("Record entry: R-2021-09-17"), "{text}");
    assert!(text.contains("The Record, "), "{text}");
    assert!(field(&dialog, "Permalink").contains("#/timeline?id=R-2021-09-17&"));
    press_escape(&dialog);
    flush().await;
    assert_eq!(app.dialogs(), 0);
    app.unmount();
}

#[wasm_bindgen_test]
async fn over_a_chat_escape_closes_the_citation_not_the_link_dialog() {
    let app = mount_fresh("#/chats/chenjing?date=2021-10-01").await;
    app.click("[role=log] [data-display=card]").await;
    let overlay = app.role("dialog", Name::Has("v.douyin.com"));
    let dialog = open(&app, &button(&overlay, "Cite this"), "Cite this").await;
    assert_eq!(app.dialogs(), 2);
    assert!(field(&dialog, "Text").contains("Shared in: One-to-one chat"));
    press_escape(&dialog);
    flush().await;
    assert_eq!(app.dialogs(), 1, "only the citation closed");
    app.role("dialog", Name::Has("v.douyin.com"));
    app.unmount();
}
