//! The guided stories' texts (`#/stories`, `#/story/<id>`, issue 27) in
//! English and Chinese: their own small table. The stories' captions are
//! data (`rules/stories.json`), in both languages there.

use super::Lang;
use crate::state::story::Wrong;

super::strings! {
    S;
    Title => "Stories", "故事";
    Intro => "The record told step by step on the live screens: each step sets the day and the phone, shows what WeChat did, and names its sources. Change the scenario at any step to see what others saw.", "把记录在真实的界面上一步步讲出来：每一步设定日期和手机，展示微信当时的处理，并注明来源。每一步都可以改动情景，看看其他人看到的是什么。";
    Steps => "steps", "步";
    Minutes => "min", "分钟";
    Back => "Back", "上一步";
    Next => "Next", "下一步";
    CopyStep => "Copy link to this step", "复制本步链接";
    Exit => "Exit story", "退出故事";
    Print => "Print handout", "打印讲义";
    TryIt => "Try it", "试一试";
    Contradicted => "Your custom rules decide otherwise at this step, so the screen does not show what the caption says:", "你的自定义规则在这一步的判定不同，所以界面和说明不一致：";
    UnknownStory => "There is no story with this id:", "没有这个 id 的故事：";
    BadStep => "This story has no such step:", "这个故事没有这一步：";
    Steps1 => "it has", "它共有";
    Kept => "You left the story; the scenario of its last step is kept.", "你已离开故事，保留了最后一步的情景。";
    Sources => "Sources", "来源";
    Link => "Link", "链接";
    Scenario => "Scenario", "情景";
    Chat => "A one-to-one chat", "单聊";
    Group => "A group chat", "群聊";
    Friend => "Li Hua", "李华";
    SyncFor => "Sync boxes of the Moments composer, for an account registered in the scenario's region", "朋友圈发布框里的同步选项（帐号注册地为情景中的地区）";
    HandoutNote => "Printed from Walled Garden: each step's caption, its record ids with their sources, and the link that opens the step.", "由 Walled Garden 打印：每一步的说明、记录编号及其来源，以及打开这一步的链接。";
    Keys => "The arrow keys move between steps.", "方向键可在各步之间切换。";
}

/// "3 of 8" / "第 3 步 / 共 8 步".
pub fn position(number: usize, count: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{number} of {count}"),
        Lang::Zh => format!("第 {number} 步，共 {count} 步"),
    }
}

/// What is wrong with the address, for the notice above the list.
pub fn wrong(w: &Wrong, lang: Lang) -> String {
    match w {
        Wrong::Story(id) => format!("{} {id}", S::UnknownStory.tr(lang)),
        Wrong::Step { given, count, .. } => match lang {
            Lang::En => format!(
                "{} step={given} ({} {count}).",
                S::BadStep.tr(lang),
                S::Steps1.tr(lang)
            ),
            Lang::Zh => format!(
                "{}step={given}（{} {count} 步）。",
                S::BadStep.tr(lang),
                S::Steps1.tr(lang)
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_exists_in_both_languages() {
        for (i, &k) in ALL.iter().enumerate() {
            assert_eq!((k.tr(Lang::En), k.tr(Lang::Zh)), (EN[i], ZH[i]));
            assert!(!EN[i].is_empty() && !ZH[i].is_empty(), "{k:?}");
        }
    }

    #[test]
    fn a_wrong_address_is_named() {
        let w = Wrong::Step {
            story: "the-opening".into(),
            given: "99".into(),
            count: 9,
        };
        assert_eq!(
            wrong(&w, Lang::En),
            "This story has no such step: step=99 (it has 9)."
        );
        assert!(wrong(&Wrong::Story("<b>".into()), Lang::Zh).ends_with("<b>"));
        assert_eq!(position(3, 8, Lang::En), "3 of 8");
    }
}
