//! The demo feed: posts of the demo contacts from 2016 to 2022, some with
//! links to the record's platforms, so that moving the scenario date shows
//! other posts and other link cards. Deterministic, in both languages.

use super::{Comment, Moments, Penalty, Post};
use crate::lang::Lang;
use crate::policy::moments::{gate, Audience, PostGate, Visibility, Window};
use crate::policy::rules::Rules;
use crate::policy::scenario::{Date, Scenario};
use crate::state::model::ME;
use crate::state::time::at;
use std::rc::Rc;

/// The built-in illustrations, drawn in CSS: class, English, Chinese.
pub const PICTURES: &[(&str, &str, &str)] = &[
    ("pic-sunset", "Sunset", "日落"),
    ("pic-mountains", "Mountains", "山景"),
    ("pic-noodles", "Noodles", "面条"),
    ("pic-cat", "Cat", "猫"),
    ("pic-city", "City at night", "城市夜景"),
    ("pic-flowers", "Flowers", "花"),
    ("pic-beach", "Beach", "海滩"),
    ("pic-cake", "Cake", "蛋糕"),
    ("pic-tea", "Tea", "茶"),
    ("pic-lanterns", "Lanterns", "灯笼"),
];

/// (commenter, English, Chinese, replying to or "").
type SeedComment = (&'static str, &'static str, &'static str, &'static str);

/// (author, day, hour, English, Chinese, link or "", pictures, visibility
/// `public` / `private` / `include:<tag>` / `exclude:<contact>`, likes,
/// comments).
type SeedPost = (
    &'static str,
    &'static str,
    u8,
    &'static str,
    &'static str,
    &'static str,
    &'static [u8],
    &'static str,
    &'static [&'static str],
    &'static [SeedComment],
);

