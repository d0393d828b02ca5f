//! Moments: posts, likes and comments, the account-wide window and the
//! linked accounts, with their reducer (record §1 context `moments`, §4).
//!
//! Who sees what is `policy::moments`; this module holds the data and the
//! changes to it: posts are shared behind `Rc` like chats, so a like copies
//! one post and shares the others.

mod draft;
mod feed;
mod json;
mod seed;

pub use draft::{audience, reduce_draft, DraftAction};
pub use feed::{acts, feed, folds, Feed, Hidden, HiddenReason, SeedGraph, TAGS};
pub use seed::{seed_moments, PICTURES};

use super::model::ME;
use crate::policy::moments::{gate, PostGate, Visibility, Window};
use crate::policy::rules::Rules;
use crate::policy::scenario::{Region, Scenario};
use crate::policy::sync::{sync_status_in, SyncAnswer, SyncStatus, SyncTarget};
use std::rc::Rc;

/// The longest post text accepted, in characters.
pub const MAX_POST_CHARS: usize = 10_000;
/// The longest comment accepted, in characters.
pub const MAX_COMMENT_CHARS: usize = 1_000;
/// Pictures per post at most, as in WeChat.
pub const MAX_PICTURES: usize = 9;

/// Why a post was made visible to its poster only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Penalty {
    /// The deciding rule's id.
    pub rule: String,
    /// The link that caused it.
    pub link: String,
}

/// A comment or a reply on a post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// Unique within the post.
    pub id: u64,
    /// The commenter: a contact id or [`ME`].
    pub from: String,
    /// The text, always rendered as text.
    pub text: String,
    /// The person replied to, if a reply.
    pub reply_to: Option<String>,
    /// When (seconds, China time).
    pub ts: i64,
}

/// One Moments post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Post {
    /// Unique, stable (`data-post`).
    pub id: u64,
    /// The poster: a contact id or [`ME`].
    pub author: String,
    /// When (seconds, China time).
    pub ts: i64,
    /// The text.
    pub text: String,
    /// The shared link, if any.
    pub link: Option<String>,
    /// Indices into [`PICTURES`].
    pub pictures: Vec<u8>,
    /// Who may see it, as chosen.
    pub visibility: Visibility,
    /// Set when the link rules made it visible to the poster only.
    pub penalty: Option<Penalty>,
    /// Networks it was synced to.
    pub synced: Vec<SyncTarget>,
    /// Who liked it, in order.
    pub likes: Vec<String>,
    /// Comments, oldest first.
    pub comments: Vec<Comment>,
}

impl Post {
    /// The visibility as `data-visibility` says it: `private` for a
    /// penalised post, whatever was chosen.
    pub fn visibility_str(&self) -> &'static str {
        if self.penalty.is_some() {
            return "private";
        }
        visibility_str(&self.visibility)
    }
}

/// The data value of a visibility (`public`, `private`, `include`, `exclude`).
pub fn visibility_str(v: &Visibility) -> &'static str {
    match v {
        Visibility::Public => "public",
        Visibility::Private => "private",
        Visibility::ShareWith(_) => "include",
        Visibility::DontShareWith(_) => "exclude",
    }
}

/// Everything Moments saves (a new account's is empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Moments {
    /// Oldest first, each behind its own `Rc`.
    pub posts: Vec<Rc<Post>>,
    /// The user's account-wide window for friends.
    pub window: Window,
    /// The networks the user linked on Me.
    pub linked: Vec<SyncTarget>,
}

/// What the composer holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The text.
    pub text: String,
    /// The link field.
    pub link: String,
    /// Chosen pictures (indices into [`PICTURES`]).
    pub pictures: Vec<u8>,
    /// The chosen visibility.
    pub visibility: Option<Visibility>,
    /// The sync boxes ticked.
    pub sync: Vec<SyncTarget>,
}

/// Why a draft cannot be posted; the string table says it in the user's
/// language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// No text, link or picture.
    Empty,
    /// Longer than [`MAX_POST_CHARS`].
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// "Share with" or "Don't share with" with nobody picked.
    NoAudience,
    /// The link field holds no web or mini-program link (the engine
    /// would never open it).
    BadLink {
        /// The link as typed.
        link: String,
    },
    /// The link rules refuse it (a Taobao password text from 2018-05-29).
    Refused {
        /// The deciding rule's id.
        rule: String,
        /// What was refused.
        link: String,
    },
}

/// Why linking an account failed; the string table says it in the user's
/// language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The rules say no, or not without a VPN: the answer's status.
    Status(SyncStatus),
}

