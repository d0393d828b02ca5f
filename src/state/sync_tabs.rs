//! Nothing lost across tabs: the actions applied since the last save, and
//! the rebase that re-applies them on top of another tab's newer data.
//!
//! Generic over [`Action`]: every action that changes saved data is logged
//! by `state::reduce`, whatever its domain. A domain gets the guarantee by
//! keeping two promises: its reducer is idempotent (an action that creates
//! something carries the id chosen when it was made, so applying it again is
//! a no-op), and [`gone`] says when its target no longer exists, so that
//! the user is told what was dropped and why.

use super::chats::{new_group_id, ChatsAction};
use super::model::{ChatKind, Data, Model, NoticeKind, ME};
use super::moments::{free_comment_id, free_post_id, Comment, MomentsAction};
use super::{reduce, Action};
use std::rc::Rc;

/// The actions applied since the last successful save, newest first, each
/// with the revision it produced. A list whose tail is shared: logging an
/// action copies nothing, as an action must never copy the whole model.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pending(Option<Rc<Entry>>);

/// One logged action.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    rev: u64,
    action: Action,
    /// The account that was current when it was made: the rebase applies
    /// it there, whichever account the other tab left current.
    account: Rc<str>,
    older: Pending,
}

impl Pending {
    /// Logs `action`, made in `account`, which produced revision `rev`.
    pub fn push(&mut self, rev: u64, action: Action, account: Rc<str>) {
        let older = std::mem::take(self);
        *self = Pending(Some(Rc::new(Entry {
            rev,
            action,
            account,
            older,
        })));
    }

    /// `id` as an entry's account: the newest entry's, when it is the
    /// same, so that a run of actions in one account shares one string.
    pub fn account_for(&self, id: &str) -> Rc<str> {
        match &self.0 {
            Some(e) if *e.account == *id => Rc::clone(&e.account),
            _ => Rc::from(id),
        }
    }

    /// Whether nothing is waiting to be saved.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The logged actions, oldest first.
    pub fn oldest_first(&self) -> Vec<Action> {
        self.with_accounts().into_iter().map(|(a, _)| a).collect()
    }

    /// The logged actions with the account each was made in, oldest first.
    fn with_accounts(&self) -> Vec<(Action, Rc<str>)> {
        let mut out = Vec::new();
        let mut at = &self.0;
        while let Some(e) = at {
            out.push((e.action.clone(), Rc::clone(&e.account)));
            at = &e.older.0;
        }
        out.reverse();
        out
    }

    /// The entries newer than revision `rev` (a save of `rev` took the others).
    fn after(&self, rev: u64) -> Pending {
        let mut kept = Vec::new();
        let mut at = &self.0;
        while let Some(e) = at.as_ref().filter(|e| e.rev > rev) {
            kept.push((e.rev, e.action.clone(), Rc::clone(&e.account)));
            at = &e.older.0;
        }
        let mut out = Pending::default();
        for (rev, action, account) in kept.into_iter().rev() {
            out.push(rev, action, account);
        }
        out
    }
}

/// Whether `action` belongs in the log: it may change saved data, and it
/// is the user's (not a notice, nor news of a save or of another tab).
pub fn loggable(action: &Action) -> bool {
    !matches!(
        action,
        Action::Notify(_)
            | Action::Dismiss(_)
            | Action::External(_)
            | Action::Sync(SyncAction::Wrote(_))
    )
}

/// The longest piece of a dropped text that a notice quotes.
const QUOTE_CHARS: usize = 40;

fn quote(text: &str) -> String {
    let mut s: String = text.chars().take(QUOTE_CHARS).collect();
    if text.chars().count() > QUOTE_CHARS {
        s.push('…');
    }
    s
}

/// An action of this tab that no longer applied after another tab's
/// changes, and so was dropped. Rendered in the user's language by the
/// string table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dropped {
    /// A message for a chat that was deleted (or a group that was left).
    Message {
        /// The start of its text.
        text: String,
    },
    /// A message from a member who is no longer in the group.
    Sender {
        /// The start of its text.
        text: String,
    },
    /// New members for a group that was deleted.
    Members,
    /// A like of a post that is gone.
    Like,
    /// A comment on a post that is gone.
    Comment {
        /// The start of its text.
        text: String,
    },
    /// A post the scenario or rules another tab set no longer allow.
    Post {
        /// The start of its text.
        text: String,
    },
    /// Something done in an account that is gone (the data was reset or
    /// replaced by an import meanwhile).
    Account,
}

