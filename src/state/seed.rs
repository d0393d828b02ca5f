//! The built-in demo data: contacts, one-to-one chats and two groups.
//!
//! Deterministic (no randomness, no clock) so that tests and screenshots are
//! repeatable. The links in the messages are the kinds the record is about.
//!
//! The demo conversations follow the scenario's day ([`follow_date`]): their
//! messages are placed the same number of days before it as they were
//! written before the default day (2021-12-01), and a message that belongs to one era (a
//! Douyin link "won't open here", Taobao "should open directly now") is
//! there only in that era ([`ERAS`]). What the user sent keeps its time.

use super::model::{Chat, ChatKind, Contact, Data, Message, ME};
use super::persist::CURRENT_VERSION;
use super::time::at;
use crate::lang::Lang;
use crate::policy::scenario::{Date, Scenario, DEFAULT_DATE};
use std::rc::Rc;

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

/// One message of the seed: (sender, day offset from the scenario's day
/// (written for 2021-11-30), hour, minute, text in English, text in
/// Chinese). Both texts carry the same links, so that every decision is the
/// same in either language.
type SeedMsg = (&'static str, i32, u8, u8, &'static str, &'static str);

const LIHUA: &[SeedMsg] = &[
    (
        "c-lihua",
        -1,
        20,
        12,
        "Found the jacket I told you about 👇",
        "我说的那件外套找到了 👇",
    ),
    (
        "c-lihua",
        -1,
        20,
        12,
        "https://m.tb.cn/h.fxQ8vZk",
        "https://m.tb.cn/h.fxQ8vZk",
    ),
    (
        ME,
        -1,
        20,
        30,
        "Still says copy it into a browser for me…",
        "我这边还是提示复制到浏览器打开…",
    ),
    (
        "c-lihua",
        0,
        9,
        41,
        "Try again today, one-to-one chats should open directly now!",
        "今天再试试，单聊里应该能直接打开了！",
    ),
];

const ZHANGWEI: &[SeedMsg] = &[
    (
        "c-zhangwei",
        -2,
        14,
        3,
        "Here are the meeting notes: https://bytedance.feishu.cn/docs/doccnQ2wE3rT",
        "会议纪要在这里： https://bytedance.feishu.cn/docs/doccnQ2wE3rT",
    ),
    (
        ME,
        -2,
        14,
        10,
        "Thanks, will read them tonight.",
        "谢谢，我今晚看。",
    ),
    (
        "c-zhangwei",
        0,
        8,
        55,
        "Can you check the JD order link? https://item.jd.com/100012043978.html",
        "帮我看看这个京东订单链接？ https://item.jd.com/100012043978.html",
    ),
];

const CHENJING: &[SeedMsg] = &[
    (
        "c-chenjing",
        -1,
        22,
        1,
        "哈哈哈 you have to see this 😂 https://v.douyin.com/RkP3xYz/",
        "哈哈哈 你一定要看这个 😂 https://v.douyin.com/RkP3xYz/",
    ),
    (
        ME,
        -1,
        22,
        5,
        "It won't open here, I'll look on my phone's Douyin app.",
        "这里打不开，我去手机上的抖音看。",
    ),
];

const MUM: &[SeedMsg] = &[
    (
        "c-mum",
        -3,
        7,
        30,
        "早上好！Remember to wear a scarf, it's cold.",
        "早上好！天冷了，记得戴围巾。",
    ),
    (ME, -3, 7, 45, "Will do, Mum ❤️", "知道啦，妈 ❤️"),
    (
        "c-mum",
        0,
        12,
        2,
        "Are you coming home for dinner on Saturday?",
        "周六回家吃饭吗？",
    ),
];

const FAMILY: &[SeedMsg] = &[
    (
        "c-dad",
        -1,
        18,
        20,
        "Photos from the weekend are in the album.",
        "周末的照片都传到相册里了。",
    ),
    (
        "c-xiaoming",
        -1,
        18,
        25,
        "爷爷生日快乐！🎂",
        "爷爷生日快乐！🎂",
    ),
    (
        "c-mum",
        0,
        11,
        58,
        "Dinner on Saturday at 6. Xiao Ming, bring your homework.",
        "周六六点吃饭。小明，把作业带上。",
    ),
];

const DEALS: &[SeedMsg] = &[
    (
        "c-zhaolei",
        -1,
        10,
        0,
        "JD 11.11 leftovers still on: https://item.jd.com/100016034400.html",
        "京东双十一返场还在： https://item.jd.com/100016034400.html",
    ),
    (
        "c-sunli",
        -1,
        10,
        4,
        "拼多多 group buy, need 2 more: https://mobile.yangkeduo.com/goods.html?goods_id=2311",
        "拼多多拼团，还差 2 人： https://mobile.yangkeduo.com/goods.html?goods_id=2311",
    ),
    (
        "c-liuyang",
        0,
        9,
        12,
        "Copy this and open Taobao: ￥AbC123dEf￥",
        "复制这段话打开淘宝：￥AbC123dEf￥",
    ),
    (
        "c-lihua",
        0,
        9,
        30,
        "Or just the link now? https://item.taobao.com/item.htm?id=6521",
        "现在直接发链接也行？ https://item.taobao.com/item.htm?id=6521",
    ),
];

/// The day the seed was written on, the day before the default scenario
/// day: its offsets count from it, and a save from before the demo
/// followed the date has its messages there.
const DAY0: Date = Date {
    year: 2021,
    month: 11,
    day: 30,
};

const fn day(year: u16, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

/// The days a message of a seed chat belongs to: (chat, message id, first
/// day, first day it no longer fits). Outside them it is not shown: what it
/// says (a link that "won't open here", one that "should open directly
/// now") would be false. From the record: Taobao stopped opening in 2013-11
/// (R-2013-11) and opened directly in one-to-one chats from 2021-11-29
/// (R-2021-11-29); Douyin was blocked from 2018-03 (R-2018-03) until links
/// opened after a confirmation from 2021-09-17 (R-2021-09-17). Douyin
/// launched in 2016-09 and Pinduoduo in 2015-09 (general knowledge, not the
/// record: only used to keep their links out of the years before them).
pub const ERAS: &[(&str, u64, Option<Date>, Option<Date>)] = &[
    ("lihua", 3, Some(day(2013, 11, 1)), Some(day(2021, 11, 29))),
    ("lihua", 4, Some(day(2021, 11, 29)), Some(day(2022, 3, 1))),
    ("chenjing", 1, Some(day(2016, 9, 1)), None),
    ("chenjing", 2, Some(day(2018, 3, 1)), Some(day(2021, 9, 17))),
    ("deals", 2, Some(day(2015, 9, 1)), None),
    ("deals", 3, Some(day(2013, 11, 1)), None),
    ("deals", 4, Some(day(2021, 11, 29)), None),
];

/// The seed chats and their messages, by chat id.
const SEED_CHATS: &[(&str, &[SeedMsg])] = &[
    ("lihua", LIHUA),
    ("zhangwei", ZHANGWEI),
    ("chenjing", CHENJING),
    ("mum", MUM),
    ("family", FAMILY),
    ("deals", DEALS),
];

/// Whether message `id` of seed chat `chat` fits day `today`.
fn in_era(chat: &str, id: u64, today: Date) -> bool {
    ERAS.iter()
        .find(|e| e.0 == chat && e.1 == id)
        .is_none_or(|&(_, _, from, until)| {
            from.is_none_or(|f| today >= f) && until.is_none_or(|u| today < u)
        })
}

/// The demo messages of seed chat `chat` on `today`, each in the language
/// of `written` (the chat's demo messages as they are) or else `lang`.
fn messages_on(
    chat: &str,
    seed: &[SeedMsg],
    today: Date,
    lang: Lang,
    written: &[Rc<Message>],
) -> Vec<Rc<Message>> {
    seed.iter()
        .zip(1u64..)
        .filter(|&(_, id)| in_era(chat, id, today))
        .map(|(&(from, offset, h, m, en, zh), id)| {
            let kept = written.iter().find(|w| w.id == id && w.from == from);
            Message {
                id,
                from: from.to_string(),
                text: kept.map_or_else(|| lang.pick(en, zh).to_string(), |w| w.text.clone()),
                // The seed was written the day before the default day: its
                // newest messages say "Yesterday" on the scenario's day.
                ts: at(today.add_days(offset - 1), h, m),
                demo: true,
            }
        })
        .map(Rc::new)
        .collect()
}

fn messages(chat: &str, seed: &[SeedMsg], lang: Lang) -> Vec<Rc<Message>> {
    messages_on(chat, seed, DEFAULT_DATE, lang, &[])
}

/// Whether `m` is a message of the seed as a save from before the demo
/// followed the date holds it (same id, sender and time on [`DAY0`]).
fn was_seeded(seed: &[SeedMsg], m: &Message) -> bool {
    m.id >= 1
        && seed
            .get(m.id as usize - 1)
            .is_some_and(|&(from, offset, h, min, en, zh)| {
                m.from == from
                    && m.ts == at(DAY0.add_days(offset), h, min)
                    && (m.text == en || m.text == zh)
            })
}

/// Places the demo conversations on the scenario's day: every seed chat
/// still there gets its demo messages of that day's era, dated relative to
/// it, among the user's own messages, which keep their time. Whether
/// anything changed. Deterministic, so that applying it again (a rebase)
/// changes nothing.
pub fn follow_date(data: &mut Data) -> bool {
    let today = data.scenario.date;
    let lang = data.lang;
    let mut changed = false;
    for chat in &mut data.chats {
        let Some(&(id, seed)) = SEED_CHATS.iter().find(|s| s.0 == chat.id) else {
            continue;
        };
        let (written, own): (Vec<_>, Vec<_>) = chat
            .messages
            .iter()
            .cloned()
            .partition(|m| m.demo || was_seeded(seed, m));
        let mut next = messages_on(id, seed, today, lang, &written);
        if next == written && own.is_empty() {
            continue;
        }
        next.extend(own);
        // Stable: the user's message sent in the same minute as a demo
        // one stays after it.
        crate::sort::sort_by(&mut next, &|a, b| a.ts.cmp(&b.ts));
        if next != chat.messages {
            Rc::make_mut(chat).messages = next;
            changed = true;
        }
    }
    changed
}

fn direct(id: &str, with: &str, seed: &[SeedMsg], unread: u32, lang: Lang) -> Chat {
    Chat {
        id: id.to_string(),
        kind: ChatKind::Direct {
            with: with.to_string(),
        },
        messages: messages(id, seed, lang),
        unread,
    }
}

/// The group's names and members: (id, English name, Chinese name, members).
type SeedGroup<'a> = (&'a str, &'a str, &'a str, &'a [&'a str]);

