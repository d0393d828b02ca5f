//! App state: the data model, one reducer per domain, and the pure halves of
//! persistence and address parameters. Nothing here touches the browser, so
//! every action is tested natively.

pub mod chats;
pub mod links;
pub mod mini;
pub mod model;
pub mod opener;
pub mod params;
pub mod persist;
pub mod scenario;
pub mod seed;
pub mod time;

use crate::i18n::Lang;
use chats::ChatsAction;
use links::LinksAction;
use model::{Data, Model, Notice, NoticeKind};
use scenario::ScenarioAction;

/// Everything that can happen to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A scenario change.
    Scenario(ScenarioAction),
    /// A chats change.
    Chats(ChatsAction),
    /// A "manage links" change.
    Links(LinksAction),
    /// Switch the UI language.
    SetLang(Lang),
    /// Show a notice.
    Notify(NoticeKind),
    /// Hide the notice with this id.
    Dismiss(u32),
    /// Another tab saved this data; adopt it if it is newer.
    External(Data),
    /// A save went through: a notice that saving failed is out of date.
    Saved,
    /// Back to the built-in demo data.
    Reset,
}

/// Applies `action` to `model`. Every change to saved data bumps `rev`, which
/// is what the persistence effect and other tabs look at.
pub fn reduce(model: &mut Model, action: Action) {
    let changed = match action {
        Action::Scenario(a) => scenario::reduce(&mut model.data.scenario, a),
        Action::Chats(mut a) => {
            // Members must be known contacts, or the saved data would fail
            // validation on the next load.
            if let ChatsAction::CreateGroup { members, .. }
            | ChatsAction::SetMembers { members, .. } = &mut a
            {
                members.retain(|m| model.data.contact(m).is_some());
            }
            chats::reduce(&mut model.data.chats, a)
        }
        Action::Links(a) => links::reduce(&mut model.data.link_prefs, &mut model.data.reports, a),
        Action::SetLang(l) => {
            let changed = model.data.lang != l;
            model.data.lang = l;
            changed
        }
        Action::Notify(kind) => {
            // The same notice twice says nothing new.
            if !model.notices.iter().any(|n| n.kind == kind) {
                let id = model.next_notice;
                model.next_notice += 1;
                model.notices.push(Notice { id, kind });
            }
            false
        }
        Action::Dismiss(id) => {
            model.notices.retain(|n| n.id != id);
            false
        }
        Action::Saved => {
            model.notices.retain(|n| n.kind != NoticeKind::WriteFailed);
            false
        }
        Action::External(data) => {
            if data.rev > model.data.rev && data != model.data {
                model.data = data;
                let kind = NoticeKind::Synced;
                reduce(model, Action::Notify(kind));
            }
            // Adopted data is already saved: don't bump rev or write it back.
            return;
        }
        Action::Reset => {
            let rev = model.data.rev;
            model.data = seed::seed();
            model.data.rev = rev;
            true
        }
    };
    if changed {
        // Saved data may hold any rev, up to u64::MAX (found by fuzzing).
        model.data.rev = model.data.rev.saturating_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::scenario::{Date, Region};

    fn model() -> Model {
        Model::new(seed::seed())
    }

    #[test]
    fn scenario_changes_bump_rev() {
        let mut m = model();
        reduce(
            &mut m,
            Action::Scenario(ScenarioAction::SetRegion(Region::Overseas)),
        );
        assert_eq!(m.data.scenario.region, Region::Overseas);
        assert_eq!(m.data.rev, 1);
        reduce(
            &mut m,
            Action::Scenario(ScenarioAction::SetRegion(Region::Overseas)),
        );
        assert_eq!(m.data.rev, 1, "no change, no new revision");
    }

    #[test]
    fn chats_actions_reach_the_chats() {
        let mut m = model();
        reduce(&mut m, Action::Chats(ChatsAction::MarkRead("lihua".into())));
        assert_eq!(m.data.chat("lihua").unwrap().unread, 0);
        assert_eq!(m.data.rev, 1);
    }

    #[test]
    fn groups_only_take_known_contacts() {
        let mut m = model();
        let create = ChatsAction::CreateGroup {
            id: "g1".into(),
            name: "Walk".into(),
            members: vec!["c-lihua".into(), "c-ghost".into(), "c-mum".into()],
        };
        reduce(&mut m, Action::Chats(create));
        let g = m.data.chat("g1").unwrap();
        assert_eq!(
            g.kind,
            model::ChatKind::Group {
                name_en: "Walk".into(),
                name_zh: "Walk".into(),
                members: vec!["c-lihua".into(), "c-mum".into()],
            }
        );
        assert!(persist::validate(&m.data).is_ok());
        let only_ghosts = ChatsAction::CreateGroup {
            id: "g2".into(),
            name: "Ghosts".into(),
            members: vec!["c-ghost".into(), "c-lihua".into()],
        };
        reduce(&mut m, Action::Chats(only_ghosts));
        assert!(m.data.chat("g2").is_none(), "one known member is too few");
    }

    #[test]
    fn language_switch() {
        let mut m = model();
        reduce(&mut m, Action::SetLang(Lang::Zh));
        assert_eq!(m.data.lang, Lang::Zh);
        assert_eq!(m.data.rev, 1);
        reduce(&mut m, Action::SetLang(Lang::Zh));
        assert_eq!(m.data.rev, 1);
    }

    #[test]
    fn notices_are_shown_once_and_dismissed() {
        let mut m = model();
        reduce(&mut m, Action::Notify(NoticeKind::WriteFailed));
        reduce(&mut m, Action::Notify(NoticeKind::WriteFailed));
        assert_eq!(m.notices.len(), 1);
        let id = m.notices[0].id;
        reduce(&mut m, Action::Dismiss(id));
        assert!(m.notices.is_empty());
        assert_eq!(m.data.rev, 0, "notices are not saved data");
    }

    #[test]
    fn a_good_save_takes_back_the_failure_notice_only() {
        let mut m = model();
        reduce(&mut m, Action::Notify(NoticeKind::Synced));
        reduce(&mut m, Action::Notify(NoticeKind::WriteFailed));
        reduce(&mut m, Action::Saved);
        assert_eq!(m.notices.len(), 1);
        assert_eq!(m.notices[0].kind, NoticeKind::Synced);
        assert_eq!(m.data.rev, 0);
    }

    #[test]
    fn rev_stops_at_its_largest_value_instead_of_overflowing() {
        let mut m = model();
        m.data.rev = u64::MAX;
        reduce(&mut m, Action::SetLang(Lang::Zh));
        assert_eq!((m.data.lang, m.data.rev), (Lang::Zh, u64::MAX));
    }

    #[test]
    fn external_data_is_adopted_only_when_newer() {
        let mut m = model();
        reduce(&mut m, Action::SetLang(Lang::Zh)); // rev 1
        let mut older = seed::seed();
        older.rev = 1;
        reduce(&mut m, Action::External(older));
        assert_eq!(m.data.lang, Lang::Zh, "same rev: ours is kept");

        let mut newer = seed::seed();
        newer.rev = 5;
        newer.scenario.date = Date::parse("2013-11-01").unwrap();
        reduce(&mut m, Action::External(newer.clone()));
        assert_eq!(m.data, newer);
        assert_eq!(m.data.rev, 5, "adopted data keeps its revision");
        assert!(m.notices.iter().any(|n| n.kind == NoticeKind::Synced));
    }

    #[test]
    fn reset_restores_seed_with_a_newer_revision() {
        let mut m = model();
        reduce(&mut m, Action::SetLang(Lang::Zh));
        reduce(
            &mut m,
            Action::Chats(ChatsAction::MarkRead("family".into())),
        );
        reduce(&mut m, Action::Reset);
        let mut expected = seed::seed();
        expected.rev = 3;
        assert_eq!(m.data, expected);
    }
}
