//! The built-in demo data: contacts, one-to-one chats and two groups.
//!
//! Deterministic (no randomness, no clock) so that tests and screenshots are
//! repeatable. The links in the messages are the kinds the record is about.

use super::model::{Chat, ChatKind, Contact, Data, Message, ME};
use super::persist::CURRENT_VERSION;
use super::time::at;
use crate::policy::scenario::{Date, Scenario};

const CONTACTS: &[(&str, &str, &str, &str, &str)] = &[
    ("c-lihua", "Li Hua", "李华", "#2e7d32", "lihua_88"),
    ("c-wangfang", "Wang Fang", "王芳", "#ad1457", "fangfang"),
    ("c-zhangwei", "Zhang Wei", "张伟", "#1565c0", "zw_work"),
    ("c-chenjing", "Chen Jing", "陈静", "#6a1b9a", "jingjing_cj"),
    ("c-liuyang", "Liu Yang", "刘洋", "#00838f", "liuyang1990"),
    ("c-mum", "Mum", "妈妈", "#c62828", "mama_home"),
    ("c-dad", "Dad", "爸爸", "#4e342e", "baba_home"),
    (
        "c-xiaoming",
        "Xiao Ming",
        "小明",
        "#ef6c00",
        "xiaoming_2008",
    ),
    ("c-zhaolei", "Zhao Lei", "赵磊", "#37474f", "deal_hunter_zl"),
    ("c-sunli", "Sun Li", "孙丽", "#558b2f", "sunli_shop"),
];

/// One message of the seed: (sender, day offset from 2021-11-30, hour, minute, text).
type SeedMsg = (&'static str, i32, u8, u8, &'static str);

const LIHUA: &[SeedMsg] = &[
    (
        "c-lihua",
        -1,
        20,
        12,
        "Found the jacket I told you about 👇",
    ),
    ("c-lihua", -1, 20, 12, "https://m.tb.cn/h.fxQ8vZk"),
    (ME, -1, 20, 30, "Still says copy it into a browser for me…"),
    (
        "c-lihua",
        0,
        9,
        41,
        "Try again today, one-to-one chats should open directly now!",
    ),
];

const ZHANGWEI: &[SeedMsg] = &[
    (
        "c-zhangwei",
        -2,
        14,
        3,
        "Here are the meeting notes: https://bytedance.feishu.cn/docs/doccnQ2wE3rT",
    ),
    (ME, -2, 14, 10, "Thanks, will read them tonight."),
    (
        "c-zhangwei",
        0,
        8,
        55,
        "Can you check the JD order link? https://item.jd.com/100012043978.html",
    ),
];

const CHENJING: &[SeedMsg] = &[
    (
        "c-chenjing",
        -1,
        22,
        1,
        "哈哈哈 you have to see this 😂 https://v.douyin.com/RkP3xYz/",
    ),
    (
        ME,
        -1,
        22,
        5,
        "It won't open here, I'll look on my phone's Douyin app.",
    ),
];

const MUM: &[SeedMsg] = &[
    (
        "c-mum",
        -3,
        7,
        30,
        "早上好！Remember to wear a scarf, it's cold.",
    ),
    (ME, -3, 7, 45, "Will do, Mum ❤️"),
    (
        "c-mum",
        0,
        12,
        2,
        "Are you coming home for dinner on Saturday?",
    ),
];

const FAMILY: &[SeedMsg] = &[
    (
        "c-dad",
        -1,
        18,
        20,
        "Photos from the weekend are in the album.",
    ),
    ("c-xiaoming", -1, 18, 25, "爷爷生日快乐！🎂"),
    (
        "c-mum",
        0,
        11,
        58,
        "Dinner on Saturday at 6. Xiao Ming, bring your homework.",
    ),
];

const DEALS: &[SeedMsg] = &[
    (
        "c-zhaolei",
        -1,
        10,
        0,
        "JD 11.11 leftovers still on: https://item.jd.com/100016034400.html",
    ),
    (
        "c-sunli",
        -1,
        10,
        4,
        "拼多多 group buy, need 2 more: https://mobile.yangkeduo.com/goods.html?goods_id=2311",
    ),
    (
        "c-liuyang",
        0,
        9,
        12,
        "Copy this and open Taobao: ￥AbC123dEf￥",
    ),
    (
        "c-lihua",
        0,
        9,
        30,
        "Or just the link now? https://item.taobao.com/item.htm?id=6521",
    ),
];

const DAY0: Date = Date {
    year: 2021,
    month: 11,
    day: 30,
};

fn messages(seed: &[SeedMsg]) -> Vec<Message> {
    seed.iter()
        .zip(1u64..)
        .map(|(&(from, day, h, m, text), id)| Message {
            id,
            from: from.to_string(),
            text: text.to_string(),
            ts: at(DAY0.add_days(day), h, m),
        })
        .collect()
}

fn direct(id: &str, with: &str, seed: &[SeedMsg], unread: u32) -> Chat {
    Chat {
        id: id.to_string(),
        kind: ChatKind::Direct {
            with: with.to_string(),
        },
        messages: messages(seed),
        unread,
    }
}

fn group(id: &str, en: &str, zh: &str, members: &[&str], seed: &[SeedMsg], unread: u32) -> Chat {
    Chat {
        id: id.to_string(),
        kind: ChatKind::Group {
            name_en: en.to_string(),
            name_zh: zh.to_string(),
            members: members.iter().map(|m| m.to_string()).collect(),
        },
        messages: messages(seed),
        unread,
    }
}

/// The demo data a new visitor starts with.
pub fn seed() -> Data {
    let contacts = CONTACTS
        .iter()
        .map(|&(id, en, zh, color, wx)| Contact {
            id: id.to_string(),
            name_en: en.to_string(),
            name_zh: zh.to_string(),
            color: color.to_string(),
            wechat_id: wx.to_string(),
        })
        .collect();
    let chats = vec![
        direct("lihua", "c-lihua", LIHUA, 1),
        direct("zhangwei", "c-zhangwei", ZHANGWEI, 1),
        direct("chenjing", "c-chenjing", CHENJING, 0),
        direct("mum", "c-mum", MUM, 1),
        group(
            "family",
            "Family",
            "相亲相爱一家人",
            &["c-mum", "c-dad", "c-xiaoming"],
            FAMILY,
            3,
        ),
        group(
            "deals",
            "Deals & Coupons",
            "优惠券互助群",
            &["c-zhaolei", "c-sunli", "c-liuyang", "c-lihua"],
            DEALS,
            2,
        ),
    ];
    Data {
        version: CURRENT_VERSION,
        rev: 0,
        scenario: Scenario::default(),
        lang: Default::default(),
        contacts,
        chats,
        link_prefs: Vec::new(),
        reports: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_is_deterministic_and_valid() {
        let a = seed();
        assert_eq!(a, seed());
        assert!((8..=10).contains(&a.contacts.len()));
        assert!(a.chats.iter().filter(|c| !c.is_group()).count() >= 4);
        assert_eq!(a.chats.iter().filter(|c| c.is_group()).count(), 2);
        assert!(super::super::persist::validate(&a).is_ok());
    }

    #[test]
    fn groups_are_family_and_deals() {
        let d = seed();
        assert_eq!(
            d.chat_title(d.chat("family").unwrap(), crate::i18n::Lang::En),
            "Family"
        );
        assert_eq!(
            d.chat_title(d.chat("deals").unwrap(), crate::i18n::Lang::En),
            "Deals & Coupons"
        );
    }
}
