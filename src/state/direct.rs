//! A contact's one-to-one chat: the profile's **Messages** opens it, and
//! creates it first when the user has none with that contact (never had
//! one, as with the demo's Dad, or deleted it), as WeChat does.

use super::chats::ChatsAction;
use super::model::{Chat, ChatKind};
use std::rc::Rc;

/// The one-to-one chat with `contact`, if there is one.
pub fn direct_with<'a>(chats: &'a [Rc<Chat>], contact: &str) -> Option<&'a Chat> {
    chats
        .iter()
        .map(|c| &**c)
        .find(|c| matches!(&c.kind, ChatKind::Direct { with } if with == contact))
}

/// Where **Messages** on `contact`'s profile goes: the id of the chat to
/// open, and the action to dispatch first when that chat must be created.
/// The caller checks that `contact` is a contact (`state::reduce` refuses
/// an unknown one too).
pub fn open_with(chats: &[Rc<Chat>], contact: &str) -> (String, Option<ChatsAction>) {
    match direct_with(chats, contact) {
        Some(c) => (c.id.clone(), None),
        None => {
            let id = new_direct_id(chats, contact);
            let create = ChatsAction::CreateDirect {
                id: id.clone(),
                with: contact.to_string(),
            };
            (id, Some(create))
        }
    }
}

/// The id of a new one-to-one chat with `contact`: `dm-<contact id>`, then
/// `-2`, `-3`… while taken. Never a seed chat's id, so that the demo
/// messages (`seed::follow_date`, by chat id) don't come back into it; and
/// the same in every tab, so that a rebase applying the creation again
/// finds it made and adds nothing.
pub fn new_direct_id(chats: &[Rc<Chat>], contact: &str) -> String {
    let base = String::from("dm-") + contact;
    let free = |id: &str| chats.iter().all(|c| c.id != id);
    if free(&base) {
        return base;
    }
    (2u32..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| free(id))
        .unwrap_or_default()
}

/// The reducer's half of [`ChatsAction::CreateDirect`]: adds an empty chat
/// `id` with `with`, unless `id` is empty or taken or a one-to-one chat
/// with `with` exists already (one per contact, as in WeChat). Whether it
/// added one.
pub(super) fn create(chats: &mut Vec<Rc<Chat>>, id: String, with: String) -> bool {
    if id.is_empty() || with.is_empty() || chats.iter().any(|c| c.id == id) {
        return false;
    }
    if direct_with(chats, &with).is_some() {
        return false;
    }
    chats.push(Rc::new(Chat {
        id,
        kind: ChatKind::Direct { with },
        messages: Vec::new(),
        unread: 0,
    }));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::model::{Model, ME};
    use crate::state::seed::seed;
    use crate::state::{apply, Action};

    #[test]
    fn an_existing_chat_is_opened_and_nothing_is_created() {
        let d = seed();
        assert_eq!(open_with(&d.chats, "c-mum"), ("mum".to_string(), None));
        assert_eq!(open_with(&d.chats, "c-lihua").0, "lihua");
    }

    #[test]
    fn a_missing_chat_is_created_once_and_then_opened() {
        let mut d = seed();
        // The demo has no one-to-one chat with Dad (only the family group).
        assert!(direct_with(&d.chats, "c-dad").is_none());
        let (id, create) = open_with(&d.chats, "c-dad");
        assert_eq!(id, "dm-c-dad");
        let create = create.expect("a chat to create");
        assert!(crate::state::chats::reduce(&mut d.chats, create.clone()));
        let chat = d.chat(&id).unwrap();
        assert_eq!(
            chat.kind,
            ChatKind::Direct {
                with: "c-dad".into()
            }
        );
        assert!(chat.messages.is_empty());
        assert_eq!(open_with(&d.chats, "c-dad"), (id, None));
        // Applying it again (a rebase) adds nothing.
        let before = d.chats.clone();
        assert!(!crate::state::chats::reduce(&mut d.chats, create));
        assert_eq!(d.chats, before);
        assert!(crate::state::persist::validate(&d).is_ok());
    }

    #[test]
    fn a_deleted_chat_is_made_again_under_a_fresh_id() {
        let mut d = seed();
        let chats = &mut d.chats;
        assert!(crate::state::chats::reduce(
            chats,
            ChatsAction::Delete("mum".into())
        ));
        let (id, create) = open_with(chats, "c-mum");
        // Not "mum": the seed's messages must not come back into it.
        assert_eq!(id, "dm-c-mum");
        assert!(crate::state::chats::reduce(chats, create.unwrap()));
        // A taken id gets a suffix; a second chat with one contact is refused.
        assert_eq!(new_direct_id(chats, "c-mum"), "dm-c-mum-2");
        let again = ChatsAction::CreateDirect {
            id: "dm-c-mum-2".into(),
            with: "c-mum".into(),
        };
        assert!(!crate::state::chats::reduce(chats, again));
    }

    #[test]
    fn only_known_contacts_get_a_chat_and_it_bumps_the_revision() {
        let m = std::rc::Rc::new(Model::new(seed()));
        for who in ["c-nobody", ME, ""] {
            let (_, create) = open_with(&m.data.chats, who);
            let next = apply(&m, Action::Chats(create.unwrap()));
            assert_eq!(next.data.chats.len(), m.data.chats.len(), "{who:?}");
            assert_eq!(next.data.rev, m.data.rev);
        }
        let (id, create) = open_with(&m.data.chats, "c-xiaoming");
        let next = apply(&m, Action::Chats(create.unwrap()));
        assert!(next.data.chat(&id).is_some());
        assert_eq!(next.data.rev, m.data.rev + 1);
    }
}
