//! Browser tests of time travel (issue 17): the date scrubber by keyboard,
//! the matrix, chart and what changed, and the record's anchors (the rules
//! editor's tests are in rules_editor.rs). Run by `wasm-pack test --headless
//! --chrome`.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::policy::record::entries;
use walled_garden::policy::scenario::Date;
use walled_garden::present::chart::at;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Presses `key` on `el` (keydown, bubbling and cancelable) and waits.
async fn press_key(el: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&e).unwrap();
    flush().await;
}

/// The chart: the outcome of `platform` on the scenario's day (its band
/// marked `aria-current="date"` in the platform's row).
fn chart_now(app: &Mounted, platform: &str) -> String {
    let chart = app.role("region", Name::Is("Over the years"));
    let now = chart
        .query_selector_all(&format!(
            "[data-platform=\"{platform}\"] [aria-current=date]"
        ))
        .unwrap();
    assert_eq!(now.length(), 1, "one current band for {platform}");
    let band: web_sys::Element = now.item(0).unwrap().dyn_into().unwrap();
    band.get_attribute("data-outcome").unwrap()
}

/// The `left` the timeline gave `el` through the CSS object model.
fn left_of(el: &web_sys::Element) -> String {
    let style = js_sys::Reflect::get(el, &"style".into()).unwrap();
    js_sys::Reflect::get(&style, &"left".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

/// Opens the folded list of the record's events under the scrubber.
async fn open_events(app: &Mounted) -> web_sys::Element {
    click_el(&app.role("button", Name::Starts("Events of the record ("))).await;
    app.role("list", Name::Is("Events of the record"))
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[wasm_bindgen_test]
async fn the_scrubber_moves_the_day_by_keyboard_and_the_matrix_and_chart_follow() {
    let app = mount_fresh("#/timeline?date=2021-09-01").await;
    assert_eq!(app.title(), "Timeline");
    let slider = app.role("slider", Name::Is("Scenario date"));
    assert_eq!(value_of(&slider), "3165", "days since 2013-01-01");
    assert_eq!(outcome(&app, "taobao", "chat"), "copy_to_browser");
    assert_eq!(outcome(&app, "douyin", "chat"), "copy_to_browser");
    assert_eq!(chart_now(&app, "douyin"), "copy_to_browser");
    for (key, want) in [
        ("ArrowRight", "2021-09-02"),
        ("ArrowLeft", "2021-09-01"),
        ("ArrowUp", "2021-09-02"),
        ("ArrowDown", "2021-09-01"),
        ("PageUp", "2021-10-01"),
        ("PageDown", "2021-09-01"),
    ] {
        press_key(&slider, key).await;
        assert_eq!(saved().scenario.date, day(want), "{key}");
    }
    // A month at a time to 2022-02-01: the walls come down in chats.
    for _ in 0..5 {
        press_key(&slider, "PageUp").await;
    }
    assert_eq!(saved().scenario.date, day("2022-02-01"));
    assert!(hash().contains("date=2022-02-01"), "{}", hash());
    let slider = app.role("slider", Name::Is("Scenario date"));
    assert_eq!(value_of(&slider), "3318");
    assert_eq!(outcome(&app, "taobao", "chat"), "open");
    assert_eq!(outcome(&app, "douyin", "chat"), "open");
    assert_eq!(outcome(&app, "taobao", "group"), "open");
    assert_eq!(outcome(&app, "douyin", "group"), "copy_to_browser");
    assert_eq!(chart_now(&app, "douyin"), "open");
    assert_eq!(chart_now(&app, "taobao"), "open");
    // The chart's line is at the day, and each cell opens its link.
    let now = app.find("[data-scenario-date=\"2022-02-01\"]");
    assert_eq!(left_of(&now), at(day("2022-02-01")));
    assert_eq!(left_of(&now), "82.59%");
    let link = cell(&app, "douyin", "group")
        .query_selector("a")
        .unwrap()
        .unwrap();
    let href = link.get_attribute("href").unwrap();
    assert!(
        href.starts_with("#/open?url=https%3A%2F%2Fdouyin.com%2F&in=group&date=2022-02-01"),
        "{href}"
    );
    // The chart in groups: Douyin's band holds, Taobao's changed.
    app.choose("Chart context", "group").await;
    assert_eq!(chart_now(&app, "douyin"), "copy_to_browser");
    // Events: one button per event; a click sets the day.
    open_events(&app).await;
    let marks = app.roles("button", Name::Starts("2013-11-01"));
    assert_eq!(marks.len(), 1);
    click_el(&marks[0]).await;
    assert_eq!(saved().scenario.date, day("2013-11-01"));
    assert_eq!(outcome(&app, "taobao", "chat"), "copy_to_browser");
    app.unmount();
}

#[wasm_bindgen_test]
async fn record_cards_anchors_sources_and_jump_to() {
    let app = mount_fresh("#/timeline?id=R-2021-09-17").await;
    flush().await;
    let doc = web_sys::window().unwrap().document().unwrap();
    let focused = doc.active_element().unwrap();
    assert_eq!(
        focused.id(),
        "R-2021-09-17",
        "the entry is scrolled to and focused"
    );
    for e in entries() {
        let card = app.find(&format!("[id=\"{}\"]", e.id));
        assert!(text_of(&card).contains(&e.title_en), "{}", e.id);
    }
    let external = app.all("a[target=_blank]");
    assert!(external.len() >= 10, "sources with a domain are links");
    for a in &external {
        assert_eq!(
            a.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
        assert!(a.get_attribute("href").unwrap().starts_with("https://"));
    }
    // The rules citing an entry open the rules screen at that rule.
    let card = app.find("[id=\"R-2022-01-27\"]");
    let rule = get(&card, "link", Name::Is("taobao-open-2022-01-27"));
    assert_eq!(
        rule.get_attribute("href").as_deref(),
        Some("#/rules?id=taobao-open-2022-01-27")
    );
    click_el(&button(&card, "Jump to")).await;
    assert_eq!(saved().scenario.date, day("2022-01-27"));
    app.unmount();

    let app = mount("#/rules?id=taobao-open-2022-01-27").await;
    flush().await;
    let focused = doc.active_element().unwrap();
    assert_eq!(focused.id(), "rule-taobao-open-2022-01-27");
    assert!(focused.has_attribute("open"));
    assert!(text_of(&focused).contains("R-2022-01-27"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn what_changed_between_two_days() {
    let app = mount_fresh("#/timeline?date=2021-10-01").await;
    // Prefilled around the nearest event, 2021-09-17.
    assert_eq!(app.value("From"), "2021-09-16");
    assert_eq!(app.value("To"), "2021-09-18");
    app.fill("From", "2021-09-01").await;
    app.fill("To", "2022-02-01").await;
    app.press("Compare").await;
    let row =
        |p: &str, c: &str| app.find(&format!("li[data-platform=\"{p}\"][data-context=\"{c}\"]"));
    let douyin = row("douyin", "chat");
    assert_eq!(
        douyin.get_attribute("data-from").as_deref(),
        Some("copy_to_browser")
    );
    assert_eq!(douyin.get_attribute("data-to").as_deref(), Some("open"));
    assert!(douyin
        .get_attribute("data-rules")
        .unwrap()
        .contains("chat-open-2021-11-29"));
    let taobao = row("taobao", "group");
    assert_eq!(taobao.get_attribute("data-to").as_deref(), Some("open"));
    assert!(taobao
        .get_attribute("data-rules")
        .unwrap()
        .contains("taobao-open-2022-01-27"));
    assert!(app
        .all("li[data-platform=\"douyin\"][data-context=\"group\"]")
        .is_empty());
    // A quiet year.
    app.fill("From", "2016-01-01").await;
    app.fill("To", "2016-12-31").await;
    app.press("Compare").await;
    assert_eq!(
        said(&app, "status", "Nothing").as_deref(),
        Some("Nothing changed between these two days.")
    );
    assert!(app.all("li[data-from]").is_empty());
    app.unmount();
}

/// Issue 23: a card gives only the dates the record gives (a range with no
/// start, no date at all), the scrubber marks only real dates, and an
/// entry nothing of the simulator follows from says it is context, in
/// both languages.
#[wasm_bindgen_test]
async fn record_cards_give_only_the_record_dates_and_name_context() {
    use walled_garden::policy::record::marks;
    use walled_garden::policy::rules::Rules;
    let app = mount_fresh("#/timeline?date=2021-10-01").await;
    let card = |id: &str| app.find(&format!("[id=\"{id}\"]"));
    let before = card("S-SYNC-BEFORE-2017-05");
    assert_eq!(before.get_attribute("data-date").as_deref(), Some("none"));
    let t = text_of(&before);
    assert!(
        t.contains("Start not in the record · until 2017-05-19") && t.contains("before May 2017"),
        "{t}"
    );
    // Jump to: the last day before its end, when it still held.
    click_el(&button(&before, "Jump to")).await;
    assert_eq!(saved().scenario.date, day("2017-05-18"));
    for id in ["S-VPN", "S-ANDROID-SOON", "N-GFW"] {
        let c = card(id);
        assert_eq!(
            c.get_attribute("data-date").as_deref(),
            Some("none"),
            "{id}"
        );
        assert!(text_of(&c).contains("No date in the record"), "{id}");
        assert!(c.query_selector("time").unwrap().is_none(), "{id}");
        assert!(
            by_role(&c, "button", Name::Is("Jump to")).is_empty(),
            "{id}"
        );
    }
    // No record card gives a day the record does not (the timeline's own
    // range still starts on 2013-01-01).
    for c in app.all("[data-date]") {
        assert!(
            !text_of(&c).contains("2013-01-01"),
            "invented day: {}",
            text_of(&c)
        );
    }
    // N-GFW is shown with its sources.
    let gfw = text_of(&card("N-GFW"));
    assert!(
        gfw.contains("seeds/001") && gfw.contains("seeds/002"),
        "{gfw}"
    );
    // The scrubber's events: the days the record gives, no other.
    let list = open_events(&app).await;
    let marked: Vec<String> = by_role(&list, "button", Name::Any)
        .iter()
        .map(|b| b.get_attribute("data-jump").unwrap())
        .collect();
    let given: Vec<String> = marks().map(|(d, _)| d.to_string()).collect();
    assert_eq!(marked, given);
    // Context: derived from the rules, REG-2021-11 among it.
    let rules = Rules::builtin();
    for e in entries() {
        let context = card(&e.id).get_attribute("data-context-only").is_some();
        assert_eq!(context, e.context_only(rules), "{}", e.id);
    }
    let miit = card("REG-2021-11");
    assert_eq!(
        miit.get_attribute("data-context-only").as_deref(),
        Some("true")
    );
    assert!(text_of(&miit).contains("Context: no rule of the simulator follows from this entry."));
    // The suspension's end is the record's inference; sign-up follows from it.
    let reg = card("REG-2021-07-27");
    assert!(text_of(&reg).contains("until 2021-08-05 (inferred)"));
    let sign_up = get(&reg, "link", Name::Is("Sign up"));
    assert_eq!(sign_up.get_attribute("href").as_deref(), Some("#/register"));
    app.unmount();

    let app = mount("#/timeline?lang=zh").await;
    let zh = |id: &str| text_of(&app.find(&format!("[id=\"{id}\"]")));
    assert!(zh("S-SYNC-BEFORE-2017-05").contains("记录中没有开始日期 · 至 2017-05-19"));
    assert!(zh("S-VPN").contains("记录中没有日期"));
    assert!(zh("REG-2021-11").contains("背景信息：模拟器中没有任何规则依据此条目。"));
    assert!(zh("REG-2021-07-27").contains("2021-08-05 （推断）"));
    app.unmount();
}

/// Issue 25: the chart has a year axis, a row per platform (a group named
/// by it, its name a link to its history) and a focusable button per band
/// named with its platform, context, days and outcome, the band holding
/// the day marked current; the scrubber's events are buttons named by their
/// day and title. In both languages.
#[wasm_bindgen_test]
async fn the_chart_has_years_and_named_bands_and_the_events_have_names() {
    use walled_garden::policy::matrix::{bands, platforms, END, START};
    use walled_garden::policy::record::marks;
    use walled_garden::policy::rules::{Context, Rules};
    use walled_garden::policy::scenario::Scenario;
    let app = mount_fresh("#/timeline?date=2021-10-01").await;
    let chart = app.role("region", Name::Is("Over the years"));
    assert!(chart.closest("[aria-hidden=true]").unwrap().is_none());
    let years = get(&chart, "list", Name::Is("Years"));
    let labels: Vec<String> = by_role(&years, "listitem", Name::Any)
        .iter()
        .map(|y| text_of(y).trim().to_string())
        .collect();
    let want: Vec<String> = (2013..=2023).map(|y: u16| y.to_string()).collect();
    assert_eq!(labels, want);
    // A row per platform, named by it; its name opens its history.
    let douyin = get(&chart, "group", Name::Is("Douyin"));
    let history = get(&douyin, "link", Name::Is("Douyin"));
    assert_eq!(
        history.get_attribute("href").as_deref(),
        Some("#/history?platform=douyin")
    );
    // A button per band, in the order of the days.
    let rules = Rules::builtin();
    let scenario = Scenario {
        date: START,
        ..Scenario::default()
    };
    let count: usize = platforms(rules)
        .map(|(i, _)| bands(rules, i, Context::Chat, &scenario, START, END).len())
        .sum();
    // The bands, not the chart's Download SVG and Download PNG below them.
    let all: Vec<_> = by_role(&chart, "button", Name::Any)
        .into_iter()
        .filter(|b| !name_of(b).starts_with("Download"))
        .collect();
    assert_eq!(all.len(), count, "every band is a button");
    for b in &all {
        let name = name_of(b);
        assert!(name.contains(", Chat, ") && name.contains(": "), "{name}");
    }
    let names: Vec<String> = by_role(&douyin, "button", Name::Any)
        .iter()
        .map(name_of)
        .collect();
    assert_eq!(
        names,
        [
            "Douyin, Chat, until 2018-02-28: Opens",
            "Douyin, Chat, 2018-03-01 to 2021-09-16: Copy to browser",
            "Douyin, Chat, 2021-09-17 to 2021-11-28: Confirm first",
            "Douyin, Chat, from 2021-11-29: Opens",
        ]
    );
    let blocked = get(
        &douyin,
        "button",
        Name::Is("Douyin, Chat, 2018-03-01 to 2021-09-16: Copy to browser"),
    );
    let now = get(
        &douyin,
        "button",
        Name::Is("Douyin, Chat, 2021-09-17 to 2021-11-28: Confirm first"),
    );
    assert_eq!(now.get_attribute("aria-current").as_deref(), Some("date"));
    assert_eq!(blocked.get_attribute("aria-current"), None);
    // Focusable from the keyboard, and placed on the axis.
    let el: web_sys::HtmlElement = blocked.clone().dyn_into().unwrap();
    assert!(el.tab_index() >= 0);
    el.focus().unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    assert_eq!(doc.active_element().as_ref(), Some(&blocked));
    assert_eq!(left_of(&blocked), at(day("2018-03-01")));
    // Pressing it goes to its first day; the chart is the same markup,
    // the mark of the current band follows the day.
    click_el(&blocked).await;
    assert_eq!(saved().scenario.date, day("2018-03-01"));
    assert!(blocked.is_connected(), "not drawn again on a date change");
    assert_eq!(
        blocked.get_attribute("aria-current").as_deref(),
        Some("date")
    );
    assert_eq!(now.get_attribute("aria-current"), None);
    assert_eq!(doc.active_element().as_ref(), Some(&blocked), "focus kept");
    // The legend names the colours shown.
    let legend = get(&chart, "list", Name::Is("Legend"));
    for words in [
        "Opens",
        "Copy to browser",
        "Confirm first",
        "The scenario's day",
    ] {
        assert!(text_of(&legend).contains(words), "{words}");
    }
    // Another context: other names.
    app.choose("Chart context", "group").await;
    let chart = app.role("region", Name::Is("Over the years"));
    get(
        &chart,
        "button",
        Name::Is("Douyin, Group, from 2018-03-01: Copy to browser"),
    );
    // The scrubber's events: a button each, named by its day and title.
    let list = open_events(&app).await;
    for (d, e) in marks() {
        let b = get(&list, "button", Name::Starts(&d.to_string()));
        assert!(name_of(&b).ends_with(&e.title_en), "{}", name_of(&b));
    }
    let phase1 = get(
        &list,
        "button",
        Name::Is("2021-09-17 · Phase 1: one-to-one chats open after confirmation"),
    );
    click_el(&phase1).await;
    assert_eq!(saved().scenario.date, day("2021-09-17"));
    assert_eq!(
        app.roles("button", Name::Starts("2021-09-17")).len(),
        1,
        "the ticks on the slider are a picture, not buttons"
    );
    app.unmount();

    let app = mount("#/timeline?lang=zh&date=2021-10-01").await;
    let chart = app.role("region", Name::Is("历年变化"));
    let years = get(&chart, "list", Name::Is("年份"));
    assert_eq!(by_role(&years, "listitem", Name::Any).len(), 11);
    let douyin = get(&chart, "group", Name::Is("抖音"));
    let now = get(
        &douyin,
        "button",
        Name::Is("抖音，单聊，2021-09-17 至 2021-11-28：需确认"),
    );
    assert_eq!(now.get_attribute("aria-current").as_deref(), Some("date"));
    let list = open_zh_events(&app).await;
    assert!(by_role(&list, "button", Name::Any).len() == marks().count());
    app.unmount();
}

/// The events' list in Chinese, opened.
async fn open_zh_events(app: &Mounted) -> web_sys::Element {
    click_el(&app.role("button", Name::Starts("记录中的事件 ("))).await;
    app.role("list", Name::Is("记录中的事件"))
}