/// Why `action` no longer applies to `data`, when that is worth telling:
/// its target is gone. `None` when it applies, or when dropping it loses
/// nothing (marking a deleted chat read, deleting it again).
///
/// Domains added to [`Action`] add their arm here.
pub fn gone(data: &Data, action: &Action) -> Option<Dropped> {
    match action {
        Action::Chats(ChatsAction::Send {
            chat, from, text, ..
        }) => match data.chat(chat) {
            None => Some(Dropped::Message { text: quote(text) }),
            Some(c) if !super::chats::speakers(c).contains(&from.as_str()) => {
                Some(Dropped::Sender { text: quote(text) })
            }
            Some(_) => None,
        },
        Action::Chats(ChatsAction::SetMembers { chat, .. }) => {
            data.chat(chat).is_none().then_some(Dropped::Members)
        }
        Action::Moments(MomentsAction::Like { post, .. }) => {
            post_gone(data, *post).then_some(Dropped::Like)
        }
        Action::Moments(MomentsAction::Comment { post, text, .. }) => {
            post_gone(data, *post).then(|| Dropped::Comment { text: quote(text) })
        }
        // Not there yet, and refused now: another tab changed the scenario
        // or the rules so that the post's link is no longer allowed.
        Action::Moments(MomentsAction::Publish { draft, id, .. }) => (post_gone(data, *id)
            && super::moments::check(draft, data.rules(), &data.scenario).is_err())
        .then(|| Dropped::Post {
            text: quote(&draft.text),
        }),
        _ => None,
    }
}

fn post_gone(data: &Data, post: u64) -> bool {
    data.moments.posts.iter().all(|p| p.id != post)
}

/// Ids this tab chose that another tab took meanwhile for something else,
/// and their replacements, applied to the actions that follow.
#[derive(Default)]
struct Renames {
    chats: Vec<(String, String)>,
    posts: Vec<(u64, u64)>,
    /// `(post, from, to)`: comment ids, with the post's new id.
    comments: Vec<(u64, u64, u64)>,
}

impl Renames {
    fn new() -> Self {
        Self::default()
    }

    fn post(&self, id: &mut u64) {
        if let Some((_, to)) = self.posts.iter().find(|(from, _)| from == id) {
            *id = *to;
        }
    }

    fn comment(&self, post: u64, id: &mut u64) {
        if let Some((.., to)) = self.comments.iter().find(|(p, f, _)| *p == post && f == id) {
            *id = *to;
        }
    }
}

/// Points `action` at the renamed chats, posts and comments; for a new
/// group, post or comment whose id another tab took for a different one,
/// picks a free id and records it. `None` when it already exists as this
/// tab made it (applied again).
fn retarget(data: &Data, renames: &mut Renames, mut action: Action) -> Option<Action> {
    let rename = |id: &mut String, renames: &Renames| {
        if let Some((_, to)) = renames.chats.iter().find(|(from, _)| from == id) {
            *id = to.clone();
        }
    };
    let posts = &data.moments.posts;
    match &mut action {
        Action::Chats(ChatsAction::CreateGroup { id, name, members }) => {
            if let Some(c) = data.chat(id) {
                let same = matches!(&c.kind, ChatKind::Group { name_en, members: m, .. }
                    if name_en == name.trim() && m == members);
                if same {
                    return None;
                }
                let free = new_group_id(&data.chats);
                renames.chats.push((id.clone(), free.clone()));
                *id = free;
            }
        }
        Action::Chats(
            ChatsAction::Send { chat, .. }
            | ChatsAction::SetMembers { chat, .. }
            | ChatsAction::Delete(chat)
            | ChatsAction::MarkRead(chat)
            | ChatsAction::MarkUnread(chat),
        )
        | Action::Links(super::links::LinksAction::Report { chat, .. }) => rename(chat, renames),
        Action::Moments(MomentsAction::Publish { draft, ts, id }) => {
            if let Some(p) = posts.iter().find(|p| p.id == *id) {
                if p.author == ME && p.ts == *ts && p.text == draft.text {
                    return None;
                }
                let free = free_post_id(&data.moments);
                renames.posts.push((*id, free));
                *id = free;
            }
        }
        Action::Moments(MomentsAction::Comment {
            post,
            from,
            text,
            ts,
            id,
            ..
        }) => {
            renames.post(post);
            let p = posts.iter().find(|p| p.id == *post);
            if let Some(p) = p.filter(|p| p.comments.iter().any(|c| c.id == *id)) {
                let mine = |c: &Comment| {
                    c.id == *id && c.from == *from && c.text == text.trim() && c.ts == *ts
                };
                if p.comments.iter().any(mine) {
                    return None;
                }
                let free = free_comment_id(p);
                renames.comments.push((*post, *id, free));
                *id = free;
            }
        }
        Action::Moments(MomentsAction::DeleteComment { post, comment, .. }) => {
            renames.post(post);
            renames.comment(*post, comment);
        }
        Action::Moments(MomentsAction::Like { post, .. } | MomentsAction::Unlike { post, .. }) => {
            renames.post(post)
        }
        _ => {}
    }
    Some(action)
}

