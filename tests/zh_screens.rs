//! No English on a `lang=zh` screen (issue 14, part 5): every screen and
//! dialog is visited in Chinese, and its visible text (the text under the
//! app's root, and the `aria-label`, `title`, `placeholder` and `alt`
//! values) must hold no English word. Run by `wasm-pack test --headless
//! --chrome`.
//!
//! An English word is a run of two or more ASCII letters. What is data, not
//! prose, is left out (see [`is_data`]): links, hosts, paths and address
//! parameters (what the user typed, or the link a card shows), record ids,
//! the ids of rules and mini programs, which are keys of the rules file and
//! the mock data, not words. [`ALLOWED`] lists the few names that Chinese
//! WeChat itself writes in Latin letters.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use std::collections::HashSet;
use walled_garden::i18n::T;
use walled_garden::lang::Lang;
use walled_garden::policy::engine::FALLBACK_ID;
use walled_garden::policy::rules::Rules;
use walled_garden::policy::scenario::Date;
use walled_garden::state::mini::{LinkKind, MINI_PROGRAMS};
use walled_garden::state::params::encode;
use walled_garden::state::seed::seed;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Latin-letter words a Chinese WeChat user reads as they are, and why.
#[rustfmt::skip]
const ALLOWED: &[&str] = &[
    // Names with no Chinese form (QQ音乐, VPN, iOS, Meta).
    "QQ", "VPN", "iOS", "Meta",
    // Chinese writes "App" as it is (淘宝 App, 其他 App).
    "App",
    // WeChat's Chinese documentation names its mini-program links so:
    // "URL Scheme", "URL Link", "Short Link", and the mini program's "AppID".
    "URL", "Scheme", "Link", "Short", "AppID",
    // File formats ("下载 CSV", and the chart's "下载 SVG", "下载 PNG").
    "CSV", "SVG", "PNG",
    // The language picker names each language in itself.
    "English",
];

/// `zh` text of a string-table key.
fn zh(t: T) -> &'static str {
    t.tr(Lang::Zh)
}

/// The ids of the rules file and the mock data, shown as identifiers: rule,
/// source and AppIDs, and WeChat IDs (微信号), which are chosen in Latin
/// letters.
fn ids() -> HashSet<String> {
    let rules = Rules::builtin();
    let mut ids: HashSet<String> = rules.rules().iter().map(|r| r.id.to_string()).collect();
    ids.extend(rules.sources().iter().map(|s| s.id.to_string()));
    ids.extend(rules.network_rules().iter().map(|n| n.id.to_string()));
    ids.extend(MINI_PROGRAMS.iter().map(|m| m.appid.to_string()));
    ids.extend(seed().contacts.iter().map(|c| c.wechat_id.clone()));
    ids.extend([FALLBACK_ID.to_string(), "wxid_walledgarden".to_string()]);
    ids
}

/// Whether a token (text between white space and non-ASCII characters) is
/// data rather than words: a link (`https://…`, `weixin://…`,
/// `javascript:…`), a host or path (`v.douyin.com`, `/pages/item`), an
/// address parameter (`date=2021-13-45`), a record id (`R-2021-09-17`,
/// `MP-URL-LINK`), or an id of the rules file or the mock data.
fn is_data(token: &str, ids: &HashSet<String>) -> bool {
    let b = token.as_bytes();
    let scheme = token.split_once(':').is_some_and(|(s, rest)| {
        !rest.is_empty() && !s.is_empty() && s.bytes().all(|c| c.is_ascii_lowercase())
    });
    let host_or_path = token.starts_with('/')
        || b.windows(3).any(|w| {
            w[0].is_ascii_alphanumeric()
                && (w[1] == b'.' || w[1] == b'/')
                && w[2].is_ascii_alphanumeric()
        });
    let param = token.split_once('=').is_some_and(|(k, _)| {
        !k.is_empty() && k.bytes().all(|c| c.is_ascii_lowercase() || c == b'_')
    });
    // A record id, or a citation of a part of a record entry (`R-2022-01-27#moments`).
    let id = token.split('#').next().unwrap_or_default();
    let record_id = id.contains('-')
        && id
            .bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'-');
    scheme || host_or_path || param || record_id || ids.contains(token)
}

