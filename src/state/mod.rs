//! App state: the data model, one reducer per domain, and the pure halves of
//! persistence and address parameters. Nothing here touches the browser, so
//! every action is tested natively.

pub mod accounts;
pub mod chat_list;
pub mod chats;
pub mod cite;
pub mod compare;
pub mod connection;
pub mod correction;
pub mod data_io;
pub mod direct;
pub mod links;
pub mod mini;
pub mod model;
pub mod moments;
pub mod nav;
pub mod opener;
pub mod orientation;
pub mod page;
pub mod params;
pub mod persist;
pub mod rules;
pub mod scenario;
pub mod seed;
pub mod story;
pub mod sync_tabs;
pub mod time;
pub mod timeline;

use crate::lang::Lang;
use chats::ChatsAction;
use links::LinksAction;
use mini::MiniAction;
use model::{Data, Model, Notice, NoticeKind};
use scenario::ScenarioAction;
use std::rc::Rc;

/// Everything that can happen to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A scenario change.
    Scenario(ScenarioAction),
    /// A chats change.
    Chats(ChatsAction),
    /// A "manage links" change.
    Links(LinksAction),
    /// A mini-program change (the recently used).
    Mini(MiniAction),
    /// A Moments change.
    Moments(moments::MomentsAction),
    /// The rules editor applied a file or went back to the built-in rules.
    Rules(rules::RulesAction),
    /// A sign-up or a switch of account.
    Accounts(accounts::AccountsAction),
    /// A change made in Douyin's Connection.
    Connection(connection::ConnectionAction),
    /// Switch the UI language.
    SetLang(Lang),
    /// Show a notice.
    Notify(NoticeKind),
    /// Hide the notice with this id.
    Dismiss(u32),
    /// Another tab saved this data: when it is newer than what this tab
    /// last saved or read, take it and re-apply this tab's unsaved actions
    /// on top (`sync_tabs::rebase`).
    External(Data),
    /// A save went through, or all data is replaced by an import.
    Sync(sync_tabs::SyncAction),
    /// Back to the built-in demo data.
    Reset,
    /// The address asked for these parameters (on the first load, or
    /// changed in an open tab): applied as `params::changes` says, each
    /// change an action of its own (logged for a rebase as such), with a
    /// notice for each refused value.
    Address(params::Params),
}

