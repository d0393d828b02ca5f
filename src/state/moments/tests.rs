use super::*;
use crate::lang::Lang;
use crate::policy::moments::Audience;
use crate::policy::scenario::{Date, Os, Region};
use crate::state::time::at;

fn day(s: &str) -> Scenario {
    Scenario {
        date: Date::parse(s).unwrap(),
        ..Scenario::default()
    }
}

fn noon(s: &str) -> i64 {
    at(Date::parse(s).unwrap(), 12, 0)
}

fn draft(text: &str, link: &str) -> Draft {
    Draft {
        text: text.into(),
        link: link.into(),
        ..Draft::default()
    }
}

/// Publishes with the next id, so that [`newest`] finds the post.
fn publish(m: &mut Moments, d: Draft, date: &str) -> bool {
    let action = MomentsAction::Publish {
        draft: d,
        ts: noon(date),
        id: free_post_id(m),
    };
    reduce(m, action, &day(date), Rules::builtin())
}

fn newest(m: &Moments) -> &Post {
    m.posts.iter().max_by_key(|p| p.id).unwrap()
}

#[test]
fn the_seed_spans_2016_to_2022_oldest_first_and_valid() {
    let m = seed_moments(Lang::En);
    assert!(m.posts.len() >= 30);
    assert!(m.posts.windows(2).all(|w| w[0].ts <= w[1].ts));
    let years = |y: u16| {
        m.posts
            .iter()
            .any(|p| crate::state::time::split(p.ts).0.year == y)
    };
    assert!((2016..=2022).all(years));
    // The Douyin link of 2018-06-15 went through the Moments rules.
    let penalised: Vec<_> = m.posts.iter().filter(|p| p.penalty.is_some()).collect();
    assert!(!penalised.is_empty());
    assert!(penalised.iter().all(|p| p.visibility_str() == "private"));
    assert!(m.posts.iter().filter(|p| p.link.is_some()).count() >= 10);
    // The same feed in Chinese, with other texts.
    let zh = seed_moments(Lang::Zh);
    assert_eq!(zh.posts.len(), m.posts.len());
    assert_ne!(zh.posts[0].text, m.posts[0].text);
    assert!(zh
        .posts
        .iter()
        .zip(&m.posts)
        .all(|(a, b)| (a.id, a.ts, &a.link) == (b.id, b.ts, &b.link)));
}

#[test]
fn empty_too_long_and_no_audience_drafts_are_refused_and_change_nothing() {
    let rules = Rules::builtin();
    let sc = day("2021-12-01");
    assert_eq!(check(&draft("  ", " "), rules, &sc), Err(DraftError::Empty));
    let long = "字".repeat(MAX_POST_CHARS + 1);
    assert_eq!(
        check(&draft(&long, ""), rules, &sc),
        Err(DraftError::TooLong {
            chars: MAX_POST_CHARS + 1
        })
    );
    assert!(check(&draft(&"字".repeat(MAX_POST_CHARS), ""), rules, &sc).is_ok());
    let mut d = draft("hi", "");
    d.visibility = Some(Visibility::ShareWith(Audience::default()));
    assert_eq!(check(&d, rules, &sc), Err(DraftError::NoAudience));
    let bad = draft("see", "javascript:alert(1)");
    assert_eq!(
        check(&bad, rules, &sc),
        Err(DraftError::BadLink {
            link: "javascript:alert(1)".into()
        })
    );
    assert!(check(&draft("see", "v.douyin.com/x"), rules, &sc).is_ok());
    let mut m = seed_moments(Lang::En);
    let before = m.clone();
    assert!(!publish(&mut m, draft("", ""), "2021-12-01"));
    assert!(!publish(&mut m, draft(&long, ""), "2021-12-01"));
    assert_eq!(m, before);
}

#[test]
fn the_link_gate_across_2018_05_29_and_2022_01_27() {
    let rules = Rules::builtin();
    let pw = "￥AbC123dEf￥ 打开淘宝";
    assert_eq!(
        check(&draft(pw, ""), rules, &day("2018-05-28")),
        Ok(PostGate::Accept)
    );
    let refused = check(&draft(pw, ""), rules, &day("2018-05-29")).unwrap_err();
    let DraftError::Refused { rule, .. } = &refused else {
        panic!("{refused:?}")
    };
    assert_eq!(rule, "moments-no-taobao-password-2018-05-29");
    // Still refused after 2022-01-27 (Taobao links only changed in chats).
    assert!(check(&draft(pw, ""), rules, &day("2022-02-01")).is_err());
    let tb = "https://m.tb.cn/h.x";
    assert!(check(&draft("look", tb), rules, &day("2022-02-01")).is_ok());

    // A Douyin link on 2018-06-01 is published as private, with the reason.
    let mut m = seed_moments(Lang::En);
    assert!(publish(
        &mut m,
        draft("look", "https://v.douyin.com/abc/"),
        "2018-06-01"
    ));
    let p = newest(&m);
    assert_eq!(p.visibility_str(), "private");
    assert_eq!(
        p.penalty.as_ref().unwrap().rule,
        "moments-h5-private-2018-05-29"
    );
    assert_eq!(p.visibility, Visibility::Public, "the choice is kept");
    // The day before the rules, it is public.
    assert!(publish(
        &mut m,
        draft("look", "https://v.douyin.com/abc/"),
        "2018-05-28"
    ));
    assert_eq!(
        m.posts
            .iter()
            .find(|p| p.ts == noon("2018-05-28"))
            .unwrap()
            .visibility_str(),
        "public"
    );
}

