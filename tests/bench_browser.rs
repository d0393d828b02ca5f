//! The headless-Chrome figures of `make bench` (not part of `make test`):
//! opening a 10,000-message chat and appending one message, the batch check
//! of 1,000 links, and the engine's decisions per second in wasm over the
//! native benchmark's corpus. Prints one JSON line per figure through the
//! console; `make bench` collects them into `target/bench/browser.jsonl`.

#![cfg(all(target_arch = "wasm32", feature = "browser-bench"))]

mod common;
#[path = "../benches/corpus/mod.rs"]
mod corpus;

use common::*;
use walled_garden::policy::rules::Rules;
use walled_garden::state::persist::STORAGE_KEY;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// Prints a figure in milliseconds (lower is better) as a JSON line.
fn report(name: &str, ms: f64, target: f64) {
    let line = String::from("{\"bench\":\"")
        + name
        + "\",\"value\":"
        + &((ms * 100.0).round() / 100.0).to_string()
        + ",\"unit\":\"ms\",\"target\":"
        + &target.to_string()
        + ",\"better\":\"lower\",\"ok\":"
        + if ms <= target { "true" } else { "false" }
        + "}";
    web_sys::console::log_1(&line.into());
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

#[wasm_bindgen_test]
async fn long_chat_open_and_append() {
    let (mut open, mut append) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        storage().clear().unwrap();
        storage()
            .set_item(STORAGE_KEY, &long_chat_data(10_000))
            .unwrap();
        let app = mount("#/chats").await;
        let link = app
            .chat_rows("Chats")
            .into_iter()
            .find(|a| a.get_attribute("href").as_deref() == Some("#/chats/long"))
            .unwrap();
        // Measured to the end of the render (Yew's scheduler drained); the
        // save that follows in the next task is not part of it.
        let t0 = now();
        link.dyn_into::<web_sys::HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
        open.push(now() - t0);
        flush().await;
        assert_eq!(hash(), "#/chats/long");

        let t = app
            .role("textbox", Name::Is("Message"))
            .dyn_into::<web_sys::HtmlTextAreaElement>()
            .unwrap();
        t.set_value("one more");
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        t.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        flush().await;
        let send = app
            .button("Send")
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap();
        let t0 = now();
        send.click();
        yew::scheduler::flush().await;
        append.push(now() - t0);
        flush().await;
        assert!(app.text().contains("one more"));
        app.unmount();
    }
    report("chat_open_10000", median(open), 50.0);
    report("chat_append_10000", median(append), 16.0);
}

#[wasm_bindgen_test]
async fn batch_of_a_thousand_links() {
    let text: String = (0..1000)
        .map(|i| {
            String::from(match i % 4 {
                0 => "https://shop",
                1 => "https://v.douyin.com/",
                2 => "https://item.jd.com/",
                _ => "https://docs.feishu.cn/",
            }) + &i.to_string()
                + ".x/item\n"
        })
        .collect();
    let mut all = Vec::new();
    for _ in 0..5 {
        let app = mount_fresh("#/open?date=2021-10-01").await;
        app.control("Links, one per line")
            .dyn_into::<web_sys::HtmlTextAreaElement>()
            .unwrap()
            .set_value(&text);
        let button = app
            .button("Check")
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap();
        // From the click to the last chunk of the table on screen.
        let t0 = now();
        button.click();
        yew::scheduler::flush().await;
        loop {
            let el = app.find("[data-rows]");
            if el.get_attribute("data-rows") == el.get_attribute("data-total") {
                break;
            }
            flush().await;
        }
        all.push(now() - t0);
        let table = app.role("table", Name::Any);
        assert_eq!(table.query_selector_all("tbody tr").unwrap().length(), 1000);
        app.unmount();
    }
    report("batch_1000_links", median(all), 1000.0);
}

/// The engine in the release wasm build: decisions per second over the
/// native benchmark's 100,000-link mixed corpus and scenarios (the same
/// `corpus::pass`), best of 5 passes after a warm-up, as natively. URLs are
/// parsed by the page's `URL` here, by the `url` crate natively. The ratio to
/// the native figure is computed by `scripts/bench-report.mjs`.
#[wasm_bindgen_test]
fn wasm_decide_mixed() {
    let links = corpus::corpus(corpus::MIXED_LINKS);
    let scen = corpus::scenarios();
    let rules = Rules::builtin();
    corpus::pass(rules, &links[..10_000], &scen);
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t0 = now();
        corpus::pass(rules, &links, &scen);
        best = best.min(now() - t0);
    }
    let rate = links.len() as f64 * 1000.0 / best;
    let line = String::from("{\"bench\":\"wasm_decide_mixed\",\"value\":")
        + &rate.round().to_string()
        + ",\"unit\":\"decisions/s\",\"better\":\"higher\",\"best_pass_ms\":"
        + &((best * 100.0).round() / 100.0).to_string()
        + "}";
    web_sys::console::log_1(&line.into());
}