/// `text` without its quotations: what 「」 quote (a value the user typed, a
/// value of the data) and what ￥￥ enclose (a Taobao password's code).
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut close = None;
    for c in text.chars() {
        match close {
            None if c == '「' => close = Some('」'),
            None if c == '￥' => close = Some('￥'),
            None => out.push(c),
            Some(end) if c == end => {
                close = None;
                out.push(' ');
            }
            Some(_) => {}
        }
    }
    out
}

/// The English words in `text`, each with the token it is in.
fn english(text: &str, ids: &HashSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    for token in unquoted(text).split(|c: char| c.is_whitespace() || !c.is_ascii()) {
        let token = token.trim_matches(|c: char| "()[]{}<>,.;:!?\"'`*".contains(c));
        if token.is_empty() || is_data(token, ids) {
            continue;
        }
        for word in token.split(|c: char| !c.is_ascii_alphabetic()) {
            if word.len() >= 2 && !ALLOWED.contains(&word) {
                found.push(String::from(word) + " (in \"" + token + "\")");
            }
        }
    }
    found
}

thread_local! {
    /// The text of every element (its own text nodes, joined; a child
    /// element counts as a space) and its `aria-label`, `title`,
    /// `placeholder` and `alt` values, under the root, each with the tag of
    /// its element, so a failure says where.
    static TEXTS: js_sys::Function = js_sys::Function::new_with_args(
        "root",
        "const out = [];
         for (const el of [root, ...root.querySelectorAll('*')]) {
           let own = '';
           for (const n of el.childNodes) own += n.nodeType === 3 ? n.data : ' ';
           const tag = el.tagName.toLowerCase();
           if (own.trim()) out.push('<' + tag + '> ' + own);
           for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
             const v = el.getAttribute(a);
             if (v) out.push('<' + tag + ' ' + a + '> ' + v);
           }
         }
         return out;",
    );
}

/// What the screens showed in English, screen by screen.
struct Audit {
    ids: HashSet<String>,
    /// What the user typed, shown back as it is (the batch table's links).
    typed: Vec<String>,
    screens: usize,
    failures: Vec<String>,
}

impl Audit {
    fn new() -> Audit {
        Audit {
            ids: ids(),
            typed: Vec::new(),
            screens: 0,
            failures: Vec::new(),
        }
    }

    /// An audit that takes the record's source names as typed data:
    /// publications and the seed articles' titles, cited in the language
    /// they were published in (`policy::record::source_name`).
    fn with_sources() -> Audit {
        use walled_garden::policy::record::{entries, source_name};
        Audit {
            typed: entries()
                .iter()
                .flat_map(|e| e.sources.iter())
                .flat_map(|s| [s.clone(), source_name(s).into_owned()])
                .collect(),
            ..Audit::new()
        }
    }

    /// Checks what `app` shows now, naming it `screen`.
    fn check(&mut self, app: &Mounted, screen: &str) {
        self.screens += 1;
        let texts: js_sys::Array = TEXTS
            .with(|f| f.call1(&wasm_bindgen::JsValue::NULL, &app.root))
            .unwrap()
            .unchecked_into();
        assert!(texts.length() > 0, "{screen}: nothing on screen");
        for t in texts.iter() {
            let t = t.as_string().unwrap();
            let (place, text) = t.split_once("> ").unwrap();
            if self.typed.iter().any(|x| x == text.trim()) {
                continue;
            }
            let words = english(text, &self.ids);
            if !words.is_empty() {
                self.failures.push(
                    String::from(screen)
                        + ": "
                        + place
                        + "> \""
                        + text.trim()
                        + "\": "
                        + &words.join(", "),
                );
            }
        }
    }

    /// Fails, listing every English text found, if there was any.
    fn finish(self, min_screens: usize) {
        assert!(
            self.screens >= min_screens,
            "only {} screens checked",
            self.screens
        );
        assert!(
            self.failures.is_empty(),
            "English on lang=zh screens:\n{}",
            self.failures.join("\n")
        );
    }
}

fn opener(url: &str, rest: &str) -> String {
    String::from("#/open?url=") + &encode(url) + "&" + rest + "&lang=zh"
}