/// Checks a draft against the limits and the link rules of the scenario's
/// day: what happens to it, or why it cannot be posted (the draft stays
/// as it is either way).
pub fn check(draft: &Draft, rules: &Rules, scenario: &Scenario) -> Result<PostGate, DraftError> {
    let link = draft.link.trim();
    if draft.text.trim().is_empty() && link.is_empty() && draft.pictures.is_empty() {
        return Err(DraftError::Empty);
    }
    let chars = draft.text.chars().count();
    if chars > MAX_POST_CHARS {
        return Err(DraftError::TooLong { chars });
    }
    match &draft.visibility {
        Some(Visibility::ShareWith(a) | Visibility::DontShareWith(a))
            if a.contacts.is_empty() && a.tags.is_empty() =>
        {
            return Err(DraftError::NoAudience)
        }
        _ => {}
    }
    if !link.is_empty()
        && crate::policy::decide(rules, link, crate::policy::Context::Moments, scenario).outcome
            == crate::policy::Outcome::Rejected
    {
        return Err(DraftError::BadLink { link: link.into() });
    }
    match gate(rules, &draft.text, Some(link), scenario) {
        PostGate::Refuse { rule, link } => Err(DraftError::Refused { rule, link }),
        g => Ok(g),
    }
}

/// The sync answer for `target` in `scenario` under `rules`, for an
/// account registered where the scenario's region is.
pub fn sync_answer<'r>(
    rules: &'r Rules,
    scenario: &Scenario,
    target: SyncTarget,
) -> SyncAnswer<'r> {
    sync_status_in(rules, scenario, target, scenario.region)
}

/// The sync answer for an account registered in `registered` whose phone
/// is in `scenario.region` (a mainland account abroad needs no VPN).
pub fn sync_answer_for<'r>(
    rules: &'r Rules,
    scenario: &Scenario,
    registered: Region,
    target: SyncTarget,
) -> SyncAnswer<'r> {
    sync_status_in(rules, scenario, target, registered)
}

/// Whether linking `target` works in `scenario`: only when available.
pub fn can_link(rules: &Rules, target: SyncTarget, scenario: &Scenario) -> Result<(), LinkError> {
    can_link_for(rules, target, scenario, scenario.region)
}

/// [`can_link`] for an account registered in `registered`.
pub fn can_link_for(
    rules: &Rules,
    target: SyncTarget,
    scenario: &Scenario,
    registered: Region,
) -> Result<(), LinkError> {
    match sync_answer_for(rules, scenario, registered, target).status {
        SyncStatus::Available => Ok(()),
        s => Err(LinkError::Status(s)),
    }
}

/// A change to Moments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MomentsAction {
    /// Post a draft by the user at `ts` (checked again here: a draft that
    /// [`check`] refuses changes nothing).
    Publish {
        /// The draft.
        draft: Draft,
        /// When.
        ts: i64,
        /// The new post's id, chosen when the action is made (at random,
        /// so that two tabs never pick the same one): a post with this id
        /// already there makes the action a no-op, so applying it again,
        /// as a rebase on another tab's data does, adds nothing.
        id: u64,
    },
    /// `who` likes a post.
    Like {
        /// The post id.
        post: u64,
        /// The liker.
        who: String,
    },
    /// `who` takes back their like.
    Unlike {
        /// The post id.
        post: u64,
        /// The liker.
        who: String,
    },
    /// A comment, or a reply to someone's comment.
    Comment {
        /// The post id.
        post: u64,
        /// The commenter.
        from: String,
        /// The text.
        text: String,
        /// The person replied to.
        reply_to: Option<String>,
        /// When.
        ts: i64,
        /// The new comment's id, chosen when the action is made like a
        /// post's: a comment with this id already on the post makes the
        /// action a no-op.
        id: u64,
    },
    /// `who` deletes their own comment (someone else's stays).
    DeleteComment {
        /// The post id.
        post: u64,
        /// The comment id.
        comment: u64,
        /// Who asks.
        who: String,
    },
    /// The user's account-wide window.
    SetWindow(Window),
    /// Link an account (refused unless available in the scenario).
    Link(SyncTarget),
    /// Unlink an account.
    Unlink(SyncTarget),
}

/// An id no post holds, for a post whose id another tab took meanwhile
/// (`sync_tabs` gives it this one on rebase): above every id in use.
pub fn free_post_id(m: &Moments) -> u64 {
    m.posts
        .iter()
        .map(|p| p.id)
        .max()
        .unwrap_or(0)
        .saturating_add(1)
}