/// Takes `theirs` (another tab's newer data) and re-applies this tab's
/// logged actions on top, through the same reducers: they are logged again
/// for the next save. The dropped ones become notices.
pub fn rebase(model: &mut Model, theirs: Data) {
    let pending = std::mem::take(&mut model.pending).with_accounts();
    model.base_rev = theirs.rev;
    model.data = theirs;
    let mut renames = Renames::new();
    let mut dropped = Vec::new();
    for (action, account) in pending {
        // Back to the account it was made in, if the other tab left
        // another one current: a logged switch, saved like the rest.
        if *model.data.account.id != *account {
            let exists = model.data.others.iter().any(|s| *s.account.id == *account);
            if !exists {
                if !matches!(action, Action::Accounts(_)) {
                    dropped.push(Dropped::Account);
                }
                continue;
            }
            let switch = super::accounts::AccountsAction::Switch(account.to_string());
            reduce(model, Action::Accounts(switch));
        }
        let Some(action) = retarget(&model.data, &mut renames, action) else {
            continue;
        };
        match gone(&model.data, &action) {
            Some(why) => dropped.push(why),
            None => reduce(model, action),
        }
    }
    reduce(model, Action::Notify(NoticeKind::Synced));
    for why in dropped {
        reduce(model, Action::Notify(NoticeKind::Dropped(why)));
    }
}

/// What saving does with the model and the data it finds in storage.
#[derive(Debug, PartialEq, Eq)]
pub enum Plan {
    /// Another tab saved since this one's last save: rebase onto its data
    /// (then write).
    Rebase(Box<Data>),
    /// Write this tab's data.
    Write,
    /// Storage already holds this tab's data.
    Nothing,
}

/// Decides a save, given the text in storage (read under the lock).
pub fn plan(model: &Model, stored: Option<&str>) -> Plan {
    match stored.map(super::persist::decode) {
        Some(Ok(theirs)) if theirs.rev > model.base_rev && theirs != model.data => {
            Plan::Rebase(Box::new(theirs))
        }
        // Nothing saved yet, or unreadable (its text was kept when loading).
        None | Some(Err(_)) => Plan::Write,
        Some(Ok(_)) if !model.pending.is_empty() => Plan::Write,
        Some(Ok(_)) => Plan::Nothing,
    }
}

/// A tab as a save sees it: its current model, and a way to apply an action
/// to it. The browser's tab is its reducer handle (`ui::storage`); the
/// tests' simulated tabs are a [`Model`] they own. Both save through
/// [`save`], so the algorithm the tests check is the one the browser runs.
pub trait Tab {
    /// The model as it is now (after every action applied so far).
    fn model(&self) -> &Model;
    /// Applies `action` at once, so that [`Tab::model`] shows its effect.
    fn apply(&mut self, action: Action);
}

impl Tab for Model {
    fn model(&self) -> &Model {
        self
    }
    fn apply(&mut self, action: Action) {
        reduce(self, action);
    }
}

/// One save, given the text in storage (read under the lock) and a way to
/// write: rebase on another tab's newer data if there is some, then write
/// this tab's data with `write` and record it as saved, or say that the
/// write failed (`write` returns whether storage took the text). Writes
/// nothing when storage already holds this tab's data.
pub fn save(tab: &mut impl Tab, stored: Option<&str>, write: impl FnOnce(&str) -> bool) {
    let needed = match plan(tab.model(), stored) {
        Plan::Nothing => false,
        Plan::Write => true,
        Plan::Rebase(theirs) => {
            tab.apply(Action::External(*theirs));
            !tab.model().pending.is_empty()
        }
    };
    if !needed {
        return;
    }
    let text = super::persist::encode(&tab.model().data);
    let rev = tab.model().data.rev;
    if write(&text) {
        tab.apply(Action::Sync(SyncAction::Wrote(rev)));
    } else {
        tab.apply(Action::Notify(NoticeKind::WriteFailed));
    }
}

/// [`save`] for a tab that owns its model, into storage that always takes
/// the text: the text written, or `None` when there was nothing to write.
/// The tests' simulated tabs save through it.
pub fn save_into(model: &mut Model, stored: Option<&str>) -> Option<String> {
    let mut written = None;
    save(model, stored, |text| {
        written = Some(text.to_string());
        true
    });
    written
}

/// Persistence news and the import, through the reducer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncAction {
    /// This tab wrote its data of revision `rev`: the actions up to it are
    /// saved, and a notice that saving failed is out of date.
    Wrote(u64),
    /// Replace all data with an imported file's (after the user confirmed).
    Import(Box<Data>),
}

/// Applies `action`; whether the saved data changed (and so takes a
/// revision and a place in the log).
pub fn reduce_sync(model: &mut Model, action: SyncAction) -> bool {
    match action {
        SyncAction::Wrote(rev) => {
            if rev > model.base_rev {
                model.base_rev = rev;
                model.pending = model.pending.after(rev);
            }
            model.notices.retain(|n| n.kind != NoticeKind::WriteFailed);
            false
        }
        SyncAction::Import(data) => {
            let rev = model.data.rev;
            model.data = Data { rev, ..*data };
            true
        }
    }
}

#[cfg(test)]
mod tests;