#[test]
fn posts_go_in_order_and_a_like_copies_one_post() {
    let mut m = seed_moments(Lang::En);
    assert!(publish(&mut m, draft("back in 2017", ""), "2017-01-01"));
    assert!(m.posts.windows(2).all(|w| w[0].ts <= w[1].ts));
    let before = m.clone();
    let i = m
        .posts
        .iter()
        .position(|p| !p.likes.iter().any(|l| l == ME))
        .unwrap();
    let id = m.posts[i].id;
    let like = MomentsAction::Like {
        post: id,
        who: ME.into(),
    };
    assert!(reduce(
        &mut m,
        like.clone(),
        &day("2021-12-01"),
        Rules::builtin()
    ));
    assert!(
        !reduce(&mut m, like, &day("2021-12-01"), Rules::builtin()),
        "twice is once"
    );
    for (a, b) in before.posts.iter().zip(&m.posts) {
        assert_eq!(Rc::ptr_eq(a, b), a.id != id, "post {}", a.id);
    }
    assert_eq!(m.posts[i].likes.last().unwrap(), ME);
    let unlike = MomentsAction::Unlike {
        post: id,
        who: ME.into(),
    };
    assert!(reduce(
        &mut m,
        unlike.clone(),
        &day("2021-12-01"),
        Rules::builtin()
    ));
    assert!(!reduce(
        &mut m,
        unlike,
        &day("2021-12-01"),
        Rules::builtin()
    ));
    assert_eq!(m.posts[i].likes, before.posts[i].likes);
}

#[test]
fn comments_replies_and_deleting_only_ones_own() {
    let mut m = seed_moments(Lang::En);
    let sc = day("2021-12-01");
    let r = Rules::builtin();
    let id = m.posts[0].id;
    let n = m.posts[0].comments.len();
    let comment = |text: &str, reply_to: Option<&str>, cid: u64| MomentsAction::Comment {
        post: id,
        from: ME.into(),
        text: text.into(),
        reply_to: reply_to.map(str::to_string),
        ts: 1,
        id: cid,
    };
    assert!(reduce(&mut m, comment(" Nice! ", None, 1 << 40), &sc, r));
    let once = m.clone();
    assert!(
        !reduce(&mut m, comment(" Nice! ", None, 1 << 40), &sc, r),
        "applied again: the id is taken"
    );
    assert_eq!(m, once);
    assert!(reduce(
        &mut m,
        comment("Thanks", Some("c-wangfang"), 2 << 40),
        &sc,
        r
    ));
    assert!(!reduce(&mut m, comment("   ", None, 3), &sc, r), "empty");
    assert!(!reduce(
        &mut m,
        comment(&"x".repeat(MAX_COMMENT_CHARS + 1), None, 4),
        &sc,
        r
    ));
    let p = &m.posts[0];
    assert_eq!(p.comments.len(), n + 2);
    assert_eq!(p.comments[n].text, "Nice!");
    assert_eq!(p.comments[n + 1].reply_to.as_deref(), Some("c-wangfang"));
    let mine = p.comments[n].id;
    let theirs = p.comments[0].id;
    let del = |comment, who: &str| MomentsAction::DeleteComment {
        post: id,
        comment,
        who: who.into(),
    };
    assert!(!reduce(&mut m, del(theirs, ME), &sc, r), "not mine");
    assert!(reduce(&mut m, del(mine, ME), &sc, r));
    assert!(!reduce(&mut m, del(mine, ME), &sc, r), "already gone");
    assert_eq!(m.posts[0].comments.len(), n + 1);
}

