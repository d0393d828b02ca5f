//! Connection's texts (Douyin's feature, record §6) in English and Chinese:
//! its own small table, the names behind the indices of
//! `policy::connection`, and its refusals and errors.

use super::{Explain, Lang};
use crate::policy::connection::{
    Assumption, Field, FollowResult, PublicView, Refusal, TestGroup, CONN_2020_02, PICTURES,
};
use crate::state::connection::ProfileError;

super::strings! {
    C;
    Title => "Douyin · Connection", "抖音 · 连线";
    Intro => "Douyin's Connection (in test from February 2020): a video call with a stranger picked from public profiles, for verified adults only; users who followed each other went on chatting on WeChat. Drawn here as Douyin showed it, outside WeChat.", "抖音「连线」（2020 年 2 月起测试）：与根据公开资料匹配的陌生人视频通话，仅限通过验证的成年人；互相关注的用户后来在微信上继续聊天。这里按抖音的样子画出，在微信之外。";
    Clock => "Time in China (simulated)", "北京时间（模拟）";
    Group => "Douyin test group", "抖音测试组";
    GroupIn => "In the test", "在测试组中";
    GroupOut => "Not in the test", "不在测试组中";
    Assumed => "What the simulator assumes", "模拟器的假设";
    TestStart => "The test is taken to begin on 2020-02-20 (the record: late February 2020).", "测试开始日取 2020-02-20（记录：2020 年 2 月下旬）。";
    NoEnd => "The record gives no end date, so the test is taken to go on.", "记录未给出结束日期，因此视为测试一直进行。";
    TestGroupNote => "Douyin tested it with a random group of users; here the choice Douyin test group stands for that draw (default: in).", "抖音随机抽取部分用户测试；此处由“抖音测试组”选项代替这次抽取（默认：在测试组中）。";
    Hours => "Open 19:00–23:00 China time each day (the record: a limited time each day).", "每天北京时间 19:00–23:00 开放（记录：每天限时开放）。";
    Age18 => "“Above 18” is read as 18 or over: 18 is let in.", "“18 岁以上”理解为年满 18 岁：18 岁可以使用。";
    AgeFromId => "The age is the one the identity verification gives, fixed once verified (the record names the check and the age limit, not where the age comes from).", "年龄取自身份验证，验证后不可更改（记录只提到身份验证和年龄限制，未说明年龄从何而来）。";
    Ranking => "Matches are ranked by the same city first, then shared interests (the record: public profile information, logs and the city).", "匹配先看是否同城，再看共同兴趣（记录：公开资料、日志和所在城市）。";
    Game => "The draw-and-guess round is a mock: the record names the game, not how a round went.", "你画我猜的玩法为模拟：记录只提到这个游戏，未说明具体玩法。";
    AfterFollow => "Continue on WeChat (standing for exchanging WeChat IDs) is offered only after a mutual follow, as in the article's example; the record only says users continued on WeChat after matching.", "仅在互相关注后提供“到微信继续聊”（代表互加微信），与报道中的例子一致；记录只说用户匹配后转到微信继续聊天。";
    VerifyTitle => "Verify your identity", "验证身份";
    Phone => "Phone number", "手机号";
    ScanFace => "Scan face", "刷脸验证";
    IdAge => "Age on your ID (simulated)", "证件上的年龄（模拟）";
    MockScan => "A mock check: no camera is used. The age cannot be changed once verified.", "模拟验证：不会使用摄像头。验证后年龄不可更改。";
    ProfileTitle => "Your Douyin profile", "我的抖音资料";
    Username => "Username (never shown to matches)", "用户名（不向匹配对象显示）";
    Picture => "Picture", "头像";
    City => "City", "城市";
    Age => "Age", "年龄";
    AgeVerified => "Age (from verification)", "年龄（来自身份验证）";
    Sign => "Sign", "星座";
    Interests => "Interests", "兴趣";
    ShowTo => "Show to matches", "向匹配对象公开";
    TheySee => "What they see of you", "对方看到的你";
    Hidden => "private", "未公开";
    YourMatch => "Your match", "为你匹配";
    Call => "Start video call", "开始视频通话";
    Next => "Next match", "换一个";
    CallTitle => "Video call", "视频通话";
    CallTime => "Call time", "通话时长";
    DrawThis => "Draw this for them:", "画给对方猜：";
    YourDrawing => "Your drawing", "你的画";
    Clear => "Clear", "清除";
    Drawn => "Done drawing", "画好了";
    WhatDrawn => "What did they draw?", "对方画的是什么？";
    TheirDrawing => "Their drawing", "对方的画";
    Right => "Right!", "猜对了！";
    Wrong => "Not quite, it was:", "不对，答案是：";
    FollowQ => "Follow each other?", "互相关注吗？";
    Yes => "Yes", "是";
    No => "No", "否";
    Mutual => "You both said yes: you follow each other now.", "双方都选择了是：你们已互相关注。";
    TheyNo => "They said no, so there is no follow.", "对方选择了否，所以没有互相关注。";
    YouNo => "You said no, so there is no follow.", "你选择了否，所以没有互相关注。";
    OnWeChat => "Continue on WeChat", "到微信继续聊";
    EndCall => "End call", "挂断";
    MatchName => "Douyin match", "抖音连线好友";
    FirstMessage => "Hi! We matched on Douyin Connection. Let's keep chatting here 👋", "你好！我们在抖音连线上认识的，在这里接着聊吧 👋";
}

