//! What was dropped when another tab's data came, and why a data file was
//! not imported, in the user's language.

use super::{Explain, Lang};
use crate::state::data_io::DataImportError;
use crate::state::sync_tabs::Dropped;

/// `en` or `zh` with `「text」` / `"text"` put where `{}` is.
fn with_quote(lang: Lang, en: &str, zh: &str, text: &str) -> String {
    let (open, close) = match lang {
        Lang::En => ("\"", "\""),
        Lang::Zh => ("「", "」"),
    };
    let quoted = String::from(open) + text + close;
    lang.pick(en, zh).replacen("{}", &quoted, 1)
}

impl Explain for Dropped {
    fn explain(&self, lang: Lang) -> String {
        match self {
            Dropped::Message { text } => with_quote(
                lang,
                "Your message {} was not kept: its chat was deleted in another tab.",
                "你的消息{}未保留：该聊天已在另一个标签页中删除。",
                text,
            ),
            Dropped::Sender { text } => with_quote(
                lang,
                "The message {} was not kept: its sender left the group in another tab.",
                "消息{}未保留：发送者已在另一个标签页中离开该群。",
                text,
            ),
            Dropped::Comment { text } => with_quote(
                lang,
                "Your comment {} was not kept: its post is gone after a change in another tab.",
                "你的评论{}未保留：该动态已因另一个标签页中的更改而不存在。",
                text,
            ),
            Dropped::Members => lang
                .pick(
                    "Your change to a group's members was not kept: the group was deleted in another tab.",
                    "你对群成员的修改未保留：该群聊已在另一个标签页中删除。",
                )
                .into(),
            Dropped::Like => lang
                .pick(
                    "Your like was not kept: its post is gone after a change in another tab.",
                    "你的赞未保留：该动态已因另一个标签页中的更改而不存在。",
                )
                .into(),
            Dropped::Post { text } => with_quote(
                lang,
                "Your post {} was not published: after a change in another tab (the date or the rules) its link is no longer allowed in Moments.",
                "你的动态{}未发布：另一个标签页更改了日期或规则，其中的链接已不能发到朋友圈。",
                text,
            ),
            Dropped::Account => lang
                .pick(
                    "A change you made was not kept: its account is gone after a reset or an import in another tab.",
                    "你的一项更改未保留：该帐号已因另一个标签页中的重置或导入而不存在。",
                )
                .into(),
        }
    }
}

impl Explain for DataImportError {
    fn explain(&self, lang: Lang) -> String {
        let mut s = String::from(lang.pick("Not imported: ", "未导入："));
        let (en, zh) = match self {
            DataImportError::TooLarge => ("the file is larger than 10 MB.", "文件超过 10 MB。"),
            DataImportError::NotOurs => (
                "this is not a Walled Garden data file (made with Export my data).",
                "这不是围墙花园的数据文件（由「导出我的数据」生成）。",
            ),
            DataImportError::NewerVersion => (
                "the file was exported by a newer version of the app.",
                "该文件由更新版本的应用导出。",
            ),
            DataImportError::NoRoomForBackup => (
                "this browser's storage has no room to keep your current data first.",
                "浏览器存储空间不足，无法先保存当前数据。",
            ),
            DataImportError::Corrupted(e) => {
                s.push_str(lang.pick("the file is damaged (", "文件已损坏（"));
                s.push_str(&e.explain(lang));
                (").", "）。")
            }
        };
        s.push_str(lang.pick(en, zh));
        s.push_str(lang.pick(" Nothing was changed.", "数据未作任何更改。"));
        s
    }
}

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.explain(Lang::En))
    }
}

impl std::fmt::Display for DataImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.explain(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::persist::PersistError;

    #[test]
    fn dropped_actions_say_what_and_why_in_both_languages() {
        let d = Dropped::Message {
            text: "On my way".into(),
        };
        assert_eq!(
            d.explain(Lang::En),
            "Your message \"On my way\" was not kept: its chat was deleted in another tab."
        );
        assert_eq!(
            d.explain(Lang::Zh),
            "你的消息「On my way」未保留：该聊天已在另一个标签页中删除。"
        );
        // A post refused after another tab changed the date or the rules.
        let text = "￥AbC123dEf￥ 打开淘宝";
        let post = Dropped::Post { text: text.into() };
        let en = post.explain(Lang::En);
        assert!(
            en.contains("was not published") && en.contains(text),
            "{en}"
        );
        let zh = post.explain(Lang::Zh);
        assert!(zh.contains("未发布") && zh.contains(text), "{zh}");
        for d in [
            Dropped::Like,
            Dropped::Members,
            Dropped::Comment { text: "x".into() },
            Dropped::Sender { text: "x".into() },
            Dropped::Account,
        ] {
            let zh = d.explain(Lang::Zh);
            assert!(!zh.is_ascii() && !zh.contains("tab"), "{zh}");
        }
    }

    #[test]
    fn import_errors_in_both_languages() {
        let e = DataImportError::Corrupted(PersistError::BadChatId);
        assert!(e.explain(Lang::En).contains("bad or duplicate chat id"));
        assert!(e.explain(Lang::Zh).contains("聊天编号无效或重复"));
        assert!(DataImportError::TooLarge
            .explain(Lang::Zh)
            .contains("10 MB"));
        assert!(!DataImportError::NotOurs.explain(Lang::Zh).contains("Not"));
    }
}
