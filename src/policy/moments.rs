//! Who sees what in Moments (record §4), and what the link rules do to a
//! post (record §1, context `moments`).
//!
//! Pure functions over a [`Graph`] of who is friends with whom, so that the
//! same answers drive the feed, "View as", and the native tests. Where the
//! record is silent the choices are written down here:
//!
//! - Moments are shared with friends: someone who is not the poster's
//!   friend sees none of their posts, whatever the visibility.
//! - Likes follow the record's rule for comments: a like is seen only by
//!   people who are friends with both the liker and the poster.
//! - The account-wide window limits what *friends* see of older posts; the
//!   poster always sees all of their own.
//! - A post whose link the rules show `private` is visible to the poster
//!   only, whatever visibility was chosen (R-2018-05-29).

use super::engine::decide;
use super::extract::{find_links, FoundKind};
use super::rules::{CardDisplay, Context, Outcome, Rules};
use super::scenario::Scenario;

/// Who may see a post, chosen by the poster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// All friends.
    Public,
    /// The poster only.
    Private,
    /// Only these contacts and contacts with these tags.
    ShareWith(Audience),
    /// All friends except these contacts and contacts with these tags.
    DontShareWith(Audience),
}

/// A list of contacts and contact tags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Audience {
    /// Contact ids.
    pub contacts: Vec<String>,
    /// Tag names.
    pub tags: Vec<String>,
}

impl Audience {
    /// Whether `who` is in the list, by id or by one of their tags.
    pub fn includes(&self, who: &str, graph: &dyn Graph) -> bool {
        self.contacts.iter().any(|c| c == who) || self.tags.iter().any(|t| graph.has_tag(who, t))
    }
}

/// The account-wide window for friends viewing one's Moments.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Window {
    /// Every post.
    #[default]
    All,
    /// Posts of the last six months (183 days).
    SixMonths,
    /// Posts of the last three days.
    ThreeDays,
}

impl Window {
    /// Every window, in the order Me lists them.
    pub const ALL: [Window; 3] = [Window::All, Window::SixMonths, Window::ThreeDays];

    /// The data value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Window::All => "all",
            Window::SixMonths => "six_months",
            Window::ThreeDays => "three_days",
        }
    }

    /// Parses the data value.
    pub fn parse(s: &str) -> Option<Window> {
        Window::ALL.into_iter().find(|w| w.as_str() == s)
    }

    /// The oldest timestamp (seconds) a friend sees at `now`, if limited.
    pub fn since(self, now: i64) -> Option<i64> {
        const DAY: i64 = 86_400;
        match self {
            Window::All => None,
            Window::SixMonths => Some(now - 183 * DAY),
            Window::ThreeDays => Some(now - 3 * DAY),
        }
    }
}

/// Who is friends with whom, and who has which tag, as the poster filed
/// them. `me` and the contacts are ids.
pub trait Graph {
    /// Whether `a` and `b` are friends (symmetric; nobody is asked about
    /// themselves).
    fn friends(&self, a: &str, b: &str) -> bool;
    /// Whether the poster filed `who` under `tag`.
    fn has_tag(&self, who: &str, tag: &str) -> bool;
}

/// `a` is `b`, or they are friends.
fn same_or_friends(graph: &dyn Graph, a: &str, b: &str) -> bool {
    a == b || graph.friends(a, b)
}

/// What a post needs for the visibility checks.
#[derive(Clone, Copy, Debug)]
pub struct PostView<'a> {
    /// The poster's id.
    pub author: &'a str,
    /// When it was posted (seconds).
    pub ts: i64,
    /// The visibility the poster chose.
    pub visibility: &'a Visibility,
    /// The link rules made it visible to the poster only.
    pub forced_private: bool,
}

/// Why a viewer does or does not see a post.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen {
    /// Their own post.
    Own,
    /// Shown.
    Shown,
    /// Not the poster's friend.
    NotFriend,
    /// The poster made it private.
    Private,
    /// The link rules made it visible to the poster only.
    Penalised,
    /// Not in the "Share with" list.
    NotShared,
    /// In the "Don't share with" list.
    Excluded,
    /// Older than the poster's window.
    OutsideWindow,
}

impl Seen {
    /// Whether the post is shown.
    pub fn shown(self) -> bool {
        matches!(self, Seen::Own | Seen::Shown)
    }
}

