//! The chats reducer.

use super::model::{Chat, ChatKind, Message, ME};
use super::persist::MAX_MESSAGE_CHARS;
use std::rc::Rc;

/// Why a message can't be sent. The UI keeps the text either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageError {
    /// Nothing but white space.
    Empty,
    /// Longer than [`MAX_MESSAGE_CHARS`]; carries the length in characters.
    TooLong(usize),
}

/// Checks a message text before sending.
pub fn check_message(text: &str) -> Result<(), MessageError> {
    if text.trim().is_empty() {
        return Err(MessageError::Empty);
    }
    let n = text.chars().count();
    if n > MAX_MESSAGE_CHARS {
        return Err(MessageError::TooLong(n));
    }
    Ok(())
}

/// Who may speak in a chat: the user and the chat's other members.
pub fn speakers(chat: &Chat) -> Vec<&str> {
    let mut v = vec![ME];
    match &chat.kind {
        ChatKind::Direct { with } => v.push(with),
        ChatKind::Group { members, .. } => v.extend(members.iter().map(String::as_str)),
    }
    v
}

/// How many messages a chat shows at first, and the most it ever puts in
/// the page: a 10,000-message chat must open fast and keep the DOM small.
pub const WINDOW: usize = 60;
/// The most messages in the page at once.
pub const MAX_WINDOW: usize = 180;
/// How many more messages "Show earlier" / "Show later" bring.
pub const STEP: usize = 60;

/// Which messages of a chat of `len` are shown: `[lo, hi)`, where `gap` is
/// how many of the newest are scrolled past (0 = following the newest) and
/// `size` how many are shown.
pub fn window(len: usize, gap: usize, size: usize) -> (usize, usize) {
    let hi = len.saturating_sub(gap);
    let lo = hi.saturating_sub(size.min(MAX_WINDOW));
    (lo, hi)
}

/// The `(gap, size)` after "Show earlier": grow the window up to
/// [`MAX_WINDOW`], then slide it towards the oldest.
pub fn earlier(len: usize, gap: usize, size: usize) -> (usize, usize) {
    let (lo, _) = window(len, gap, size);
    let step = STEP.min(lo);
    if size + step <= MAX_WINDOW {
        (gap, size + step)
    } else {
        (gap + step, size)
    }
}

/// The `(gap, size)` after "Show later": slide towards the newest.
pub fn later(gap: usize, size: usize) -> (usize, usize) {
    (gap.saturating_sub(STEP), size)
}

/// Why a group can't be created or changed as asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupError {
    /// The name is empty or white space.
    NoName,
    /// Longer than [`MAX_GROUP_NAME`] characters.
    NameTooLong,
    /// Fewer than two other members.
    TooFewMembers,
}

/// The longest group name accepted (WeChat's own limit is similar).
pub const MAX_GROUP_NAME: usize = 30;

/// Checks a group's name and members.
pub fn check_group(name: &str, members: &[String]) -> Result<(), GroupError> {
    let name = name.trim();
    if name.is_empty() {
        Err(GroupError::NoName)
    } else if name.chars().count() > MAX_GROUP_NAME {
        Err(GroupError::NameTooLong)
    } else if members.len() < 2 {
        Err(GroupError::TooFewMembers)
    } else {
        Ok(())
    }
}

/// A fresh chat id for a new group: `g1`, `g2`, … skipping ids in use.
pub fn new_group_id(chats: &[Rc<Chat>]) -> String {
    (1u32..)
        .map(|n| {
            let mut id = String::from("g");
            id.push_str(&n.to_string());
            id
        })
        .find(|id| chats.iter().all(|c| &c.id != id))
        .unwrap_or_default()
}