/// Applies `action` to `model`. Every change to saved data bumps `rev`, which
/// is what the persistence effect and other tabs look at.
pub fn reduce(model: &mut Model, action: Action) {
    // Kept until saved, to re-apply on another tab's newer data, with the
    // account it is made in (shared with the log's entries).
    let logged = sync_tabs::loggable(&action).then(|| {
        (
            action.clone(),
            model.pending.account_for(&model.data.account.id),
        )
    });
    let changed = match action {
        Action::Scenario(a) => {
            let changed = scenario::reduce(&mut model.data.scenario, a);
            // The demo conversations follow the day (`seed::follow_date`).
            if changed {
                seed::follow_date(&mut model.data);
            }
            changed
        }
        Action::Chats(mut a) => {
            // Members must be known contacts, or the saved data would fail
            // validation on the next load.
            if let ChatsAction::CreateGroup { members, .. }
            | ChatsAction::SetMembers { members, .. } = &mut a
            {
                members.retain(|m| model.data.contact(m).is_some());
            }
            // Likewise the other person of a one-to-one chat.
            if let ChatsAction::CreateDirect { with, .. } = &a {
                if model.data.contact(with).is_none() {
                    return;
                }
            }
            chats::reduce(&mut model.data.chats, a)
        }
        Action::Links(a) => links::reduce(&mut model.data.link_prefs, &mut model.data.reports, a),
        Action::Mini(a) => mini::reduce(&mut model.data.recent_mini, a),
        Action::Moments(a) => {
            // Only known people act in Moments, or the saved data would
            // fail validation on the next load.
            let who = match &a {
                moments::MomentsAction::Like { who, .. } => Some(who),
                moments::MomentsAction::Comment { from, .. } => Some(from),
                _ => None,
            };
            if who.is_some_and(|w| w != model::ME && model.data.contact(w).is_none()) {
                return;
            }
            let custom = model.data.custom_rules_shared();
            let rules = custom.as_deref().unwrap_or(crate::policy::Rules::builtin());
            let registered = model.data.account.region;
            moments::reduce_for(
                &mut model.data.moments,
                a,
                &model.data.scenario,
                registered,
                rules,
            )
        }
        Action::Accounts(a) => accounts::reduce(&mut model.data, a),
        Action::Connection(a) => connection::reduce(&mut model.data, a),
        Action::Rules(a) => rules::reduce(&mut model.data.custom_rules, a),
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
        Action::External(data) => {
            if data.rev > model.base_rev && data != model.data {
                sync_tabs::rebase(model, data);
            }
            // The re-applied actions took their revisions themselves.
            return;
        }
        Action::Sync(a) => sync_tabs::reduce_sync(model, a),
        Action::Address(p) => {
            for a in params::changes(&p, &model.data) {
                reduce(model, a);
            }
            // The actions it made took their revisions themselves.
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
        if let Some((action, account)) = logged {
            model.pending.push(model.data.rev, action, account);
        }
    }
}

/// Applies `action` to a shared model: the next model, or `model` itself
/// (the same `Rc`) when the action changed nothing, so that the UI can tell
/// by pointer that there is nothing to render.
///
/// The copy made here is shallow: chats, messages and contacts are shared
/// behind their `Rc`s, and the reducers copy only the chat they change.
pub fn apply(model: &Rc<Model>, action: Action) -> Rc<Model> {
    let mut next = Model::clone(model);
    reduce(&mut next, action);
    // Every change to saved data bumps `rev`, so this compares two numbers
    // and the (few) notices, never a 10,000-message chat.
    if next.data.rev == model.data.rev
        && next.notices == model.notices
        && next.base_rev == model.base_rev
    {
        return Rc::clone(model);
    }
    Rc::new(next)
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
        assert_eq!(m.data.lang, Lang::Zh, "ours is re-applied on top");
        assert_eq!(m.data.rev, 2);

        let mut newer = seed::seed();
        newer.rev = 5;
        newer.scenario.date = Date::parse("2013-11-01").unwrap();
        reduce(&mut m, Action::External(newer.clone()));
        let expected = Data {
            rev: 6,
            lang: Lang::Zh,
            ..newer.clone()
        };
        assert_eq!(m.data, expected, "theirs, with our unsaved change on top");
        assert!(m.notices.iter().any(|n| n.kind == NoticeKind::Synced));

        // Once saved, nothing is pending: newer data is taken as it is.
        reduce(&mut m, Action::Sync(sync_tabs::SyncAction::Wrote(6)));
        let mut newest = newer;
        newest.rev = 9;
        reduce(&mut m, Action::External(newest.clone()));
        assert_eq!(m.data, newest);
        // Older data, or its own save heard back, is not taken.
        let mut older = seed::seed();
        older.rev = 8;
        reduce(&mut m, Action::External(older));
        assert_eq!(m.data, newest);
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

    #[test]
    fn a_no_op_action_returns_the_same_model() {
        let m = Rc::new(model());
        let read = apply(&m, Action::Chats(ChatsAction::MarkRead("lihua".into())));
        assert!(!Rc::ptr_eq(&read, &m));
        for noop in [
            Action::Chats(ChatsAction::MarkRead("lihua".into())),
            Action::Chats(ChatsAction::MarkRead("nope".into())),
            Action::SetLang(read.data.lang),
            Action::Dismiss(99),
        ] {
            let again = apply(&read, noop.clone());
            assert!(Rc::ptr_eq(&again, &read), "{noop:?} made a new model");
        }
    }

    #[test]
    fn an_append_copies_only_the_chat_it_changes() {
        let m = Rc::new(model());
        let send = ChatsAction::Send {
            chat: "family".into(),
            from: model::ME.into(),
            text: "On my way".into(),
            ts: 1,
            id: 77,
        };
        let next = apply(&m, Action::Chats(send));
        assert!(Rc::ptr_eq(&next.data.contacts, &m.data.contacts));
        assert_eq!(next.data.chats.len(), m.data.chats.len());
        for (a, b) in m.data.chats.iter().zip(&next.data.chats) {
            if a.id == "family" {
                assert!(!Rc::ptr_eq(a, b));
                assert_eq!(b.messages.len(), a.messages.len() + 1);
                // The old messages are shared, not copied.
                assert!(a
                    .messages
                    .iter()
                    .zip(&b.messages)
                    .all(|(x, y)| Rc::ptr_eq(x, y)));
            } else {
                assert!(Rc::ptr_eq(a, b), "{} was copied", a.id);
            }
        }
        assert_eq!(
            m.data.chat("family").unwrap().messages.len() + 1,
            next.data.chat("family").unwrap().messages.len(),
            "the old model is unchanged"
        );
    }

    #[test]
    fn opening_a_mini_program_is_saved_data() {
        let mut m = model();
        let appid = mini::MINI_PROGRAMS[2].appid.to_string();
        reduce(&mut m, Action::Mini(MiniAction::Opened(appid.clone())));
        assert_eq!(m.data.recent_mini, [mini::MINI_PROGRAMS[2].appid]);
        assert_eq!(m.data.rev, 1);
        let again = Rc::new(m);
        let same = apply(&again, Action::Mini(MiniAction::Opened(appid)));
        assert!(Rc::ptr_eq(&same, &again), "already the most recent");
    }
}