/// An id no comment on `p` holds, as [`free_post_id`] for posts.
pub fn free_comment_id(p: &Post) -> u64 {
    p.comments
        .iter()
        .map(|c| c.id)
        .max()
        .unwrap_or(0)
        .saturating_add(1)
}

/// Applies `action` in `scenario` under `rules` (the active rules), for an
/// account registered where the scenario's region is; returns whether
/// anything changed.
pub fn reduce(m: &mut Moments, action: MomentsAction, scenario: &Scenario, rules: &Rules) -> bool {
    reduce_for(m, action, scenario, scenario.region, rules)
}

/// [`reduce`] for an account registered in `registered`: that region, not
/// where the phone is, decides which networks it can sync to.
pub fn reduce_for(
    m: &mut Moments,
    action: MomentsAction,
    scenario: &Scenario,
    registered: Region,
    rules: &Rules,
) -> bool {
    match action {
        MomentsAction::Publish { draft, ts, id } => {
            if m.posts.iter().any(|p| p.id == id) {
                return false;
            }
            let Ok(g) = check(&draft, rules, scenario) else {
                return false;
            };
            let penalty = match g {
                PostGate::Private { rule, link } => Some(Penalty { rule, link }),
                _ => None,
            };
            let mut synced = draft.sync;
            synced.retain(|t| {
                sync_answer_for(rules, scenario, registered, *t).status == SyncStatus::Available
            });
            synced.dedup();
            let link = Some(draft.link.trim().to_string()).filter(|l| !l.is_empty());
            let mut pictures = draft.pictures;
            pictures.retain(|p| usize::from(*p) < PICTURES.len());
            pictures.truncate(MAX_PICTURES);
            let post = Post {
                id,
                author: ME.into(),
                ts,
                text: draft.text,
                link,
                pictures,
                visibility: draft.visibility.unwrap_or(Visibility::Public),
                penalty,
                synced,
                likes: Vec::new(),
                comments: Vec::new(),
            };
            // Oldest first: a post made on an earlier scenario day goes
            // where it belongs.
            let at = m.posts.partition_point(|p| p.ts <= ts);
            m.posts.insert(at, Rc::new(post));
            true
        }
        MomentsAction::Like { post, who } => {
            match post_mut_if(m, post, |p| !p.likes.contains(&who)) {
                Some(p) => {
                    p.likes.push(who);
                    true
                }
                None => false,
            }
        }
        MomentsAction::Unlike { post, who } => {
            match post_mut_if(m, post, |p| p.likes.contains(&who)) {
                Some(p) => {
                    p.likes.retain(|l| *l != who);
                    true
                }
                None => false,
            }
        }
        MomentsAction::Comment {
            post,
            from,
            text,
            reply_to,
            ts,
            id,
        } => {
            let text = text.trim();
            if text.is_empty() || text.chars().count() > MAX_COMMENT_CHARS {
                return false;
            }
            let Some(p) = post_mut_if(m, post, |p| p.comments.iter().all(|c| c.id != id)) else {
                return false;
            };
            p.comments.push(Comment {
                id,
                from,
                text: text.to_string(),
                reply_to,
                ts,
            });
            true
        }
        MomentsAction::DeleteComment { post, comment, who } => {
            let own = |p: &Post| p.comments.iter().any(|c| c.id == comment && c.from == who);
            match post_mut_if(m, post, own) {
                Some(p) => {
                    p.comments.retain(|c| c.id != comment);
                    true
                }
                None => false,
            }
        }
        MomentsAction::SetWindow(w) => {
            let changed = m.window != w;
            m.window = w;
            changed
        }
        MomentsAction::Link(t) => {
            if m.linked.contains(&t) || can_link_for(rules, t, scenario, registered).is_err() {
                return false;
            }
            m.linked.push(t);
            true
        }
        MomentsAction::Unlink(t) => {
            let before = m.linked.len();
            m.linked.retain(|x| *x != t);
            m.linked.len() != before
        }
    }
}

/// The post with `id`, copied for a change only when `cond` holds, so a
/// no-op shares everything.
fn post_mut_if(m: &mut Moments, id: u64, cond: impl Fn(&Post) -> bool) -> Option<&mut Post> {
    let i = m.posts.iter().position(|p| p.id == id && cond(p))?;
    Some(Rc::make_mut(&mut m.posts[i]))
}

#[cfg(test)]
mod tests;
