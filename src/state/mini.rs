//! The mock mini programs: static data, the links each one can produce
//! (record §3), and the recently-used order.
//!
//! The appids and tickets are invented (`wx` + 16 hex digits, as the record
//! requires); none belongs to a real mini program.

use super::params::encode;
use crate::policy::scenario::Date;

/// One mock mini program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MiniProgram {
    /// `wx` + 16 hexadecimal digits.
    pub appid: &'static str,
    /// The ticket of its encrypted URL Scheme and URL Link.
    pub ticket: &'static str,
    /// Name in English.
    pub name_en: &'static str,
    /// Name in Chinese; also the NAME of its short link.
    pub name_zh: &'static str,
    /// The code of its short link.
    pub short_code: &'static str,
    /// The page its links open, without a leading `/`.
    pub path: &'static str,
    /// The page's query, unencoded.
    pub query: &'static str,
    /// What the page shows, in English.
    pub content_en: &'static str,
    /// What the page shows, in Chinese.
    pub content_zh: &'static str,
    /// Icon colour (CSS), so no images are needed.
    pub color: &'static str,
}

macro_rules! mp {
    ($appid:expr, $ticket:expr, $en:expr, $zh:expr, $code:expr, $path:expr, $query:expr, $cen:expr, $czh:expr, $color:expr) => {
        MiniProgram {
            appid: $appid,
            ticket: $ticket,
            name_en: $en,
            name_zh: $zh,
            short_code: $code,
            path: $path,
            query: $query,
            content_en: $cen,
            content_zh: $czh,
            color: $color,
        }
    };
}

/// The mock mini programs, in their default (never used) order.
pub const MINI_PROGRAMS: [MiniProgram; 7] = [
    mp!(
        "wx3a1f09c2b7d4e865",
        "jdShopT1ck3t",
        "JD Shop",
        "京东购物",
        "jD8kQ2",
        "pages/item/detail",
        "sku=100012043978",
        "Wireless earbuds · ¥199 · Add to cart",
        "无线耳机 · ¥199 · 加入购物车",
        "#e1251b"
    ),
    mp!(
        "wx5b27e8d1c04f9a36",
        "pddShopT1ck3t",
        "Pinduoduo Shop",
        "拼多多商城",
        "pDd3Xa",
        "pages/goods/goods",
        "goods_id=42",
        "Team up with 2 friends: fruit box · ¥29.9",
        "拼单 2 人成团：水果礼盒 · ¥29.9",
        "#e02e24"
    ),
    mp!(
        "wx7c90d4a2e6b13f58",
        "foodT1ck3t",
        "Food Delivery",
        "外卖到家",
        "fD5mW9",
        "pages/shop/menu",
        "shop=88",
        "Noodle House · delivery in 30 min",
        "面馆 · 30 分钟送达",
        "#ffc300"
    ),
    mp!(
        "wx1e6b3f7a9d2c0845",
        "docsT1ck3t",
        "Team Docs",
        "腾讯文档",
        "dC7rT1",
        "pages/doc/view",
        "id=weekly-report",
        "Weekly report · edited 5 min ago",
        "周报 · 5 分钟前编辑",
        "#1e6fff"
    ),
    mp!(
        "wx8d42c6e0a1f5b397",
        "rideT1ck3t",
        "Ride Hailing",
        "出行打车",
        "rD2hL6",
        "pages/order/new",
        "from=home",
        "Where to? · a car is 3 min away",
        "您要去哪儿？· 最近车辆 3 分钟",
        "#ff7d00"
    ),
    mp!(
        "wx2f95a3b8c7e06d14",
        "busT1ck3t",
        "Bus Card",
        "乘车码",
        "bS9cD4",
        "pages/code/show",
        "city=shenzhen",
        "Scan to ride · Shenzhen",
        "扫码乘车 · 深圳",
        "#07c160"
    ),
    mp!(
        "wx6a08e2d5f3c17b49",
        "weatherT1ck3t",
        "Weather",
        "天气",
        "wT4hR8",
        "pages/today/index",
        "city=beijing",
        "Beijing · sunny · 23 °C",
        "北京 · 晴 · 23 °C",
        "#10aeff"
    ),
];

/// The kinds of link a mini program produces, in the order they are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// `weixin://dl/business/?t=TICKET`.
    Scheme,
    /// `weixin://dl/business/?appid=…&path=…&query=…&env_version=release`.
    Plaintext,
    /// The same with `env_version=trial`: opens for testers only.
    Trial,
    /// `#小程序://NAME/CODE`: inside WeChat only.
    Short,
    /// `https://wxaurl.cn/TICKET?created=YYYY-MM-DD`.
    UrlLink,
}

/// Every kind, in display order.
pub const LINK_KINDS: [LinkKind; 5] = [
    LinkKind::Scheme,
    LinkKind::Plaintext,
    LinkKind::Trial,
    LinkKind::Short,
    LinkKind::UrlLink,
];

impl LinkKind {
    /// A stable id for keys and tests.
    pub const fn id(self) -> &'static str {
        match self {
            LinkKind::Scheme => "scheme",
            LinkKind::Plaintext => "plaintext",
            LinkKind::Trial => "trial",
            LinkKind::Short => "short",
            LinkKind::UrlLink => "url_link",
        }
    }
}