/// Whether `viewer` sees `post` at `now`, given the poster's `window`.
pub fn sees(post: PostView<'_>, viewer: &str, window: Window, now: i64, graph: &dyn Graph) -> Seen {
    if viewer == post.author {
        return Seen::Own;
    }
    if post.forced_private {
        return Seen::Penalised;
    }
    if !graph.friends(post.author, viewer) {
        return Seen::NotFriend;
    }
    match post.visibility {
        Visibility::Private => return Seen::Private,
        Visibility::ShareWith(a) if !a.includes(viewer, graph) => return Seen::NotShared,
        Visibility::DontShareWith(a) if a.includes(viewer, graph) => return Seen::Excluded,
        _ => {}
    }
    match window.since(now) {
        Some(since) if post.ts < since => Seen::OutsideWindow,
        _ => Seen::Shown,
    }
}

/// Whether `viewer` sees a comment (or like) by `commenter` on a post by
/// `poster`: only people who are friends with both do; the commenter always
/// sees their own.
pub fn sees_comment(poster: &str, commenter: &str, viewer: &str, graph: &dyn Graph) -> bool {
    same_or_friends(graph, viewer, commenter) && same_or_friends(graph, viewer, poster)
}

/// What the link rules do to a new post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostGate {
    /// Posted as chosen.
    Accept,
    /// Posted, but visible to the poster only: the rule and the link.
    Private {
        /// The deciding rule.
        rule: String,
        /// The link that caused it.
        link: String,
    },
    /// Not posted: the rule and the text refused (a Taobao password text
    /// after 2018-05-29).
    Refuse {
        /// The deciding rule.
        rule: String,
        /// The text refused.
        link: String,
    },
}

