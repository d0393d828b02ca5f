//! Browser tests of Moments (issue 16): posting with each visibility, the
//! link rules of 2018-05-29 (a Douyin link made private, a Taobao password
//! text refused), sync boxes following the scenario, View as, likes seen
//! only by mutual friends, linked accounts on Me.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The posts on screen, newest first.
fn posts(app: &Mounted) -> Vec<Element> {
    app.all("article[data-post]")
}

/// The post whose text contains `text`.
fn post(app: &Mounted, text: &str) -> Option<Element> {
    posts(app).into_iter().find(|p| text_of(p).contains(text))
}

/// Opens the composer, fills it, and presses Publish.
async fn publish(app: &Mounted, text: &str, link: &str, visibility: &str, pick: &[&str]) {
    app.press("New post").await;
    let dialog = app.dialog();
    fill(&control(&dialog, "Post text"), text).await;
    if !link.is_empty() {
        fill(&control(&dialog, "Link"), link).await;
    }
    choose(&control(&dialog, "Visibility"), visibility).await;
    for who in pick {
        click_el(&control(&app.dialog(), who)).await;
    }
    click_el(&button(&app.dialog(), "Publish")).await;
}

/// The sync checkbox named `name` in the open composer: its `data-sync`,
/// whether it can be ticked, and the text of what describes it.
fn sync_box(app: &Mounted, name: &str) -> (String, bool, String) {
    let el = control(&app.dialog(), name);
    let why = el.get_attribute("aria-describedby").unwrap();
    let why = text_of(&app.find(&format!("[id='{why}']")));
    let disabled = el.dyn_ref::<HtmlInputElement>().unwrap().disabled();
    (el.get_attribute("data-sync").unwrap(), !disabled, why)
}