/// A change to the chats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChatsAction {
    /// Creates a group with the user and `members` (contact ids, at least
    /// two; unknown or repeated ids are dropped by the caller's list).
    CreateGroup {
        /// The new chat's id (see [`new_group_id`]).
        id: String,
        /// The name, used in both languages.
        name: String,
        /// Contact ids.
        members: Vec<String>,
    },
    /// Replaces a group's members (still at least two).
    SetMembers {
        /// The group's chat id.
        chat: String,
        /// Contact ids.
        members: Vec<String>,
    },
    /// A message is sent in `chat` by `from` (the user, or a member the user
    /// speaks as to simulate receiving). Refused if the text fails
    /// [`check_message`] or `from` is not in the chat.
    Send {
        /// The chat's id.
        chat: String,
        /// [`ME`] or a member's contact id.
        from: String,
        /// The text as typed.
        text: String,
        /// When; raised if needed so that messages stay in order.
        ts: i64,
        /// The new message's id, chosen when the action is made (at random,
        /// so that two tabs never pick the same one): applying the action
        /// again, as a rebase on another tab's data does, adds nothing.
        id: u64,
    },
    /// A contact's profile opened the one-to-one chat with them, which did
    /// not exist (`state::direct::open_with` chooses the id); refused when
    /// one exists already.
    CreateDirect {
        /// The new chat's id.
        id: String,
        /// The contact's id.
        with: String,
    },
    /// The user deleted the chat (after confirming).
    Delete(String),
    /// The user opened the chat: nothing is unread any more.
    MarkRead(String),
    /// The user marked the chat as unread (WeChat shows a dot, here a 1).
    MarkUnread(String),
}

/// Applies `action`; returns whether anything changed. Unknown chat ids are
/// ignored (the chat may have been deleted in another tab).
///
/// Every refusal is decided before [`Rc::make_mut`], so that an action that
/// changes nothing copies nothing, and one that changes a chat copies that
/// chat only (its message pointers, not the messages).
pub fn reduce(chats: &mut Vec<Rc<Chat>>, action: ChatsAction) -> bool {
    let find = |chats: &[Rc<Chat>], id: &str| chats.iter().position(|c| c.id == id);
    match action {
        ChatsAction::Send {
            chat,
            from,
            text,
            ts,
            id,
        } => {
            let Some(i) = find(chats, &chat) else {
                return false;
            };
            let c = &chats[i];
            if check_message(&text).is_err()
                || !speakers(c).contains(&from.as_str())
                || c.messages.iter().any(|m| m.id == id)
            {
                return false;
            }
            let ts = c.messages.last().map_or(ts, |m| ts.max(m.ts));
            let message = Rc::new(Message {
                id,
                from,
                text,
                ts,
                demo: false,
            });
            Rc::make_mut(&mut chats[i]).messages.push(message);
            true
        }
        ChatsAction::CreateGroup { id, name, members } => {
            let members = dedup(members);
            if id.is_empty() || find(chats, &id).is_some() || check_group(&name, &members).is_err()
            {
                return false;
            }
            let name = name.trim().to_string();
            chats.push(Rc::new(Chat {
                id,
                kind: ChatKind::Group {
                    name_en: name.clone(),
                    name_zh: name,
                    members,
                },
                messages: Vec::new(),
                unread: 0,
            }));
            true
        }
        ChatsAction::SetMembers { chat, members } => {
            let members = dedup(members);
            let Some(i) = find(chats, &chat) else {
                return false;
            };
            match &chats[i].kind {
                ChatKind::Group {
                    members: current, ..
                } if members.len() >= 2 && *current != members => {}
                _ => return false,
            }
            if let ChatKind::Group { members: m, .. } = &mut Rc::make_mut(&mut chats[i]).kind {
                *m = members;
            }
            true
        }
        ChatsAction::CreateDirect { id, with } => super::direct::create(chats, id, with),
        ChatsAction::Delete(id) => {
            let before = chats.len();
            chats.retain(|c| c.id != id);
            chats.len() != before
        }
        ChatsAction::MarkRead(id) => set_unread(chats, &id, |n| (n != 0).then_some(0)),
        ChatsAction::MarkUnread(id) => set_unread(chats, &id, |n| (n == 0).then_some(1)),
    }
}

/// Sets the unread count of chat `id` to what `to` says, if it says
/// anything: reading a read chat is the commonest no-op and copies nothing.
fn set_unread(chats: &mut [Rc<Chat>], id: &str, to: impl Fn(u32) -> Option<u32>) -> bool {
    let Some(c) = chats.iter_mut().find(|c| c.id == id) else {
        return false;
    };
    match to(c.unread) {
        Some(n) => {
            Rc::make_mut(c).unread = n;
            true
        }
        None => false,
    }
}

