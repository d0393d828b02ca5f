//! The chats reducer.

use super::model::{Chat, ChatKind, Message, ME};
use super::persist::MAX_MESSAGE_CHARS;

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

/// A change to the chats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChatsAction {
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
pub fn reduce(chats: &mut Vec<Chat>, action: ChatsAction) -> bool {
    match action {
        ChatsAction::Send {
            chat,
            from,
            text,
            ts,
        } => {
            let Some(c) = chats.iter_mut().find(|c| c.id == chat) else {
                return false;
            };
            if check_message(&text).is_err() || !speakers(c).contains(&from.as_str()) {
                return false;
            }
            let last = c.messages.last();
            let id = c.messages.iter().map(|m| m.id).max().unwrap_or(0) + 1;
            let ts = last.map_or(ts, |m| ts.max(m.ts));
            c.messages.push(Message { id, from, text, ts });
            true
        }
        ChatsAction::Delete(id) => {
            let before = chats.len();
            chats.retain(|c| c.id != id);
            chats.len() != before
        }
        ChatsAction::MarkRead(id) => match chats.iter_mut().find(|c| c.id == id) {
            Some(c) if c.unread != 0 => {
                c.unread = 0;
                true
            }
            _ => false,
        },
        ChatsAction::MarkUnread(id) => match chats.iter_mut().find(|c| c.id == id) {
            Some(c) if c.unread == 0 => {
                c.unread = 1;
                true
            }
            _ => false,
        },
    }
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
        ChatsAction::Send {
            chat: chat.into(),
            from: from.into(),
            text: text.into(),
            ts,
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
        assert_eq!(m.id, before.iter().map(|m| m.id).max().unwrap() + 1);
        // A time before the last message is raised to keep the order.
        assert!(reduce(&mut chats, send("family", "c-dad", "Good", 0)));
        let m = chats[4].messages.last().unwrap();
        assert_eq!(m.ts, last.ts + 60);
        assert_eq!(m.from, "c-dad");
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