impl C {
    /// The label of a profile field.
    pub const fn field(f: Field) -> C {
        match f {
            Field::Picture => C::Picture,
            Field::City => C::City,
            Field::Age => C::Age,
            Field::Sign => C::Sign,
        }
    }
    /// The note of an assumption.
    pub const fn assumption(a: Assumption) -> C {
        match a {
            Assumption::TestStart => C::TestStart,
            Assumption::NoEnd => C::NoEnd,
            Assumption::TestGroup => C::TestGroupNote,
            Assumption::Hours => C::Hours,
            Assumption::Age18 => C::Age18,
            Assumption::AgeFromVerification => C::AgeFromId,
            Assumption::Ranking => C::Ranking,
            Assumption::Game => C::Game,
            Assumption::WeChatAfterFollow => C::AfterFollow,
        }
    }
    /// The option text of a test group.
    pub const fn group(g: TestGroup) -> C {
        match g {
            TestGroup::In => C::GroupIn,
            TestGroup::Out => C::GroupOut,
        }
    }
    /// The result of "Follow each other?".
    pub const fn follow(r: FollowResult) -> C {
        match r {
            FollowResult::Mutual => C::Mutual,
            FollowResult::TheyDeclined => C::TheyNo,
            FollowResult::YouDeclined => C::YouNo,
        }
    }
}

/// City names, by `policy::connection` index.
pub const CITY: [(&str, &str); 8] = [
    ("Beijing", "北京"),
    ("Shanghai", "上海"),
    ("Guangzhou", "广州"),
    ("Shenzhen", "深圳"),
    ("Chengdu", "成都"),
    ("Hangzhou", "杭州"),
    ("Wuhan", "武汉"),
    ("Xi'an", "西安"),
];

/// Astrological signs, Aries first.
pub const SIGN: [(&str, &str); 12] = [
    ("Aries", "白羊座"),
    ("Taurus", "金牛座"),
    ("Gemini", "双子座"),
    ("Cancer", "巨蟹座"),
    ("Leo", "狮子座"),
    ("Virgo", "处女座"),
    ("Libra", "天秤座"),
    ("Scorpio", "天蝎座"),
    ("Sagittarius", "射手座"),
    ("Capricorn", "摩羯座"),
    ("Aquarius", "水瓶座"),
    ("Pisces", "双鱼座"),
];