/// Applies the Moments link rules to a post's text and optional link, for
/// the scenario's day. The first refusal wins; otherwise the first link
/// shown `private` makes the post private.
pub fn gate(rules: &Rules, text: &str, link: Option<&str>, scenario: &Scenario) -> PostGate {
    let mut private = None;
    let found = find_links(text);
    let links = found
        .iter()
        .filter(|f| f.kind != FoundKind::OtherScheme)
        .map(|f| f.text)
        .chain(link.map(str::trim).filter(|l| !l.is_empty()));
    for l in links {
        let d = decide(rules, l, Context::Moments, scenario);
        let rule = d.rules.first().map(|r| r.to_string()).unwrap_or_default();
        if d.outcome == Outcome::Blocked && d.display == CardDisplay::Text {
            return PostGate::Refuse {
                rule,
                link: l.to_string(),
            };
        }
        if d.display == CardDisplay::Private && private.is_none() {
            private = Some(PostGate::Private {
                rule,
                link: l.to_string(),
            });
        }
    }
    private.unwrap_or(PostGate::Accept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::scenario::day;

    /// me, ann and bob are friends with each other; carl is my friend but
    /// not ann's or bob's; dave is nobody's friend. ann is tagged "family",
    /// carl "work".
    struct G;
    impl Graph for G {
        fn friends(&self, a: &str, b: &str) -> bool {
            let pair = |x: &str, y: &str| (a == x && b == y) || (a == y && b == x);
            pair("me", "ann") || pair("me", "bob") || pair("ann", "bob") || pair("me", "carl")
        }
        fn has_tag(&self, who: &str, tag: &str) -> bool {
            matches!((who, tag), ("ann", "family") | ("carl", "work"))
        }
    }

    const NOW: i64 = 1_700_000_000;
    const DAY: i64 = 86_400;

    fn view(v: &Visibility, ts: i64, forced: bool) -> PostView<'_> {
        PostView {
            author: "me",
            ts,
            visibility: v,
            forced_private: forced,
        }
    }

    fn audience(contacts: &[&str], tags: &[&str]) -> Audience {
        Audience {
            contacts: contacts.iter().map(|s| s.to_string()).collect(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn every_visibility_for_every_viewer_relation() {
        use Seen::*;
        let share = Visibility::ShareWith(audience(&["bob"], &["work"]));
        let dont = Visibility::DontShareWith(audience(&["bob"], &["family"]));
        // viewer: me (poster), ann (friend, tag family), bob (friend, listed),
        // carl (friend, tag work), dave (stranger)
        let table: [(&Visibility, [Seen; 5]); 4] = [
            (&Visibility::Public, [Own, Shown, Shown, Shown, NotFriend]),
            (
                &Visibility::Private,
                [Own, Private, Private, Private, NotFriend],
            ),
            (&share, [Own, NotShared, Shown, Shown, NotFriend]),
            (&dont, [Own, Excluded, Excluded, Shown, NotFriend]),
        ];
        for (v, want) in table {
            for (viewer, w) in ["me", "ann", "bob", "carl", "dave"].iter().zip(want) {
                let got = sees(view(v, NOW, false), viewer, Window::All, NOW, &G);
                assert_eq!(got, w, "{v:?} seen by {viewer}");
                assert_eq!(got.shown(), matches!(w, Own | Shown));
            }
        }
    }

    #[test]
    fn the_window_limits_friends_not_the_poster() {
        let v = Visibility::Public;
        for (window, age_days, shown) in [
            (Window::All, 3000, true),
            (Window::SixMonths, 182, true),
            (Window::SixMonths, 184, false),
            (Window::ThreeDays, 2, true),
            (Window::ThreeDays, 3, true),
            (Window::ThreeDays, 4, false),
        ] {
            let post = view(&v, NOW - age_days * DAY, false);
            assert_eq!(
                sees(post, "ann", window, NOW, &G).shown(),
                shown,
                "{window:?} {age_days}"
            );
            assert_eq!(sees(post, "me", window, NOW, &G), Seen::Own);
        }
        let old = view(&v, NOW - 4 * DAY, false);
        assert_eq!(
            sees(old, "ann", Window::ThreeDays, NOW, &G),
            Seen::OutsideWindow
        );
    }

    #[test]
    fn penalised_posts_are_for_the_poster_only() {
        let v = Visibility::Public;
        for viewer in ["ann", "bob", "carl", "dave"] {
            assert_eq!(
                sees(view(&v, NOW, true), viewer, Window::All, NOW, &G),
                Seen::Penalised
            );
        }
        assert_eq!(
            sees(view(&v, NOW, true), "me", Window::All, NOW, &G),
            Seen::Own
        );
    }

    #[test]
    fn comments_need_friendship_with_commenter_and_poster() {
        // On my post, ann comments: bob (friends with both) sees it, carl
        // (my friend, not ann's) does not, ann and I do.
        assert!(sees_comment("me", "ann", "bob", &G));
        assert!(!sees_comment("me", "ann", "carl", &G));
        assert!(sees_comment("me", "ann", "ann", &G));
        assert!(sees_comment("me", "ann", "me", &G));
        assert!(!sees_comment("me", "ann", "dave", &G));
        // carl comments: only carl and I see it.
        assert!(sees_comment("me", "carl", "me", &G));
        assert!(!sees_comment("me", "carl", "ann", &G));
        assert!(!sees_comment("me", "carl", "bob", &G));
        assert!(sees_comment("me", "carl", "carl", &G));
    }

    #[test]
    fn link_rules_gate_posts_across_2018_05_29() {
        let rules = Rules::builtin();
        let douyin = "https://v.douyin.com/abc/";
        // Before the Moments rules, a Douyin link posts normally.
        assert_eq!(
            gate(rules, "look", Some(douyin), &day("2018-05-28")),
            PostGate::Accept
        );
        // From 2018-05-29 it is visible to the poster only.
        match gate(rules, "look", Some(douyin), &day("2018-06-01")) {
            PostGate::Private { rule, link } => {
                assert_eq!(rule, "moments-h5-private-2018-05-29");
                assert_eq!(link, douyin);
            }
            other => panic!("{other:?}"),
        }
        // A link found in the text counts too.
        assert!(matches!(
            gate(
                rules,
                "看这个 v.douyin.com/abc 哈哈",
                None,
                &day("2021-10-01")
            ),
            PostGate::Private { .. }
        ));
        // Taobao password texts are refused from 2018-05-29.
        let pw = "￥AbC123dEf￥ 打开淘宝";
        assert!(matches!(
            gate(rules, pw, None, &day("2018-06-01")),
            PostGate::Refuse { .. }
        ));
        assert_eq!(gate(rules, pw, None, &day("2018-05-01")), PostGate::Accept);
        // Ordinary text and JD links post normally.
        assert_eq!(
            gate(
                rules,
                "hello",
                Some("https://item.jd.com/1.html"),
                &day("2021-10-01")
            ),
            PostGate::Accept
        );
        // A refusal wins over a private link anywhere in the post.
        assert!(matches!(
            gate(rules, pw, Some(douyin), &day("2021-10-01")),
            PostGate::Refuse { .. }
        ));
    }
}
