//! The mock mini programs: static data, the links each one can produce
//! (record §3), where a link leads, and the recently-used order (saved).
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
    pub fn name(&self, lang: crate::lang::Lang) -> &'static str {
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

/// A change to the mini-program data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MiniAction {
    /// The user opened the mini program with this appid: it moves to the
    /// front of the recently used.
    Opened(String),
}

/// Applies `action` to the recently-used appids (most recent first);
/// returns whether anything changed. Unknown appids are ignored, so saved
/// data only ever names mock mini programs.
pub fn reduce(recent: &mut Vec<String>, action: MiniAction) -> bool {
    let MiniAction::Opened(appid) = action;
    let known = find(&appid).is_some_and(|m| m.appid == appid);
    if !known || recent.first() == Some(&appid) {
        return false;
    }
    recent.retain(|a| *a != appid);
    recent.insert(0, appid);
    true
}

/// The mini programs, recently used first (in `recent` order, each once),
/// then the rest in their default order.
pub fn ordered(recent: &[String]) -> Vec<&'static MiniProgram> {
    let mut out: Vec<&'static MiniProgram> = Vec::with_capacity(MINI_PROGRAMS.len());
    let known = recent
        .iter()
        .filter_map(|a| find(a).filter(|m| m.appid == a));
    for m in known.chain(MINI_PROGRAMS.iter()) {
        if !out.iter().any(|o| o.appid == m.appid) {
            out.push(m);
        }
    }
    out
}

/// Where a mini-program link leads, as far as the mock data knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The mock mini program, if the link names one.
    pub program: Option<&'static MiniProgram>,
    /// The page path: the link's own, else the program's, else empty.
    pub path: String,
}

/// The mini program a link points at (by appid, ticket or short-link
/// name), for the mini-program frame.
pub fn target(link: &str) -> Target {
    use crate::policy::link::{parse_link, Link, MpScheme};
    let (key, path) = match parse_link(link) {
        Link::MpScheme(MpScheme::Plain { appid, path, .. }) => (appid, path),
        Link::MpScheme(MpScheme::Ticket(t)) => (t, String::new()),
        Link::ShortLink { name, .. } => (name, String::new()),
        Link::UrlLink { url, .. } => (url.path().trim_matches('/').to_string(), String::new()),
        _ => (String::new(), String::new()),
    };
    let program = find(&key);
    let path = match program {
        Some(m) if path.is_empty() => m.path.to_string(),
        _ => path,
    };
    Target { program, path }
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
    fn recently_used_come_first_once_each() {
        let mut recent = Vec::new();
        let id = |i: usize| MINI_PROGRAMS[i].appid.to_string();
        assert!(reduce(&mut recent, MiniAction::Opened(id(3))));
        assert!(reduce(&mut recent, MiniAction::Opened(id(5))));
        assert!(reduce(&mut recent, MiniAction::Opened(id(3))));
        assert!(
            !reduce(&mut recent, MiniAction::Opened(id(3))),
            "already first"
        );
        assert!(!reduce(
            &mut recent,
            MiniAction::Opened("wx0000000000000000".into())
        ));
        // A ticket finds the program too, but only appids are kept.
        assert!(!reduce(
            &mut recent,
            MiniAction::Opened(MINI_PROGRAMS[1].ticket.into())
        ));
        assert_eq!(recent, [id(3), id(5)]);
        let order: Vec<_> = ordered(&recent).iter().map(|m| m.appid).collect();
        assert_eq!(order.len(), MINI_PROGRAMS.len());
        assert_eq!(&order[..3], [id(3), id(5), id(0)]);
        // Saved data from elsewhere may repeat or name unknown programs.
        let odd = [id(6), "nope".into(), id(6), MINI_PROGRAMS[0].ticket.into()];
        let order: Vec<_> = ordered(&odd).iter().map(|m| m.appid).collect();
        assert_eq!(order.len(), MINI_PROGRAMS.len());
        assert_eq!(&order[..2], [id(6), id(0)]);
    }

    #[test]
    fn links_find_their_program_and_page() {
        let s = Scenario::default();
        let m = &MINI_PROGRAMS[4];
        for kind in LINK_KINDS {
            let t = target(&m.link(kind, s.date));
            assert_eq!(t.program, Some(m), "{kind:?}");
            assert_eq!(t.path, m.path, "{kind:?}");
        }
        let own = "weixin://dl/business/?appid=wx8d42c6e0a1f5b397&path=pages/other&query=&env_version=release";
        assert_eq!(target(own).path, "pages/other");
        let unknown = "weixin://dl/business/?appid=wx0000000000000000&path=pages/x&query=&env_version=release";
        assert_eq!(
            target(unknown),
            Target {
                program: None,
                path: "pages/x".into()
            }
        );
        assert_eq!(
            target("https://example.com/"),
            Target {
                program: None,
                path: String::new()
            }
        );
    }
}