impl MiniProgram {
    /// The name in the UI language.
    pub fn name(&self, lang: crate::i18n::Lang) -> &'static str {
        lang.pick(self.name_en, self.name_zh)
    }

    /// The link of `kind`; a URL Link records `created` as its creation day
    /// (the simulator's `created=` parameter, which real links don't show).
    pub fn link(&self, kind: LinkKind, created: Date) -> String {
        let plain = |env: &str| {
            String::from("weixin://dl/business/?appid=")
                + self.appid
                + "&path="
                + self.path
                + "&query="
                + &encode(self.query)
                + "&env_version="
                + env
        };
        match kind {
            LinkKind::Scheme => String::from("weixin://dl/business/?t=") + self.ticket,
            LinkKind::Plaintext => plain("release"),
            LinkKind::Trial => plain("trial"),
            LinkKind::Short => String::from("#小程序://") + self.name_zh + "/" + self.short_code,
            LinkKind::UrlLink => {
                String::from("https://wxaurl.cn/")
                    + self.ticket
                    + "?created="
                    + &created.to_string()
            }
        }
    }
}

/// The mini program a link points at, by appid, ticket or short-link name,
/// so the mini-program frame can show its page. `None` for unknown ones.
pub fn find(appid_ticket_or_name: &str) -> Option<&'static MiniProgram> {
    MINI_PROGRAMS.iter().find(|m| {
        m.appid == appid_ticket_or_name
            || m.ticket == appid_ticket_or_name
            || m.name_zh == appid_ticket_or_name
    })
}

/// Moves `appid` to the front of the recently-used list.
pub fn touch(recent: &mut Vec<&'static str>, appid: &'static str) {
    recent.retain(|a| *a != appid);
    recent.insert(0, appid);
}

/// The mini programs, recently used first (in `recent` order), then the
/// rest in their default order.
pub fn ordered(recent: &[&str]) -> Vec<&'static MiniProgram> {
    let mut out: Vec<&'static MiniProgram> = recent.iter().filter_map(|a| find(a)).collect();
    out.extend(MINI_PROGRAMS.iter().filter(|m| !recent.contains(&m.appid)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::engine::{decide, decide_as, Viewer};
    use crate::policy::rules::{Context, Outcome, Rules};
    use crate::policy::scenario::Scenario;

    #[test]
    fn ids_are_well_formed_and_unique() {
        for m in &MINI_PROGRAMS {
            assert_eq!(m.appid.len(), 18, "{}", m.appid);
            assert!(m.appid.starts_with("wx"));
            assert!(m.appid[2..].bytes().all(|b| b.is_ascii_hexdigit()));
            assert!(!m.path.starts_with('/'));
            assert_eq!(find(m.appid), Some(m));
            assert_eq!(find(m.ticket), Some(m));
            assert_eq!(find(m.name_zh), Some(m));
        }
        let mut ids: Vec<_> = MINI_PROGRAMS.iter().map(|m| m.appid).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), MINI_PROGRAMS.len());
    }

    #[test]
    fn every_link_is_decided_as_the_record_says() {
        let rules = Rules::builtin();
        let s = Scenario::default();
        let tester = Viewer {
            mini_program_tester: true,
        };
        for m in &MINI_PROGRAMS {
            let out = |k: LinkKind| decide(rules, &m.link(k, s.date), Context::Chat, &s).outcome;
            assert_eq!(out(LinkKind::Scheme), Outcome::MiniProgram, "{}", m.appid);
            assert_eq!(out(LinkKind::Plaintext), Outcome::MiniProgram);
            assert_eq!(out(LinkKind::Short), Outcome::MiniProgram);
            assert_eq!(out(LinkKind::UrlLink), Outcome::Warn);
            assert_eq!(out(LinkKind::Trial), Outcome::Blocked);
            let trial = m.link(LinkKind::Trial, s.date);
            let d = decide_as(rules, &trial, Context::Chat, &s, tester);
            assert_eq!(d.outcome, Outcome::MiniProgram);
            // 30 days later the URL Link has expired.
            let old = m.link(LinkKind::UrlLink, s.date.add_days(-30));
            assert_eq!(
                decide(rules, &old, Context::Chat, &s).outcome,
                Outcome::Blocked
            );
        }
    }

    #[test]
    fn recently_used_come_first() {
        let mut recent = Vec::new();
        touch(&mut recent, MINI_PROGRAMS[3].appid);
        touch(&mut recent, MINI_PROGRAMS[5].appid);
        touch(&mut recent, MINI_PROGRAMS[3].appid);
        assert_eq!(recent, [MINI_PROGRAMS[3].appid, MINI_PROGRAMS[5].appid]);
        let order: Vec<_> = ordered(&recent).iter().map(|m| m.appid).collect();
        assert_eq!(order.len(), MINI_PROGRAMS.len());
        assert_eq!(
            &order[..3],
            [
                MINI_PROGRAMS[3].appid,
                MINI_PROGRAMS[5].appid,
                MINI_PROGRAMS[0].appid
            ]
        );
    }
}