#[test]
fn sync_and_linking_follow_the_rules_data() {
    let mut m = seed_moments(Lang::En);
    let r = Rules::builtin();
    let mut d = draft("hello", "");
    d.sync = SyncTarget::ALL.to_vec();
    // Mainland iPhone, 2021, no VPN: QQ only.
    assert!(publish(&mut m, d.clone(), "2021-12-01"));
    assert_eq!(newest(&m).synced, [SyncTarget::Qq]);
    let vpn = Scenario {
        vpn: true,
        ..day("2021-12-01")
    };
    assert!(reduce(
        &mut m,
        MomentsAction::Publish {
            draft: d.clone(),
            ts: 5,
            id: 7_000
        },
        &vpn,
        r
    ));
    assert_eq!(
        m.posts.iter().find(|p| p.ts == 5).unwrap().synced,
        SyncTarget::ALL
    );
    // Linking Facebook from the mainland without a VPN fails, with a VPN works.
    let no_vpn = day("2021-12-01");
    assert_eq!(
        can_link(r, SyncTarget::Facebook, &no_vpn),
        Err(LinkError::Status(SyncStatus::NeedsVpn))
    );
    assert!(!reduce(
        &mut m,
        MomentsAction::Link(SyncTarget::Facebook),
        &no_vpn,
        r
    ));
    assert!(reduce(
        &mut m,
        MomentsAction::Link(SyncTarget::Facebook),
        &vpn,
        r
    ));
    assert!(!reduce(
        &mut m,
        MomentsAction::Link(SyncTarget::Facebook),
        &vpn,
        r
    ));
    assert!(reduce(
        &mut m,
        MomentsAction::Unlink(SyncTarget::Facebook),
        &vpn,
        r
    ));
    // Android before any user rule: unavailable.
    let android = Scenario {
        os: Os::Android,
        region: Region::Mainland,
        ..vpn
    };
    assert_eq!(
        can_link(r, SyncTarget::Twitter, &android),
        Err(LinkError::Status(SyncStatus::Unavailable))
    );
    assert!(reduce(
        &mut m,
        MomentsAction::SetWindow(Window::ThreeDays),
        &vpn,
        r
    ));
    assert!(!reduce(
        &mut m,
        MomentsAction::SetWindow(Window::ThreeDays),
        &vpn,
        r
    ));
}

#[test]
fn view_as_applies_visibility_windows_penalties_and_friendships() {
    let mut m = seed_moments(Lang::En);
    let now = at(Date::parse("2021-12-01").unwrap(), 23, 59);
    // The user sees their friends' posts as a friend does: penalised
    // posts and posts outside the posters' windows are hidden from them too.
    let mine = feed(&m, ME, now);
    assert_eq!(mine.hidden.not_friend, 0, "{:?}", mine.hidden);
    assert!(mine.hidden.penalised >= 1 && mine.hidden.outside_window >= 1);
    assert_eq!(
        mine.posts.len() as u32 + mine.hidden.total(),
        m.posts.iter().filter(|p| p.ts <= now).count() as u32
    );
    assert!(
        mine.posts.windows(2).all(|w| w[0].ts >= w[1].ts),
        "newest first"
    );
    assert!(
        mine.posts.iter().all(|p| p.ts <= now),
        "no posts from the future"
    );
    // Chen Jing's penalised Douyin post is hers alone.
    let pen = m
        .posts
        .iter()
        .find(|p| p.penalty.is_some())
        .unwrap()
        .clone();
    assert!(feed(&m, &pen.author, now)
        .posts
        .iter()
        .any(|p| p.id == pen.id));
    let lihua = feed(&m, "c-lihua", now);
    assert!(!lihua.posts.iter().any(|p| p.id == pen.id));
    assert!(lihua.hidden.penalised >= 1);
    assert!(
        lihua.hidden.not_friend >= 1,
        "Mum's posts: not Li Hua's friend"
    );
    // Wang Fang shows her friends six months; Zhang Wei three days.
    let wf = feed(&m, "c-lihua", now);
    assert!(wf.hidden.outside_window >= 1);
    // The user's window: the family sees less with three days.
    let all = feed(&m, "c-mum", now).posts.len();
    m.window = Window::ThreeDays;
    let mum = feed(&m, "c-mum", now);
    assert!(mum.posts.len() < all && mum.hidden.outside_window >= 1);
    // The user's own "Share with" and "Don't share with" posts.
    let mut share = draft("family only", "");
    share.visibility = Some(Visibility::ShareWith(Audience {
        contacts: vec![],
        tags: vec!["family".into()],
    }));
    let mut dont = draft("not for Mum", "");
    dont.visibility = Some(Visibility::DontShareWith(Audience {
        contacts: vec!["c-mum".into()],
        tags: vec![],
    }));
    assert!(publish(&mut m, share, "2021-12-01"));
    assert!(publish(&mut m, dont, "2021-12-01"));
    let sees = |who: &str, text: &str| feed(&m, who, now).posts.iter().any(|p| p.text == text);
    assert!(sees("c-mum", "family only") && !sees("c-lihua", "family only"));
    assert!(!sees("c-mum", "not for Mum") && sees("c-dad", "not for Mum"));
    assert!(feed(&m, "c-lihua", now).hidden.not_shared >= 1);
}

