//! The chats reducer.

use super::model::{Chat, Message, ME};

/// A change to the chats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChatsAction {
    /// The user opened the chat: nothing is unread any more.
    MarkRead(String),
    /// The user marked the chat as unread (WeChat shows a dot, here a 1).
    MarkUnread(String),
    /// The user sent `text` into the chat `chat` (e.g. by sharing a link
    /// from the link opener), at `ts` seconds (UTC+8).
    Append {
        /// The chat's id.
        chat: String,
        /// The message text, kept as typed.
        text: String,
        /// When it was sent.
        ts: i64,
    },
}

/// Applies `action`; returns whether anything changed. Unknown chat ids are
/// ignored (the chat may have been deleted in another tab).
pub fn reduce(chats: &mut [Chat], action: ChatsAction) -> bool {
    match action {
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
        ChatsAction::Append { chat, text, ts } => match chats.iter_mut().find(|c| c.id == chat) {
            Some(c) => {
                // One past the largest id, not the length: ids stay unique
                // even if messages were ever removed from the middle.
                let id = c.messages.iter().map(|m| m.id).max().map_or(1, |m| m + 1);
                // Never before the last message, so the log stays in order
                // even when the simulated day is earlier than the chat.
                let ts = ts.max(c.last_ts());
                c.messages.push(Message {
                    id,
                    from: ME.to_string(),
                    text,
                    ts,
                });
                true
            }
            None => false,
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

    #[test]
    fn unknown_chat_is_ignored() {
        let mut chats = seed().chats;
        let before = chats.clone();
        assert!(!reduce(&mut chats, ChatsAction::MarkRead("nope".into())));
        assert_eq!(chats, before);
    }

    #[test]
    fn append_adds_a_message_from_me_with_a_fresh_id() {
        let mut chats = seed().chats;
        let id = chats[1].id.clone();
        let before = chats[1].messages.len();
        let last = chats[1].last_ts();
        for text in ["https://v.douyin.com/abc/", "<b>x</b>"] {
            let action = ChatsAction::Append {
                chat: id.clone(),
                text: text.into(),
                ts: last + 60,
            };
            assert!(reduce(&mut chats, action));
        }
        let msgs = &chats[1].messages;
        assert_eq!(msgs.len(), before + 2);
        let mut ids: Vec<u64> = msgs.iter().map(|m| m.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), msgs.len(), "ids stay unique");
        let m = msgs.last().unwrap();
        assert_eq!((m.from.as_str(), m.text.as_str()), (ME, "<b>x</b>"));
        assert_eq!(m.ts, last + 60);
    }

    #[test]
    fn append_keeps_time_order_and_ignores_unknown_chats() {
        let mut chats = seed().chats;
        let id = chats[0].id.clone();
        let last = chats[0].last_ts();
        let action = ChatsAction::Append {
            chat: id,
            text: "x".into(),
            ts: 0,
        };
        assert!(reduce(&mut chats, action));
        assert_eq!(chats[0].messages.last().unwrap().ts, last);
        let before = chats.clone();
        let action = ChatsAction::Append {
            chat: "nope".into(),
            text: "x".into(),
            ts: 0,
        };
        assert!(!reduce(&mut chats, action));
        assert_eq!(chats, before);
    }
}