/// Interests, by bit.
pub const INTEREST: [(&str, &str); 8] = [
    ("Music", "音乐"),
    ("Dance", "舞蹈"),
    ("Food", "美食"),
    ("Travel", "旅行"),
    ("Games", "游戏"),
    ("Pets", "宠物"),
    ("Sports", "运动"),
    ("Films", "电影"),
];

/// The words of draw-and-guess; the first five have a stranger's drawing.
pub const WORD: [(&str, &str); 8] = [
    ("sun", "太阳"),
    ("house", "房子"),
    ("fish", "鱼"),
    ("tree", "树"),
    ("star", "星星"),
    ("cat", "猫"),
    ("flower", "花"),
    ("boat", "船"),
];

/// The name at index `i` of `table` in `lang`; `?` for an index that saved
/// data may hold but no table has.
pub fn name(table: &[(&'static str, &'static str)], i: u8, lang: Lang) -> &'static str {
    table
        .get(usize::from(i))
        .map_or("?", |&(en, zh)| lang.pick(en, zh))
}

/// The WeChat name of a match, from what they made public only (never the
/// username): "🐼 Douyin match · Chengdu". "Continue on WeChat" carries it
/// in both languages, so that the contact's name follows the language.
pub fn contact_name(view: PublicView, lang: Lang) -> String {
    let mut s = String::new();
    // A picture index no table has (a damaged save) is left out.
    if let Some(p) = view.picture.and_then(|p| PICTURES.get(usize::from(p))) {
        s.push_str(p);
        s.push(' ');
    }
    s.push_str(C::MatchName.tr(lang));
    if let Some(c) = view.city {
        s.push_str(" · ");
        s.push_str(name(&CITY, c, lang));
    }
    s
}

impl Explain for Refusal {
    fn explain(&self, lang: Lang) -> String {
        let text = match self {
            Refusal::NotInTest { before_start: true } => lang.pick(
                "Connection is not in test yet: the test began in late February 2020 (taken as 2020-02-20).",
                "连线尚未开始测试：测试始于 2020 年 2 月下旬（取 2020-02-20）。",
            ),
            Refusal::NotInTest { .. } => lang.pick(
                "Connection is tested with a random group of users only, and this account is not in it: the simulator's choice (Douyin test group: not in the test) stands for that random draw.",
                "连线仅面向随机抽取的部分用户测试，本帐号不在其中：由模拟器的选项（抖音测试组：不在测试组中）代替这次随机抽取。",
            ),
            Refusal::OutsideHours => lang.pick(
                "Connection is open for a limited time each day: here 19:00–23:00 China time.",
                "连线每天限时开放：此处为北京时间 19:00–23:00。",
            ),
            Refusal::Unverified => lang.pick(
                "Only users who passed identity verification (phone and face scan) can use Connection.",
                "仅通过身份验证（手机号和人脸识别）的用户可以使用连线。",
            ),
            Refusal::Under18 => lang.pick(
                "Connection is only for users above 18 (read as 18 or older), and the age your identity verification gave is under that.",
                "连线仅限 18 岁以上用户（理解为年满 18 岁），而你的身份验证所给的年龄未满。",
            ),
        };
        format!("{text} ({CONN_2020_02})")
    }
}