/// Drops repeated ids, keeping the first of each, and [`ME`] (always in).
fn dedup(ids: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(ids.len());
    for id in ids {
        if id != ME && !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::seed::seed;

    #[test]
    fn mark_read_and_unread() {
        let mut chats = seed().chats;
        assert!(chats[0].unread > 0);
        let id = chats[0].id.clone();
        assert!(reduce(&mut chats, ChatsAction::MarkRead(id.clone())));
        assert_eq!(chats[0].unread, 0);
        assert!(!reduce(&mut chats, ChatsAction::MarkRead(id.clone())));
        assert!(reduce(&mut chats, ChatsAction::MarkUnread(id.clone())));
        assert_eq!(chats[0].unread, 1);
        assert!(!reduce(&mut chats, ChatsAction::MarkUnread(id)));
    }

    fn send(chat: &str, from: &str, text: &str, ts: i64) -> ChatsAction {
        send_id(chat, from, text, ts, 1000 + ts.unsigned_abs() % 1000)
    }

    fn send_id(chat: &str, from: &str, text: &str, ts: i64, id: u64) -> ChatsAction {
        ChatsAction::Send {
            chat: chat.into(),
            from: from.into(),
            text: text.into(),
            ts,
            id,
        }
    }

    #[test]
    fn sending_appends_with_a_new_id_in_order() {
        let mut chats = seed().chats;
        let before = chats[4].messages.clone();
        let last = before.last().unwrap().clone();
        assert!(reduce(
            &mut chats,
            send("family", ME, "On my way!", last.ts + 60)
        ));
        let m = chats[4].messages.last().unwrap();
        assert_eq!((m.from.as_str(), m.text.as_str()), (ME, "On my way!"));
        assert_eq!(m.id, 1000 + (last.ts + 60).unsigned_abs() % 1000);
        // A time before the last message is raised to keep the order.
        assert!(reduce(&mut chats, send("family", "c-dad", "Good", 0)));
        let m = chats[4].messages.last().unwrap();
        assert_eq!(m.ts, last.ts + 60);
        assert_eq!(m.from, "c-dad");
    }

    #[test]
    fn sending_again_with_the_same_id_adds_nothing() {
        let mut chats = seed().chats;
        assert!(reduce(&mut chats, send_id("family", ME, "hi", 1, u64::MAX)));
        let before = chats.clone();
        assert!(!reduce(
            &mut chats,
            send_id("family", ME, "hi", 1, u64::MAX)
        ));
        assert!(!reduce(
            &mut chats,
            send_id("family", ME, "other", 2, u64::MAX)
        ));
        assert_eq!(chats, before);
        // The id of a seeded message is taken too.
        let taken = chats[4].messages[0].id;
        assert!(!reduce(&mut chats, send_id("family", ME, "hi", 1, taken)));
        // Another chat may hold the same id.
        assert!(reduce(&mut chats, send_id("lihua", ME, "hi", 1, u64::MAX)));
    }

    #[test]
    fn sending_refuses_bad_messages_and_strangers() {
        let mut chats = seed().chats;
        let before = chats.clone();
        assert!(!reduce(&mut chats, send("family", ME, "  \n\t ", 1)));
        let long = "字".repeat(MAX_MESSAGE_CHARS + 1);
        assert!(!reduce(&mut chats, send("family", ME, &long, 1)));
        assert!(
            !reduce(&mut chats, send("family", "c-zhaolei", "hi", 1)),
            "not a member"
        );
        assert!(!reduce(&mut chats, send("nope", ME, "hi", 1)));
        assert_eq!(chats, before);
        let exact = "a".repeat(MAX_MESSAGE_CHARS);
        assert!(reduce(&mut chats, send("family", ME, &exact, 1)));
    }

    #[test]
    fn message_checks() {
        assert_eq!(check_message(""), Err(MessageError::Empty));
        assert_eq!(check_message(" \u{3000}\n"), Err(MessageError::Empty));
        assert_eq!(check_message("<script>alert(1)</script>"), Ok(()));
        assert_eq!(
            check_message(&"x".repeat(5_001)),
            Err(MessageError::TooLong(5_001))
        );
    }

    #[test]
    fn speakers_are_me_and_the_members() {
        let d = seed();
        assert_eq!(speakers(d.chat("lihua").unwrap()), [ME, "c-lihua"]);
        assert_eq!(
            speakers(d.chat("family").unwrap()),
            [ME, "c-mum", "c-dad", "c-xiaoming"]
        );
    }

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn create_a_group() {
        let mut chats = seed().chats;
        let id = new_group_id(&chats);
        assert_eq!(id, "g1");
        let action = ChatsAction::CreateGroup {
            id: id.clone(),
            name: "  Hiking  ".into(),
            members: ids(&["c-lihua", "c-wangfang", "c-lihua", ME]),
        };
        assert!(reduce(&mut chats, action.clone()));
        let g = chats.iter().find(|c| c.id == id).unwrap();
        assert_eq!(
            g.kind,
            ChatKind::Group {
                name_en: "Hiking".into(),
                name_zh: "Hiking".into(),
                members: ids(&["c-lihua", "c-wangfang"]),
            }
        );
        assert!(!reduce(&mut chats, action), "ids are unique");
        assert_eq!(new_group_id(&chats), "g2");
    }

    #[test]
    fn groups_need_a_name_and_two_members() {
        assert_eq!(check_group(" ", &ids(&["a", "b"])), Err(GroupError::NoName));
        assert_eq!(
            check_group(&"x".repeat(31), &ids(&["a", "b"])),
            Err(GroupError::NameTooLong)
        );
        assert_eq!(
            check_group("x", &ids(&["a"])),
            Err(GroupError::TooFewMembers)
        );
        assert_eq!(check_group("x", &ids(&["a", "b"])), Ok(()));
        let mut chats = seed().chats;
        let before = chats.clone();
        let bad = ChatsAction::CreateGroup {
            id: "g1".into(),
            name: "Pair".into(),
            members: ids(&["c-lihua", "c-lihua"]),
        };
        assert!(
            !reduce(&mut chats, bad),
            "one member after removing repeats"
        );
        assert_eq!(chats, before);
    }

    #[test]
    fn edit_members_keeps_at_least_two() {
        let mut chats = seed().chats;
        let set = |m: &[&str]| ChatsAction::SetMembers {
            chat: "family".into(),
            members: ids(m),
        };
        assert!(reduce(&mut chats, set(&["c-mum", "c-dad"])));
        assert!(!reduce(&mut chats, set(&["c-mum"])));
        assert!(!reduce(&mut chats, set(&["c-mum", "c-dad"])), "no change");
        let no_group = ChatsAction::SetMembers {
            chat: "lihua".into(),
            members: ids(&["c-mum", "c-dad"]),
        };
        assert!(!reduce(&mut chats, no_group), "not a group");
    }

    #[test]
    fn the_window_of_a_long_chat_stays_bounded() {
        let len = 10_000;
        let (mut gap, mut size) = (0, WINDOW);
        assert_eq!(window(len, gap, size), (len - WINDOW, len));
        for _ in 0..1_000 {
            (gap, size) = earlier(len, gap, size);
            let (lo, hi) = window(len, gap, size);
            assert!(hi - lo <= MAX_WINDOW);
        }
        assert_eq!(
            window(len, gap, size),
            (0, MAX_WINDOW),
            "reaches the oldest"
        );
        for _ in 0..1_000 {
            (gap, size) = later(gap, size);
        }
        assert_eq!(
            window(len, gap, size),
            (len - MAX_WINDOW, len),
            "back to the newest"
        );
        assert_eq!(
            window(10, 0, WINDOW),
            (0, 10),
            "short chats show everything"
        );
        assert_eq!(earlier(10, 0, WINDOW), (0, WINDOW), "nothing earlier");
    }

    #[test]
    fn delete_removes_only_that_chat() {
        let mut chats = seed().chats;
        assert!(reduce(&mut chats, ChatsAction::Delete("mum".into())));
        assert!(chats.iter().all(|c| c.id != "mum"));
        assert_eq!(chats.len(), seed().chats.len() - 1);
        assert!(!reduce(&mut chats, ChatsAction::Delete("mum".into())));
    }

    #[test]
    fn unknown_chat_is_ignored() {
        let mut chats = seed().chats;
        let before = chats.clone();
        assert!(!reduce(&mut chats, ChatsAction::MarkRead("nope".into())));
        assert_eq!(chats, before);
    }
}
