#![cfg(not(target_arch = "wasm32"))]
//! Properties: `decide` is total and deterministic, and its host is the
//! `url` crate's (that is, WHATWG's) for every http(s) URL.

use proptest::prelude::*;
use walled_garden::policy::engine::decide;
use walled_garden::policy::rules::{Context, Rules};
use walled_garden::policy::scenario::{Cohort, Date, Os, Region, Scenario, DEFAULT_DATE};

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        1u16..=9999,
        1u8..=12,
        1u8..=28,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(y, m, d, mainland, ios, vpn, early)| Scenario {
            date: Date::new(y, m, d).unwrap_or(DEFAULT_DATE),
            region: if mainland {
                Region::Mainland
            } else {
                Region::Overseas
            },
            os: if ios { Os::Ios } else { Os::Android },
            vpn,
            cohort: if early { Cohort::Early } else { Cohort::Late },
        })
}

fn context() -> impl Strategy<Value = Context> {
    prop::sample::select(Context::ALL.to_vec())
}

/// URL-ish strings: schemes, hosts with tricky characters, paths.
fn urlish() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![
            "http://",
            "https://",
            "HTTPS://",
            "http:\\\\",
            "",
            " https://",
            "weixin://",
            "javascript:",
        ]),
        "[a-zA-Z0-9.@:%\\\\\\[\\]_-]{0,24}",
        prop::sample::select(vec![
            "taobao.com",
            "TAOBAO.COM.",
            "ｔａｏｂａｏ．ｃｏｍ",
            "tаobao.com",
            "y.qq.com",
            "1.2.3.4",
            "[::1]",
            "0x7f.1",
            "",
        ]),
        "[a-zA-Z0-9/?#=&.%\\\\ -]{0,20}",
    )
        .prop_map(|(a, b, c, d)| format!("{a}{b}{c}{d}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn decide_never_panics(link in ".{0,80}", ctx in context(), s in scenario()) {
        let d = decide(Rules::builtin(), &link, ctx, &s);
        prop_assert!(!d.rules.is_empty());
    }

    #[test]
    fn decide_never_panics_on_urlish(link in urlish(), ctx in context(), s in scenario()) {
        let _ = decide(Rules::builtin(), &link, ctx, &s);
    }

    #[test]
    fn host_agrees_with_url_crate(link in urlish()) {
        let d = decide(Rules::builtin(), &link, Context::Chat, &Scenario::default());
        if let Ok(u) = url::Url::parse(&link) {
            if matches!(u.scheme(), "http" | "https") {
                prop_assert_eq!(d.host.as_str(), u.host_str().unwrap_or(""), "{}", link);
            }
        }
    }

    #[test]
    fn deterministic(link in urlish(), ctx in context(), s in scenario()) {
        let a = decide(Rules::builtin(), &link, ctx, &s);
        let b = decide(Rules::builtin(), &link, ctx, &s);
        prop_assert_eq!(a, b);
    }
}
