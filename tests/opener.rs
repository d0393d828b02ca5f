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

/// The `data-copy` wrapper of the copy button named `name`.
fn copy_box(app: &Mounted, name: &str) -> web_sys::Element {
    app.button(name).closest("[data-copy]").unwrap().unwrap()
}

/// Clicks the copy button named `name` and waits until it reports;
/// returns the state.
async fn copy(app: &Mounted, name: &str) -> String {
    app.press(name).await;
    for _ in 0..200 {
        let s = copy_box(app, name).get_attribute("data-copy").unwrap();
        if s != "idle" {
            return s;
        }
        flush().await;
    }
    panic!("copy never finished");
}

/// The text of the decision (`role="status"`): its screen, summary and Why.
fn status_text(app: &Mounted) -> String {
    text_of(&app.find("[role=status]"))
}

#[wasm_bindgen_test]
async fn done_criterion_walk() {
    let app = mount_fresh("#/open?date=2021-10-01").await;
    assert!(app.text().contains("Enter a link"));
    assert!(app.root.query_selector("[role=status]").unwrap().is_none());
    app.fill("Link", "https://v.douyin.com/abc/").await;
    assert_eq!(app.value("Shared in"), "chat");
    app.press("Open").await;
    assert!(
        hash().contains("url=https%3A%2F%2Fv.douyin.com%2Fabc%2F"),
        "{}",
        hash()
    );
    assert_eq!(app.status("data-outcome"), "confirm");
    assert_eq!(app.status("data-platform"), "douyin");
    assert_eq!(app.status("data-host"), "v.douyin.com");
    assert_eq!(app.status("data-share"), "no");
    let t = status_text(&app);
    assert!(t.contains("You are about to visit"), "{t}");
    assert!(
        t.contains("This is not an official WeChat page. Continue?"),
        "{t}"
    );
    assert!(t.contains("Douyin · ByteDance"), "{t}");
    app.press("Continue").await;
    assert_eq!(
        app.find("[data-page]").get_attribute("data-page").unwrap(),
        "video"
    );
    assert!(text_of(&app.find("[data-page]")).contains("Douyin"));
    // WeChat's in-app browser, named by the host it shows.
    app.role("region", Name::Is("v.douyin.com"));

    app.choose("Shared in", "group").await;
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    let page = status_text(&app);
    assert!(
        page.contains("To view, long-press to copy the address"),
        "{page}"
    );
    let state = copy(&app, "Copy link").await;
    assert!(state == "copied" || state == "selected", "{state}");
    if state == "selected" {
        let input = get(&app.find("[role=status]"), "textbox", Name::Is("Copy link"));
        assert_eq!(value_of(&input), "https://v.douyin.com/abc/");
    } else {
        assert!(app.text().contains("Link copied"));
    }
    let sources: Vec<web_sys::Element> = app
        .roles("link", Name::Starts("R-"))
        .into_iter()
        .filter(|a| {
            a.get_attribute("href")
                .is_some_and(|h| h.starts_with("#/timeline?id="))
        })
        .collect();
    let names: Vec<String> = sources.iter().map(name_of).collect();
    assert!(names.iter().any(|s| s == "R-2021-09-17"), "{names:?}");
    assert!(app
        .status("data-rules")
        .contains("groups-stay-restricted-2021-09-17"));
    let link = sources[0].get_attribute("href").unwrap();
    assert!(link.starts_with("#/timeline?id=R-"), "{link}");
    app.unmount();

    // The same in Chinese: the record's texts.
    let app = mount_fresh(&opener(
        "https://v.douyin.com/abc/",
        "in=chat&date=2021-10-01&lang=zh",
    ))
    .await;
    let t = status_text(&app);
    assert!(t.contains("将要访问"), "{t}");
    assert!(t.contains("非微信官方网页，请确认是否继续访问。"), "{t}");
    assert!(app.has_button("继续访问"));
    app.choose("分享到", "group").await;
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
    assert_eq!(app.value("Link"), "https://m.tb.cn/h.x");
    assert_eq!(app.value("Shared in"), "group");
    assert_eq!(
        app.find("[data-page]").get_attribute("data-page").unwrap(),
        "product"
    );

    // Back before 2022-01-27: Taobao is copy-to-browser again, live.
    app.fill("Date", "2021-10-01").await;
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
    copy(&app, "Copy link to this scenario").await;
    let text = copy_box(&app, "Copy link to this scenario")
        .get_attribute("data-copy-text")
        .unwrap();
    let at = text.find('#').unwrap();
    let address = &text[at..];
    assert!(address.starts_with("#/open?url=https%3A%2F%2Fv.douyin.com%2Fabc%2F&in=group&date=2021-10-01&region=mainland&os=android&vpn=off&cohort=late&lang=en"), "{address}");
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
            let shown = status_text(&app);
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
    app.press("Continue").await;
    let browser = app.role("region", Name::Is("www.zhihu.com"));
    click_el(&button(&browser, "Close")).await;
    assert!(app.roles("region", Name::Is("www.zhihu.com")).is_empty());
    assert!(app.has_button("Continue"), "back on the warning");
    app.unmount();

    let app = mount_fresh(&opener("weixin://dl/business/?appid=wx3a1f09c2b7d4e865&path=pages/item/detail&query=sku%3D1&env_version=release", "in=chat")).await;
    // The mini program's frame, named by the mini program, with its page
    // path and the capsule's More and Close.
    let frame = app.role("region", Name::Is("JD Shop"));
    assert!(text_of(&frame).contains("/pages/item/detail"));
    assert!(text_of(&frame).contains("···|×"));
    button(&frame, "More");
    button(&frame, "Close");
    app.unmount();

    let hostile = "<img src=x onerror=alert(1)>";
    let app = mount_fresh(&opener(hostile, "in=chat")).await;
    let before = hash();
    assert_eq!(app.status("data-outcome"), "rejected");
    assert!(app.all("img").is_empty());
    assert!(app.value("Link") == hostile);
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
    assert!(!app.has_button("Share"));
    app.unmount();

    let link = MINI_PROGRAMS[0].link(LinkKind::Scheme, Date::parse("2021-10-01").unwrap());
    let app = mount_fresh(&opener(&link, "in=chat&date=2021-10-01")).await;
    assert_eq!(app.status("data-share"), "yes");
    app.press("Share").await;
    let targets = app.role("list", Name::Is("Send to"));
    click_el(&button(&targets, "Family")).await;
    flush().await;
    assert!(app
        .roles("alert", Name::Any)
        .iter()
        .any(|a| text_of(a).contains("Sent to Family")));
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
    click_el(&app.control("I am a tester of mini programs")).await;
    assert_eq!(app.status("data-outcome"), "mini_program");
    app.role("region", Name::Has("Pinduoduo"));
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
    app.press("Continue").await;
    app.role("region", Name::Has("JD Shop"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn mini_programs_list_recent_first_and_produce_testable_links() {
    let app = mount_fresh("#/mini?date=2021-10-01").await;
    // The mini programs: buttons carrying their AppID.
    let items = |app: &Mounted| -> Vec<web_sys::Element> {
        app.roles("button", Name::Any)
            .into_iter()
            .filter(|b| b.has_attribute("data-appid"))
            .collect()
    };
    assert!(
        (6..=8).contains(&items(&app).len()),
        "{}",
        items(&app).len()
    );
    let target = MINI_PROGRAMS[2];
    let item = items(&app)
        .into_iter()
        .find(|b| b.get_attribute("data-appid").as_deref() == Some(target.appid))
        .unwrap();
    assert!(
        name_of(&item).contains(target.name_en),
        "{}",
        name_of(&item)
    );
    click_el(&item).await;
    // The mini program opens in its frame, with its links.
    app.role("region", Name::Has(target.name_en));
    let links = app.all("[data-kind]");
    assert_eq!(links.len(), 5);
    let date = Date::parse("2021-10-01").unwrap();
    // Each link's Copy button copies exactly the link shown.
    let shown: Vec<String> = links
        .iter()
        .map(|l| {
            let text = button(l, "Copy")
                .closest("[data-copy]")
                .unwrap()
                .unwrap()
                .get_attribute("data-copy-text")
                .unwrap();
            assert!(text_of(l).contains(&text), "{text} not shown");
            text
        })
        .collect();
    assert_eq!(shown[0], target.link(LinkKind::Scheme, date));
    assert!(shown[4].contains("created=2021-10-01"), "{}", shown[4]);
    // Recently used first.
    assert_eq!(
        items(&app)[0].get_attribute("data-appid").unwrap(),
        target.appid
    );
    // A short link opened outside WeChat does nothing, and says so.
    let short = app.find("[data-kind=short]");
    assert!(by_role(&short, "alert", Name::Any).is_empty());
    click_el(&button(&short, "Open outside WeChat")).await;
    let short = app.find("[data-kind=short]");
    assert!(text_of(&get(&short, "alert", Name::Any)).contains("inside WeChat only"));
    // "Test in the link opener" evaluates the link there.
    let test = get(
        &app.find("[data-kind=trial]"),
        "link",
        Name::Is("Test in the link opener"),
    )
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
        let el = app.find("[data-rows]");
        if el.get_attribute("data-rows") == el.get_attribute("data-total") {
            return i;
        }
        flush().await;
    }
    panic!("the batch table never finished");
}

async fn check_batch(app: &Mounted, text: &str) {
    let area = app
        .control("Links, one per line")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap();
    area.set_value(text);
    app.press("Check").await;
}

/// The batch table's body rows (those with outcome cells, not the header).
fn batch_rows(app: &Mounted) -> Vec<web_sys::Element> {
    let table = app.role("table", Name::Any);
    by_role(&table, "row", Name::Any)
        .into_iter()
        .filter(|r| r.query_selector_all("[data-outcome]").unwrap().length() > 0)
        .collect()
}

/// The text of a batch row's first cell (its header cell): the link.
fn row_link(row: &web_sys::Element) -> String {
    text_of(&row.first_element_child().unwrap())
}

/// The outcomes in a batch row's chat, group and Moments cells.
fn row_outcomes(row: &web_sys::Element) -> Vec<String> {
    by_role(row, "cell", Name::Any)
        .iter()
        .filter_map(|td| td.get_attribute("data-outcome"))
        .collect()
}

/// Clicks "Download CSV" with the download intercepted; returns the file.
async fn download_csv(app: &Mounted) -> String {
    let anchor = app.find("a[download]");
    let cb = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default()
    });
    anchor
        .add_event_listener_with_callback("click", cb.as_ref().unchecked_ref())
        .unwrap();
    app.press("Download CSV").await;
    assert_eq!(
        anchor.get_attribute("download").unwrap(),
        "walled-garden-links.csv"
    );
    let href = anchor.get_attribute("href").unwrap();
    let text = blob_text(&href).await;
    drop(cb);
    text
}