#[rustfmt::skip]
const POSTS: &[SeedPost] = &[
    ("c-lihua", "2016-02-08", 10, "Happy Spring Festival everyone! 🧧", "大家新年快乐！🧧", "", &[9, 7], "public", &["c-wangfang", "c-mum", ME], &[("c-wangfang", "Happy new year!", "新年快乐！", "")]),
    ("c-mum", "2016-05-01", 8, "Morning tea with the neighbours.", "和邻居们一起喝早茶。", "", &[8], "public", &["c-dad"], &[("c-dad", "Save me a bun!", "给我留个包子！", "")]),
    ("c-sunli", "2016-06-18", 21, "618 sale, this dress is half price", "618 大促，这条裙子半价", "https://m.tb.cn/h.a61801", &[], "public", &["c-zhaolei"], &[]),
    ("c-zhangwei", "2016-09-12", 19, "Team dinner after the launch 🎉", "上线后的团队聚餐 🎉", "", &[2, 4], "public", &["c-liuyang", ME], &[("c-liuyang", "Great work everyone", "大家辛苦了", "")]),
    ("c-chenjing", "2016-11-11", 0, "Midnight on Singles' Day, cart is full 😅", "双十一零点，购物车已满 😅", "https://s.taobao.com/search?q=scarf", &[], "public", &["c-lihua"], &[("c-lihua", "Same here", "我也是", "")]),
    ("c-dad", "2017-01-27", 20, "New Year's Eve dinner, everyone is home.", "年夜饭，全家团圆。", "", &[7, 9], "include:family", &["c-mum", "c-xiaoming"], &[("c-mum", "Best dumplings this year", "今年的饺子最好吃", "")]),
    ("c-zhaolei", "2017-03-08", 12, "Copy this and open Taobao: ￥Xy7Kp2Lm9Q￥", "复制这条信息打开淘宝：￥Xy7Kp2Lm9Q￥", "", &[], "public", &["c-sunli"], &[]),
    ("c-xiaoming", "2017-07-15", 16, "Summer holiday at the beach!", "暑假去海边啦！", "", &[6, 0], "public", &["c-mum", "c-dad", ME], &[("c-dad", "Wear sunscreen", "记得涂防晒", ""), ("c-xiaoming", "I did!", "涂了！", "c-dad")]),
    ("c-liuyang", "2017-10-04", 18, "Mid-Autumn moon from the rooftop.", "在楼顶看中秋的月亮。", "", &[4], "public", &["c-zhangwei"], &[]),
    ("c-chenjing", "2017-12-20", 22, "This dancing cat 😂", "这只跳舞的猫 😂", "https://v.douyin.com/cat2017/", &[3], "public", &["c-lihua", "c-wangfang"], &[("c-wangfang", "I can't stop watching", "停不下来", "")]),
    ("c-wangfang", "2018-03-18", 9, "Spring flowers in the park 🌸", "公园里的春花 🌸", "", &[5, 5, 0], "public", &["c-lihua", ME], &[]),
    ("c-chenjing", "2018-06-15", 21, "Look at this one too", "再看看这个", "https://v.douyin.com/RkP3xYz/", &[], "public", &[], &[]),
    ("c-sunli", "2018-09-10", 11, "Teachers' Day gifts on JD, arrived in a day", "教师节礼物在京东买的，一天就到", "https://item.jd.com/100003.html", &[], "public", &["c-zhaolei", "c-lihua"], &[]),
    ("c-zhangwei", "2018-12-31", 23, "Goodbye 2018, shipped three projects.", "再见 2018，完成了三个项目。", "", &[4], "exclude:c-dad", &["c-liuyang"], &[]),
    ("c-lihua", "2019-02-05", 9, "Lanterns in the old town", "古镇的灯笼", "", &[9, 9, 4], "public", &["c-chenjing", "c-mum", ME], &[("c-mum", "So pretty!", "真好看！", "")]),
    ("c-liuyang", "2019-05-20", 13, "Playlist for the commute", "通勤歌单", "https://y.qq.com/n/ryqq/playlist/8001", &[], "public", &["c-zhaolei"], &[]),
    ("c-mum", "2019-08-08", 7, "Made noodles for breakfast.", "早饭做了面条。", "", &[2], "public", &["c-dad", "c-xiaoming", ME], &[("c-xiaoming", "Save some for me!", "给我留点！", "")]),
    ("c-xiaoming", "2019-10-01", 10, "National Day parade on TV with grandpa.", "和爷爷一起看国庆阅兵。", "", &[], "public", &["c-mum"], &[]),
    (ME, "2019-12-24", 20, "Christmas Eve hot pot with friends.", "平安夜和朋友们吃火锅。", "", &[2, 4], "public", &["c-lihua", "c-wangfang", "c-mum"], &[("c-lihua", "Next time invite me!", "下次叫上我！", ""), ("c-mum", "Eat well", "多吃点", "")]),
    ("c-zhangwei", "2020-03-02", 10, "Working from home, here are the notes", "居家办公，纪要在这里", "https://bytedance.feishu.cn/docs/doccn2020", &[], "include:work", &["c-liuyang"], &[]),
    ("c-wangfang", "2020-05-20", 19, "520 cake 🍰", "520 的蛋糕 🍰", "", &[7], "public", &["c-lihua", "c-chenjing"], &[]),
    ("c-sunli", "2020-11-11", 0, "Double 11 haul on Pinduoduo, team up?", "双十一在拼多多拼单，一起吗？", "https://mobile.yangkeduo.com/goods.html?goods_id=2020", &[], "public", &["c-zhaolei", "c-liuyang"], &[("c-zhaolei", "I'm in", "算我一个", "")]),
    ("c-chenjing", "2021-03-08", 15, "Notes on my trip, all on Xiaohongshu", "旅行笔记都在小红书上", "https://www.xiaohongshu.com/discovery/item/2021", &[1, 6], "public", &["c-wangfang", "c-lihua"], &[]),
    ("c-dad", "2021-06-20", 18, "Father's Day tea from the kids, thank you.", "孩子们送的父亲节茶叶，谢谢。", "", &[8], "public", &["c-mum", "c-xiaoming", ME], &[]),
    ("c-wangfang", "2021-09-21", 20, "Mid-Autumn mooncakes, homemade this year", "中秋月饼，今年自己做的", "", &[7], "public", &["c-chenjing", ME], &[]),
    ("c-liuyang", "2021-10-12", 8, "Bike ride before work", "上班前骑车", "", &[1], "public", &["c-zhangwei"], &[]),
    (ME, "2021-11-02", 21, "City lights from the office tonight.", "今晚办公室窗外的城市灯光。", "", &[4], "public", &["c-zhangwei", "c-mum"], &[("c-zhangwei", "Go home!", "快回家！", "")]),
    ("c-zhaolei", "2021-11-20", 14, "This jacket is 40% off today only", "这件外套今天六折", "https://m.tb.cn/h.fxQ8vZk", &[], "public", &["c-sunli", "c-lihua"], &[("c-lihua", "Does it open for you?", "你那能打开吗？", ""), ("c-zhaolei", "Copy it into a browser", "复制到浏览器打开", "c-lihua")]),
    ("c-zhangwei", "2021-11-29", 9, "Conference day, slides here", "开会日，幻灯片在这里", "https://bytedance.feishu.cn/docs/doccnQ2wE3rT", &[], "public", &["c-liuyang"], &[]),
    ("c-mum", "2021-11-30", 12, "First snow of the year ❄️", "今年的第一场雪 ❄️", "", &[1, 5], "public", &["c-dad", "c-xiaoming", "c-lihua"], &[("c-dad", "Wear a scarf!", "戴围巾！", ""), ("c-lihua", "Beautiful, auntie", "阿姨拍得真好", "")]),
    ("c-lihua", "2021-12-01", 8, "Coffee and a cat this morning.", "早上的咖啡和猫。", "", &[3, 8], "public", &["c-wangfang", "c-sunli", "c-zhaolei"], &[("c-sunli", "Cute!", "好可爱！", "")]),
    ("c-chenjing", "2022-01-01", 0, "Happy 2022 🎆", "2022 新年快乐 🎆", "", &[4, 9], "public", &["c-lihua", "c-wangfang", ME], &[]),
    ("c-sunli", "2022-02-01", 11, "Taobao links open in chats now, Moments still asks for a browser", "淘宝链接在聊天里能打开了，朋友圈还是要浏览器", "https://m.tb.cn/h.2022spring", &[], "public", &["c-zhaolei"], &[]),
    ("c-wangfang", "2022-05-04", 10, "Youth Day hike", "五四青年节爬山", "", &[1, 0], "public", &["c-lihua"], &[]),
    ("c-xiaoming", "2022-07-01", 17, "Summer holiday starts! Douyin of my skateboard", "暑假开始啦！我的滑板抖音", "https://v.douyin.com/skate22/", &[], "public", &["c-mum"], &[]),
    ("c-liuyang", "2022-09-10", 20, "Answered a question about mooncakes on Zhihu", "在知乎回答了一个月饼问题", "https://www.zhihu.com/question/2022", &[7], "public", &["c-zhangwei", "c-zhaolei"], &[]),
];

