#![cfg(not(target_arch = "wasm32"))]
//! Properties of saving across tabs (issue 19): two tabs run random actions
//! with random save and delivery timings over a simulated localStorage, each
//! save atomic as under the Web Lock. Both end with the same data, the
//! stored one, and every action whose target still exists has its effect.
//!
//! New posts and comments take ids from a counter of each tab, both from
//! the same start: the two tabs often choose the same id for different
//! things, and the rebase must give one of them another (the app chooses
//! at random, so there this hardly ever happens).

use proptest::prelude::*;
use std::collections::VecDeque;
use walled_garden::lang::Lang;
use walled_garden::state::chats::{new_group_id, ChatsAction};
use walled_garden::state::model::{Data, Model, ME};
use walled_garden::state::moments::{Draft, MomentsAction, Post};
use walled_garden::state::persist::{decode, validate};
use walled_garden::state::seed::seed;
use walled_garden::state::sync_tabs::save_into;
use walled_garden::state::{reduce, Action};

const CHATS: [&str; 4] = ["lihua", "mum", "family", "deals"];
const LIKERS: [&str; 3] = [ME, "c-lihua", "c-mum"];
/// How many of the newest posts a tab acts on (the new ones come last:
/// they are dated after the seed's).
const POSTS: usize = 4;
/// When new posts are dated: after every seeded post.
const LATER: i64 = 1_700_000_000;

/// A post as the checks find it whatever its id became: when and what.
type Key = (i64, String);

fn key(p: &Post) -> Key {
    (p.ts, p.text.clone())
}

/// What a tab's user does; turned into an [`Action`] against what that tab
/// sees at the time.
#[derive(Clone, Debug)]
enum Do {
    /// Send to one of [`CHATS`], or (`None`) to the newest group if any.
    Send(Option<usize>),
    Delete(usize),
    MarkRead(usize),
    NewGroup,
    Like(usize, usize),
    Unlike(usize),
    Comment(usize),
    /// Delete the user's newest comment on a post.
    Uncomment(usize),
    Publish,
    Lang(bool),
}

#[derive(Clone, Debug)]
enum Step {
    Act(usize, Do),
    Save(usize),
    Deliver(usize),
}

fn doing() -> impl Strategy<Value = Do> {
    prop_oneof![
        4 => prop::option::of(0..CHATS.len()).prop_map(Do::Send),
        1 => (0..CHATS.len()).prop_map(Do::Delete),
        1 => (0..CHATS.len()).prop_map(Do::MarkRead),
        1 => Just(Do::NewGroup),
        2 => (0..POSTS, 0..LIKERS.len()).prop_map(|(p, w)| Do::Like(p, w)),
        1 => (0..POSTS).prop_map(Do::Unlike),
        2 => (0..POSTS).prop_map(Do::Comment),
        1 => (0..POSTS).prop_map(Do::Uncomment),
        2 => Just(Do::Publish),
        1 => any::<bool>().prop_map(Do::Lang),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..2usize, doing()).prop_map(|(t, d)| Step::Act(t, d)),
        2 => (0..2usize).prop_map(Step::Save),
        2 => (0..2usize).prop_map(Step::Deliver),
    ]
}

/// What an action that took effect must have left, if its target is there.
#[derive(Debug)]
enum Effect {
    /// A message with this id in the chat titled so (chats are found by
    /// title: a new group may get another id when two tabs chose the same).
    Message(String, u64),
    Deleted(String),
    Group(String),
    Liked(Key, String),
    Unliked(Key, String),
    Commented(Key, String),
    Uncommented(Key, String),
    Published(Key),
}

struct Sim {
    tabs: [Model; 2],
    /// The `storage` events each tab has yet to hear, oldest first.
    inbox: [VecDeque<String>; 2],
    storage: Option<String>,
    effects: Vec<Effect>,
    next: u64,
    /// Each tab's next id for a post or a comment.
    ids: [u64; 2],
}

impl Sim {
    fn new() -> Sim {
        let mut sim = Sim {
            tabs: [Model::new(seed()), Model::new(seed())],
            inbox: Default::default(),
            storage: None,
            effects: Vec::new(),
            next: 1,
            ids: [1000; 2],
        };
        sim.save(0);
        sim.tabs[1] = Model::new(decode(sim.storage.as_deref().unwrap()).unwrap());
        sim.inbox[1].clear();
        sim
    }

    /// What `ui::storage::save_now` does under the lock.
    fn save(&mut self, t: usize) {
        if let Some(text) = save_into(&mut self.tabs[t], self.storage.as_deref()) {
            self.storage = Some(text.clone());
            self.inbox[1 - t].push_back(text);
        }
    }