#[test]
fn likes_and_comments_are_seen_by_mutual_friends_only() {
    let m = seed_moments(Lang::En);
    // Li Hua's cat post of 2021-12-01 is liked by Wang Fang (a friend of
    // Li Hua's) and Sun Li and Zhao Lei (deal hunters).
    let p = m
        .posts
        .iter()
        .find(|p| p.author == "c-lihua" && p.text.contains("cat"))
        .unwrap();
    let by = |viewer: &str| -> Vec<String> { p.likes_seen_by(viewer).map(String::from).collect() };
    assert_eq!(by(ME), ["c-wangfang", "c-sunli", "c-zhaolei"]);
    assert_eq!(
        by("c-chenjing"),
        ["c-wangfang"],
        "not friends with the deal hunters"
    );
    assert_eq!(by("c-sunli"), ["c-sunli", "c-zhaolei"]);
    assert!(by("c-mum").is_empty(), "not Li Hua's friend");
    assert_eq!(p.comments_seen_by("c-chenjing").count(), 0);
    assert_eq!(p.comments_seen_by("c-zhaolei").count(), 1);
}

#[test]
fn hidden_posts_are_counted_by_reason_in_order() {
    let h = Hidden {
        outside_window: 2,
        private: 1,
        not_friend: 4,
        ..Hidden::default()
    };
    assert_eq!(h.total(), 7);
    let reasons: Vec<_> = h.reasons().collect();
    assert_eq!(
        reasons,
        [
            (2, HiddenReason::OutsideWindow),
            (1, HiddenReason::Private),
            (4, HiddenReason::NotFriend)
        ],
        "zero counts left out"
    );
    assert_eq!(Hidden::default().reasons().count(), 0);
}

#[test]
fn long_posts_fold_and_only_ones_own_view_acts() {
    assert!(folds(&"a".repeat(181)) && !folds("short"));
    assert!(acts(ME) && !acts("c-mum"));
}

#[test]
fn through_the_store_a_like_shares_the_rest_and_a_no_op_nothing() {
    use crate::state::model::Model;
    use crate::state::{apply, Action};
    let m = Rc::new(Model::new(crate::state::seed::seed()));
    let posts = &m.data.moments.posts;
    let i = posts
        .iter()
        .position(|p| !p.likes.iter().any(|l| l == ME))
        .unwrap();
    let id = posts[i].id;
    let like = |who: &str| {
        Action::Moments(MomentsAction::Like {
            post: id,
            who: who.into(),
        })
    };
    let next = apply(&m, like(ME));
    assert_eq!(next.data.rev, m.data.rev + 1);
    assert!(Rc::ptr_eq(&next.data.chats[0], &m.data.chats[0]));
    let shared = next.data.moments.posts.iter().zip(posts);
    assert!(shared
        .enumerate()
        .all(|(j, (a, b))| Rc::ptr_eq(a, b) == (j != i)));
    assert!(Rc::ptr_eq(&apply(&next, like(ME)), &next), "liked already");
    assert!(
        Rc::ptr_eq(&apply(&next, like("c-ghost")), &next),
        "a stranger"
    );
    assert!(crate::state::persist::validate(&next.data).is_ok());
}

#[test]
fn a_publish_carries_its_id_and_applying_it_again_adds_nothing() {
    let mut m = seed_moments(Lang::En);
    let sc = day("2021-12-01");
    let r = Rules::builtin();
    let action = |text: &str, id| MomentsAction::Publish {
        draft: draft(text, ""),
        ts: noon("2021-12-01"),
        id,
    };
    assert!(reduce(&mut m, action("mine", 9 << 40), &sc, r));
    assert_eq!(newest(&m).id, 9 << 40);
    assert_eq!(newest(&m).text, "mine");
    let once = m.clone();
    assert!(!reduce(&mut m, action("mine", 9 << 40), &sc, r));
    assert_eq!(m, once, "applied again: nothing changes, nothing is copied");
    assert!(m
        .posts
        .iter()
        .zip(&once.posts)
        .all(|(a, b)| Rc::ptr_eq(a, b)));
    // An id in use (a seeded post's) is refused, not doubled.
    let seeded = m.posts[0].id;
    assert!(!reduce(&mut m, action("other", seeded), &sc, r));
    assert_eq!(m, once);
    assert_eq!(free_post_id(&m), (9 << 40) + 1);
    assert_eq!(
        free_comment_id(&m.posts[0]),
        m.posts[0].comments.iter().map(|c| c.id).max().unwrap_or(0) + 1
    );
}