fn group(g: SeedGroup, seed: &[SeedMsg], unread: u32, lang: Lang) -> Chat {
    let (id, en, zh, members) = g;
    Chat {
        id: id.to_string(),
        kind: ChatKind::Group {
            name_en: en.to_string(),
            name_zh: zh.to_string(),
            members: members.iter().map(|m| m.to_string()).collect(),
        },
        messages: messages(id, seed, lang),
        unread,
    }
}

/// The demo data a new visitor starts with, in English.
pub fn seed() -> Data {
    seed_in(Lang::En)
}

/// The demo data in `lang`: the messages are written in it, and it is the
/// UI language. Every id, time and link is the same in both languages.
pub fn seed_in(lang: Lang) -> Data {
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
        direct("lihua", "c-lihua", LIHUA, 1, lang),
        direct("zhangwei", "c-zhangwei", ZHANGWEI, 1, lang),
        direct("chenjing", "c-chenjing", CHENJING, 0, lang),
        direct("mum", "c-mum", MUM, 1, lang),
        group(
            (
                "family",
                "Family",
                "相亲相爱一家人",
                &["c-mum", "c-dad", "c-xiaoming"],
            ),
            FAMILY,
            3,
            lang,
        ),
        group(
            (
                "deals",
                "Deals & Coupons",
                "优惠券互助群",
                &["c-zhaolei", "c-sunli", "c-liuyang", "c-lihua"],
            ),
            DEALS,
            2,
            lang,
        ),
    ];
    Data {
        version: CURRENT_VERSION,
        rev: 0,
        scenario: Scenario::default(),
        lang,
        contacts: Rc::new(contacts),
        chats: chats.into_iter().map(Rc::new).collect(),
        link_prefs: Vec::new(),
        reports: Vec::new(),
        recent_mini: Vec::new(),
        custom_rules: None,
        moments: super::moments::seed_moments(lang),
        douyin: Default::default(),
        account: Rc::new(super::accounts::demo_account(
            crate::policy::scenario::Region::Mainland,
        )),
        others: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
