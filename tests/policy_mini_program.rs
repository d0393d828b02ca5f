#![cfg(not(target_arch = "wasm32"))]
//! Mini-program links (record §3): one test per violation of the plaintext
//! URL Scheme, testers-only versions, URL Link expiry, short links.

use walled_garden::policy::engine::{decide, decide_as, Decision, Viewer};
use walled_garden::policy::link::MpViolation;
use walled_garden::policy::rules::{Context, LinkForm, Rules};
use walled_garden::policy::scenario::{Date, Os, Scenario};

const APPID: &str = "wx0123456789abcdef";

fn on(date: &str, link: &str) -> Decision {
    let s = Scenario {
        date: Date::parse(date).unwrap(),
        ..Scenario::default()
    };
    decide(Rules::builtin(), link, Context::Chat, &s)
}

fn plain(appid: &str, path: &str, query: &str, env: &str) -> String {
    format!("weixin://dl/business/?appid={appid}&path={path}&query={query}&env_version={env}")
}

fn violations(link: &str) -> Vec<&'static str> {
    let d = on("2022-06-01", link);
    if !d.violations.is_empty() {
        assert_eq!(d.outcome.as_str(), "rejected");
        assert_eq!(d.form, LinkForm::MpSchemeInvalid);
        assert!(
            !walled_garden::i18n::reason(&d, walled_garden::lang::Lang::En).is_empty()
                && !walled_garden::i18n::reason(&d, walled_garden::lang::Lang::Zh).is_empty()
        );
    }
    d.violations.iter().map(MpViolation::id).collect()
}

#[test]
fn valid_plaintext_scheme_opens() {
    let d = on(
        "2022-06-01",
        &plain(APPID, "pages/index", "a%3D1", "release"),
    );
    assert_eq!(d.outcome.as_str(), "mini_program");
    assert_eq!(d.rules[0].as_ref(), "mp-scheme-ios");
}

#[test]
fn violation_path_leading_slash() {
    assert_eq!(
        violations(&plain(APPID, "/pages/index", "", "release")),
        ["path_leading_slash"]
    );
    assert_eq!(
        violations(&plain(APPID, "%2Fpages%2Findex", "", "release")),
        ["path_leading_slash"]
    );
}

#[test]
fn violation_query_too_long() {
    let ok = "a".repeat(512);
    let long = "a".repeat(513);
    assert!(violations(&plain(APPID, "p", &ok, "release")).is_empty());
    assert_eq!(
        violations(&plain(APPID, "p", &long, "release")),
        ["query_too_long"]
    );
    let d = on("2022-06-01", &plain(APPID, "p", &long, "release"));
    assert!(walled_garden::i18n::reason(&d, walled_garden::lang::Lang::En).contains("513"));
}

#[test]
fn violation_unknown_env_version() {
    assert_eq!(
        violations(&plain(APPID, "p", "", "beta")),
        ["unknown_env_version"]
    );
}

#[test]
fn violation_malformed_appid() {
    for bad in [
        "wx0123456789abcde",
        "wx0123456789abcdeg",
        "ab0123456789abcdef",
        "wx0123456789abcdef0",
    ] {
        assert_eq!(
            violations(&plain(bad, "p", "", "release")),
            ["malformed_appid"],
            "{bad}"
        );
    }
    assert_eq!(
        violations("weixin://dl/business/?path=p"),
        ["missing_appid"]
    );
}

#[test]
fn every_violation_is_named_at_once() {
    let long = "q".repeat(600);
    assert_eq!(
        violations(&plain("wx1", "/p", &long, "x")),
        [
            "malformed_appid",
            "path_leading_slash",
            "query_too_long",
            "unknown_env_version"
        ]
    );
}

#[test]
fn trial_and_develop_for_testers_only() {
    let s = Scenario::default();
    for env in ["trial", "develop"] {
        let link = plain(APPID, "p", "", env);
        let d = decide(Rules::builtin(), &link, Context::Chat, &s);
        assert_eq!(d.outcome.as_str(), "blocked", "{env}");
        assert!(walled_garden::i18n::reason(&d, walled_garden::lang::Lang::En).contains("testers"));
        let tester = Viewer {
            mini_program_tester: true,
        };
        let d = decide_as(Rules::builtin(), &link, Context::Chat, &s, tester);
        assert_eq!(d.outcome.as_str(), "mini_program", "{env}");
    }
}

#[test]
fn encrypted_scheme_and_android_text() {
    let d = on("2022-06-01", "weixin://dl/business/?t=TICKET");
    assert_eq!(d.outcome.as_str(), "mini_program");
    let s = Scenario {
        os: Os::Android,
        ..Scenario::default()
    };
    let d = decide(
        Rules::builtin(),
        "weixin://dl/business/?t=TICKET",
        Context::Group,
        &s,
    );
    assert_eq!(d.rules[0].as_ref(), "mp-scheme-android");
    assert!(d.texts.en.body.contains("redirect"));
}

#[test]
fn url_links_warn_then_expire_after_thirty_days() {
    let link = "https://wxaurl.cn/TICKET?created=2021-01-01";
    let d = on("2021-01-30", link);
    assert_eq!(d.outcome.as_str(), "warn");
    assert_eq!(d.texts.zh.body, "该网页可能不是由微信提供，微信无法确保内容的安全性，如果要继续访问，请注意保护好个人信息。");
    let d = on("2021-01-31", link);
    assert_eq!(d.outcome.as_str(), "blocked");
    assert!(walled_garden::i18n::reason(&d, walled_garden::lang::Lang::En).contains("30 days"));
    assert_eq!(on("2020-12-31", link).outcome.as_str(), "blocked");
    // Without a creation date the age cannot be checked: the warning says so.
    let d = on("2021-06-01", "https://wxmpurl.cn/TICKET");
    assert_eq!(d.outcome.as_str(), "warn");
    assert!(walled_garden::i18n::reason(&d, walled_garden::lang::Lang::En).contains("30 days"));
    // Since 2022-04-11 only the first visitor can reopen it.
    assert_eq!(
        on("2022-04-10", "https://wxaurl.cn/T").rules[0].as_ref(),
        "mp-url-link-warn"
    );
    assert_eq!(
        on("2022-04-11", "https://wxaurl.cn/T").rules[0].as_ref(),
        "mp-url-link-first-visitor-2022-04-11"
    );
}

#[test]
fn short_links_work_inside_wechat_only() {
    let d = on("2022-06-01", "#小程序://京东购物/J9S2Wu7HbKmzZ3o");
    assert_eq!(d.outcome.as_str(), "mini_program");
    assert!(d.texts.en.body.contains("inside WeChat only"));
    assert_eq!(on("2022-06-01", "#小程序://").outcome.as_str(), "rejected");
}