#[wasm_bindgen_test]
fn the_checker_finds_english_and_leaves_data_alone() {
    let ids = ids();
    assert!(
        ids.contains("feishu-blocked-2020-02-28"),
        "{} ids: {ids:?}",
        ids.len()
    );
    assert_eq!(english("Reset demo data", &ids).len(), 3);
    assert_eq!(english("重置演示数据？Cancel", &ids).len(), 1);
    assert_eq!(english("「quoted」 but not this", &ids).len(), 3);
    assert_eq!(
        english("京东 · 商品 · JD.com (Tencent-invested)", &ids).len(),
        2
    );
    for data in [
        "https://m.tb.cn/h.x",
        "v.douyin.com",
        "已忽略无效的地址参数：date=2021-13-45",
        "（R-2021-11-29）",
        "MP-URL-LINK",
        "feishu-blocked-2020-02-28 起决定作用",
        "javascript:alert(1)",
        "/pages/item/detail",
        "QQ音乐",
        "URL Link（模拟当天生成）",
        "AppID wx3a1f09c2b7d4e865",
        "复制这段话打开淘宝：￥AbC123dEf￥",
        "「appid」参数「nope」不是「wx」加 16 位十六进制字符",
        "R-2022-01-27#moments",
        "微信号: deal_hunter_zl",
        "阿里巴巴 · 淘宝 App",
    ] {
        assert_eq!(english(data, &ids), Vec::<String>::new(), "{data}");
    }
}

#[wasm_bindgen_test]
async fn the_tabs_chats_and_dialogs_have_no_english() {
    let mut audit = Audit::new();
    let app = mount_fresh("#/chats?lang=zh&date=2021-10-01").await;
    audit.check(&app, "#/chats");
    let more = app.role("button", Name::Starts(zh(T::MoreActions)));
    click_el(&more).await;
    audit.check(&app, "#/chats, a chat's actions");
    app.press(zh(T::Delete)).await;
    audit.check(&app, "#/chats, delete a chat");
    app.press(zh(T::Cancel)).await;
    click_el(&app.role("button", Name::Has(zh(T::NewGroup)))).await;
    audit.check(&app, "#/chats, new group");
    app.press(zh(T::Create)).await;
    audit.check(&app, "#/chats, new group refused");
    app.unmount();

    for (address, screen) in [
        ("#/chats/lihua", "one-to-one chat"),
        ("#/chats/chenjing", "one-to-one chat with a link card"),
        ("#/chats/family", "group chat"),
        ("#/chats/deals", "group chat with link cards"),
        ("#/chats/nobody", "a chat that does not exist"),
        ("#/contacts", "#/contacts"),
        ("#/discover", "#/discover"),
        ("#/me", "#/me"),
        ("#/moments", "#/moments"),
        ("#/register", "#/register (placeholder)"),
        ("#/nowhere/at/all", "not found"),
        ("#/me?date=2021-13-45&region=mars", "bad parameters"),
        (
            "#/compare?url=https%3A%2F%2Fm.tb.cn%2Fh.x&in=group&a.date=2021-12-10&b.date=2021-12-10&b.cohort=early&b.os=windows",
            "compare, a bad parameter on B",
        ),
    ] {
        let sep = if address.contains('?') { "&" } else { "?" };
        let app = mount_fresh(&(String::from(address) + sep + "lang=zh&date=2021-10-01")).await;
        audit.check(&app, screen);
        app.unmount();
    }

    // A group's members and leaving it.
    let app = mount_fresh("#/chats/family?lang=zh").await;
    click_el(&app.role("button", Name::Starts(zh(T::GroupMembers)))).await;
    audit.check(&app, "group members");
    app.press(zh(T::LeaveGroup)).await;
    audit.check(&app, "leave the group");
    app.unmount();

    // Reset, after reporting a link (Me lists the reports).
    let app = mount_fresh("#/chats/chenjing?lang=zh&date=2021-10-01").await;
    app.press(zh(T::ReportLink)).await;
    app.unmount();
    let app = mount("#/me?lang=zh").await;
    audit.check(&app, "#/me with a reported link");
    app.press(zh(T::ResetData)).await;
    app.role("dialog", Name::Is(zh(T::ResetConfirmTitle)));
    audit.check(&app, "reset confirmation");
    app.unmount();

    // Unreadable saved data: the recovery notice.
    storage().clear().unwrap();
    storage()
        .set_item(
            walled_garden::state::persist::STORAGE_KEY,
            "{\"version\": 1, \"chats\": [oops",
        )
        .unwrap();
    let app = mount("#/chats?lang=zh").await;
    assert_eq!(app.all("[data-notice=recovered]").len(), 1);
    audit.check(&app, "saved data recovered");
    app.unmount();

    // An incomplete date on Me.
    let app = mount_fresh("#/me?lang=zh").await;
    app.fill(zh(T::Date), "").await;
    audit.check(&app, "#/me, incomplete date");
    app.unmount();

    // Tapping a link card in a chat: the outcome over the chat.
    for (address, screen) in [
        (
            "#/chats/chenjing?date=2021-10-01",
            "card tapped in a one-to-one chat",
        ),
        ("#/chats/deals?date=2021-10-01", "card tapped in a group"),
    ] {
        let app = mount_fresh(&(String::from(address) + "&lang=zh")).await;
        app.click("[role=log] [data-display=card]").await;
        assert_eq!(app.dialogs(), 1, "{screen}");
        audit.check(&app, screen);
        app.unmount();
    }
    audit.finish(25);
}

