//! The "manage links" reducer: per-platform choices for group chats and
//! reported links. Both are a labelled extension of the record: WeChat
//! promised them on 2021-11-29 (R-2021-11-29) but never visibly shipped them.

use super::model::{Data, LinkMode, LinkPref, Report};
use crate::policy::rules::{CardDisplay, Context};
use crate::policy::scenario::Date;

/// How a link card is drawn once the user's choice for its platform is
/// merged with the engine's display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// Not shown: a note says that a link was hidden.
    Hidden,
    /// The link as plain text (text-only links, Taobao password texts).
    Text,
    /// Folded: a first tap unfolds it into a card.
    Folded,
    /// A card.
    Card,
}

/// A card's look and its `data-display` (UI-CONTRACT: the engine's display,
/// or `folded` when the user folds what the engine shows as a card).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardLook {
    /// How it is drawn.
    pub look: Look,
    /// The display it reports.
    pub display: CardDisplay,
}

/// The look of a link shared in `context` that the engine shows as
/// `display`, on platform `platform`: the user's "manage links" choice
/// applies in group chats only. A Taobao password text (`password`) is
/// always text and never hidden: it reads as an ordinary message.
pub fn card_look(
    links: &LinkView,
    platform: &str,
    context: Context,
    display: CardDisplay,
    password: bool,
) -> CardLook {
    let mode = if context == Context::Group {
        links.link_mode(platform)
    } else {
        LinkMode::Show
    };
    let shown = if mode == LinkMode::Fold && display == CardDisplay::Card {
        CardDisplay::Folded
    } else {
        display
    };
    let look = if mode == LinkMode::Hide && !password {
        Look::Hidden
    } else if password || display == CardDisplay::Text {
        Look::Text
    } else if display == CardDisplay::Folded || mode == LinkMode::Fold {
        Look::Folded
    } else {
        Look::Card
    };
    CardLook {
        look,
        display: shown,
    }
}

/// What a link card reads of the saved data: the group chats' link modes
/// and the reports. Apart from [`Data`] so that the UI can hand it to every
/// card as one value that a new message leaves equal (both lists are short,
/// compared by value), and no card renders again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkView {
    prefs: Vec<LinkPref>,
    reports: Vec<Report>,
}

impl LinkView {
    /// The link settings of `data`.
    pub fn of(data: &Data) -> LinkView {
        LinkView {
            prefs: data.link_prefs.clone(),
            reports: data.reports.clone(),
        }
    }

    /// The group-chat link mode for `platform`.
    pub fn link_mode(&self, platform: &str) -> LinkMode {
        mode_in(&self.prefs, platform)
    }

    /// Whether the user reported `link` in chat `chat`.
    pub fn is_reported(&self, link: &str, chat: &str) -> bool {
        self.reports
            .iter()
            .any(|r| r.link == link && r.chat == chat)
    }
}

