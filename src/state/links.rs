//! The "manage links" reducer: per-platform choices for group chats and
//! reported links. Both are a labelled extension of the record: WeChat
//! promised them on 2021-11-29 (R-2021-11-29) but never visibly shipped them.

use super::model::{LinkMode, LinkPref, Report};
use crate::policy::scenario::Date;

/// A change to the link settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinksAction {
    /// Sets how a platform's links show in group chats.
    SetMode {
        /// Platform id.
        platform: String,
        /// The choice.
        mode: LinkMode,
    },
    /// Reports a link (once per link and chat).
    Report {
        /// The link as written.
        link: String,
        /// Its platform id, or `none`.
        platform: String,
        /// The chat it was seen in.
        chat: String,
        /// The simulated day.
        date: Date,
    },
    /// Withdraws a report.
    Withdraw(u64),
}

/// Applies `action`; returns whether anything changed.
pub fn reduce(prefs: &mut Vec<LinkPref>, reports: &mut Vec<Report>, action: LinksAction) -> bool {
    match action {
        LinksAction::SetMode { platform, mode } => {
            let current = prefs.iter().position(|p| p.platform == platform);
            match (current, mode) {
                (Some(i), m) if prefs[i].mode == m => false,
                // Show is the default: keep the list to the real choices.
                (Some(i), LinkMode::Show) => {
                    prefs.remove(i);
                    true
                }
                (Some(i), m) => {
                    prefs[i].mode = m;
                    true
                }
                (None, LinkMode::Show) => false,
                (None, m) => {
                    prefs.push(LinkPref { platform, mode: m });
                    true
                }
            }
        }
        LinksAction::Report {
            link,
            platform,
            chat,
            date,
        } => {
            if link.trim().is_empty() || reports.iter().any(|r| r.link == link && r.chat == chat) {
                return false;
            }
            // Saved data may hold any id, up to u64::MAX (found by fuzzing).
            let max = reports.iter().map(|r| r.id).max().unwrap_or(0);
            let Some(id) = max.checked_add(1) else {
                return false;
            };
            reports.push(Report {
                id,
                link,
                platform,
                chat,
                date,
            });
            true
        }
        LinksAction::Withdraw(id) => {
            let before = reports.len();
            reports.retain(|r| r.id != id);
            reports.len() != before
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(p: &str, mode: LinkMode) -> LinksAction {
        LinksAction::SetMode {
            platform: p.into(),
            mode,
        }
    }

    #[test]
    fn modes_are_kept_per_platform_and_show_is_the_default() {
        let (mut prefs, mut reports) = (Vec::new(), Vec::new());
        assert!(!reduce(
            &mut prefs,
            &mut reports,
            set("douyin", LinkMode::Show)
        ));
        assert!(reduce(
            &mut prefs,
            &mut reports,
            set("douyin", LinkMode::Hide)
        ));
        assert!(reduce(
            &mut prefs,
            &mut reports,
            set("taobao", LinkMode::Fold)
        ));
        assert!(!reduce(
            &mut prefs,
            &mut reports,
            set("taobao", LinkMode::Fold)
        ));
        assert!(reduce(
            &mut prefs,
            &mut reports,
            set("douyin", LinkMode::Fold)
        ));
        assert_eq!(prefs.len(), 2);
        assert!(reduce(
            &mut prefs,
            &mut reports,
            set("douyin", LinkMode::Show)
        ));
        assert_eq!(
            prefs,
            [LinkPref {
                platform: "taobao".into(),
                mode: LinkMode::Fold
            }]
        );
    }

    #[test]
    fn reports_once_per_link_and_chat_and_withdraw() {
        let (mut prefs, mut reports) = (Vec::new(), Vec::new());
        let d = Date::parse("2021-12-01").unwrap();
        let report = |link: &str, chat: &str| LinksAction::Report {
            link: link.into(),
            platform: "douyin".into(),
            chat: chat.into(),
            date: d,
        };
        assert!(reduce(
            &mut prefs,
            &mut reports,
            report("https://v.douyin.com/a/", "deals")
        ));
        assert!(!reduce(
            &mut prefs,
            &mut reports,
            report("https://v.douyin.com/a/", "deals")
        ));
        assert!(reduce(
            &mut prefs,
            &mut reports,
            report("https://v.douyin.com/a/", "family")
        ));
        assert!(!reduce(&mut prefs, &mut reports, report("  ", "family")));
        assert_eq!(reports.iter().map(|r| r.id).collect::<Vec<_>>(), [1, 2]);
        assert!(reduce(&mut prefs, &mut reports, LinksAction::Withdraw(1)));
        assert!(!reduce(&mut prefs, &mut reports, LinksAction::Withdraw(1)));
        assert_eq!(reports.len(), 1);
    }

    #[test]
    fn reporting_after_the_largest_id_is_refused_not_overflowed() {
        let (mut prefs, mut reports) = (Vec::new(), Vec::new());
        let report = |link: &str| LinksAction::Report {
            link: link.into(),
            platform: "none".into(),
            chat: "deals".into(),
            date: Date::parse("2021-12-01").unwrap(),
        };
        assert!(reduce(&mut prefs, &mut reports, report("https://a.cn/")));
        reports[0].id = u64::MAX;
        assert!(!reduce(&mut prefs, &mut reports, report("https://b.cn/")));
        assert_eq!(reports.len(), 1);
    }
}
