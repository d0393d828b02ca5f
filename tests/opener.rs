//! Browser tests of the link opener, the outcome screens, Mini Programs and
//! the batch check (issue 4). Run by `wasm-pack test --headless --chrome`.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::policy::scenario::Date;
use walled_garden::state::mini::{LinkKind, MINI_PROGRAMS};
use walled_garden::state::params::encode;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn opener(url: &str, rest: &str) -> String {
    String::from("#/open?url=") + &encode(url) + "&" + rest
}

/// Clicks a Copy button and waits until it reports; returns the state.
async fn copy(app: &Mounted, scope: &str) -> String {
    app.click(&(String::from(scope) + " .copy button")).await;
    for _ in 0..200 {
        let s = app
            .find(&(String::from(scope) + " .copy"))
            .get_attribute("data-copy")
            .unwrap();
        if s != "idle" {
            return s;
        }
        flush().await;
    }
    panic!("copy never finished");
}

#[wasm_bindgen_test]
async fn done_criterion_walk() {
    let app = mount_fresh("#/open?date=2021-10-01").await;
    assert!(app.text().contains("Enter a link"));
    assert!(app.root.query_selector("[role=status]").unwrap().is_none());
    app.input("#op-link", "https://v.douyin.com/abc/").await;
    assert_eq!(
        app.find("#op-in")
            .unchecked_into::<web_sys::HtmlSelectElement>()
            .value(),
        "chat"
    );
    app.click(".opener-form button[type=submit]").await;
    assert!(
        hash().contains("url=https%3A%2F%2Fv.douyin.com%2Fabc%2F"),
        "{}",
        hash()
    );
    assert_eq!(app.status("data-outcome"), "confirm");
    assert_eq!(app.status("data-platform"), "douyin");
    assert_eq!(app.status("data-host"), "v.douyin.com");
    assert_eq!(app.status("data-share"), "no");
    let t = app.find(".interstitial").text_content().unwrap();
    assert!(t.contains("You are about to visit"), "{t}");
    assert!(
        t.contains("This is not an official WeChat page. Continue?"),
        "{t}"
    );
    assert!(app
        .find(".sum-platform")
        .text_content()
        .unwrap()
        .contains("Douyin · ByteDance"));
    app.click(".interstitial .btn.primary").await;
    assert_eq!(
        app.find(".mock-page").get_attribute("data-page").unwrap(),
        "video"
    );
    assert!(app
        .find(".mock-page")
        .text_content()
        .unwrap()
        .contains("Douyin"));
    assert_eq!(
        app.find(".wx-browser-host").text_content().unwrap(),
        "v.douyin.com"
    );

    app.select("#op-in", "group").await;
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    let page = app.find(".copy-to-browser").text_content().unwrap();
    assert!(
        page.contains("To view, long-press to copy the address"),
        "{page}"
    );
    let state = copy(&app, ".copy-to-browser").await;
    assert!(state == "copied" || state == "selected", "{state}");
    if state == "selected" {
        let input = app.find(".copy-to-browser .copy-fallback input");
        let input = input.unchecked_into::<web_sys::HtmlInputElement>();
        assert_eq!(input.value(), "https://v.douyin.com/abc/");
    } else {
        assert!(app.text().contains("Link copied"));
    }
    let sources = app.texts(".why-source");
    assert!(sources.iter().any(|s| s == "R-2021-09-17"), "{sources:?}");
    assert!(app
        .status("data-rules")
        .contains("groups-stay-restricted-2021-09-17"));
    let link = app.find(".why-source").get_attribute("href").unwrap();
    assert!(link.starts_with("#/timeline?id=R-"), "{link}");
    app.unmount();

    // The same in Chinese: the record's texts.
    let app = mount_fresh(&opener(
        "https://v.douyin.com/abc/",
        "in=chat&date=2021-10-01&lang=zh",
    ))
    .await;
    let t = app.find(".interstitial").text_content().unwrap();
    assert!(t.contains("将要访问"), "{t}");
    assert!(t.contains("非微信官方网页，请确认是否继续访问。"), "{t}");
    assert!(t.contains("继续访问"), "{t}");
    app.select("#op-in", "group").await;
    assert!(app
        .text()
        .contains("如需浏览，请长按网址复制后使用浏览器访问"));
    assert!(app.text().contains("复制链接"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn address_parameters_evaluate_at_once_and_scenario_changes_re_evaluate() {
    let app = mount_fresh(&opener("https://m.tb.cn/h.x", "in=group&date=2022-02-01")).await;
    assert_eq!(app.status("data-outcome"), "open");
    assert_eq!(app.status("data-platform"), "taobao");
    let input = app
        .find("#op-link")
        .unchecked_into::<web_sys::HtmlInputElement>();
    assert_eq!(input.value(), "https://m.tb.cn/h.x");
    let select = app
        .find("#op-in")
        .unchecked_into::<web_sys::HtmlSelectElement>();
    assert_eq!(select.value(), "group");
    assert_eq!(
        app.find(".mock-page").get_attribute("data-page").unwrap(),
        "product"
    );

    // Back before 2022-01-27: Taobao is copy-to-browser again, live.
    app.input("#sc-bar-date", "2021-10-01").await;
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    assert!(hash().contains("date=2021-10-01"));
    app.unmount();

    // Blank input: a message and no evaluation.
    let app = mount_fresh("#/open?url=%20%20&in=chat").await;
    assert!(app.root.query_selector("[role=status]").unwrap().is_none());
    assert!(app.text().contains("Enter a link"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn copy_link_to_this_scenario_reproduces_the_result() {
    let app = mount_fresh(&opener(
        "https://v.douyin.com/abc/",
        "in=group&date=2021-10-01&os=android",
    ))
    .await;
    app.find(".opener-copy .copy button");
    copy(&app, ".opener-copy").await;
    let text = app
        .find(".opener-copy .copy")
        .get_attribute("data-copy-text")
        .unwrap();
    let at = text.find('#').unwrap();
    let address = &text[at..];
    assert!(address.starts_with("#/open?url=https%3A%2F%2Fv.douyin.com%2Fabc%2F&in=group&date=2021-10-01&region=mainland&os=android&vpn=off&lang=en"), "{address}");
    app.unmount();
    let again = mount_fresh(address).await;
    assert_eq!(again.status("data-outcome"), "copy_to_browser");
    assert!(!again.status("data-rules").is_empty());
    again.unmount();
}

/// (address, outcome, English text, Chinese text)
const SCREENS: [(&str, &str, &str, &str, &str); 6] = [
    ("https://www.feishu.cn/x", "in=chat&date=2020-02-28", "blocked", "Access to this page has been stopped", "网页包含诱导分享"),
    ("https://www.zhihu.com/question/1", "in=chat&date=2021-01-15", "warn", "This page may not be provided by WeChat", "该网页可能不是由微信提供"),
    ("https://m.tb.cn/h.x", "in=chat&date=2020-01-01", "copy_to_browser", "To view, long-press to copy", "如需浏览，请长按网址复制后使用浏览器访问"),
    ("https://item.jd.com/1.html", "in=chat&date=2021-10-01", "open", "JD · Product", "京东 · 商品"),
    ("weixin://dl/business/?appid=wx3a1f09c2b7d4e865&path=pages/item/detail&query=sku%3D1&env_version=release", "in=chat&date=2021-10-01", "mini_program", "JD Shop", "京东购物"),
    ("javascript:alert(1)", "in=chat&date=2021-10-01", "rejected", "This link is never opened", "此链接不会被打开"),
];

#[wasm_bindgen_test]
async fn each_outcome_screen_in_both_languages() {
    for (url, rest, outcome, en, zh) in SCREENS {
        for (lang, want) in [("en", en), ("zh", zh)] {
            let address = opener(url, rest) + "&lang=" + lang;
            let app = mount_fresh(&address).await;
            assert_eq!(app.status("data-outcome"), outcome, "{address}");
            let shown = app.find(".wx-screen").text_content().unwrap();
            assert!(shown.contains(want), "{address}: {shown}");
            app.unmount();
        }
    }
    // Warn: Continue opens the in-app browser; rejected never navigates.
    let app = mount_fresh(&opener(
        "https://www.zhihu.com/question/1",
        "in=chat&date=2021-01-15",
    ))
    .await;
    app.click(".interstitial .btn.primary").await;
    assert_eq!(
        app.find(".wx-browser-host").text_content().unwrap(),
        "www.zhihu.com"
    );
    app.click(".wx-browser-bar button").await;
    assert!(app.root.query_selector(".interstitial").unwrap().is_some());
    app.unmount();

    let app = mount_fresh(&opener("weixin://dl/business/?appid=wx3a1f09c2b7d4e865&path=pages/item/detail&query=sku%3D1&env_version=release", "in=chat")).await;
    assert_eq!(
        app.find(".mp-path").text_content().unwrap(),
        "/pages/item/detail"
    );
    assert!(app
        .find(".mp-capsule")
        .text_content()
        .unwrap()
        .contains("···|×"));
    app.unmount();

    let hostile = "<img src=x onerror=alert(1)>";
    let app = mount_fresh(&opener(hostile, "in=chat")).await;
    let before = hash();
    assert_eq!(app.status("data-outcome"), "rejected");
    assert!(app.root.query_selector("img").unwrap().is_none());
    assert!(
        app.find("#op-link")
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value()
            == hostile
    );
    assert_eq!(hash(), before);
    app.unmount();
}

#[wasm_bindgen_test]
async fn share_is_offered_only_when_allowed_and_sends_to_a_chat() {
    let app = mount_fresh(&opener(
        "https://v.douyin.com/abc/",
        "in=chat&date=2021-10-01",
    ))
    .await;
    assert_eq!(app.status("data-share"), "no");
    assert!(app.root.query_selector(".share").unwrap().is_none());
    app.unmount();

    let link = MINI_PROGRAMS[0].link(LinkKind::Scheme, Date::parse("2021-10-01").unwrap());
    let app = mount_fresh(&opener(&link, "in=chat&date=2021-10-01")).await;
    assert_eq!(app.status("data-share"), "yes");
    app.click(".share > button").await;
    app.click(".share-target[data-chat=family]").await;
    flush().await;
    assert!(app
        .find(".share")
        .text_content()
        .unwrap()
        .contains("Sent to Family"));
    let data = saved();
    let last = data
        .chat("family")
        .unwrap()
        .messages
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last.from.as_str(), last.text.as_str()),
        ("me", link.as_str())
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn mini_program_failures() {
    let trial = MINI_PROGRAMS[1].link(LinkKind::Trial, Date::parse("2021-10-01").unwrap());
    let app = mount_fresh(&opener(&trial, "in=chat&date=2021-10-01")).await;
    assert_eq!(app.status("data-outcome"), "blocked");
    assert!(app.text().contains("This version is for testers only"));
    app.click("#op-tester").await;
    assert_eq!(app.status("data-outcome"), "mini_program");
    assert!(app
        .find(".mp-title")
        .text_content()
        .unwrap()
        .contains("Pinduoduo"));
    app.unmount();

    let old = "https://wxaurl.cn/jdShopT1ck3t?created=2021-01-01";
    let app = mount_fresh(&opener(old, "in=chat&date=2021-10-01&lang=zh")).await;
    assert_eq!(app.status("data-outcome"), "blocked");
    assert!(app.text().contains("已停止访问该网页"));
    assert!(app.text().contains("该 URL Link 已失效。"));
    app.unmount();

    let fresh = "https://wxaurl.cn/jdShopT1ck3t?created=2021-09-30";
    let app = mount_fresh(&opener(fresh, "in=chat&date=2021-10-01")).await;
    assert_eq!(app.status("data-outcome"), "warn");
    app.click(".interstitial .btn.primary").await;
    assert!(app
        .find(".mp-title")
        .text_content()
        .unwrap()
        .contains("JD Shop"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn mini_programs_list_recent_first_and_produce_testable_links() {
    let app = mount_fresh("#/mini?date=2021-10-01").await;
    let items = app.all(".mini-item");
    assert!((6..=8).contains(&items.len()), "{}", items.len());
    let target = MINI_PROGRAMS[2];
    app.click(&(String::from(".mini-item[data-appid=") + target.appid + "]"))
        .await;
    // The mini program opens in its frame, with its links.
    assert!(app
        .find(".mini-detail .mp-title")
        .text_content()
        .unwrap()
        .contains(target.name_en));
    assert_eq!(app.all(".mini-link").len(), 5);
    let date = Date::parse("2021-10-01").unwrap();
    let shown = app.texts(".mini-link-text");
    assert_eq!(shown[0], target.link(LinkKind::Scheme, date));
    assert!(shown[4].contains("created=2021-10-01"), "{}", shown[4]);
    // Recently used first.
    assert_eq!(
        app.all(".mini-item")[0]
            .get_attribute("data-appid")
            .unwrap(),
        target.appid
    );
    // A short link opened outside WeChat does nothing, and says so.
    assert!(app.root.query_selector(".mini-outside").unwrap().is_none());
    app.click(".mini-link[data-kind=short] .mini-link-actions > button")
        .await;
    assert!(app
        .find(".mini-outside")
        .text_content()
        .unwrap()
        .contains("inside WeChat only"));
    // "Test in the link opener" evaluates the link there.
    let test = app
        .find(".mini-link[data-kind=trial] a.btn")
        .get_attribute("href")
        .unwrap();
    assert!(test.starts_with("#/open?url=weixin"), "{test}");
    app.unmount();
    let app = mount(&(test + "&date=2021-10-01")).await;
    assert_eq!(app.status("data-outcome"), "blocked");
    assert!(app.text().contains("This version is for testers only"));
    app.unmount();
}

/// Waits until the batch table has rendered all its rows (it grows one
/// chunk per task); returns how many waits that took.
async fn batch_done(app: &Mounted) -> usize {
    for i in 0..100 {
        let el = app.find(".batch-scroll");
        if el.get_attribute("data-rows") == el.get_attribute("data-total") {
            return i;
        }
        flush().await;
    }
    panic!("the batch table never finished");
}

async fn check_batch(app: &Mounted, text: &str) {
    let area = app
        .find("#op-batch")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap();
    area.set_value(text);
    app.click(".batch .actions button").await;
}

/// Clicks "Download CSV" with the download intercepted; returns the file.
async fn download_csv(app: &Mounted) -> String {
    let anchor = app.find(".batch a[download]");
    let cb = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default()
    });
    anchor
        .add_event_listener_with_callback("click", cb.as_ref().unchecked_ref())
        .unwrap();
    app.click(".batch-csv").await;
    assert_eq!(
        anchor.get_attribute("download").unwrap(),
        "walled-garden-links.csv"
    );
    let href = anchor.get_attribute("href").unwrap();
    assert!(href.starts_with("blob:"), "{href}");
    let resp =
        wasm_bindgen_futures::JsFuture::from(web_sys::window().unwrap().fetch_with_str(&href))
            .await
            .unwrap()
            .dyn_into::<web_sys::Response>()
            .unwrap();
    let text = wasm_bindgen_futures::JsFuture::from(resp.text().unwrap())
        .await
        .unwrap();
    drop(cb);
    text.as_string().unwrap()
}

#[wasm_bindgen_test]
async fn batch_check_table_and_csv() {
    let app = mount_fresh("#/open?date=2021-10-01").await;
    // Blank lines only: a message, no table.
    check_batch(&app, "  \n \n").await;
    assert!(app.root.query_selector(".batch-table").unwrap().is_none());
    assert!(app
        .find(".batch [role=alert]")
        .text_content()
        .unwrap()
        .contains("Enter a link"));

    let hostile = "<img src=x onerror=alert(1)>";
    check_batch(
        &app,
        &(String::from("https://v.douyin.com/abc/\nhttps://m.tb.cn/h.x\n") + hostile + "\n"),
    )
    .await;
    batch_done(&app).await;
    assert_eq!(app.all(".batch-table tbody tr").len(), 3);
    let douyin: Vec<String> = app
        .all(".batch-table tbody tr:first-child td[data-outcome]")
        .iter()
        .map(|td| td.get_attribute("data-outcome").unwrap())
        .collect();
    assert_eq!(douyin, ["confirm", "copy_to_browser", "copy_to_browser"]);
    // Pasted text is shown as text, never as markup.
    assert!(app.root.query_selector(".batch img").unwrap().is_none());
    assert_eq!(app.texts(".batch-link")[2], hostile);
    assert!(app
        .find(".batch-count")
        .text_content()
        .unwrap()
        .contains("2021-10-01"));

    let csv = download_csv(&app).await;
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "link,platform,host,chat,group,moments");
    assert_eq!(
        lines[1],
        "https://v.douyin.com/abc/,douyin,v.douyin.com,confirm,copy_to_browser,copy_to_browser"
    );
    assert_eq!(
        lines[2],
        "https://m.tb.cn/h.x,taobao,m.tb.cn,copy_to_browser,copy_to_browser,copy_to_browser"
    );
    assert!(lines[3].starts_with(hostile), "{}", lines[3]);

    // The scenario's date changes and the table follows: on 2022-02-01
    // Taobao links open in chats and groups.
    app.input("#sc-bar-date", "2022-02-01").await;
    batch_done(&app).await;
    let taobao: Vec<String> = app
        .all(".batch-table tbody tr:nth-child(2) td[data-outcome]")
        .iter()
        .map(|td| td.get_attribute("data-outcome").unwrap())
        .collect();
    assert_eq!(taobao[..2], ["open", "open"]);
    assert!(download_csv(&app).await.contains("m.tb.cn,open,open,"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_thousand_links_render_in_chunks_with_progress() {
    let app = mount_fresh("#/open?date=2021-10-01").await;
    let text: String = (0..1000)
        .map(|i| String::from("https://shop") + &i.to_string() + ".taobao.com/item\n")
        .collect();
    check_batch(&app, &text).await;
    // The first chunk is on screen with a progress bar...
    let el = app.find(".batch-scroll");
    assert_eq!(el.get_attribute("data-total").unwrap(), "1000");
    let first: usize = el.get_attribute("data-rows").unwrap().parse().unwrap();
    assert!(first < 1000, "{first}");
    assert!(app
        .root
        .query_selector(".batch-progress")
        .unwrap()
        .is_some());
    // ...and the rest arrives over the next tasks.
    let waits = batch_done(&app).await;
    assert!(waits >= 1);
    assert_eq!(app.all(".batch-table tbody tr").len(), 1000);
    assert!(app
        .root
        .query_selector(".batch-progress")
        .unwrap()
        .is_none());
    app.unmount();
}
