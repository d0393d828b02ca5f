//! Arbitrary text through the saved-data decoder: the app loads whatever is
//! in localStorage (or another tab wrote), so it must never panic, what it
//! accepts must survive being saved again, and so must what the user then
//! does with it (send, report, create a group).
#![no_main]

use libfuzzer_sys::fuzz_target;
use walled_garden::lang::Lang;
use walled_garden::state::chats::{new_group_id, ChatsAction};
use walled_garden::state::links::LinksAction;
use walled_garden::state::model::{Data, LinkMode, Model, ME};
use walled_garden::state::persist::{decode, encode, load, newer, validate, Loaded};
use walled_garden::state::seed::seed;
use walled_garden::state::time::{full_label, label};
use walled_garden::state::{reduce, Action};

/// The seed data, built once: `seed()` costs far more than a decode
/// (`Date::add_days` walks the years), and `load` only returns it when
/// `decode` failed, so the target calls `load` on accepted texts only.
fn ours() -> &'static Data {
    // Data shares its chats through `Rc`, so it can't sit in a `static`:
    // one leaked copy per thread (the fuzzer runs one).
    thread_local! {
        static SEED: &'static Data = Box::leak(Box::new(seed()));
    }
    SEED.with(|s| *s)
}

/// What the user may do right after loading; every action keeps the data
/// loadable.
fn act(d: &Data) -> Data {
    let mut m = Model::new(d.clone());
    let link = "https://m.tb.cn/h.abc";
    for chat in d.chats.iter().take(3).map(|c| c.id.clone()) {
        let send = ChatsAction::Send {
            chat: chat.clone(),
            from: ME.to_string(),
            text: link.to_string(),
            ts: 1_638_300_000,
            id: 1 << 40,
        };
        reduce(&mut m, Action::Chats(send));
        let report = LinksAction::Report {
            link: link.to_string(),
            platform: "taobao".to_string(),
            chat,
            date: m.today(),
        };
        reduce(&mut m, Action::Links(report));
    }
    let members: Vec<String> = d.contacts.iter().take(2).map(|c| c.id.clone()).collect();
    let group = ChatsAction::CreateGroup {
        id: new_group_id(&m.data.chats),
        name: "Fuzz".to_string(),
        members,
    };
    reduce(&mut m, Action::Chats(group));
    let fold = LinksAction::SetMode {
        platform: "taobao".to_string(),
        mode: LinkMode::Fold,
    };
    reduce(&mut m, Action::Links(fold));
    assert!(m.data.rev >= d.rev);
    m.data
}

/// What the chat list and a chat show of loaded data (the pure parts).
fn show(d: &Data) {
    let today = d.scenario.date;
    for lang in [Lang::En, Lang::Zh] {
        let _ = d.contacts_by_name(lang);
        for c in d.chats_by_activity() {
            let _ = (d.chat_title(c, lang), c.last_ts());
        }
    }
    // A few messages only: each label walks the calendar.
    for m in d.chats.iter().flat_map(|c| c.messages.iter()).take(8) {
        let short = label(m.ts, today, d.lang);
        let full = full_label(m.ts, today, d.lang);
        assert!(
            full.ends_with(|c: char| c.is_ascii_digit()),
            "{short} / {full}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match decode(&text) {
        Ok(d) => {
            assert!(validate(&d).is_ok());
            assert_eq!(load(Some(&text)), Loaded::Restored(d.clone()));
            let saved = encode(&d);
            assert_eq!(decode(&saved).as_ref(), Ok(&d), "{saved}");
            // Saving is deterministic: a second round trip writes the same text.
            assert_eq!(encode(&decode(&saved).unwrap()), saved);
            let ours = ours();
            let adopted = newer(ours, &text);
            assert_eq!(adopted.is_some(), d.rev > ours.rev && d != *ours);
            show(&d);
            let after = act(&d);
            let saved = encode(&after);
            assert_eq!(decode(&saved), Ok(after), "after acting: {saved}");
        }
        Err(reason) => {
            assert!(!reason.to_string().is_empty());
            assert_eq!(newer(ours(), &text), None);
        }
    }
});
