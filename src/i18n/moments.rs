//! Moments in the user's language: why a post cannot be posted, the line
//! above a feed seen through "View as", and the names and statuses of the
//! sync targets.

use super::{Explain, Lang, T};
use crate::policy::rules::Rules;
use crate::policy::sync::{SyncStatus, SyncTarget};
use crate::state::moments::{DraftError, Hidden, HiddenReason};

impl T {
    /// The words after a count of hidden posts ("2 private").
    pub const fn hidden(r: HiddenReason) -> T {
        match r {
            HiddenReason::OutsideWindow => T::HiddenWindow,
            HiddenReason::Private => T::HiddenPrivate,
            HiddenReason::Penalised => T::HiddenPenalised,
            HiddenReason::NotShared => T::HiddenNotShared,
            HiddenReason::NotFriend => T::HiddenNotFriend,
        }
    }
    /// The name of a sync target.
    pub const fn target(t: SyncTarget) -> T {
        match t {
            SyncTarget::Qq => T::NameQq,
            SyncTarget::Facebook => T::NameFacebook,
            SyncTarget::Twitter => T::NameTwitter,
        }
    }
    /// The label of a sync checkbox ("Sync to QQ").
    pub const fn sync_to(t: SyncTarget) -> T {
        match t {
            SyncTarget::Qq => T::SyncToQq,
            SyncTarget::Facebook => T::SyncToFacebook,
            SyncTarget::Twitter => T::SyncToTwitter,
        }
    }
    /// How a sync status is said.
    pub const fn sync_status(s: SyncStatus) -> T {
        match s {
            SyncStatus::Available => T::SyncAvailable,
            SyncStatus::NeedsVpn => T::SyncNeedsVpn,
            SyncStatus::Unavailable => T::SyncUnavailable,
        }
    }
}

/// The line above a feed: whose view it is and what is hidden from it
/// ("Viewing as: Wang Fang · 3 hidden: 2 older than the poster lets others see,
/// 1 private").
pub fn view_line(name: &str, hidden: &Hidden, lang: Lang) -> String {
    // The Chinese counts carry their measure word in the string table
    // ("2 条私密").
    let (colon, comma) = match lang {
        Lang::En => (": ", ", "),
        Lang::Zh => ("：", "，"),
    };
    let mut s = String::from(T::ViewingAs.tr(lang));
    s.push_str(colon);
    s.push_str(name);
    s.push_str(" · ");
    let total = hidden.total();
    if total == 0 {
        s.push_str(T::NothingHidden.tr(lang));
        return s;
    }
    s.push_str(&total.to_string());
    s.push(' ');
    s.push_str(T::HiddenCount.tr(lang));
    s.push_str(colon);
    for (i, (n, why)) in hidden.reasons().enumerate() {
        if i > 0 {
            s.push_str(comma);
        }
        s.push_str(&n.to_string());
        s.push(' ');
        s.push_str(T::hidden(why).tr(lang));
    }
    s
}

