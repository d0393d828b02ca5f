//! Browser tests of honest uncertainty (issue 15): the Cohort control, the
//! confidence and assumption of every decision, and the badges that open
//! the Why section. Run by `wasm-pack test --headless --chrome`.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::state::params::encode;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn opener(url: &str, rest: &str) -> String {
    String::from("#/open?url=") + &encode(url) + "&in=chat&" + rest
}

/// Whether the Why section of the decision is open.
fn why_open(app: &Mounted) -> bool {
    app.find("[role=status] details")
        .dyn_into::<web_sys::HtmlDetailsElement>()
        .unwrap()
        .open()
}

#[wasm_bindgen_test]
async fn the_cohort_select_changes_the_answer_live() {
    let app = mount_fresh(&opener(
        "https://item.taobao.com/item.htm?id=1",
        "date=2021-10-01",
    ))
    .await;
    assert_eq!(app.value("Cohort"), "late");
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    let t = text_of(&app.find("[role=status]"));
    assert!(t.contains("Early-cohort users saw: "), "{t}");
    assert!(t.contains("chat-confirm-2021-09-17"), "{t}");

    app.choose("Cohort", "early").await;
    assert_eq!(app.status("data-outcome"), "confirm");
    assert!(hash().contains("cohort=early"), "{}", hash());
    let t = text_of(&app.find("[role=status]"));
    assert!(t.contains("Late-cohort users saw: "), "{t}");
    assert_eq!(saved().scenario.cohort.as_str(), "early");
    app.unmount();
}

#[wasm_bindgen_test]
async fn cohort_in_the_address_survives_moving_between_screens() {
    let app = mount_fresh("#/chats?cohort=early").await;
    click_el(&app.role("link", Name::Is("Discover"))).await;
    assert!(hash().contains("cohort=early"), "{}", hash());
    click_el(&app.role("link", Name::Is("Me"))).await;
    assert!(
        hash().starts_with("#/me") && hash().contains("cohort=early"),
        "{}",
        hash()
    );
    assert_eq!(app.value("Cohort"), "early");
    app.unmount();
    // A bad value is ignored with a notice.
    let app = mount_fresh("#/me?cohort=middle").await;
    assert_eq!(app.value("Cohort"), "late");
    assert!(app.text().contains("middle"), "{}", app.text());
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_assumed_platform_says_so_and_the_badge_opens_why() {
    let app = mount_fresh(&opener("https://www.duoshan.com/", "date=2019-01-15")).await;
    assert_eq!(app.status("data-assumption"), "yes");
    // An assumption is at most of medium confidence.
    assert_eq!(app.status("data-confidence"), "medium");
    let status = app.find("[role=status]");
    let badge = get(&status, "button", Name::Is("Assumption"));
    assert!(by_role(&status, "button", Name::Is("Low confidence")).is_empty());
    assert!(
        text_of(&status).contains("duoshan.com, is assumed"),
        "{}",
        text_of(&status)
    );
    // The opener shows Why open; closed, the badge opens it again.
    assert!(why_open(&app));
    app.find("[role=status] details")
        .dyn_into::<web_sys::HtmlDetailsElement>()
        .unwrap()
        .set_open(false);
    flush().await;
    assert!(!why_open(&app));
    click_el(&badge).await;
    assert!(why_open(&app));
    app.unmount();
}

#[wasm_bindgen_test]
async fn weak_sources_look_weak_in_a_chat_too() {
    // A Zhihu link in a chat on 2021-01-01 (R-2020-12, weak sources): the
    // outcome screen after tapping the card says low confidence, and its
    // badge opens the Why section, closed at first.
    let app = mount_fresh("#/chats/lihua?date=2021-01-01").await;
    app.fill("Message", "https://www.zhihu.com/question/1")
        .await;
    app.press("Send").await;
    let card = app.all("[role=log] [data-platform=zhihu]").pop().unwrap();
    click_el(&card).await;
    assert_eq!(app.status("data-confidence"), "low");
    assert_eq!(app.status("data-assumption"), "yes");
    assert!(!why_open(&app));
    click_el(&get(
        &app.find("[role=status]"),
        "button",
        Name::Is("Low confidence"),
    ))
    .await;
    assert!(why_open(&app));
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_batch_table_has_confidence_and_assumption() {
    let app = mount_fresh("#/open?date=2021-01-01").await;
    app.fill(
        "Links, one per line",
        "https://www.zhihu.com/q\nhttps://jd.com/",
    )
    .await;
    app.press("Check").await;
    for _ in 0..50 {
        if !app.all("td[data-confidence]").is_empty() {
            break;
        }
        flush().await;
    }
    let conf: Vec<String> = app
        .all("td[data-confidence]")
        .iter()
        .map(|c| c.get_attribute("data-confidence").unwrap())
        .collect();
    let assumed: Vec<String> = app
        .all("td[data-assumption]")
        .iter()
        .map(|c| c.get_attribute("data-assumption").unwrap())
        .collect();
    assert_eq!(
        (conf, assumed),
        (
            // JD is a fact in chats only: in groups and Moments the
            // assumed default decides, so the row is medium at most.
            vec!["low".to_string(), "medium".into()],
            vec!["yes".to_string(), "yes".into()]
        )
    );
    app.unmount();
}

/// Issue 25: the link dialog in a chat answers "how sure is that?" where it
/// is asked: the confidence always (high too), and one line on the cohort
/// with what the other cohort saw when a rollout made them differ.
#[wasm_bindgen_test]
async fn a_chats_link_dialog_shows_confidence_and_the_cohort() {
    // A Taobao link in a group on 2021-12-10, during the gradual pilot.
    let app = mount_fresh("#/chats/deals?date=2021-12-10").await;
    app.fill("Message", "https://item.taobao.com/item.htm?id=1")
        .await;
    app.press("Send").await;
    let card = app.all("[role=log] [data-platform=taobao]").pop().unwrap();
    click_el(&card).await;
    let status = app.find("[role=status]");
    let want = match app.status("data-confidence").as_str() {
        "high" => "High confidence",
        "medium" => "Medium confidence",
        _ => "Low confidence",
    };
    assert_eq!(
        by_role(&status, "button", Name::Is(want)).len(),
        1,
        "{}",
        text_of(&status)
    );
    let line = status.query_selector("[data-cohort]").unwrap().unwrap();
    assert_eq!(line.get_attribute("data-cohort").as_deref(), Some("late"));
    assert!(
        text_of(&line).contains("Late (the default)"),
        "{}",
        text_of(&line)
    );
    assert!(
        text_of(&line).contains("Early-cohort users saw"),
        "the pilot's other cohort: {}",
        text_of(&line)
    );
    app.unmount();
    // A day both cohorts saw the same: said so, and a high badge.
    let app = mount_fresh("#/chats/lihua?date=2023-06-01").await;
    app.fill("Message", "https://www.jd.com/").await;
    app.press("Send").await;
    let card = app.all("[role=log] [data-platform=jd]").pop().unwrap();
    click_el(&card).await;
    let status = app.find("[role=status]");
    assert_eq!(app.status("data-confidence"), "high");
    assert_eq!(
        by_role(&status, "button", Name::Is("High confidence")).len(),
        1
    );
    let line = status.query_selector("[data-cohort]").unwrap().unwrap();
    assert!(
        text_of(&line).contains("both cohorts saw the same"),
        "{}",
        text_of(&line)
    );
    app.unmount();
}
