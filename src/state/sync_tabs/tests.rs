use super::*;
use crate::lang::Lang;
use crate::state::model::ME;
use crate::state::persist::{decode, encode};
use crate::state::seed::seed;

/// A tab of the simulation: its model, saving to `storage` as the browser
/// side does under the lock.
fn save(m: &mut Model, storage: &mut Option<String>) {
    if let Some(text) = save_into(m, storage.as_deref()) {
        *storage = Some(text);
    }
}

fn send(chat: &str, text: &str, id: u64) -> Action {
    Action::Chats(ChatsAction::Send {
        chat: chat.into(),
        from: ME.into(),
        text: text.into(),
        ts: 1_638_400_000,
        id,
    })
}

fn texts(d: &Data, chat: &str) -> Vec<String> {
    d.chat(chat)
        .unwrap()
        .messages
        .iter()
        .map(|m| m.text.clone())
        .collect()
}

fn tabs() -> (Model, Model, Option<String>) {
    let mut storage = None;
    let mut a = Model::new(seed());
    save(&mut a, &mut storage);
    let b = Model::new(decode(storage.as_deref().unwrap()).unwrap());
    (a, b, storage)
}

#[test]
fn two_tabs_sending_at_once_keep_both_messages() {
    let (mut a, mut b, mut storage) = tabs();
    reduce(&mut a, send("family", "from A", 1 << 40));
    reduce(&mut b, send("family", "from B", 2 << 40));
    save(&mut a, &mut storage);
    // B finds A's save when it saves: rebase, then write both.
    save(&mut b, &mut storage);
    let stored = decode(storage.as_deref().unwrap()).unwrap();
    let t = texts(&stored, "family");
    assert_eq!(t[t.len() - 2..], ["from A", "from B"]);
    assert!(b.notices.iter().any(|n| n.kind == NoticeKind::Synced));
    // A hears of B's save: nothing of its own is pending, so it takes it.
    reduce(&mut a, Action::External(stored.clone()));
    assert_eq!(a.data, stored);
    assert_eq!(b.data, stored);
    assert!(a.pending.is_empty() && b.pending.is_empty());
}

