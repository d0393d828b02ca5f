use super::*;
use crate::state::persist;

#[test]
fn seed_is_deterministic_and_valid() {
    let a = seed();
    assert_eq!(a, seed());
    assert!((8..=10).contains(&a.contacts.len()));
    assert!(a.chats.iter().filter(|c| !c.is_group()).count() >= 4);
    assert_eq!(a.chats.iter().filter(|c| c.is_group()).count(), 2);
    assert!(super::super::persist::validate(&a).is_ok());
}

/// The links in a text, in order.
fn links(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .filter(|w| w.starts_with("https://"))
        .collect()
}

#[test]
fn chinese_seed_has_the_same_ids_times_and_links() {
    let (en, zh) = (seed(), seed_in(Lang::Zh));
    assert_eq!((en.lang, zh.lang), (Lang::En, Lang::Zh));
    assert_eq!(en.contacts, zh.contacts);
    assert_eq!(en.chats.len(), zh.chats.len());
    let mut changed = 0;
    for (a, b) in en.chats.iter().zip(&zh.chats) {
        assert_eq!((&a.id, &a.kind, a.unread), (&b.id, &b.kind, b.unread));
        assert_eq!(a.messages.len(), b.messages.len());
        for (m, n) in a.messages.iter().zip(&b.messages) {
            assert_eq!((m.id, &m.from, m.ts), (n.id, &n.from, n.ts));
            assert_eq!(links(&m.text), links(&n.text), "{}", n.text);
            changed += usize::from(m.text != n.text);
        }
    }
    assert!(changed >= 15, "{changed} messages translated");
    assert!(super::super::persist::validate(&zh).is_ok());
    let mum = &zh.chat("mum").unwrap().messages[2].text;
    assert_eq!(mum, "周六回家吃饭吗？");
}

fn on(d: &str) -> Data {
    let mut data = seed();
    data.scenario.date = Date::parse(d).unwrap();
    follow_date(&mut data);
    data
}

/// Issue 25: a 2014 scenario has no message dated after its day, and
/// nothing that belongs to a later era.
#[test]
fn demo_chats_for_a_2014_scenario_hold_nothing_after_it() {
    let d = on("2014-01-01");
    let end = at(Date::parse("2014-01-02").unwrap(), 0, 0);
    for c in &d.chats {
        for m in &c.messages {
            assert!(m.ts < end, "{}: {} at {}", c.id, m.text, m.ts);
            assert!(
                !m.text.contains("douyin") && !m.text.contains("yangkeduo"),
                "{}",
                m.text
            );
            assert!(!m.text.contains("directly now"), "{}", m.text);
        }
    }
    let lihua = &d.chat("lihua").unwrap().messages;
    assert!(
        lihua
            .iter()
            .any(|m| m.text.contains("copy it into a browser")),
        "Taobao was blocked in 2014"
    );
    assert!(persist::validate(&d).is_ok());
    // Before Taobao stopped opening (2013-11), nobody says it does.
    let early = on("2013-06-01");
    assert!(early
        .chat("lihua")
        .unwrap()
        .messages
        .iter()
        .all(|m| !m.text.contains("copy it")));
}

#[test]
fn each_eras_message_is_there_in_its_era_only() {
    let has = |d: &Data, chat: &str, part: &str| {
        d.chat(chat)
            .unwrap()
            .messages
            .iter()
            .any(|m| m.text.contains(part))
    };
    assert!(has(&on("2019-05-01"), "chenjing", "won't open here"));
    assert!(!has(&on("2021-10-01"), "chenjing", "won't open here"));
    assert!(!has(&on("2021-11-28"), "lihua", "directly now"));
    assert!(has(&on("2021-11-29"), "lihua", "directly now"));
    assert!(!has(&on("2021-11-29"), "lihua", "copy it into a browser"));
    assert!(has(&on("2023-06-01"), "deals", "item.taobao.com"));
    // The default day gives the seed as written.
    assert_eq!(on("2021-12-01").chats, seed().chats);
}

#[test]
fn the_users_messages_keep_their_time_and_following_again_changes_nothing() {
    use crate::state::chats::ChatsAction;
    let mut m = crate::state::model::Model::new(seed());
    let set = |m: &mut crate::state::model::Model, d: &str| {
        let s = Scenario {
            date: Date::parse(d).unwrap(),
            ..m.data.scenario
        };
        crate::state::reduce(
            m,
            crate::state::Action::Scenario(crate::state::scenario::ScenarioAction::Set(s)),
        );
    };
    set(&mut m, "2018-06-01");
    let ts = at(Date::parse("2018-06-01").unwrap(), 23, 59);
    crate::state::reduce(
        &mut m,
        crate::state::Action::Chats(ChatsAction::Send {
            chat: "lihua".into(),
            from: ME.into(),
            text: "sent in 2018".into(),
            ts,
            id: 9_999_999,
        }),
    );
    set(&mut m, "2021-12-01");
    let msgs = &m.data.chat("lihua").unwrap().messages;
    let mine = msgs.iter().position(|x| x.text == "sent in 2018").unwrap();
    assert_eq!(msgs[mine].ts, ts, "its own time");
    assert!(!msgs[mine].demo);
    assert_eq!(mine, 0, "before the 2021 conversation: {msgs:?}");
    let again = m.data.clone();
    assert!(
        !follow_date(&mut m.data),
        "following the same day changes nothing"
    );
    assert_eq!(m.data, again);
    // A seed message the user deleted the chat of is not brought back.
    m.data.chats.retain(|c| c.id != "mum");
    set(&mut m, "2016-01-01");
    assert!(m.data.chat("mum").is_none());
}

/// A save from before the demo followed the date (no `demo` flag) is
/// recognised: its seed messages move, nothing is doubled.
#[test]
fn an_older_saves_seed_messages_follow_the_date_too() {
    let mut d = seed();
    for c in &mut d.chats {
        for m in &mut Rc::make_mut(c).messages {
            Rc::make_mut(m).demo = false;
        }
    }
    let count: usize = d.chats.iter().map(|c| c.messages.len()).sum();
    d.scenario.date = Date::parse("2023-06-01").unwrap();
    assert!(follow_date(&mut d));
    let after: usize = d.chats.iter().map(|c| c.messages.len()).sum();
    assert!(after <= count, "{after} > {count}: doubled");
    assert!(d.chats.iter().flat_map(|c| &c.messages).all(|m| m.demo));
}

#[test]
fn groups_are_family_and_deals() {
    let d = seed();
    assert_eq!(
        d.chat_title(d.chat("family").unwrap(), crate::lang::Lang::En),
        "Family"
    );
    assert_eq!(
        d.chat_title(d.chat("deals").unwrap(), crate::lang::Lang::En),
        "Deals & Coupons"
    );
}
