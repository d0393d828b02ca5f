//! The pure half of the chat list: which chats a search finds, and what
//! each row shows of its last message.

use super::model::{Chat, ChatKind, Data};
use crate::lang::Lang;

/// How many characters of the last message a row shows.
pub const PREVIEW_CHARS: usize = 60;

/// The avatar colour of a group (WeChat green); a one-to-one chat has its
/// contact's.
pub const GROUP_COLOR: &str = "#07c160";
/// The avatar colour of a chat whose contact is unknown.
pub const UNKNOWN_COLOR: &str = "#888";

/// The chats that match `query`, most recently active first: all of them
/// for an empty query, else those whose title in `lang` or any message
/// contains it. ASCII letters match either case; Chinese has no case, and
/// full Unicode case tables would cost bundle size for no visible gain.
pub fn search<'a>(data: &'a Data, query: &str, lang: Lang) -> Vec<&'a Chat> {
    let needle = query.trim().to_ascii_lowercase();
    let has = |text: &str| text.to_ascii_lowercase().contains(&needle);
    data.chats_by_activity()
        .into_iter()
        .filter(|c| {
            needle.is_empty()
                || has(data.chat_title(c, lang))
                || c.messages.iter().any(|m| has(&m.text))
        })
        .collect()
}

/// The row's preview of the last message (empty for an empty chat): its
/// first [`PREVIEW_CHARS`] characters, in groups after the sender's name.
pub fn preview(data: &Data, chat: &Chat, lang: Lang) -> String {
    let Some(m) = chat.messages.last() else {
        return String::new();
    };
    let short: String = m.text.chars().take(PREVIEW_CHARS).collect();
    match data.contact(&m.from) {
        Some(c) if chat.is_group() => {
            let mut s = c.name(lang).to_string();
            s.push_str(": ");
            s.push_str(&short);
            s
        }
        _ => short,
    }
}

/// The avatar colour of a chat (CSS).
pub fn avatar_color<'a>(data: &'a Data, chat: &Chat) -> &'a str {
    match &chat.kind {
        ChatKind::Direct { with } => data.contact(with).map_or(UNKNOWN_COLOR, |c| &c.color),
        ChatKind::Group { .. } => GROUP_COLOR,
    }
}