#[test]
fn a_message_to_a_chat_deleted_elsewhere_is_dropped_with_a_notice() {
    let (mut a, mut b, mut storage) = tabs();
    reduce(&mut a, Action::Chats(ChatsAction::Delete("mum".into())));
    save(&mut a, &mut storage);
    reduce(&mut b, send("mum", "Are you there?", 7 << 40));
    reduce(&mut b, send("family", "Still here", 8 << 40));
    let theirs = decode(storage.as_deref().unwrap()).unwrap();
    reduce(&mut b, Action::External(theirs));
    assert!(b.data.chat("mum").is_none());
    assert_eq!(texts(&b.data, "family").last().unwrap(), "Still here");
    let dropped: Vec<_> = b
        .notices
        .iter()
        .filter_map(|n| match &n.kind {
            NoticeKind::Dropped(d) => Some(d.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        dropped,
        [Dropped::Message {
            text: "Are you there?".into()
        }]
    );
    save(&mut b, &mut storage);
    assert_eq!(decode(storage.as_deref().unwrap()).unwrap(), b.data);
}

#[test]
fn applying_an_action_again_adds_nothing() {
    let (mut a, _, mut storage) = tabs();
    reduce(&mut a, send("family", "once", 9 << 40));
    let once = a.data.clone();
    reduce(&mut a, send("family", "once", 9 << 40));
    assert_eq!(a.data, once);
    // A rebase onto data that already holds this tab's message (its save
    // went through, but the news of it came late) does not repeat it.
    save(&mut a, &mut storage);
    let mut replayed = Model::new(seed());
    reduce(&mut replayed, send("family", "once", 9 << 40));
    reduce(&mut replayed, Action::External(a.data.clone()));
    assert_eq!(texts(&replayed.data, "family"), texts(&a.data, "family"));
}

#[test]
fn two_new_groups_with_the_same_id_both_survive() {
    let (mut a, mut b, mut storage) = tabs();
    let group = |name: &str| {
        Action::Chats(ChatsAction::CreateGroup {
            id: "g1".into(),
            name: name.into(),
            members: vec!["c-lihua".into(), "c-mum".into()],
        })
    };
    reduce(&mut a, group("Walk"));
    reduce(&mut b, group("Run"));
    reduce(&mut b, send("g1", "to the runners", 3 << 40));
    save(&mut a, &mut storage);
    save(&mut b, &mut storage);
    let d = decode(storage.as_deref().unwrap()).unwrap();
    assert_eq!(d.chat_title(d.chat("g1").unwrap(), Lang::En), "Walk");
    let run = d.chat("g2").unwrap();
    assert_eq!(d.chat_title(run, Lang::En), "Run");
    assert_eq!(run.messages[0].text, "to the runners");
}

#[test]
fn plans() {
    let (mut a, _, storage) = tabs();
    assert_eq!(plan(&a, storage.as_deref()), Plan::Nothing);
    assert_eq!(plan(&a, None), Plan::Write);
    assert_eq!(plan(&a, Some("garbage")), Plan::Write);
    reduce(&mut a, Action::SetLang(Lang::Zh));
    assert_eq!(plan(&a, storage.as_deref()), Plan::Write);
    let mut theirs = seed();
    theirs.rev = 5;
    assert_eq!(
        plan(&a, Some(&encode(&theirs))),
        Plan::Rebase(Box::new(theirs.clone()))
    );
    // Its own save, heard back, is not another tab's.
    let mut storage = storage;
    save(&mut a, &mut storage);
    reduce(
        &mut a,
        Action::External(decode(storage.as_deref().unwrap()).unwrap()),
    );
    assert!(!a.notices.iter().any(|n| n.kind == NoticeKind::Synced));
}

#[test]
fn a_save_keeps_what_came_after_it() {
    let mut m = Model::new(seed());
    reduce(&mut m, Action::SetLang(Lang::Zh)); // rev 1
    reduce(&mut m, send("family", "later", 4 << 40)); // rev 2
    reduce(&mut m, Action::Sync(SyncAction::Wrote(1)));
    assert_eq!(m.base_rev, 1);
    assert_eq!(m.pending.oldest_first(), [send("family", "later", 4 << 40)]);
    // News of an older save changes nothing.
    let before = m.clone();
    reduce(&mut m, Action::Sync(SyncAction::Wrote(0)));
    assert_eq!(m, before);
    reduce(&mut m, Action::Sync(SyncAction::Wrote(2)));
    assert!(m.pending.is_empty());
}

#[test]
fn an_import_replaces_everything_with_a_newer_revision() {
    let mut m = Model::new(seed());
    reduce(&mut m, Action::SetLang(Lang::Zh));
    let mut file = seed();
    file.scenario.vpn = true;
    reduce(
        &mut m,
        Action::Sync(SyncAction::Import(Box::new(file.clone()))),
    );
    assert_eq!(m.data, Data { rev: 2, ..file });
    assert_eq!(
        m.pending.oldest_first().len(),
        2,
        "saved and re-applied like any action"
    );
}

#[test]
fn like_and_comment_made_at_once_in_two_tabs_both_survive() {
    let (mut a, mut b, mut storage) = tabs();
    let posts = &a.data.moments.posts;
    let post = posts
        .iter()
        .find(|p| !p.likes.iter().any(|l| l == ME))
        .unwrap()
        .id;
    reduce(
        &mut a,
        Action::Moments(MomentsAction::Like {
            post,
            who: ME.into(),
        }),
    );
    reduce(
        &mut b,
        Action::Moments(MomentsAction::Comment {
            post,
            from: ME.into(),
            text: "Nice".into(),
            reply_to: None,
            ts: 1_638_400_000,
            id: 1 << 40,
        }),
    );
    save(&mut b, &mut storage);
    save(&mut a, &mut storage);
    let d = decode(storage.as_deref().unwrap()).unwrap();
    let p = d.moments.posts.iter().find(|p| p.id == post).unwrap();
    assert!(p.likes.iter().any(|l| l == ME));
    assert!(p.comments.iter().any(|c| c.text == "Nice"));
}

fn publish(text: &str, id: u64) -> Action {
    Action::Moments(MomentsAction::Publish {
        draft: crate::state::moments::Draft {
            text: text.into(),
            ..Default::default()
        },
        ts: 1_638_400_000,
        id,
    })
}

fn comment(post: u64, text: &str, id: u64) -> Action {
    Action::Moments(MomentsAction::Comment {
        post,
        from: ME.into(),
        text: text.into(),
        reply_to: None,
        ts: 1_638_400_000,
        id,
    })
}

fn post<'d>(d: &'d Data, text: &str) -> &'d crate::state::moments::Post {
    let mut found = d.moments.posts.iter().filter(|p| p.text == text);
    let p = found.next().unwrap();
    assert!(found.next().is_none(), "{text:?} twice");
    p
}

#[test]
fn two_posts_with_the_same_id_both_survive_with_what_was_done_to_them() {
    let (mut a, mut b, mut storage) = tabs();
    reduce(&mut a, publish("from A", 77));
    reduce(&mut b, publish("from B", 77));
    let like = MomentsAction::Like {
        post: 77,
        who: ME.into(),
    };
    reduce(&mut b, Action::Moments(like));
    reduce(&mut b, comment(77, "on B's post", 5));
    save(&mut a, &mut storage);
    save(&mut b, &mut storage);
    let d = decode(storage.as_deref().unwrap()).unwrap();
    let (pa, pb) = (post(&d, "from A"), post(&d, "from B"));
    assert_eq!(pa.id, 77);
    assert_ne!(pb.id, 77, "B's post got a free id");
    assert!(pa.likes.is_empty() && pa.comments.is_empty());
    assert_eq!(pb.likes, [ME]);
    assert_eq!(pb.comments[0].text, "on B's post");
    reduce(&mut a, Action::External(d.clone()));
    assert_eq!(a.data, d);
    assert_eq!(b.data, d);
}

