//! Compare's texts (`#/compare`, issue 26) in English and Chinese: its own
//! small table, the names of each side's controls (**A date**, **B
//! cohort**, …) and the notice for a refused side parameter.

use super::{Explain, Lang};
use crate::state::compare::{BadParam, Field, Side};
use crate::state::params::Refusal;

super::strings! {
    K;
    Button => "Compare…", "比较…";
    Row => "Compare side by side", "并排比较";
    Intro => "One link in two scenarios, A and B: what WeChat showed in each, side by side, and what differs. Every field is in the address, so the comparison can be shared.", "同一链接、两个情景 A 和 B：并排显示微信在各自情景下的处理，以及两者的不同之处。每一项都写在地址里，可以直接分享这个比较。";
    Date => "date", "日期";
    Region => "region", "地区";
    Phone => "phone", "手机";
    Vpn => "VPN", "VPN";
    Cohort => "cohort", "灰度批次";
    Differs => "What differs", "不同之处";
    Same => "Nothing: both sides saw the same, for the same rules", "没有不同：两边看到的一样，判定规则也一样";
    Outcome => "outcome", "结果";
    Display => "card", "卡片";
    Card => "plain card", "普通卡片";
    Share => "share button", "分享按钮";
    Reachable => "page loads", "页面能否加载";
    Confidence => "confidence", "可信度";
    Assumption => "assumption", "假设";
    Rules => "rules", "规则";
    RulesOf => "Rules", "规则";
    NoRule => "none", "无";
    Ignored => "ignored", "已忽略";
    Malformed => "not a value it takes", "不是它接受的取值";
    Outside => "a day outside the record (2013-01-01 to 2023-12-31)", "记录范围（2013-01-01 至 2023-12-31）之外的日期";
    Kept => "Shown instead:", "改为显示：";
}

impl K {
    /// The word of a side's field, as its control's name follows the
    /// side's letter ("A date").
    pub const fn field(f: Field) -> K {
        match f {
            Field::Date => K::Date,
            Field::Region => K::Region,
            Field::Os => K::Phone,
            Field::Vpn => K::Vpn,
            Field::Cohort => K::Cohort,
        }
    }
}

/// The name of `side`'s control for `field` (UI-CONTRACT.md: **A date**,
/// **B cohort**; "A 日期" in Chinese).
pub fn label(side: Side, field: Field, lang: Lang) -> String {
    String::from(side.letter()) + " " + K::field(field).tr(lang)
}

/// "B: date ignored, a day outside the record (…): b.date=2030-01-01":
/// the side, the field, why, and the parameter as it was given.
impl Explain for BadParam {
    fn explain(&self, lang: Lang) -> String {
        let sep = lang.pick(": ", "：");
        let why = match self.why {
            Refusal::Malformed => K::Malformed,
            Refusal::OutsideRecord => K::Outside,
        };
        String::from(self.side.letter())
            + sep
            + K::field(self.field).tr(lang)
            + lang.pick(" ", "")
            + K::Ignored.tr(lang)
            + lang.pick(", ", "，")
            + why.tr(lang)
            + sep
            + self.side.as_str()
            + "."
            + self.field.as_str()
            + "="
            + &self.value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        assert_eq!(EN.len(), ZH.len());
        for &k in ALL {
            assert_eq!(k.tr(Lang::En), EN[k as usize], "{k:?} en");
            assert_eq!(k.tr(Lang::Zh), ZH[k as usize], "{k:?} zh");
            // No English word (two letters or more: the sides are A and B).
            let zh = k.tr(Lang::Zh).replace("VPN", "");
            let b = zh.as_bytes();
            assert!(
                !b.windows(2).any(|w| w.iter().all(u8::is_ascii_alphabetic)),
                "{k:?}"
            );
        }
    }

    #[test]
    fn controls_and_notices_name_the_side_and_the_field() {
        assert_eq!(label(Side::A, Field::Date, Lang::En), "A date");
        assert_eq!(label(Side::B, Field::Os, Lang::En), "B phone");
        assert_eq!(label(Side::B, Field::Vpn, Lang::En), "B VPN");
        assert_eq!(label(Side::A, Field::Cohort, Lang::Zh), "A 灰度批次");
        let bad = BadParam {
            side: Side::B,
            field: Field::Date,
            value: "2030-01-01".into(),
            why: Refusal::OutsideRecord,
        };
        assert_eq!(
            bad.explain(Lang::En),
            "B: date ignored, a day outside the record (2013-01-01 to 2023-12-31): b.date=2030-01-01"
        );
        assert_eq!(
            bad.explain(Lang::Zh),
            "B：日期已忽略，记录范围（2013-01-01 至 2023-12-31）之外的日期：b.date=2030-01-01"
        );
    }
}