/// The timeline and the rules screen (issue 17). The record's source
/// names (publications, `seeds/000`) and the rules file's keys (link forms,
/// card displays, categories) are data, shown as they are.
#[wasm_bindgen_test]
async fn time_travel_screens_have_no_english() {
    use walled_garden::policy::rules::{CardDisplay, LinkForm};
    let mut audit = Audit::with_sources();
    let rules = Rules::builtin();
    audit
        .ids
        .extend(LinkForm::ALL.iter().map(|f| f.as_str().to_string()));
    audit
        .ids
        .extend(CardDisplay::ALL.iter().map(|d| d.as_str().to_string()));
    audit.ids.extend(rules.categories().iter().cloned());
    // The record's and the rules file's own Chinese texts, shown as written,
    // name these in Latin letters (Lark is Feishu's own second name).
    audit
        .ids
        .extend(["Facebook", "Twitter", "Lark", "Android"].map(String::from));
    let app = mount_fresh("#/timeline?lang=zh&date=2021-10-01").await;
    audit.check(&app, "#/timeline");
    app.press(zh(T::Compare)).await;
    audit.check(&app, "#/timeline, what changed");
    app.fill(zh(T::FromDay), "2016-01-01").await;
    app.fill(zh(T::ToDay), "2016-02-01").await;
    app.press(zh(T::Compare)).await;
    audit.check(&app, "#/timeline, nothing changed");
    app.fill(zh(T::FromDay), "2018-01-01").await;
    app.fill(zh(T::ToDay), "2022-12-31").await;
    app.press(zh(T::EveryChangeBetween)).await;
    audit.check(&app, "#/timeline, every change in between");
    app.unmount();
    // Each platform's history, and the page for one the rules don't have.
    // `nowhere` is the id typed into the address, shown back as it is.
    audit.typed.push("nowhere".into());
    for address in ["#/history?platform=douyin", "#/history?platform=nowhere"] {
        let app = mount_fresh(&(String::from(address) + "&lang=zh")).await;
        audit.check(&app, address);
        app.unmount();
    }
    let app = mount_fresh("#/rules?lang=zh&date=2021-10-01&id=taobao-open-2022-01-27").await;
    // Every rule's details open.
    for d in app.all("details[data-rule]") {
        d.set_attribute("open", "").unwrap();
    }
    flush().await;
    audit.check(&app, "#/rules, every rule open");
    app.press(zh(T::Validate)).await;
    audit.check(&app, "#/rules, validated");
    app.press(zh(T::Apply)).await;
    audit.check(&app, "#/rules, applied (custom rules in the top bar)");
    app.press(zh(T::ResetBuiltin)).await;
    audit.check(&app, "#/rules, reset");
    app.unmount();
    audit.finish(7);
}