    fn deliver(&mut self, t: usize) {
        if let Some(text) = self.inbox[t].pop_front() {
            reduce(&mut self.tabs[t], Action::External(decode(&text).unwrap()));
        }
    }

    fn act(&mut self, t: usize, what: Do) {
        let n = self.next;
        self.next += 1;
        let new_id = self.ids[t];
        self.ids[t] += 1;
        let d = &self.tabs[t].data;
        let title = |id: &str| d.chat(id).map(|c| d.chat_title(c, Lang::En).to_string());
        let posts = &d.moments.posts;
        let post = |i: usize| &posts[posts.len() - 1 - i % posts.len()];
        let newest_group = d.chats.iter().rev().find(|c| c.id.starts_with('g'));
        let (action, effect) = match what {
            Do::Send(chat) => {
                let Some(id) = chat
                    .map(|i| CHATS[i].to_string())
                    .or(newest_group.map(|c| c.id.clone()))
                else {
                    return;
                };
                let Some(title) = title(&id) else { return };
                let text = format!("m{n}");
                let id_ = n << 20;
                let a = ChatsAction::Send {
                    chat: id,
                    from: ME.into(),
                    text,
                    ts: 1_638_400_000 + n as i64,
                    id: id_,
                };
                (Action::Chats(a), Some(Effect::Message(title, id_)))
            }
            Do::Delete(i) => {
                let Some(title) = title(CHATS[i]) else { return };
                let a = Action::Chats(ChatsAction::Delete(CHATS[i].into()));
                (a, Some(Effect::Deleted(title)))
            }
            Do::MarkRead(i) => (Action::Chats(ChatsAction::MarkRead(CHATS[i].into())), None),
            Do::NewGroup => {
                let name = format!("grp{n}");
                let a = ChatsAction::CreateGroup {
                    id: new_group_id(&d.chats),
                    name: name.clone(),
                    members: vec!["c-lihua".into(), "c-mum".into()],
                };
                (Action::Chats(a), Some(Effect::Group(name)))
            }
            Do::Like(p, w) => {
                let (p, who) = (post(p), LIKERS[w].to_string());
                let a = MomentsAction::Like {
                    post: p.id,
                    who: who.clone(),
                };
                (Action::Moments(a), Some(Effect::Liked(key(p), who)))
            }
            Do::Unlike(p) => {
                let p = post(p);
                let a = MomentsAction::Unlike {
                    post: p.id,
                    who: ME.into(),
                };
                (Action::Moments(a), Some(Effect::Unliked(key(p), ME.into())))
            }
            Do::Comment(p) => {
                let (p, text) = (post(p), format!("c{n}"));
                let a = MomentsAction::Comment {
                    post: p.id,
                    from: ME.into(),
                    text: text.clone(),
                    reply_to: None,
                    ts: 1_638_400_000,
                    id: new_id,
                };
                (Action::Moments(a), Some(Effect::Commented(key(p), text)))
            }
            Do::Uncomment(p) => {
                let p = post(p);
                let Some(c) = p.comments.iter().rev().find(|c| c.from == ME) else {
                    return;
                };
                let a = MomentsAction::DeleteComment {
                    post: p.id,
                    comment: c.id,
                    who: ME.into(),
                };
                let effect = Effect::Uncommented(key(p), c.text.clone());
                (Action::Moments(a), Some(effect))
            }
            Do::Publish => {
                let draft = Draft {
                    text: format!("p{n}"),
                    ..Draft::default()
                };
                let ts = LATER + n as i64;
                let effect = Effect::Published((ts, draft.text.clone()));
                let a = MomentsAction::Publish {
                    draft,
                    ts,
                    id: new_id,
                };
                (Action::Moments(a), Some(effect))
            }
            Do::Lang(zh) => (Action::SetLang(if zh { Lang::Zh } else { Lang::En }), None),
        };
        let m = &mut self.tabs[t];
        let rev = m.data.rev;
        reduce(m, action);
        if m.data.rev != rev {
            self.effects.extend(effect);
        }
    }

    /// Saves and delivers until nothing is left to do.
    fn settle(&mut self) {
        for _ in 0..20 {
            self.save(0);
            self.save(1);
            while !self.inbox[0].is_empty() || !self.inbox[1].is_empty() {
                self.deliver(0);
                self.deliver(1);
            }
            if self.tabs.iter().all(|m| m.pending.is_empty()) {
                return;
            }
        }
        panic!("the tabs never settled");
    }
}

