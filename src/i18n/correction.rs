//! The texts of **Suggest a correction** (issue 26) in English and Chinese:
//! its own small table, as Connection has, the words of its refusals, and
//! the texts of a draft rule (`state::correction::DraftTexts`).

use super::{Explain, Lang};
use crate::state::correction::{Claim, CorrectionError, DraftError, DraftText, DraftTexts};

super::strings! {
    Co;
    Suggest => "Suggest a correction", "提出更正";
    Intro => "Saw something else? Say what, when and on what evidence. The app makes a file of it for you to copy or download: nothing is sent anywhere.", "看到的不一样？说明看到了什么、何时看到、依据什么。应用会据此生成一个文件，供你复制或下载：不会发送到任何地方。";
    Saw => "What you saw", "你看到的";
    Said => "What it said", "页面上的文字";
    Optional => "optional", "可选";
    When => "When", "日期";
    Source => "Source", "来源";
    SourceHelp => "A link or a citation (required).", "一个链接或一条引文（必填）。";
    Make => "Make correction file", "生成更正文件";
    File => "Correction file", "更正文件";
    Download => "Download", "下载";
    Try => "Try it in the rules editor", "在规则编辑器中试用";
    Applied => "Your draft rule is in force: the rules are now custom, and every screen shows what the claim would change. To go back, press Reset to built-in.", "你的规则草稿已生效：现在使用的是自定义规则，各页面都显示这条更正会带来的变化。要恢复，请按“恢复内置规则”。";
    DraftRule => "Draft rule:", "规则草稿：";
    SeeMatrix => "See the outcome matrix", "查看结果矩阵";
    SeeEditor => "Open the rules editor", "打开规则编辑器";
    Refused => "Not made:", "未生成：";
    NoSource => "Give a source: a link or a citation that shows what you saw.", "请给出来源：能证明你所见内容的链接或引文。";
    BadDay => "Give a day from 2013-01-01 to 2023-12-31.", "请填写 2013-01-01 至 2023-12-31 之间的日期。";
    SameAsApp => "That is what the app shows: choose what you saw instead, or write what it said.", "这与应用显示的相同：请选择你实际看到的结果，或写下页面上的文字。";
    TooLong => "A text is too long: at most 2,000 characters.", "文字过长：最多 2000 个字符。";
    NoPlatform => "The rules name no platform for this site, so a draft rule would change every site's links. Write the rule in the rules editor instead.", "规则中没有这个网站所属的平台，规则草稿会改变所有网站的链接。请改在规则编辑器中编写规则。";
    Invalid => "The active rules file does not validate with the draft in it; open the rules editor to see why.", "加入草稿后，当前规则文件无法通过校验；请打开规则编辑器查看原因。";
    Reason => "A correction a user suggested, on this source: ", "用户提出的更正，来源：";
    Assumed => "What a user reported seeing: ", "用户报告所见：";
    NoWords => "(no words given)", "（未给出文字）";
}

impl Explain for CorrectionError {
    fn explain(&self, lang: Lang) -> String {
        match self {
            CorrectionError::NoSource => Co::NoSource,
            CorrectionError::BadDay => Co::BadDay,
            CorrectionError::SameAsApp => Co::SameAsApp,
            CorrectionError::TooLong => Co::TooLong,
        }
        .tr(lang)
        .to_string()
    }
}

impl Explain for DraftError {
    fn explain(&self, lang: Lang) -> String {
        match self {
            DraftError::NoPlatform => Co::NoPlatform,
            DraftError::Invalid(_) => Co::Invalid,
        }
        .tr(lang)
        .to_string()
    }
}

/// The texts of the draft rule made from `claim`: its title is what the
/// user says the page said, else `outcome` (the claimed outcome's words in
/// English and Chinese, `present::words`); the reason names the user's
/// source, and what is assumed is their report.
pub fn draft_texts(claim: &Claim, outcome: [&str; 2]) -> DraftTexts {
    let one = |lang: Lang, words: &str| {
        let said = if claim.said.is_empty() {
            Co::NoWords.tr(lang)
        } else {
            &claim.said
        };
        DraftText {
            title: if claim.said.is_empty() {
                words.to_string()
            } else {
                claim.said.clone()
            },
            reason: format!("{}{}", Co::Reason.tr(lang), claim.source),
            assumed: format!("{}{words} · {said}", Co::Assumed.tr(lang)),
        }
    };
    DraftTexts {
        en: one(Lang::En, outcome[0]),
        zh: one(Lang::Zh, outcome[1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::rules::Outcome;
    use crate::policy::scenario::Date;

    #[test]
    fn every_key_has_both_languages() {
        assert_eq!(EN.len(), ZH.len());
        for &k in ALL {
            assert_eq!(k.tr(Lang::En), EN[k as usize], "{k:?} en");
            assert_eq!(k.tr(Lang::Zh), ZH[k as usize], "{k:?} zh");
            assert!(!k.tr(Lang::En).trim().is_empty(), "{k:?} en");
            assert!(!k.tr(Lang::Zh).trim().is_empty(), "{k:?} zh");
        }
        assert_eq!(COUNT, ALL.len());
    }

    #[test]
    fn every_refusal_has_its_own_words() {
        let all = [
            CorrectionError::NoSource,
            CorrectionError::BadDay,
            CorrectionError::SameAsApp,
            CorrectionError::TooLong,
        ];
        for lang in [Lang::En, Lang::Zh] {
            let words: Vec<String> = all.iter().map(|e| e.explain(lang)).collect();
            for (i, w) in words.iter().enumerate() {
                assert!(!words[..i].contains(w), "{w}");
            }
            assert_ne!(DraftError::NoPlatform.explain(lang), words[0]);
        }
        // The refusal names what the control is called.
        assert!(CorrectionError::NoSource
            .explain(Lang::En)
            .contains("source"));
        assert!(CorrectionError::NoSource.explain(Lang::Zh).contains("来源"));
    }

    #[test]
    fn a_draft_is_titled_by_the_words_given_or_the_outcome() {
        let mut claim = Claim {
            outcome: Outcome::Open,
            said: String::new(),
            day: Date::parse("2021-12-10").unwrap(),
            source: "https://example.org/r".into(),
        };
        let t = draft_texts(&claim, ["Opens", "打开"]);
        assert_eq!(
            (t.en.title.as_str(), t.zh.title.as_str()),
            ("Opens", "打开")
        );
        assert!(t.en.reason.ends_with("https://example.org/r"));
        assert!(t.zh.assumed.contains("未给出文字"));
        claim.said = "将要访问".into();
        let t = draft_texts(&claim, ["Opens", "打开"]);
        assert_eq!(t.en.title, "将要访问");
        assert!(t.en.assumed.contains("将要访问"));
    }
}