#[wasm_bindgen_test]
async fn every_outcome_of_the_link_opener_has_no_english() {
    let day = Date::parse("2021-10-01").unwrap();
    let trial = MINI_PROGRAMS[1].link(LinkKind::Trial, day);
    let short = MINI_PROGRAMS[0].link(LinkKind::Short, day);
    let cases: Vec<(String, &str, &str)> = vec![
        ("https://item.jd.com/1.html".into(), "in=chat&date=2021-10-01", "open"),
        ("https://www.feishu.cn/x".into(), "in=chat&date=2021-10-01", "confirm"),
        ("https://www.zhihu.com/question/1".into(), "in=chat&date=2021-01-15", "warn"),
        ("https://m.tb.cn/h.x".into(), "in=chat&date=2020-01-01", "copy_to_browser"),
        ("https://m.tb.cn/h.x".into(), "in=moments&date=2022-02-01", "copy_to_browser"),
        ("https://www.feishu.cn/x".into(), "in=chat&date=2020-02-28", "blocked"),
        ("https://wxaurl.cn/jdShopT1ck3t?created=2021-01-01".into(), "in=chat&date=2021-10-01", "blocked"),
        ("https://wxaurl.cn/jdShopT1ck3t?created=2021-12-01".into(), "in=chat&date=2021-10-01", "blocked"),
        (trial, "in=chat&date=2021-10-01", "blocked"),
        ("https://wxaurl.cn/jdShopT1ck3t?created=2021-09-30".into(), "in=chat&date=2021-10-01", "warn"),
        ("weixin://dl/business/?appid=wx3a1f09c2b7d4e865&path=pages/item/detail&query=sku%3D1&env_version=release".into(), "in=chat&date=2021-10-01", "mini_program"),
        (short, "in=chat&date=2021-10-01", "mini_program"),
        ("javascript:alert(1)".into(), "in=chat&date=2021-10-01", "rejected"),
        ("weixin://dl/business/?appid=nope".into(), "in=chat&date=2021-10-01", "rejected"),
        ("not a link at all".into(), "in=group&date=2021-10-01", "rejected"),
        ("".into(), "in=chat", "none"),
    ];
    let mut audit = Audit::new();
    for (url, rest, outcome) in &cases {
        let address = opener(url, rest);
        let app = mount_fresh(&address).await;
        let screen = String::from("#/open ") + outcome + " " + url + " " + rest;
        if *outcome != "none" {
            assert_eq!(app.status("data-outcome"), *outcome, "{address}");
            // The Why section is part of the result.
            app.role("heading", Name::Is(zh(T::Why)));
        }
        audit.check(&app, &screen);
        if app.has_button(zh(T::Continue)) {
            app.press(zh(T::Continue)).await;
            audit.check(&app, &(screen.clone() + ", continued"));
        }
        if app.has_button(zh(T::Share)) {
            app.press(zh(T::Share)).await;
            audit.check(&app, &(screen.clone() + ", share"));
        }
        app.unmount();
    }

    // The batch check, with a result of every kind.
    let app = mount_fresh("#/open?lang=zh&date=2021-10-01").await;
    let area = app.control(zh(T::BatchLinks));
    fill(&area, "  \n").await;
    app.press(zh(T::Check)).await;
    audit.check(&app, "batch check, nothing entered");
    let links: Vec<&str> = cases.iter().map(|c| c.0.as_str()).collect();
    audit.typed = links.iter().map(|l| l.to_string()).collect();
    fill(&area, &links.join("\n")).await;
    app.press(zh(T::Check)).await;
    for _ in 0..100 {
        let el = app.find("[data-rows]");
        if el.get_attribute("data-rows") == el.get_attribute("data-total") {
            break;
        }
        flush().await;
    }
    app.role("table", Name::Any);
    audit.check(&app, "batch check with results");
    app.unmount();
    audit.finish(cases.len() + 2);
}

#[wasm_bindgen_test]
async fn mini_programs_and_their_details_have_no_english() {
    let mut audit = Audit::new();
    let app = mount_fresh("#/mini?lang=zh&date=2021-10-01").await;
    audit.check(&app, "#/mini");
    let items: Vec<web_sys::Element> = app
        .roles("button", Name::Any)
        .into_iter()
        .filter(|b| b.has_attribute("data-appid"))
        .collect();
    assert_eq!(items.len(), MINI_PROGRAMS.len());
    for item in items {
        let name = name_of(&item);
        click_el(&item).await;
        audit.check(&app, &(String::from("#/mini, ") + &name));
    }
    app.press(zh(T::OpenOutside)).await;
    audit.check(&app, "#/mini, a short link opened outside WeChat");
    app.unmount();
    audit.finish(MINI_PROGRAMS.len() + 2);
}