/// The mode `prefs` give `platform`: shown unless the user chose otherwise.
pub fn mode_in(prefs: &[LinkPref], platform: &str) -> LinkMode {
    prefs
        .iter()
        .find(|p| p.platform == platform)
        .map_or(LinkMode::Show, |p| p.mode)
}

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

    /// The value every link card reads stays equal when a message is sent
    /// (so no card renders again), and changes with a report or a mode.
    #[test]
    fn the_link_view_changes_with_link_settings_only() {
        use crate::state::chats::ChatsAction;
        use crate::state::model::{Model, ME};
        use crate::state::{apply, Action};
        let m = std::rc::Rc::new(Model::new(crate::state::seed::seed()));
        let sent = apply(
            &m,
            Action::Chats(ChatsAction::Send {
                chat: "family".into(),
                from: ME.into(),
                text: "https://m.tb.cn/h.abc".into(),
                ts: 1_638_400_000,
                id: 77,
            }),
        );
        assert_ne!(sent.data.rev, m.data.rev);
        assert_eq!(LinkView::of(&sent.data), LinkView::of(&m.data));
        let moded = apply(&sent, Action::Links(set("taobao", LinkMode::Fold)));
        assert_ne!(LinkView::of(&moded.data), LinkView::of(&sent.data));
        assert_eq!(
            LinkView::of(&moded.data).link_mode("taobao"),
            LinkMode::Fold
        );
        let reported = apply(
            &moded,
            Action::Links(LinksAction::Report {
                link: "https://m.tb.cn/h.abc".into(),
                platform: "taobao".into(),
                chat: "family".into(),
                date: moded.data.scenario.date,
            }),
        );
        let view = LinkView::of(&reported.data);
        assert_ne!(view, LinkView::of(&moded.data));
        assert!(view.is_reported("https://m.tb.cn/h.abc", "family"));
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

    #[test]
    fn the_users_choice_applies_in_groups_only() {
        let mut d = crate::state::seed::seed();
        let look = |d: &Data, ctx, display, password| {
            card_look(&LinkView::of(d), "douyin", ctx, display, password)
        };
        let card = |look| CardLook {
            look,
            display: CardDisplay::Card,
        };
        assert_eq!(
            look(&d, Context::Group, CardDisplay::Card, false),
            card(Look::Card)
        );
        for (mode, expected) in [
            (LinkMode::Hide, Look::Hidden),
            (LinkMode::Fold, Look::Folded),
        ] {
            let (mut prefs, mut reports) = (Vec::new(), Vec::new());
            reduce(&mut prefs, &mut reports, set("douyin", mode));
            d.link_prefs = prefs;
            assert_eq!(
                look(&d, Context::Group, CardDisplay::Card, false).look,
                expected
            );
            assert_eq!(
                look(&d, Context::Chat, CardDisplay::Card, false),
                card(Look::Card),
                "{mode:?} is for group chats"
            );
            assert_eq!(
                card_look(
                    &LinkView::of(&d),
                    "taobao",
                    Context::Group,
                    CardDisplay::Card,
                    false
                ),
                card(Look::Card)
            );
        }
        // Folding what the engine shows as a card reports `folded`.
        assert_eq!(
            look(&d, Context::Group, CardDisplay::Card, false),
            CardLook {
                look: Look::Folded,
                display: CardDisplay::Folded
            }
        );
        // The engine's own fold and text stay as they are.
        d.link_prefs.clear();
        assert_eq!(
            look(&d, Context::Group, CardDisplay::Folded, false),
            CardLook {
                look: Look::Folded,
                display: CardDisplay::Folded
            }
        );
        assert_eq!(
            look(&d, Context::Group, CardDisplay::Text, false),
            CardLook {
                look: Look::Text,
                display: CardDisplay::Text
            }
        );
    }

    #[test]
    fn password_texts_are_text_and_never_hidden() {
        let mut d = crate::state::seed::seed();
        d.link_prefs = vec![LinkPref {
            platform: "taobao".into(),
            mode: LinkMode::Hide,
        }];
        let l = card_look(
            &LinkView::of(&d),
            "taobao",
            Context::Group,
            CardDisplay::Card,
            true,
        );
        assert_eq!(
            l,
            CardLook {
                look: Look::Text,
                display: CardDisplay::Card
            }
        );
        assert_eq!(
            card_look(
                &LinkView::of(&d),
                "taobao",
                Context::Group,
                CardDisplay::Card,
                false
            )
            .look,
            Look::Hidden
        );
    }

    #[test]
    fn reported_links_are_per_chat() {
        let mut d = crate::state::seed::seed();
        let (mut prefs, mut reports) = (Vec::new(), Vec::new());
        let report = LinksAction::Report {
            link: "https://v.douyin.com/a/".into(),
            platform: "douyin".into(),
            chat: "deals".into(),
            date: Date::parse("2021-12-01").unwrap(),
        };
        reduce(&mut prefs, &mut reports, report);
        d.reports = reports;
        let view = LinkView::of(&d);
        assert!(view.is_reported("https://v.douyin.com/a/", "deals"));
        assert!(!view.is_reported("https://v.douyin.com/a/", "family"));
        assert!(!view.is_reported("https://v.douyin.com/b/", "deals"));
    }
}
