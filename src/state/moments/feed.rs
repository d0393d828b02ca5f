//! The feed as one person sees it: `policy::moments` applied to every post,
//! with the count of what is hidden and why, for "View as".

use super::{Moments, Post};
use crate::policy::moments::{sees, sees_comment, Graph, PostView, Seen, Window};
use crate::state::model::ME;
use std::rc::Rc;

/// The user's contact tags: (tag, English, Chinese, members).
pub const TAGS: &[(&str, &str, &str, &[&str])] = &[
    (
        "family",
        "Family",
        "家人",
        &["c-mum", "c-dad", "c-xiaoming"],
    ),
    ("work", "Work", "同事", &["c-zhangwei", "c-liuyang"]),
    ("deals", "Deals", "拼单", &["c-zhaolei", "c-sunli"]),
];

/// Who among the contacts is friends with whom (the user is friends with
/// every contact). Chosen so that "View as" shows comments hidden between
/// people who don't know each other: Mum doesn't know the deal hunters.
const FRIENDS: &[(&str, &str)] = &[
    ("c-mum", "c-dad"),
    ("c-mum", "c-xiaoming"),
    ("c-dad", "c-xiaoming"),
    ("c-lihua", "c-wangfang"),
    ("c-lihua", "c-chenjing"),
    ("c-wangfang", "c-chenjing"),
    ("c-zhangwei", "c-liuyang"),
    ("c-zhaolei", "c-sunli"),
    ("c-zhaolei", "c-liuyang"),
    ("c-lihua", "c-sunli"),
    ("c-lihua", "c-zhaolei"),
];

/// The contacts' own account-wide windows (the user's is on Me).
const WINDOWS: &[(&str, Window)] = &[
    ("c-wangfang", Window::SixMonths),
    ("c-zhangwei", Window::ThreeDays),
];

/// The demo's friendships and the user's tags.
pub struct SeedGraph;

impl Graph for SeedGraph {
    fn friends(&self, a: &str, b: &str) -> bool {
        a == ME && b != ME
            || b == ME && a != ME
            || FRIENDS
                .iter()
                .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
    }
    fn has_tag(&self, who: &str, tag: &str) -> bool {
        TAGS.iter()
            .any(|(t, _, _, m)| *t == tag && m.contains(&who))
    }
}

/// How many posts are hidden from a viewer, by reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hidden {
    /// Older than the poster's window.
    pub outside_window: u32,
    /// Made private by the poster.
    pub private: u32,
    /// Made visible to the poster only by the link rules.
    pub penalised: u32,
    /// Not in the poster's "Share with" list, or in "Don't share with".
    pub not_shared: u32,
    /// The viewer is not the poster's friend.
    pub not_friend: u32,
}

impl Hidden {
    /// All hidden posts.
    pub fn total(&self) -> u32 {
        self.outside_window + self.private + self.penalised + self.not_shared + self.not_friend
    }
    /// Each reason with its count, for the line above the feed (zero
    /// counts left out), in the order the line says them.
    pub fn reasons(&self) -> impl Iterator<Item = (u32, HiddenReason)> {
        [
            (self.outside_window, HiddenReason::OutsideWindow),
            (self.private, HiddenReason::Private),
            (self.penalised, HiddenReason::Penalised),
            (self.not_shared, HiddenReason::NotShared),
            (self.not_friend, HiddenReason::NotFriend),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
    }
}

/// Why posts are hidden from a viewer: one per count of [`Hidden`], so
/// that the line above the feed can say each in the user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HiddenReason {
    /// Older than the poster's window.
    OutsideWindow,
    /// Made private by the poster.
    Private,
    /// Made visible to the poster only by the link rules.
    Penalised,
    /// Not shared with the viewer.
    NotShared,
    /// The viewer is not the poster's friend.
    NotFriend,
}

/// The feed `viewer` sees at `now`, newest first, and what is hidden.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feed {
    /// The posts shown, newest first, shared with the model.
    pub posts: Vec<Rc<Post>>,
    /// What is hidden and why.
    pub hidden: Hidden,
}

/// The window `author` set.
fn window_of(m: &Moments, author: &str) -> Window {
    if author == ME {
        return m.window;
    }
    WINDOWS
        .iter()
        .find(|(a, _)| *a == author)
        .map_or(Window::All, |w| w.1)
}

/// The feed of `viewer` (`me` or a contact id) at `now`: posts made after
/// `now` don't exist yet and are neither shown nor counted.
pub fn feed(m: &Moments, viewer: &str, now: i64) -> Feed {
    let mut hidden = Hidden::default();
    let mut posts = Vec::new();
    for p in m.posts.iter().rev().filter(|p| p.ts <= now) {
        let view = PostView {
            author: &p.author,
            ts: p.ts,
            visibility: &p.visibility,
            forced_private: p.penalty.is_some(),
        };
        match sees(view, viewer, window_of(m, &p.author), now, &SeedGraph) {
            Seen::Own | Seen::Shown => posts.push(Rc::clone(p)),
            Seen::OutsideWindow => hidden.outside_window += 1,
            Seen::Private => hidden.private += 1,
            Seen::Penalised => hidden.penalised += 1,
            Seen::NotShared | Seen::Excluded => hidden.not_shared += 1,
            Seen::NotFriend => hidden.not_friend += 1,
        }
    }
    Feed { posts, hidden }
}

impl Post {
    /// The likes `viewer` sees: only by people who are friends with both
    /// them and the poster (`policy::moments::sees_comment`).
    pub fn likes_seen_by<'a>(&'a self, viewer: &'a str) -> impl Iterator<Item = &'a str> {
        self.likes
            .iter()
            .filter(move |l| sees_comment(&self.author, l, viewer, &SeedGraph))
            .map(String::as_str)
    }
    /// The comments `viewer` sees, by the same rule.
    pub fn comments_seen_by<'a>(
        &'a self,
        viewer: &'a str,
    ) -> impl Iterator<Item = &'a super::Comment> {
        self.comments
            .iter()
            .filter(move |c| sees_comment(&self.author, &c.from, viewer, &SeedGraph))
    }
}

/// Whether a post's text is folded behind "Full text" (WeChat folds past
/// about six lines).
pub fn folds(text: &str) -> bool {
    text.chars().count() > 180 || text.lines().count() > 6
}

/// Whether the feed shown lets one like and comment: only one's own view
/// ("View as" shows what someone else sees, it does not act for them).
pub fn acts(viewer: &str) -> bool {
    viewer == ME
}