/// The visibility written in the seed table.
fn visibility(v: &str) -> Visibility {
    let list = |s: &str| vec![s.to_string()];
    match v.split_once(':') {
        Some(("include", tag)) => Visibility::ShareWith(Audience {
            contacts: Vec::new(),
            tags: list(tag),
        }),
        Some((_, who)) => Visibility::DontShareWith(Audience {
            contacts: list(who),
            tags: Vec::new(),
        }),
        None if v == "private" => Visibility::Private,
        None => Visibility::Public,
    }
}

/// The demo feed in `lang`. Links go through the Moments rules of their
/// day, like a new post: a Douyin link after 2018-05-29 is visible to its
/// poster only.
pub fn seed_moments(lang: Lang) -> Moments {
    let rules = Rules::builtin();
    let posts = POSTS
        .iter()
        .enumerate()
        .map(
            |(i, &(author, day, hour, en, zh, link, pics, vis, likes, comments))| {
                let date = Date::parse(day).unwrap_or(crate::policy::scenario::DEFAULT_DATE);
                let ts = at(date, hour, (i % 60) as u8);
                let text = lang.pick(en, zh).to_string();
                let scenario = Scenario {
                    date,
                    ..Scenario::default()
                };
                let link = Some(link.to_string()).filter(|l| !l.is_empty());
                let penalty = match gate(rules, &text, link.as_deref(), &scenario) {
                    PostGate::Private { rule, link } => Some(Penalty { rule, link }),
                    _ => None,
                };
                let comments = comments
                    .iter()
                    .enumerate()
                    .map(|(j, &(from, en, zh, reply))| Comment {
                        id: j as u64 + 1,
                        from: from.into(),
                        text: lang.pick(en, zh).into(),
                        reply_to: Some(reply.to_string()).filter(|r| !r.is_empty()),
                        ts: ts + 600 * (j as i64 + 1),
                    })
                    .collect();
                Rc::new(Post {
                    id: i as u64 + 1,
                    author: author.into(),
                    ts,
                    text,
                    link,
                    pictures: pics.to_vec(),
                    visibility: visibility(vis),
                    penalty,
                    synced: Vec::new(),
                    likes: likes.iter().map(|l| l.to_string()).collect(),
                    comments,
                })
            },
        )
        .collect();
    Moments {
        posts,
        window: Window::All,
        linked: Vec::new(),
    }
}