/// The letters of an avatar, as WeChat shows for people without a photo:
/// two initials for Latin names of two words or more ("Li Hua" → "LH"),
/// the first two letters of a one-word Latin name ("Mum" → "Mu", "Me" →
/// "Me": one letter each would make Mum and the user the same "M"), the
/// first character otherwise ("李华" → "李").
pub fn initials(name: &str) -> String {
    let mut words = name.split_whitespace();
    let Some(word) = words.next() else {
        return "?".to_string();
    };
    let mut letters = word.chars();
    match letters.next() {
        Some(c) if c.is_ascii_alphabetic() => {
            // ASCII case mapping: Unicode's tables would cost bundle size.
            let mut s = String::from(c.to_ascii_uppercase());
            let next = words
                .filter_map(|w| w.chars().next())
                .find(|c| c.is_alphabetic());
            match next {
                Some(c2) => s.push(c2.to_ascii_uppercase()),
                None => {
                    if let Some(c2) = letters.next().filter(|c| c.is_ascii_alphabetic()) {
                        s.push(c2.to_ascii_lowercase());
                    }
                }
            }
            s
        }
        Some(c) => c.to_string(),
        None => "?".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::chats::{reduce, ChatsAction};
    use crate::state::model::ME;
    use crate::state::seed::seed;

    fn ids(v: Vec<&Chat>) -> Vec<&str> {
        v.into_iter().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn an_empty_search_lists_every_chat_by_activity() {
        let d = seed();
        let all = ids(search(&d, "  ", Lang::En));
        assert_eq!(all, ids(d.chats_by_activity()));
        assert_eq!(all.len(), d.chats.len());
    }

    #[test]
    fn search_finds_titles_and_messages_in_either_case() {
        let d = seed();
        assert_eq!(ids(search(&d, "li hua", Lang::En))[0], "lihua");
        assert!(ids(search(&d, "LI HUA", Lang::En)).contains(&"lihua"));
        assert!(ids(search(&d, "李华", Lang::Zh)).contains(&"lihua"));
        let word = "taobao";
        let found = ids(search(&d, "TaoBao", Lang::En));
        assert!(!found.is_empty());
        for id in &found {
            let c = d.chat(id).unwrap();
            assert!(
                d.chat_title(c, Lang::En)
                    .to_ascii_lowercase()
                    .contains(word)
                    || c.messages
                        .iter()
                        .any(|m| m.text.to_ascii_lowercase().contains(word)),
                "{id}"
            );
        }
        assert!(search(&d, "no chat says this", Lang::En).is_empty());
    }

    #[test]
    fn previews_are_short_and_name_the_sender_in_groups() {
        let mut d = seed();
        let send = |d: &mut Data, chat: &str, from: &str, text: &str| {
            let action = ChatsAction::Send {
                chat: chat.into(),
                from: from.into(),
                text: text.into(),
                ts: i64::MAX / 2,
                id: text.len() as u64 + 1000,
            };
            assert!(reduce(&mut d.chats, action));
        };
        send(&mut d, "family", "c-mum", "Dinner at 7");
        let family = d.chat("family").unwrap();
        assert_eq!(preview(&d, family, Lang::En), "Mum: Dinner at 7");
        assert_eq!(preview(&d, family, Lang::Zh), "妈妈: Dinner at 7");
        send(&mut d, "family", ME, "OK");
        assert_eq!(preview(&d, d.chat("family").unwrap(), Lang::En), "OK");
        let long = "字".repeat(100);
        send(&mut d, "lihua", "c-lihua", &long);
        let p = preview(&d, d.chat("lihua").unwrap(), Lang::En);
        assert_eq!(p, "字".repeat(PREVIEW_CHARS), "no name in one-to-one chats");
    }

    #[test]
    fn an_empty_chat_has_no_preview_and_groups_are_green() {
        let mut d = seed();
        let create = ChatsAction::CreateGroup {
            id: "g1".into(),
            name: "Walk".into(),
            members: vec!["c-lihua".into(), "c-mum".into()],
        };
        assert!(reduce(&mut d.chats, create));
        let g = d.chat("g1").unwrap();
        assert_eq!(preview(&d, g, Lang::En), "");
        assert_eq!(avatar_color(&d, g), GROUP_COLOR);
        let lihua = d.chat("lihua").unwrap();
        assert_eq!(avatar_color(&d, lihua), d.contact("c-lihua").unwrap().color);
    }

    #[test]
    fn initials_tell_people_apart() {
        assert_eq!(initials("Li Hua"), "LH");
        assert_eq!(initials("Alex Chen"), "AC");
        assert_eq!(initials("Deals & Coupons"), "DC");
        assert_eq!(initials("李华"), "李");
        assert_eq!(initials("  "), "?");
        assert_eq!(initials("X"), "X");
        assert_eq!(initials("R2"), "R");
        // Mum and the user ("Me" in a chat) were both "M".
        assert_eq!(initials("Mum"), "Mu");
        assert_eq!(initials("Me"), "Me");
        assert_ne!(initials("Mum"), initials("Me"));
        assert_ne!(initials(T_ME_ZH), initials("妈妈"));
        // Every seed contact differs from the user, in both languages.
        let d = seed();
        for lang in [Lang::En, Lang::Zh] {
            let me = initials(lang.pick("Me", T_ME_ZH));
            for c in d.contacts.iter() {
                assert_ne!(initials(c.name(lang)), me, "{}", c.id);
            }
        }
    }

    /// "Me" in Chinese, as the chat names the user (`i18n` is not for `state`).
    const T_ME_ZH: &str = "我";
}
