//! Browser tests of trust (issue 23): the network apart from WeChat
//! (`data-reachable`), inherited pages that say "Assumption", and the
//! Moments password refusal in its own words. Run by `wasm-pack test
//! --headless --chrome`.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::state::params::encode;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn opener(url: &str, rest: &str) -> String {
    String::from("#/open?url=") + &encode(url) + "&in=chat&" + rest
}

/// The network's block below WeChat's step, if shown.
fn network_block(app: &Mounted) -> Option<String> {
    app.all("[role=status] [data-network=unreachable]")
        .first()
        .map(text_of)
}

#[wasm_bindgen_test]
async fn facebook_opens_in_wechat_but_does_not_load_in_the_mainland_without_a_vpn() {
    let app = mount_fresh(&opener(
        "https://www.facebook.com/",
        "date=2021-12-01&region=mainland&vpn=off",
    ))
    .await;
    // WeChat's step: the in-app browser opens.
    assert_eq!(app.status("data-outcome"), "open");
    assert_eq!(app.status("data-reachable"), "no");
    assert_eq!(app.all("[role=status] [data-page=unreachable]").len(), 1);
    let block = network_block(&app).expect("the network's page");
    assert!(block.contains("The network, not WeChat"), "{block}");
    assert!(block.contains("VPN"), "{block}");
    // Why names the network rule and its source.
    let why = text_of(&app.find("[role=status] details"));
    assert!(
        why.contains("gfw-facebook-twitter") && why.contains("N-GFW"),
        "{why}"
    );

    // With the VPN on, the page loads.
    click_el(&app.control("VPN")).await;
    assert_eq!(app.status("data-reachable"), "yes");
    assert!(network_block(&app).is_none());
    assert!(app.all("[role=status] [data-page=unreachable]").is_empty());
    app.unmount();

    // Abroad without a VPN it loads too.
    let app = mount_fresh(&opener("https://twitter.com/x", "region=overseas&vpn=off")).await;
    assert_eq!(app.status("data-reachable"), "yes");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_chat_cards_outcome_page_says_whether_the_page_loads() {
    let app = mount_fresh("#/chats/lihua?date=2022-03-01&region=mainland&vpn=off").await;
    app.fill("Message", "https://twitter.com/wechat").await;
    app.press("Send").await;
    let card = app.all("[role=log] [data-platform=twitter]").pop().unwrap();
    click_el(&card).await;
    assert_eq!(app.status("data-reachable"), "no");
    assert!(network_block(&app).is_some());
    app.unmount();
    // Taobao loads wherever the phone is.
    let app = mount_fresh(&opener("https://m.tb.cn/h.x", "date=2022-03-01")).await;
    assert_eq!(app.status("data-reachable"), "yes");
    app.unmount();
}

#[wasm_bindgen_test]
async fn douyin_in_a_group_after_phase_1_says_assumption_and_names_the_inferred_page() {
    let url = String::from("#/open?url=")
        + &encode("https://v.douyin.com/x")
        + "&in=group&date=2021-10-01";
    let app = mount_fresh(&url).await;
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    assert_eq!(app.status("data-assumption"), "yes");
    assert_eq!(app.status("data-confidence"), "medium");
    let status = app.find("[role=status]");
    get(&status, "button", Name::Is("Assumption"));
    let supplier = app.find("[role=status] [data-rule=douyin-copy-2018-03]");
    let t = text_of(&supplier);
    assert!(t.contains("supplies") && t.contains("the page"), "{t}");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_taobao_link_in_a_group_opens_as_a_card_for_the_early_cohort() {
    let url = String::from("#/open?url=")
        + &encode("https://m.tb.cn/h.x")
        + "&in=group&date=2021-12-10&cohort=early";
    let app = mount_fresh(&url).await;
    assert_eq!(app.status("data-outcome"), "open");
    let why = text_of(&app.find("[role=status] details"));
    assert!(why.contains("folded"), "{why}");
    app.unmount();
}

/// The composer's names in one language: New post, Post text, Publish.
type Names = [&'static str; 3];
const EN: Names = ["New post", "Post text", "Publish"];
const ZH: Names = ["发表动态", "这一刻的想法", "发表"];

/// Publishes `text` in the Moments composer and returns the alert.
async fn refused(app: &Mounted, text: &str, [new_post, post_text, publish]: Names) -> String {
    click_el(&app.role("button", Name::Is(new_post))).await;
    fill(&control(&app.dialog(), post_text), text).await;
    click_el(&button(&app.dialog(), publish)).await;
    text_of(
        &app.dialog()
            .query_selector("[role=alert]")
            .unwrap()
            .expect("a refusal"),
    )
}

#[wasm_bindgen_test]
async fn the_moments_password_refusal_has_its_own_words_in_both_languages() {
    let pw = "￥AbC123dEf￥";
    let app = mount_fresh("#/moments?date=2019-06-01").await;
    let en = refused(&app, pw, EN).await;
    assert!(
        en.contains("Taobao password texts are not allowed in Moments"),
        "{en}"
    );
    assert!(!en.contains("Access to this page has been stopped"), "{en}");
    assert!(en.contains("Assumption"), "{en}");
    app.unmount();
    let app = mount_fresh("#/moments?date=2019-06-01&lang=zh").await;
    let zh = refused(&app, pw, ZH).await;
    assert!(zh.contains("朋友圈不允许发布淘口令"), "{zh}");
    assert!(!zh.contains("已停止访问该网页"), "{zh}");
    assert!(zh.contains("假设"), "{zh}");
    app.unmount();
}
