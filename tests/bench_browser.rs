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

/// Saved data with `n` Moments posts by the user and the contacts, some
/// with links, pictures, likes and comments.
fn moments_data(n: usize) -> String {
    use std::rc::Rc;
    use walled_garden::policy::moments::Visibility;
    use walled_garden::state::moments::{Comment, Post};
    let mut d = walled_garden::state::seed::seed();
    let ids: Vec<String> = std::iter::once("me".to_string())
        .chain(d.contacts.iter().map(|c| c.id.clone()))
        .collect();
    let end = walled_garden::state::time::at(d.scenario.date, 8, 0);
    d.moments.posts = (0..n)
        .map(|i| {
            let author = ids[i % ids.len()].clone();
            Rc::new(Post {
                id: i as u64 + 1,
                author: author.clone(),
                ts: end - ((n - i) as i64) * 3_600,
                text: String::from("Post number ") + &i.to_string(),
                link: (i % 5 == 0)
                    .then(|| "https://item.jd.com/".to_string() + &i.to_string() + ".html"),
                pictures: (0..(i % 4) as u8).collect(),
                visibility: Visibility::Public,
                penalty: None,
                synced: Vec::new(),
                likes: ids.iter().skip(1 + i % 3).take(3).cloned().collect(),
                comments: (0..(i % 3) as u64)
                    .map(|c| Comment {
                        id: c + 1,
                        from: ids[(i + c as usize + 1) % ids.len()].clone(),
                        text: "Nice".into(),
                        reply_to: None,
                        ts: end - ((n - i) as i64) * 3_600 + 60,
                    })
                    .collect(),
            })
        })
        .collect();
    walled_garden::state::persist::encode(&d)
}

/// A 1,000-post feed: the first render from Discover, a like on it, and
/// switching View as.
#[wasm_bindgen_test]
async fn moments_feed_of_a_thousand_posts() {
    let (mut open, mut like, mut view_as) = (Vec::new(), Vec::new(), Vec::new());
    let data = moments_data(1000);
    for _ in 0..5 {
        storage().clear().unwrap();
        storage().set_item(STORAGE_KEY, &data).unwrap();
        let app = mount("#/discover").await;
        let link = app
            .role("link", Name::Has("Moments"))
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap();
        let t0 = now();
        link.click();
        yew::scheduler::flush().await;
        open.push(now() - t0);
        flush().await;
        let first = app.all("article[data-post]").remove(0);
        let button = common::button(&first, "Like")
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap();
        let t0 = now();
        button.click();
        yew::scheduler::flush().await;
        like.push(now() - t0);
        flush().await;
        assert!(!common::by_role(
            &app.all("article[data-post]")[0],
            "button",
            Name::Is("Unlike")
        )
        .is_empty());
        let select = app
            .control("View as")
            .dyn_into::<web_sys::HtmlSelectElement>()
            .unwrap();
        select.set_value("c-lihua");
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let ev = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
        let t0 = now();
        select.dispatch_event(&ev).unwrap();
        yew::scheduler::flush().await;
        view_as.push(now() - t0);
        flush().await;
        assert!(app.text().contains("Viewing as: Li Hua"));
        app.unmount();
    }
    report("moments_feed_1000", median(open), 100.0);
    report("moments_like", median(like), 16.0);
    report("moments_view_as", median(view_as), 50.0);
}

/// The timeline after a date change (issue 17): from a Page Up on the
/// scrubber to the end of the render (the matrix decided again, the
/// chart's line and its text alternative moved; the bands themselves do
/// not depend on the day and are not recomputed), built-in rules.
#[wasm_bindgen_test]
async fn timeline_date_change() {
    let app = mount_fresh("#/timeline?date=2021-09-01").await;
    let mut all = Vec::new();
    for _ in 0..9 {
        let slider = app.role("slider", Name::Is("Scenario date"));
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("PageUp");
        init.set_bubbles(true);
        init.set_cancelable(true);
        let e =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        let t0 = now();
        slider.dispatch_event(&e).unwrap();
        yew::scheduler::flush().await;
        all.push(now() - t0);
        flush().await;
    }
    assert!(hash().contains("date=2022-06-01"), "{}", hash());
    app.unmount();
    report("timeline_date_change", median(all), 16.0);
}