#[test]
fn two_comments_with_the_same_id_both_survive() {
    let (mut a, mut b, mut storage) = tabs();
    let p = a.data.moments.posts[0].id;
    reduce(&mut a, comment(p, "A's", 5));
    reduce(&mut b, comment(p, "B's first", 5));
    reduce(&mut b, comment(p, "B's second", 6));
    let delete = MomentsAction::DeleteComment {
        post: p,
        comment: 5,
        who: ME.into(),
    };
    reduce(&mut b, Action::Moments(delete));
    save(&mut a, &mut storage);
    save(&mut b, &mut storage);
    let d = decode(storage.as_deref().unwrap()).unwrap();
    let texts: Vec<_> = d.moments.posts[0]
        .comments
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert!(texts.ends_with(&["A's", "B's second"]), "{texts:?}");
    assert!(
        !texts.contains(&"B's first"),
        "B deleted its own: {texts:?}"
    );
}

#[test]
fn a_post_and_a_comment_applied_again_add_nothing() {
    let (mut a, _, mut storage) = tabs();
    reduce(&mut a, publish("once", 3 << 40));
    reduce(&mut a, comment(3 << 40, "first", 4 << 40));
    save(&mut a, &mut storage);
    // The save went through but the news of it came late: the rebase
    // meets both already there.
    let mut replayed = Model::new(seed());
    reduce(&mut replayed, publish("once", 3 << 40));
    reduce(&mut replayed, comment(3 << 40, "first", 4 << 40));
    reduce(&mut replayed, Action::External(a.data.clone()));
    assert_eq!(replayed.data.moments, a.data.moments);
    assert_eq!(post(&replayed.data, "once").comments.len(), 1);
}

#[test]
fn a_post_the_other_tabs_new_date_refuses_is_dropped_with_a_notice() {
    use crate::policy::scenario::Date;
    use crate::state::moments::{Draft, MomentsAction};
    use crate::state::scenario::ScenarioAction;
    let (mut a, mut b, mut storage) = tabs();
    let day = |s| Date::parse(s).unwrap();
    // Tab A posts a Taobao password text on 2018-05-28, when it was allowed;
    // tab B has moved the scenario to 2018-05-29 and saved first.
    reduce(
        &mut a,
        Action::Scenario(ScenarioAction::SetDate(day("2018-05-28"))),
    );
    save(&mut a, &mut storage);
    reduce(
        &mut b,
        Action::External(decode(storage.as_deref().unwrap()).unwrap()),
    );
    let text = "￥AbC123dEf￥ 打开淘宝";
    let draft = Draft {
        text: text.into(),
        visibility: Some(crate::policy::moments::Visibility::Public),
        ..Draft::default()
    };
    reduce(
        &mut a,
        Action::Moments(MomentsAction::Publish {
            draft,
            ts: 1,
            id: 4242,
        }),
    );
    assert!(a.data.moments.posts.iter().any(|p| p.id == 4242));
    reduce(
        &mut b,
        Action::Scenario(ScenarioAction::SetDate(day("2018-05-29"))),
    );
    save(&mut b, &mut storage);
    save(&mut a, &mut storage);
    let end = decode(storage.as_deref().unwrap()).unwrap();
    assert!(end.moments.posts.iter().all(|p| p.id != 4242));
    let why = a.notices.iter().find_map(|n| match &n.kind {
        NoticeKind::Dropped(d) => Some(d.clone()),
        _ => None,
    });
    // What the notice says of it is the string table's (tested there).
    assert_eq!(why, Some(Dropped::Post { text: text.into() }));
}

#[test]
fn a_failed_write_keeps_the_actions_and_says_so_until_a_write_succeeds() {
    let (mut a, _, storage) = tabs();
    a.apply(send("family", "kept", 901));
    super::save(&mut a, storage.as_deref(), |_| false);
    assert!(!a.pending.is_empty(), "the action waits for the next save");
    assert!(a.notices.iter().any(|n| n.kind == NoticeKind::WriteFailed));
    let mut written = None;
    super::save(&mut a, storage.as_deref(), |t| {
        written = Some(t.to_string());
        true
    });
    let saved = decode(written.as_deref().unwrap()).unwrap();
    assert!(texts(&saved, "family").contains(&"kept".to_string()));
    assert!(a.pending.is_empty());
    assert!(!a.notices.iter().any(|n| n.kind == NoticeKind::WriteFailed));
}
