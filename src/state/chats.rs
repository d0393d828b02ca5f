//! The chats reducer.

use super::model::Chat;

/// A change to the chats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChatsAction {
    /// The user opened the chat: nothing is unread any more.
    MarkRead(String),
    /// The user marked the chat as unread (WeChat shows a dot, here a 1).
    MarkUnread(String),
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
}