/// The same computation with 10,000 rules (2,000 platforms): the matrix on
/// a new day and every platform's bands in a context, without the DOM
/// (2,000 rows are not drawn at once); then validating that file.
#[wasm_bindgen_test]
fn time_travel_with_10000_rules() {
    use walled_garden::policy::matrix::{bands, matrix, platforms, END, START};
    use walled_garden::policy::rules::Context;
    use walled_garden::policy::scenario::{Date, Scenario};
    let text = corpus::synthetic(10_000);
    let mut validate = Vec::new();
    let mut rules = None;
    for _ in 0..5 {
        let t0 = now();
        let r = Rules::from_json(&text)
            .map_err(|e| e[0].to_string())
            .unwrap();
        validate.push(now() - t0);
        rules = Some(r);
    }
    let rules = rules.unwrap();
    let mut compute = Vec::new();
    for i in 0..5 {
        let s = Scenario {
            date: Date::new(2015 + i, 6, 1).unwrap(),
            ..Scenario::default()
        };
        let t0 = now();
        let m = matrix(&rules, &s);
        let n: usize = platforms(&rules)
            .map(|(p, _)| bands(&rules, p, Context::Chat, &s, START, END).len())
            .sum();
        compute.push(now() - t0);
        assert_eq!(m.len(), 2_000);
        assert!(n >= 2_000);
    }
    report("matrix_chart_10000_rules", median(compute), 100.0);
    report("validate_10000_rules", median(validate), 200.0);
}

/// What changed between 2021-09-01 and 2022-02-01, built-in rules.
#[wasm_bindgen_test]
fn diff_two_dates() {
    use walled_garden::policy::matrix::diff;
    use walled_garden::policy::scenario::{Date, Scenario};
    let (a, b) = (
        Date::new(2021, 9, 1).unwrap(),
        Date::new(2022, 2, 1).unwrap(),
    );
    let s = Scenario::default();
    let mut all = Vec::new();
    for _ in 0..9 {
        let t0 = now();
        let d = diff(Rules::builtin(), &s, a, b);
        all.push(now() - t0);
        assert!(!d.is_empty());
    }
    report("diff_two_dates", median(all), 16.0);
}

/// Switching accounts (issue 18) when both hold a 10,000-message chat: from
/// the click on **Switch** on Me to the end of the render. Switching moves
/// the two accounts' data behind their `Rc`s; nothing is copied.
#[wasm_bindgen_test]
async fn account_switch_with_long_chats() {
    use walled_garden::state::accounts::{demo_account, Space, Stashed};
    use walled_garden::state::persist::{decode, encode};
    let mut d = decode(&long_chat_data(10_000)).unwrap();
    let mut other = demo_account(walled_garden::policy::scenario::Region::Overseas);
    other.id = "a-44-7700900123".into();
    other.seq = 1;
    other.country = "+44".into();
    other.phone = "7700900123".into();
    other.name_en = "Sam".into();
    other.name_zh = "Sam".into();
    let space = Space {
        contacts: d.contacts.clone(),
        chats: d.chats.clone(),
        link_prefs: Vec::new(),
        reports: Vec::new(),
        recent_mini: Vec::new(),
        moments: d.moments.clone(),
        douyin: Default::default(),
    };
    d.others.push(std::rc::Rc::new(Stashed {
        account: std::rc::Rc::new(other),
        space,
    }));
    storage().clear().unwrap();
    storage().set_item(STORAGE_KEY, &encode(&d)).unwrap();
    let app = mount("#/me").await;
    let mut all = Vec::new();
    for _ in 0..9 {
        let row = app
            .all("[data-account]")
            .into_iter()
            .find(|r| r.get_attribute("aria-current").is_none())
            .unwrap();
        let switch: web_sys::HtmlElement = button(&row, "Switch").dyn_into().unwrap();
        let t0 = now();
        switch.click();
        yew::scheduler::flush().await;
        all.push(now() - t0);
        flush().await;
    }
    assert_eq!(saved().account.id, "a-44-7700900123", "nine switches");
    app.unmount();
    report("account_switch_10000", median(all), 16.0);
}

/// Compare (issue 26): from a change of B's cohort to both sides rendered
/// (the address written, B decided again, its screen and the line of
/// differences re-rendered; A is memoised and left as it was).
#[wasm_bindgen_test]
async fn compare_change() {
    let app = mount_fresh(
        "#/compare?url=https%3A%2F%2Fm.tb.cn%2Fh.x&in=group&a.date=2021-12-10&b.date=2021-12-10",
    )
    .await;
    let mut all = Vec::new();
    for i in 0..10 {
        let cohort = if i % 2 == 0 { "early" } else { "late" };
        let select: web_sys::HtmlSelectElement = app.control("B cohort").dyn_into().unwrap();
        select.set_value(cohort);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let e = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
        let t0 = now();
        select.dispatch_event(&e).unwrap();
        yew::scheduler::flush().await;
        all.push(now() - t0);
        let b = app.find("[role=status][data-side=\"b\"]");
        let want = if i % 2 == 0 {
            "open"
        } else {
            "copy_to_browser"
        };
        assert_eq!(b.get_attribute("data-outcome").as_deref(), Some(want));
        flush().await;
    }
    app.unmount();
    report("compare_change_ms", median(all), 50.0);
}
