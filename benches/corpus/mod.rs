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