#[wasm_bindgen_test]
async fn batch_check_table_and_csv() {
    let app = mount_fresh("#/open?date=2021-10-01").await;
    // Blank lines only: a message, no table.
    check_batch(&app, "  \n \n").await;
    assert!(app.roles("table", Name::Any).is_empty());
    assert!(text_of(&app.role("alert", Name::Any)).contains("Enter a link"));

    let hostile = "<img src=x onerror=alert(1)>";
    check_batch(
        &app,
        &(String::from("https://v.douyin.com/abc/\nhttps://m.tb.cn/h.x\n") + hostile + "\n"),
    )
    .await;
    batch_done(&app).await;
    let rows = batch_rows(&app);
    assert_eq!(rows.len(), 3);
    let douyin = row_outcomes(&rows[0]);
    assert_eq!(douyin, ["confirm", "copy_to_browser", "copy_to_browser"]);
    // Pasted text is shown as text, never as markup.
    assert!(app.all("img").is_empty());
    assert_eq!(row_link(&rows[2]), hostile);
    assert!(app.text().contains("links checked on 2021-10-01"));

    let csv = download_csv(&app).await;
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "link,platform,host,chat,group,moments,confidence,assumption,reachable"
    );
    // Assumptions are of medium confidence at most; Taobao's Moments card
    // (visible to the poster only) is inferred.
    assert_eq!(
        lines[1],
        "https://v.douyin.com/abc/,douyin,v.douyin.com,confirm,copy_to_browser,copy_to_browser,medium,yes,yes"
    );
    assert_eq!(
        lines[2],
        "https://m.tb.cn/h.x,taobao,m.tb.cn,copy_to_browser,copy_to_browser,copy_to_browser,medium,yes,yes"
    );
    assert!(lines[3].starts_with(hostile), "{}", lines[3]);

    // The scenario's date changes and the table follows: on 2022-02-01
    // Taobao links open in chats and groups.
    app.fill("Date", "2022-02-01").await;
    batch_done(&app).await;
    let taobao = row_outcomes(&batch_rows(&app)[1]);
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
    let el = app.find("[data-rows]");
    assert_eq!(el.get_attribute("data-total").unwrap(), "1000");
    let first: usize = el.get_attribute("data-rows").unwrap().parse().unwrap();
    assert!(first < 1000, "{first}");
    assert_eq!(app.roles("progressbar", Name::Is("Batch check")).len(), 1);
    // ...and the rest arrives over the next tasks.
    let waits = batch_done(&app).await;
    assert!(waits >= 1);
    assert_eq!(batch_rows(&app).len(), 1000);
    assert!(app.roles("progressbar", Name::Any).is_empty());
    app.unmount();
}

#[wasm_bindgen_test]
async fn recently_used_mini_programs_are_saved_and_survive_a_reload() {
    let app = mount_fresh("#/mini").await;
    let apps = |app: &Mounted| -> Vec<String> {
        app.roles("button", Name::Any)
            .into_iter()
            .filter_map(|b| b.get_attribute("data-appid"))
            .collect()
    };
    let target = MINI_PROGRAMS[4];
    assert_ne!(apps(&app)[0], target.appid);
    let item = app
        .roles("button", Name::Any)
        .into_iter()
        .find(|b| b.get_attribute("data-appid").as_deref() == Some(target.appid))
        .unwrap();
    click_el(&item).await;
    app.unmount();
    assert_eq!(saved().recent_mini, [target.appid]);
    // A new page over the same storage keeps the order.
    let app = mount("#/mini").await;
    assert_eq!(apps(&app)[0], target.appid);
    app.unmount();
}