impl Explain for DraftError {
    fn explain(&self, lang: Lang) -> String {
        match self {
            DraftError::Empty => T::DraftEmpty.tr(lang).into(),
            DraftError::NoAudience => T::DraftNoAudience.tr(lang).into(),
            DraftError::BadLink { link } => format!("{} {link}", T::DraftBadLink.tr(lang)),
            DraftError::TooLong { chars } => format!("{} {chars}", T::DraftTooLong.tr(lang)),
            DraftError::Refused { rule, link } => {
                // The deciding rule's own words (a refusal, not a web
                // page), the record ids it cites, and what it assumes.
                let mut s = String::from(T::DraftRefused.tr(lang));
                s.push(' ');
                s.push_str(link);
                if let Some(r) = Rules::builtin().rule(rule) {
                    let t = r.texts.get(lang);
                    s.push(' ');
                    s.push_str(&t.title);
                    s.push_str(lang.pick(". ", "。"));
                    s.push_str(&t.reason);
                    s.push_str(" (");
                    s.push_str(&r.sources.join(", "));
                    s.push(')');
                    if let Some(a) = r.assumed.as_ref().filter(|_| r.assumption) {
                        s.push(' ');
                        s.push_str(T::BadgeAssumption.tr(lang));
                        s.push_str(lang.pick(": ", "："));
                        s.push_str(a.get(lang));
                    }
                }
                s.push_str(" [");
                s.push_str(rule);
                s.push(']');
                s
            }
        }
    }
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.explain(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::scenario::{Date, Scenario};
    use crate::state::moments::{check, Draft};

    #[test]
    fn every_draft_refusal_says_why_in_both_languages() {
        for e in [
            DraftError::Empty,
            DraftError::NoAudience,
            DraftError::TooLong { chars: 10_001 },
            DraftError::BadLink {
                link: "javascript:alert(1)".into(),
            },
        ] {
            assert!(!e.explain(Lang::En).is_empty() && !e.explain(Lang::Zh).is_empty());
        }
        assert!(DraftError::TooLong { chars: 10_001 }
            .to_string()
            .contains("10001"));
    }

    #[test]
    fn a_refused_password_text_names_the_rule_and_the_record() {
        let draft = Draft {
            text: "￥AbC123dEf￥ 打开淘宝".into(),
            ..Draft::default()
        };
        let sc = Scenario {
            date: Date::parse("2018-05-29").unwrap(),
            ..Scenario::default()
        };
        let refused = check(&draft, Rules::builtin(), &sc).unwrap_err();
        let en = refused.explain(Lang::En);
        assert!(en.contains("R-2018-05-29") && en.contains("Taobao"), "{en}");
        assert!(refused.explain(Lang::Zh).contains("淘口令"));
    }

    #[test]
    fn the_view_line_says_whose_view_and_what_is_hidden() {
        let h = Hidden {
            outside_window: 2,
            private: 1,
            ..Hidden::default()
        };
        assert_eq!(
            view_line("Wang Fang", &h, Lang::En),
            "Viewing as: Wang Fang · 3 hidden: 2 older than the poster lets others see, 1 private"
        );
        assert_eq!(
            view_line("王芳", &h, Lang::Zh),
            "当前查看身份：王芳 · 3 条被隐藏：2 条早于发布者允许他人查看的时间，1 条私密"
        );
        assert!(view_line("Me", &Hidden::default(), Lang::En).ends_with("nothing hidden"));
        assert!(view_line("我", &Hidden::default(), Lang::Zh).ends_with("没有隐藏的动态"));
    }

    #[test]
    fn every_hidden_reason_and_sync_target_has_its_own_words() {
        use HiddenReason as H;
        let all = [
            H::OutsideWindow,
            H::Private,
            H::Penalised,
            H::NotShared,
            H::NotFriend,
        ];
        for lang in [Lang::En, Lang::Zh] {
            let words: Vec<_> = all.iter().map(|&r| T::hidden(r).tr(lang)).collect();
            for (i, w) in words.iter().enumerate() {
                assert!(!words[..i].contains(w), "{w} twice");
            }
        }
        let en: Vec<_> = SyncTarget::ALL
            .iter()
            .map(|&t| (T::target(t).tr(Lang::En), T::sync_to(t).tr(Lang::En)))
            .collect();
        assert_eq!(
            en,
            [
                ("QQ", "Sync to QQ"),
                ("Facebook", "Sync to Facebook"),
                ("Twitter", "Sync to Twitter")
            ]
        );
        assert_eq!(T::target(SyncTarget::Facebook).tr(Lang::Zh), "脸书");
        assert_eq!(T::sync_to(SyncTarget::Twitter).tr(Lang::Zh), "同步到推特");
        let status = |s| {
            (
                T::sync_status(s).tr(Lang::En),
                T::sync_status(s).tr(Lang::Zh),
            )
        };
        assert_eq!(status(SyncStatus::Available), ("Available", "可用"));
        assert_eq!(status(SyncStatus::NeedsVpn), ("Needs a VPN", "需要 VPN"));
        assert_eq!(status(SyncStatus::Unavailable), ("Unavailable", "不可用"));
    }
}
