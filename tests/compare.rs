//! Browser tests of Compare (`#/compare`, issue 26): one link in two
//! scenarios, each side the usual decision element with `data-side`, the
//! line of differences above them, the address as the state, Compare…
//! from the opener and from What changed, a bad parameter on one side, and
//! the names in Chinese.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// Taobao in a group on 2021-12-10: the late cohort copies it to a
/// browser, the early one (the pilot) opens it.
const TAOBAO: &str =
    "#/compare?url=https%3A%2F%2Fm.tb.cn%2Fh.x&in=group&a.date=2021-12-10&b.date=2021-12-10";

/// The decision element of `side`.
fn side(app: &Mounted, side: &str) -> Element {
    app.find(&format!(
        "[role=status][data-outcome][data-side=\"{side}\"]"
    ))
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

/// The line of differences.
fn line(app: &Mounted) -> Element {
    app.find("[data-differences]")
}

/// Follows a link of present's markup: clicks it and waits for the
/// `hashchange` it causes and the renders after it.
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

#[wasm_bindgen_test]
async fn two_cohorts_side_by_side_and_what_differs() {
    let app = mount_fresh(&(String::from(TAOBAO) + "&b.cohort=early")).await;
    assert_eq!(app.title(), "Compare");
    assert_eq!(app.all("[role=status][data-side]").len(), 2);
    let (a, b) = (side(&app, "a"), side(&app, "b"));
    assert_eq!(attr(&a, "data-outcome"), "copy_to_browser");
    assert_eq!(attr(&b, "data-outcome"), "open");
    for el in [&a, &b] {
        assert_eq!(attr(el, "data-platform"), "taobao");
        assert_eq!(attr(el, "data-host"), "m.tb.cn");
        for name in [
            "data-share",
            "data-rules",
            "data-confidence",
            "data-assumption",
        ] {
            assert!(!attr(el, name).is_empty(), "{name}");
        }
        assert_eq!(attr(el, "data-reachable"), "yes");
        assert_eq!(attr(el, "data-rules-source"), "builtin");
    }
    assert_ne!(attr(&a, "data-rules"), attr(&b, "data-rules"));
    // The line is above both, not a status, and names every difference.
    let l = line(&app);
    assert!(l.get_attribute("role").is_none());
    let kinds = attr(&l, "data-differences");
    assert!(kinds.starts_with("outcome"), "{kinds}");
    assert!(kinds.contains("rules"), "{kinds}");
    let words = text_of(&l);
    assert!(
        words.contains("outcome A Copy to browser, B Opens"),
        "{words}"
    );
    let first_rule_of = |el: &Element| {
        attr(el, "data-rules")
            .split(' ')
            .next()
            .unwrap()
            .to_string()
    };
    assert!(words.contains(&first_rule_of(&a)), "{words}");
    assert!(words.contains(&first_rule_of(&b)), "{words}");
    // The fields show the address.
    assert_eq!(app.value("Link"), "https://m.tb.cn/h.x");
    assert_eq!(app.value("Shared in"), "group");
    assert_eq!(app.value("A date"), "2021-12-10");
    assert_eq!(app.value("A cohort"), "late");
    assert_eq!(app.value("B cohort"), "early");
    for name in ["A region", "A phone", "B region", "B phone", "B date"] {
        app.control(name);
    }
    assert!(!app.checked("A VPN") && !app.checked("B VPN"));
    // Each side's cohort line is its own.
    assert!(text_of(&b).contains("Early (got rollouts first)"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn compare_from_the_opener_starts_with_both_sides_equal() {
    let app = mount_fresh("#/open?url=https%3A%2F%2Fm.tb.cn%2Fh.x&in=group&date=2021-12-10").await;
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    app.press("Compare…").await;
    let h = hash();
    assert!(
        h.starts_with("#/compare?url=https%3A%2F%2Fm.tb.cn%2Fh.x&in=group&a.date=2021-12-10"),
        "{h}"
    );
    assert!(h.contains("&b.date=2021-12-10&"), "{h}");
    let (a, b) = (side(&app, "a"), side(&app, "b"));
    assert_eq!(attr(&a, "data-outcome"), "copy_to_browser");
    for name in [
        "data-outcome",
        "data-rules",
        "data-share",
        "data-confidence",
    ] {
        assert_eq!(attr(&a, name), attr(&b, name), "{name}");
    }
    assert_eq!(attr(&line(&app), "data-differences"), "");
    // Then the done criterion: B's cohort early, and the difference named.
    app.choose("B cohort", "early").await;
    assert!(hash().contains("b.cohort=early"), "{}", hash());
    assert_eq!(attr(&side(&app, "b"), "data-outcome"), "open");
    assert!(text_of(&line(&app)).contains("Copy to browser, B Opens"));
    // Back returns to the opener's decision.
    back().await;
    assert!(hash().starts_with("#/open?"), "{}", hash());
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    app.unmount();
}

#[wasm_bindgen_test]
async fn compare_from_a_row_of_what_changed() {
    let app = mount_fresh("#/timeline?date=2021-10-01").await;
    app.fill("From", "2021-09-16").await;
    app.fill("To", "2021-09-17").await;
    app.press("Compare").await;
    let row = app.find("li[data-platform=\"douyin\"][data-context=\"chat\"]");
    let link = get(&row, "link", Name::Is("Compare side by side"));
    follow(&link).await;
    let h = hash();
    assert!(h.starts_with("#/compare?"), "{h}");
    assert!(
        h.contains("a.date=2021-09-16") && h.contains("b.date=2021-09-17"),
        "{h}"
    );
    assert_eq!(app.value("Shared in"), "chat");
    assert_eq!(app.value("A date"), "2021-09-16");
    assert_eq!(app.value("B date"), "2021-09-17");
    let (a, b) = (side(&app, "a"), side(&app, "b"));
    assert_eq!(attr(&a, "data-platform"), "douyin");
    assert_eq!(attr(&a, "data-outcome"), attr(&row, "data-from"));
    assert_eq!(attr(&b, "data-outcome"), attr(&row, "data-to"));
    assert_eq!(attr(&b, "data-outcome"), "confirm");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_change_of_b_updates_the_address_and_b_only() {
    let app = mount_fresh(TAOBAO).await;
    let a = side(&app, "a");
    let a_rules = attr(&a, "data-rules");
    assert_eq!(attr(&side(&app, "b"), "data-outcome"), "copy_to_browser");
    app.choose("B cohort", "early").await;
    let h = hash();
    assert!(
        h.contains("b.cohort=early") && h.contains("a.cohort=late"),
        "{h}"
    );
    assert_eq!(attr(&side(&app, "b"), "data-outcome"), "open");
    // A is the same element, unchanged.
    assert!(side(&app, "a").is_same_node(Some(&a)));
    assert_eq!(attr(&a, "data-outcome"), "copy_to_browser");
    assert_eq!(attr(&a, "data-rules"), a_rules);
    // More fields: B's VPN and date, A's region.
    click_el(&app.control("B VPN")).await;
    assert!(hash().contains("b.vpn=on"), "{}", hash());
    assert!(app.checked("B VPN") && !app.checked("A VPN"));
    app.fill("B date", "2022-02-01").await;
    assert!(hash().contains("b.date=2022-02-01"), "{}", hash());
    app.choose("A region", "overseas").await;
    assert!(hash().contains("a.region=overseas"), "{}", hash());
    assert_eq!(app.value("B region"), "mainland");
    // A typed address applies at once, to the selects too.
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
    w.location()
        .set_hash(&(String::from(TAOBAO) + "&b.cohort=early&a.cohort=early"))
        .unwrap();
    JsFuture::from(changed).await.unwrap();
    flush().await;
    assert_eq!(app.value("A cohort"), "early");
    assert_eq!(app.value("A region"), "mainland");
    assert_eq!(attr(&side(&app, "a"), "data-outcome"), "open");
    assert_eq!(attr(&line(&app), "data-differences"), "");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_bad_parameter_on_one_side_is_named_and_the_other_kept() {
    let app = mount_fresh(
        &(String::from(TAOBAO).replace("b.date=2021-12-10", "b.date=2030-01-01")
            + "&a.cohort=early"),
    )
    .await;
    let notice = app.find("[role=alert][data-side=\"b\"]");
    assert_eq!(attr(&notice, "data-param"), "date");
    let t = text_of(&notice);
    assert!(t.starts_with("B: date ignored"), "{t}");
    assert!(t.contains("b.date=2030-01-01"), "{t}");
    assert!(app.all("[role=alert][data-side=\"a\"]").is_empty());
    // A as asked; B falls back to A's day, its other fields kept.
    assert_eq!(attr(&side(&app, "a"), "data-outcome"), "open");
    assert_eq!(app.value("A date"), "2021-12-10");
    assert_eq!(app.value("B date"), "2021-12-10");
    assert_eq!(app.value("B cohort"), "early");
    // A change writes a good address: the notice goes.
    app.choose("B cohort", "late").await;
    assert!(app.all("[role=alert][data-side]").is_empty());
    assert!(hash().contains("b.date=2021-12-10"), "{}", hash());
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_names_in_chinese() {
    let app = mount_fresh(&(String::from(TAOBAO) + "&b.cohort=early&b.os=windows&lang=zh")).await;
    assert_eq!(app.title(), "比较");
    for side in ["A", "B"] {
        for field in ["日期", "地区", "手机", "VPN", "灰度批次"] {
            app.control(&format!("{side} {field}"));
        }
    }
    app.control("链接");
    app.control("分享到");
    let words = text_of(&line(&app));
    assert!(
        words.contains("不同之处") && words.contains("结果 A 需复制，B 直接打开"),
        "{words}"
    );
    let notice = text_of(&app.find("[role=alert][data-side=\"b\"]"));
    assert!(notice.starts_with("B：手机已忽略"), "{notice}");
    app.unmount();
}