impl Explain for ProfileError {
    fn explain(&self, lang: Lang) -> String {
        lang.pick(
            match self {
                ProfileError::AgeNotNumber => "Enter your age as a whole number, e.g. 25.",
                ProfileError::AgeRange => "Enter an age from 1 to 120.",
                ProfileError::UsernameTooLong => "A username has at most 20 characters.",
            },
            match self {
                ProfileError::AgeNotNumber => "请以整数填写年龄，例如 25。",
                ProfileError::AgeRange => "年龄须在 1 到 120 之间。",
                ProfileError::UsernameTooLong => "用户名最多 20 个字符。",
            },
        )
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages_and_the_tables_fit_the_policy() {
        use crate::policy::connection::{CITIES, INTERESTS, SIGNS};
        use crate::state::connection::WORDS;
        assert_eq!(EN.len(), ZH.len());
        for &k in ALL {
            // The packed tables cut exactly where each string ends.
            assert_eq!(k.tr(Lang::En), EN[k as usize], "{k:?} en");
            assert_eq!(k.tr(Lang::Zh), ZH[k as usize], "{k:?} zh");
            assert!(
                !k.tr(Lang::En).is_empty() && !k.tr(Lang::Zh).is_empty(),
                "{k:?}"
            );
            assert!(
                !k.tr(Lang::Zh).bytes().any(|b| b.is_ascii_alphabetic()),
                "{k:?}"
            );
        }
        assert_eq!(
            (CITY.len(), SIGN.len(), INTEREST.len(), WORD.len()),
            (CITIES.into(), SIGNS.into(), INTERESTS.into(), WORDS.into())
        );
        assert_eq!(name(&CITY, 4, Lang::Zh), "成都");
        assert_eq!(
            name(&CITY, 200, Lang::En),
            "?",
            "a damaged save does not panic"
        );
    }

    #[test]
    fn a_match_is_named_from_its_public_fields_only() {
        use crate::policy::connection::{public_view, STRANGERS};
        for s in &STRANGERS {
            let p = &s.profile;
            let view = public_view(p);
            for lang in [Lang::En, Lang::Zh] {
                let n = contact_name(view, lang);
                assert!(n.contains(C::MatchName.tr(lang)), "{n}");
                assert!(!n.contains(p.username), "{n}");
                let city = name(&CITY, p.city, lang);
                assert_eq!(n.contains(city), p.public & Field::City.bit() != 0, "{n}");
                let pic = PICTURES[usize::from(p.picture)];
                assert_eq!(n.contains(pic), p.public & Field::Picture.bit() != 0, "{n}");
            }
        }
        let all = PublicView {
            picture: Some(0),
            city: Some(4),
            ..PublicView::default()
        };
        assert_eq!(contact_name(all, Lang::En), "🐼 Douyin match · Chengdu");
        assert_eq!(contact_name(all, Lang::Zh), "🐼 抖音连线好友 · 成都");
        assert_eq!(
            contact_name(PublicView::default(), Lang::En),
            "Douyin match"
        );
        let damaged = PublicView {
            picture: Some(200),
            city: Some(200),
            ..PublicView::default()
        };
        assert_eq!(
            contact_name(damaged, Lang::En),
            "Douyin match · ?",
            "no panic"
        );
    }

    #[test]
    fn refusals_name_the_record() {
        for r in [
            Refusal::NotInTest { before_start: true },
            Refusal::NotInTest {
                before_start: false,
            },
            Refusal::OutsideHours,
            Refusal::Unverified,
            Refusal::Under18,
        ] {
            for lang in [Lang::En, Lang::Zh] {
                assert!(r.explain(lang).contains("CONN-2020-02"), "{r:?}");
            }
        }
        assert!(ProfileError::AgeRange.explain(Lang::Zh).contains("120"));
        // The out-of-group refusal says the simulator chose it.
        let out = Refusal::NotInTest {
            before_start: false,
        };
        assert!(out.explain(Lang::En).contains("simulator's choice"));
        assert!(out.explain(Lang::Zh).contains("模拟器"));
    }

    #[test]
    fn every_assumption_has_its_own_note_in_both_languages() {
        let notes: Vec<C> = Assumption::ALL.iter().map(|&a| C::assumption(a)).collect();
        for (i, n) in notes.iter().enumerate() {
            assert!(!notes[..i].contains(n), "{n:?} twice");
        }
        let group = C::assumption(Assumption::TestGroup).tr(Lang::En);
        assert!(group.contains(C::Group.tr(Lang::En)), "{group}");
        let group = C::assumption(Assumption::TestGroup).tr(Lang::Zh);
        assert!(group.contains(C::Group.tr(Lang::Zh)), "{group}");
    }
}
