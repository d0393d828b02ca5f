//! The engine benchmark's workload, shared by the native benchmark
//! (`benches/engine.rs`, `mod corpus;`) and the same figure in headless
//! Chrome (`tests/bench_browser.rs`, through `#[path]`), so that
//! `wasm_decide_mixed` and `decide_mixed` measure exactly the same work.
//! Each side times [`pass`] with its own clock (`Instant` natively,
//! `performance.now()` in the browser).

use std::hint::black_box;
use walled_garden::policy::engine::decide;
use walled_garden::policy::rules::{Context, Rules};
use walled_garden::policy::scenario::{Date, Os, Region, Scenario, DEFAULT_DATE};

/// Links in the mixed corpus of `decide_mixed` / `wasm_decide_mixed`.
pub const MIXED_LINKS: usize = 100_000;

/// A small deterministic generator, so runs are comparable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// `n` links of the mixed corpus: rival platforms, spoofs, unknown sites,
/// Taobao passwords, mini-program links and non-links, always the same.
pub fn corpus(n: usize) -> Vec<String> {
    let mut g = Lcg(42);
    (0..n)
        .map(|i| {
            let k = g.next();
            match k % 20 {
                0..=2 => format!("https://item.taobao.com/item.htm?id={k}"),
                3..=4 => format!("https://v.douyin.com/{k:x}/"),
                5 => format!("https://item.jd.com/{k}.html"),
                6 => format!("https://mp.weixin.qq.com/s/{k:x}"),
                7..=8 => format!("https://www.example{}.com/p/{k}", k % 1000),
                9 => format!("m.tb.cn/h.{k:x}"),
                10 => format!("https://y.qq.com/n/ryqq/songDetail/{k}"),
                11 => format!("https://www.zhihu.com/question/{k}"),
                12 => "https://taobao.com.evil.cn/login".to_string(),
                13 => format!("https://feishu.cn/docs/{k:x}"),
                14 => format!("HTTPS://WWW.TAOBAO.COM./item?id={k}"),
                15 => format!("javascript:alert({k})"),
                16 => format!("weixin://dl/business/?t={k:x}"),
                17 => format!("https://wxaurl.cn/{k:x}"),
                18 => format!("https://www.xiaohongshu.com/discovery/item/{k:x}"),
                _ => match i % 3 {
                    0 => format!("￥AbC{}dEf￥", k % 100_000),
                    1 => format!("#小程序://京东购物/{k:x}"),
                    _ => format!("https://pinduoduo.com/goods.html?id={k}"),
                },
            }
        })
        .collect()
}

/// The six dates the links are decided on, in turn (mainland, iOS, no VPN).
pub fn scenarios() -> Vec<Scenario> {
    [
        "2015-06-01",
        "2018-06-01",
        "2020-02-28",
        "2021-10-01",
        "2021-12-01",
        "2022-03-01",
    ]
    .iter()
    .map(|d| Scenario {
        date: Date::parse(d).unwrap_or(DEFAULT_DATE),
        region: Region::Mainland,
        os: Os::Ios,
        vpn: false,
        ..Scenario::default()
    })
    .collect()
}

/// One pass: decides every link, the `i`-th in context `i % 4` on
/// scenario `i % scen.len()`.
pub fn pass(rules: &Rules, links: &[String], scen: &[Scenario]) {
    for (i, l) in links.iter().enumerate() {
        let ctx = Context::ALL[i & 3];
        let d = decide(rules, black_box(l), ctx, &scen[i % scen.len()]);
        black_box(&d);
    }
}

/// A rules file with `n` synthetic rules over `n / 5` synthetic platforms,
/// five per platform in the same pattern of dates, priorities, contexts and
/// outcomes (so a decision for a given platform has the same candidates
/// whatever `n`), plus one rule for any link.
pub fn synthetic(n: usize) -> String {
    let platforms = (n / 5).max(1);
    let mut s =
        String::from(r#"{"format":1,"categories":["syn","other"],"sources":[],"platforms":["#);
    for p in 0..platforms {
        if p > 0 {
            s.push(',');
        }
        let cat = if p % 2 == 0 { "syn" } else { "other" };
        s.push_str(&format!(
            r#"{{"id":"s{p}","name_en":"S{p}","name_zh":"S{p}","owner":"x","domains":["s{p}.example"],"categories":["{cat}"]}}"#
        ));
    }
    s.push_str(r#"],"rules":["#);
    let ctx = ["chat", "group", "moments", "mini_program"];
    let outcomes = ["open", "confirm", "warn", "copy_to_browser", "blocked"];
    let rule = |id: &str, target: &str, j: usize| {
        format!(
            r#"{{"id":"{id}","valid_from":"{}-01-01",{target}"contexts":["{}","{}"],"outcome":"{}","display":"card","share":true,"texts":{{"en":{{"title":"t"}},"zh":{{"title":"t"}}}},"sources":["R-2021-09-17"],"confidence":"high","priority":{j}}}"#,
            2000 + j * 5,
            ctx[j % 4],
            ctx[(j + 1) % 4],
            outcomes[j]
        )
    };
    s.push_str(&rule("any", "", 0));
    for i in 0..n {
        s.push(',');
        s.push_str(&rule(
            &format!("r{i}"),
            &format!(r#""platforms":["s{}"],"#, i / 5),
            i % 5,
        ));
    }
    s.push_str("]}");
    s
}