#[wasm_bindgen_test]
async fn moments_its_composer_and_view_as_have_no_english() {
    let mut audit = Audit::new();
    // 2018-06-01: a penalised post of one's own, the composer and a refusal.
    let app = mount_fresh("#/moments?lang=zh&date=2018-06-01").await;
    audit.check(&app, "#/moments");
    app.press(zh(T::NewPost)).await;
    audit.check(&app, "#/moments, the composer");
    let dialog = app.dialog();
    fill(&control(&dialog, zh(T::PostText)), "看看").await;
    fill(&control(&dialog, zh(T::Link)), "https://v.douyin.com/abc/").await;
    choose(&control(&dialog, zh(T::Visibility)), "include").await;
    audit.check(&app, "#/moments, the composer's contact picker");
    click_el(&button(&app.dialog(), zh(T::Publish))).await;
    audit.check(&app, "#/moments, the composer with nobody picked");
    choose(&control(&app.dialog(), zh(T::Visibility)), "public").await;
    click_el(&button(&app.dialog(), zh(T::Publish))).await;
    assert_eq!(app.dialogs(), 0);
    audit.check(&app, "#/moments, a post made private by the link rules");
    app.press(zh(T::NewPost)).await;
    fill(
        &control(&app.dialog(), zh(T::PostText)),
        "￥AbC123dEf￥ 打开淘宝",
    )
    .await;
    click_el(&button(&app.dialog(), zh(T::Publish))).await;
    audit.check(&app, "#/moments, a Taobao password text refused");
    app.press(zh(T::Cancel)).await;
    app.choose(zh(T::ViewAs), "c-lihua").await;
    audit.check(&app, "#/moments, View as");
    app.click("article [data-display]").await;
    assert_eq!(app.dialogs(), 1);
    audit.check(&app, "#/moments, a link card tapped");
    app.unmount();
    // Sync on a mainland Android phone (an assumption), comments, likes.
    let app = mount_fresh("#/moments?lang=zh&os=android&vpn=on").await;
    app.press(zh(T::NewPost)).await;
    audit.check(&app, "#/moments, sync on a mainland Android phone");
    app.press(zh(T::Cancel)).await;
    let post = app.all("article[data-post]").remove(0);
    click_el(&button(&post, zh(T::Comment))).await;
    audit.check(&app, "#/moments, commenting");
    app.unmount();
    // Me: the window and a failed link.
    let app = mount_fresh("#/me?lang=zh").await;
    click_el(&app.role("button", Name::Has(zh(T::NameFacebook)))).await;
    assert!(!app.roles("alert", Name::Any).is_empty());
    audit.check(&app, "#/me, linking Facebook without a VPN");
    app.unmount();
    audit.finish(10);
}

#[wasm_bindgen_test]
async fn sign_up_its_refusals_and_the_accounts_have_no_english() {
    let mut audit = Audit::with_sources();
    let app = mount_fresh("#/register?lang=zh&date=2021-07-30").await;
    audit.check(&app, "#/register");
    app.fill(zh(T::PhoneNumber), "13912345678").await;
    app.fill(zh(T::AccountName), "小梅").await;
    app.press(zh(T::GetCode)).await;
    audit.check(&app, "#/register, suspended");
    app.fill(zh(T::PhoneNumber), "139").await;
    app.press(zh(T::GetCode)).await;
    audit.check(&app, "#/register, bad number");
    app.unmount();
    let app = mount_fresh("#/register?lang=zh&date=2021-08-10").await;
    app.fill(zh(T::PhoneNumber), "13912345678").await;
    app.fill(zh(T::AccountName), "小梅").await;
    app.press(zh(T::GetCode)).await;
    audit.check(&app, "#/register, code shown");
    let code = app.find("[data-code]").get_attribute("data-code").unwrap();
    app.fill(zh(T::VerificationCode), &code).await;
    app.press(zh(T::Register)).await;
    audit.check(&app, "#/chats of the new account");
    app.unmount();
    let app = mount("#/me?lang=zh").await;
    audit.ids.insert(saved().account.wechat_id.clone());
    audit.check(&app, "#/me with two accounts");
    app.unmount();
    audit.finish(6);
}
