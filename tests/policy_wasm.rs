wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
// The spoofing table in the browser: the same decisions must come out of
// the wasm build as natively (`wasm-pack test --headless --chrome`).

#[path = "common/spoofing_table.rs"]
mod spoofing_table;

use wasm_bindgen_test::wasm_bindgen_test;

/// The engine in the browser parses with the page's own `URL`, as the app
/// does; this runs the native table against that parser.
#[cfg(target_arch = "wasm32")]
fn install() {
    walled_garden::ui::browser_url::install();
}

#[cfg(not(target_arch = "wasm32"))]
fn install() {}

#[wasm_bindgen_test]
fn browser_parser_is_the_one_in_use() {
    install();
    // Not canonical, so it bypasses the fast path and needs the full parser.
    let u = walled_garden::policy::link::parse_web_url("HTTPS://ＴＡＯＢＡＯ．com\\x?y").unwrap();
    assert_eq!(u.host(), "taobao.com");
    assert_eq!(u.path_query(), "/x?y");
}

#[wasm_bindgen_test]
fn spoofing_table_in_wasm() {
    install();
    let f = spoofing_table::failures();
    assert!(f.is_empty(), "{}", f.join("\n"));
}

#[wasm_bindgen_test]
fn done_criterion_in_wasm() {
    install();
    use walled_garden::policy::engine::decide;
    use walled_garden::policy::rules::{Context, Rules};
    use walled_garden::policy::scenario::{Date, Scenario};
    let s = Scenario {
        date: Date::new(2021, 10, 1).unwrap(),
        ..Scenario::default()
    };
    let d = decide(
        Rules::builtin(),
        "https://v.douyin.com/abc/",
        Context::Group,
        &s,
    );
    assert_eq!(d.outcome.as_str(), "copy_to_browser");
    assert_eq!(d.platform_id(), "douyin");
}
