//! Arbitrary text through the rules file loader (`Rules::from_json`, what
//! the rules editor runs on a user's file); a file that loads is then used
//! for decisions.
#![no_main]

mod common;

use common::{check_decision, scenario_for};
use libfuzzer_sys::fuzz_target;
use walled_garden::policy::engine::decide;
use walled_garden::policy::rules::{Context, Rules};
use walled_garden::policy::scenario::Scenario;

/// One link of every form.
const LINKS: [&str; 10] = [
    "https://taobao.com/item?id=1",
    "m.tb.cn/h.abc",
    "https://wxaurl.cn/x?created=2021-01-01",
    "weixin://dl/business/?t=abc",
    "weixin://dl/business/?appid=wx0123456789abcdef&env_version=trial",
    "weixin://dl/business/?appid=nope&path=/x",
    "#小程序://京东购物/J9S2Wu7",
    "￥AbC123dEf￥",
    "javascript:alert(1)",
    "http://[::1]/",
];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.matches('\n').count() + 1;
    match Rules::from_json(&text) {
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in &errors {
                let (l, c) = (e.line.unwrap_or(1), e.column.unwrap_or(1));
                assert!(l >= 1 && c >= 1 && l <= lines, "{e}");
                let _ = e.to_string();
            }
        }
        Ok(rules) => {
            assert!(!rules.is_builtin());
            let scenarios = [Scenario::default(), scenario_for(data)];
            // Every registry domain belongs to its platform, whatever the
            // other domains (duplicates are refused).
            for p in rules.platforms() {
                for d in &p.domains {
                    let found = rules.platform_for_host(d).map(|q| &q.id);
                    assert_eq!(found, Some(&p.id), "domain {d}");
                    let link = String::from("https://") + d + "/";
                    let dec = decide(&rules, &link, Context::Chat, &scenarios[1]);
                    check_decision(&rules, &link, &dec);
                    assert_eq!(dec.platform_id(), &*p.id, "{link}");
                }
            }
            for r in rules.rules() {
                assert!(std::ptr::eq(rules.rule(&r.id).unwrap(), r), "unique ids");
                if let Some(u) = r.valid_until {
                    assert!(u > r.valid_from);
                }
            }
            for link in LINKS {
                for sc in &scenarios {
                    for ctx in Context::ALL {
                        let d = decide(&rules, link, ctx, sc);
                        check_decision(&rules, link, &d);
                    }
                }
            }
        }
    }
});