/// The one post of key `k`: none would be a lost post, two one applied twice.
fn find<'d>(d: &'d Data, k: &Key) -> Result<&'d Post, TestCaseError> {
    let mut found = d.moments.posts.iter().filter(|p| key(p) == *k);
    let p = found.next();
    prop_assert!(found.next().is_none(), "post {:?} twice", k);
    p.map(|p| &**p)
        .ok_or_else(|| TestCaseError::fail(format!("post {k:?} lost")))
}

fn check(sim: &Sim) -> Result<(), TestCaseError> {
    let stored = decode(sim.storage.as_deref().unwrap()).unwrap();
    prop_assert!(validate(&stored).is_ok());
    prop_assert_eq!(&sim.tabs[0].data, &stored, "tab 0 differs from storage");
    prop_assert_eq!(&sim.tabs[1].data, &stored, "tab 1 differs from storage");
    let chat = |title: &str| {
        stored
            .chats
            .iter()
            .find(|c| stored.chat_title(c, Lang::En) == title)
    };
    let post = |k: &Key| find(&stored, k);
    let ids: std::collections::HashSet<_> = stored.moments.posts.iter().map(|p| p.id).collect();
    prop_assert_eq!(ids.len(), stored.moments.posts.len(), "post ids unique");
    for p in &stored.moments.posts {
        let ids: std::collections::HashSet<_> = p.comments.iter().map(|c| c.id).collect();
        prop_assert_eq!(ids.len(), p.comments.len(), "comment ids unique");
    }
    let unliked = |p: &Key, who: &str| {
        sim.effects
            .iter()
            .any(|e| matches!(e, Effect::Unliked(q, w) if q == p && w == who))
    };
    let liked = |p: &Key, who: &str| {
        sim.effects
            .iter()
            .any(|e| matches!(e, Effect::Liked(q, w) if q == p && w == who))
    };
    let uncommented = |p: &Key, text: &str| {
        sim.effects
            .iter()
            .any(|e| matches!(e, Effect::Uncommented(q, t) if q == p && t == text))
    };
    for e in &sim.effects {
        match e {
            Effect::Message(title, id) => {
                if let Some(c) = chat(title) {
                    prop_assert!(c.messages.iter().any(|m| m.id == *id), "{:?} lost", e);
                }
            }
            Effect::Deleted(title) => prop_assert!(chat(title).is_none(), "{:?} back", e),
            Effect::Group(name) => prop_assert!(chat(name).is_some(), "{:?} lost", e),
            Effect::Liked(p, who) if !unliked(p, who) => {
                prop_assert!(post(p)?.likes.contains(who), "{:?} lost", e);
            }
            Effect::Unliked(p, who) if !liked(p, who) => {
                prop_assert!(!post(p)?.likes.contains(who), "{:?} lost", e);
            }
            Effect::Commented(p, text) => {
                let c = &post(p)?.comments;
                let n = c.iter().filter(|c| &c.text == text).count();
                let want = usize::from(!uncommented(p, text));
                prop_assert_eq!(n, want, "{:?}", e);
            }
            Effect::Uncommented(p, text) => {
                let c = &post(p)?.comments;
                prop_assert!(c.iter().all(|c| &c.text != text), "{:?} back", e);
            }
            Effect::Published(p) => {
                let p = post(p)?;
                prop_assert_eq!(p.author.as_str(), ME, "{:?}", e);
            }
            _ => {}
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    #[test]
    fn two_tabs_converge_and_lose_nothing(steps in prop::collection::vec(step(), 0..40)) {
        let mut sim = Sim::new();
        for s in steps {
            match s {
                Step::Act(t, d) => sim.act(t, d),
                Step::Save(t) => sim.save(t),
                Step::Deliver(t) => sim.deliver(t),
            }
        }
        sim.settle();
        check(&sim)?;
    }
}

/// The same without any delivery: each tab learns of the other's saves only
/// when it saves itself (a browser that drops `storage` events).
#[test]
fn saves_alone_lose_nothing() {
    let mut sim = Sim::new();
    sim.act(0, Do::Send(Some(2)));
    sim.act(1, Do::Send(Some(2)));
    sim.act(1, Do::Comment(0));
    sim.act(0, Do::Like(0, 0));
    sim.act(0, Do::Publish);
    sim.act(1, Do::Publish);
    sim.act(1, Do::Comment(0));
    sim.act(0, Do::Comment(0));
    sim.save(0);
    sim.save(1);
    sim.inbox = Default::default();
    sim.save(0);
    let stored: Data = decode(sim.storage.as_deref().unwrap()).unwrap();
    let family = stored.chat("family").unwrap();
    assert!(family.messages.iter().rev().take(2).all(|m| m.from == ME));
    sim.settle();
    check(&sim).unwrap();
}