#[wasm_bindgen_test]
async fn the_feed_shows_posts_newest_first_with_cards_pictures_and_more() {
    let app = mount_fresh("#/moments").await;
    assert_eq!(app.title(), "Moments");
    let shown = posts(&app);
    // Nothing after the scenario's day (2021-12-01): the 2022 posts wait.
    assert!(post(&app, "Happy 2022").is_none());
    assert!(
        text_of(&shown[0]).contains("Coffee and a cat"),
        "newest first"
    );
    assert!(text_of(&shown[1]).contains("First snow"));
    assert!(!app.all("article [data-display]").is_empty(), "link cards");
    assert!(
        !by_role(&shown[0], "img", Name::Is("Cat")).is_empty(),
        "pictures"
    );
    // Moving the date shows other posts.
    app.unmount();
    let app = mount_fresh("#/moments?date=2022-12-01").await;
    assert!(post(&app, "Happy 2022").is_some());
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_long_feed_renders_progressively() {
    use walled_garden::state::persist::{encode, STORAGE_KEY};
    let mut d = walled_garden::state::seed::seed();
    let model = (*d.moments.posts[0]).clone();
    for i in 0..100u64 {
        let mut p = model.clone();
        p.id = 1000 + i;
        p.author = "me".into();
        p.text = format!("filler {i}");
        d.moments.posts.push(std::rc::Rc::new(p));
    }
    storage().clear().unwrap();
    storage().set_item(STORAGE_KEY, &encode(&d)).unwrap();
    let app = mount("#/moments").await;
    assert_eq!(posts(&app).len(), 30, "the first 30 render at once");
    app.press("Show more").await;
    assert_eq!(posts(&app).len(), 60);
    for _ in 0..3 {
        app.press("Show more").await;
    }
    assert!(!app.has_button("Show more"));
    assert!(posts(&app).len() > 100);
    app.unmount();
}

#[wasm_bindgen_test]
async fn posting_with_each_visibility() {
    let app = mount_fresh("#/moments").await;
    for (vis, pick) in [
        ("public", &[][..]),
        ("private", &[]),
        ("include", &["Family"]),
        ("exclude", &["Mum"]),
    ] {
        let text = format!("a {vis} post");
        publish(&app, &text, "", vis, pick).await;
        assert_eq!(app.dialogs(), 0, "{vis}: the composer closed");
        let p = post(&app, &text).unwrap_or_else(|| panic!("{vis} not posted"));
        assert_eq!(p.get_attribute("data-visibility").as_deref(), Some(vis));
    }
    app.choose("View as", "c-mum").await;
    assert!(post(&app, "a public post").is_some());
    assert!(post(&app, "a include post").is_some(), "Mum is family");
    assert!(post(&app, "a private post").is_none());
    assert!(post(&app, "a exclude post").is_none());
    assert!(app.text().contains("Viewing as: Mum"));
    app.choose("View as", "c-lihua").await;
    assert!(
        post(&app, "a include post").is_none(),
        "Li Hua is not family"
    );
    assert!(post(&app, "a exclude post").is_some());
    assert_eq!(saved().moments.posts.len(), 40);
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_douyin_link_on_2018_06_01_is_private_and_absent_from_a_friends_view() {
    let app = mount_fresh("#/moments?date=2018-06-01").await;
    publish(
        &app,
        "look at this",
        "https://v.douyin.com/abc/",
        "public",
        &[],
    )
    .await;
    let p = post(&app, "look at this").unwrap();
    assert_eq!(
        p.get_attribute("data-visibility").as_deref(),
        Some("private")
    );
    let note = text_of(&get(&p, "note", Name::Any));
    assert!(
        note.contains("Only you see this post") && note.contains("R-2018-05-29"),
        "{note}"
    );
    // Its card follows the Moments rules, and a tap shows the outcome.
    let card = p.query_selector("[data-display]").unwrap().unwrap();
    click_el(&card).await;
    assert_eq!(app.status("data-outcome"), "copy_to_browser");
    app.press("Close").await;
    // A friend does not see it, and the line says why.
    app.choose("View as", "c-lihua").await;
    assert!(post(&app, "look at this").is_none());
    assert!(
        app.text().contains("shown to the poster only"),
        "{}",
        app.text()
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_taobao_password_text_is_refused_and_the_draft_is_kept() {
    let app = mount_fresh("#/moments?date=2018-06-01").await;
    let pw = "￥AbC123dEf￥ 打开淘宝";
    publish(&app, pw, "", "public", &[]).await;
    let alert = text_of(
        &app.dialog()
            .query_selector("[role=alert]")
            .unwrap()
            .unwrap(),
    );
    assert!(
        alert.contains("Not posted") && alert.contains("R-2018-05-29"),
        "{alert}"
    );
    assert_eq!(value_of(&control(&app.dialog(), "Post text")), pw);
    // Too long: the counter says so, the text stays.
    let long = "字".repeat(10_001);
    fill(&control(&app.dialog(), "Post text"), &long).await;
    assert!(text_of(&app.dialog()).contains("10001 / 10000"));
    click_el(&button(&app.dialog(), "Publish")).await;
    assert!(text_of(&app.dialog()).contains("at most 10,000"));
    // Cancel keeps the draft for the next opening.
    app.press("Cancel").await;
    app.press("New post").await;
    assert_eq!(value_of(&control(&app.dialog(), "Post text")), long);
    assert!(post(&app, "AbC123dEf").is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn sync_checkboxes_change_with_the_scenario() {
    use walled_garden::policy::scenario::Region;
    use walled_garden::state::persist::{encode, STORAGE_KEY};
    // `overseas_account`: the account registered overseas (else the demo
    // account, registered in the mainland); the scenario's region is where
    // the phone is.
    for (q, overseas_account, fb, qq_source) in [
        (
            "region=overseas&os=android&date=2016-01-01",
            true,
            "available",
            "S-SYNC-BEFORE-2017-05#overseas-qq",
        ),
        // A mainland account abroad: the mainland account's rules, no VPN
        // needed (S-VPN is about being inside the mainland).
        (
            "region=overseas&os=ios&date=2016-01-01",
            false,
            "unavailable",
            "S-SYNC-BEFORE-2017-05",
        ),
        (
            "region=overseas&os=ios&date=2017-06-01&vpn=off",
            false,
            "available",
            "S-SYNC-BEFORE-2017-05",
        ),
        (
            "region=mainland&os=ios&date=2017-05-18&vpn=on",
            false,
            "unavailable",
            "S-SYNC-BEFORE-2017-05",
        ),
        (
            "region=mainland&os=ios&date=2017-06-01&vpn=off",
            false,
            "needs_vpn",
            "S-SYNC-BEFORE-2017-05",
        ),
        (
            "region=mainland&os=ios&date=2017-06-01&vpn=on",
            false,
            "available",
            "S-SYNC-BEFORE-2017-05",
        ),
        (
            "region=mainland&os=android&date=2019-06-01&vpn=on",
            false,
            "unavailable",
            "S-SYNC-BEFORE-2017-05",
        ),
    ] {
        let mut d = walled_garden::state::seed::seed();
        if overseas_account {
            std::rc::Rc::make_mut(&mut d.account).region = Region::Overseas;
        }
        storage().clear().unwrap();
        storage().set_item(STORAGE_KEY, &encode(&d)).unwrap();
        let app = mount(&format!("#/moments?{q}")).await;
        app.press("New post").await;
        let (qq, qq_on, qq_why) = sync_box(&app, "Sync to QQ");
        assert_eq!((qq.as_str(), qq_on), ("available", true), "{q}");
        assert!(qq_why.contains(qq_source), "{q}: {qq_why}");
        for name in ["Sync to Facebook", "Sync to Twitter"] {
            let (status, enabled, why) = sync_box(&app, name);
            assert_eq!(status, fb, "{q} {name}");
            assert_eq!(enabled, fb == "available", "{q} {name}");
            assert!(why.contains("S-"), "{q}: a record id beside it: {why}");
        }
        let (_, _, why) = sync_box(&app, "Sync to Twitter");
        if q.contains("android") && q.contains("mainland") {
            assert!(
                why.contains("S-ANDROID-SOON") && why.ends_with("Assumption"),
                "{why}"
            );
        }
        if fb == "needs_vpn" {
            assert!(why.contains("VPN"), "{why}");
        }
        app.unmount();
    }
    // A synced post says so.
    let app = mount_fresh("#/moments?vpn=on").await;
    app.press("New post").await;
    fill(&control(&app.dialog(), "Post text"), "everywhere").await;
    click_el(&control(&app.dialog(), "Sync to QQ")).await;
    click_el(&control(&app.dialog(), "Sync to Twitter")).await;
    click_el(&button(&app.dialog(), "Publish")).await;
    assert!(text_of(&post(&app, "everywhere").unwrap()).contains("Synced to QQ, Twitter"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn likes_and_comments_are_seen_only_by_mutual_friends() {
    let app = mount_fresh("#/moments").await;
    let p = post(&app, "Coffee and a cat").unwrap();
    click_el(&button(&p, "Like")).await;
    let p = post(&app, "Coffee and a cat").unwrap();
    assert!(!by_role(&p, "button", Name::Is("Unlike")).is_empty());
    assert!(text_of(&p).contains("Wang Fang, Sun Li, Zhao Lei, Alex Chen"));
    click_el(&button(&p, "Comment")).await;
    let p = post(&app, "Coffee and a cat").unwrap();
    fill(&control(&p, "Comment text"), "Lovely cat").await;
    click_el(&button(&p, "Send")).await;
    assert!(text_of(&post(&app, "Coffee and a cat").unwrap()).contains("Alex Chen: Lovely cat"));
    // Chen Jing is Li Hua's friend but not the deal hunters': she sees my
    // like and Wang Fang's, not theirs, nor Sun Li's comment.
    app.choose("View as", "c-chenjing").await;
    let p = post(&app, "Coffee and a cat").unwrap();
    let t = text_of(&p);
    assert!(
        t.contains("Wang Fang, Alex Chen") && !t.contains("Sun Li"),
        "{t}"
    );
    assert!(t.contains("Lovely cat") && !t.contains("Cute!"), "{t}");
    assert!(
        by_role(&p, "button", Name::Is("Like")).is_empty(),
        "View as does not act"
    );
    // Mum is not Li Hua's friend: no post, so no like.
    app.choose("View as", "c-mum").await;
    assert!(post(&app, "Coffee and a cat").is_none());
    // Back as me: delete my comment, unlike.
    app.choose("View as", "me").await;
    let p = post(&app, "Coffee and a cat").unwrap();
    click_el(&button(&p, "Delete")).await;
    let p = post(&app, "Coffee and a cat").unwrap();
    assert!(!text_of(&p).contains("Lovely cat"));
    click_el(&button(&p, "Unlike")).await;
    assert!(!text_of(&post(&app, "Coffee and a cat").unwrap()).contains(", Alex Chen"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn linking_facebook_from_the_mainland_needs_a_vpn() {
    let app = mount_fresh("#/me").await;
    app.press("Link Facebook").await;
    let alert = app.role("alert", Name::Any);
    assert!(text_of(&alert).contains("Could not link") && text_of(&alert).contains("S-VPN"));
    assert!(saved().moments.linked.is_empty());
    app.press("Link QQ").await;
    assert!(app.has_button("Unlink QQ"));
    app.unmount();
    let app = mount("#/me?vpn=on").await;
    app.press("Link Facebook").await;
    assert!(app.has_button("Unlink Facebook"));
    app.choose("Friends can see my Moments of", "three_days")
        .await;
    let d = saved();
    assert_eq!(d.moments.linked.len(), 2);
    assert_eq!(d.moments.window.as_str(), "three_days");
    app.unmount();
}

/// The user's own post, likes and comments are signed with the account's
/// name, as WeChat does (issue 25: it said "Me", and Me's "M" avatar was
/// Mum's).
#[wasm_bindgen_test]
async fn my_own_post_is_signed_with_my_name() {
    let app = mount_fresh("#/moments").await;
    app.press("New post").await;
    fill(&control(&app.dialog(), "Post text"), "signed").await;
    click_el(&button(&app.dialog(), "Publish")).await;
    let p = post(&app, "signed").unwrap();
    assert_eq!(name_of(&p), "Alex Chen");
    let author = get(&p, "heading", Name::Any);
    assert_eq!(text_of(&author), "Alex Chen");
    app.unmount();

    let app = mount_fresh("#/moments?lang=zh").await;
    app.press("发表动态").await;
    fill(&control(&app.dialog(), "这一刻的想法"), "署名").await;
    click_el(&button(&app.dialog(), "发表")).await;
    let p = post(&app, "署名").unwrap();
    assert_eq!(name_of(&p), "陈小安");
    app.unmount();
}
