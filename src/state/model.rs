//! The app's data model: what is persisted, and the in-memory notices.

use crate::json::{Error, FromJson, Node, ToJson};
use crate::lang::Lang;
use crate::policy::scenario::{Date, Scenario};
use std::rc::Rc;

/// The id of the user themself in `Message::from` and group member lists.
pub const ME: &str = "me";

/// A person the user knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// Stable id (`c-…`), used in routes and references.
    pub id: String,
    /// Name shown in English.
    pub name_en: String,
    /// Name shown in Chinese.
    pub name_zh: String,
    /// Avatar background colour (CSS hex), so avatars need no images.
    pub color: String,
    /// The contact's WeChat ID, shown on their card.
    pub wechat_id: String,
}

impl Contact {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_en, &self.name_zh)
    }
}

/// One-to-one or group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChatKind {
    /// A one-to-one chat with one contact.
    Direct {
        /// The other person.
        with: String,
    },
    /// A group chat.
    Group {
        /// Group name in English.
        name_en: String,
        /// Group name in Chinese.
        name_zh: String,
        /// Member contact ids, not counting the user.
        members: Vec<String>,
    },
}

/// One message in a chat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Unique within its chat; stable list key.
    pub id: u64,
    /// Sender contact id, or [`ME`].
    pub from: String,
    /// The text as typed; always rendered as text, never as HTML.
    pub text: String,
    /// When it was sent, in seconds since 1970-01-01 UTC+8 (China time,
    /// so that displayed clock times need no time-zone logic).
    pub ts: i64,
    /// One of the demo conversation's messages (`state::seed`): placed
    /// relative to the scenario's day, and there only in its era. What the
    /// user sends is not, and keeps its own time.
    pub demo: bool,
}

/// A conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chat {
    /// Stable id, used in `#/chats/<id>`.
    pub id: String,
    /// One-to-one or group, with its members.
    pub kind: ChatKind,
    /// Oldest first. Each behind its own `Rc`, so that a changed chat
    /// copies pointers, never the texts of its 10,000 messages.
    pub messages: Vec<Rc<Message>>,
    /// Messages the user has not seen yet.
    pub unread: u32,
}

impl Chat {
    /// When the chat was last active (its newest message), for sorting.
    pub fn last_ts(&self) -> i64 {
        self.messages.last().map_or(0, |m| m.ts)
    }

    /// Whether this is a group chat.
    pub fn is_group(&self) -> bool {
        matches!(self.kind, ChatKind::Group { .. })
    }
}

/// Everything that is saved in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Data {
    /// Schema version, see `persist::CURRENT_VERSION`.
    pub version: u32,
    /// Grows by one on every change, so that two tabs can tell whose data is
    /// newer.
    pub rev: u64,
    /// The simulated moment and place.
    pub scenario: Scenario,
    /// UI language.
    pub lang: Lang,
    /// Known people; no action changes them, so every model shares one list.
    pub contacts: Rc<Vec<Contact>>,
    /// Conversations, each behind its own `Rc`: an action copies the chat it
    /// changes and shares the others with the model before it.
    pub chats: Vec<Rc<Chat>>,
    /// "Manage links" choices per platform for group chats (an extension:
    /// WeChat promised the feature on 2021-11-29 but never shipped it).
    pub link_prefs: Vec<LinkPref>,
    /// Links the user reported, oldest first.
    pub reports: Vec<Report>,
    /// Appids of the mini programs the user opened, most recent first (see
    /// `state::mini`).
    pub recent_mini: Vec<String>,
    /// The rules file the user applied in the rules editor, `None` for the
    /// built-in rules (see `state::rules`).
    pub custom_rules: Option<crate::state::rules::CustomRules>,
    /// Moments: posts, the window setting, linked accounts (`state::moments`).
    pub moments: crate::state::moments::Moments,
    /// The current account's Douyin profile for Connection.
    pub douyin: crate::state::connection::Douyin,
    /// The current account: the contacts, chats, link settings, reports,
    /// recent mini programs, Moments and Douyin profile above are its own.
    pub account: Rc<crate::state::accounts::Account>,
    /// The other accounts with their own data (`state::accounts`); the
    /// scenario, language and rules are the phone's, shared by all.
    pub others: Vec<Rc<crate::state::accounts::Stashed>>,
}

/// What the user wants done with a platform's links in group chats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LinkMode {
    /// As the rules say (the default).
    #[default]
    Show,
    /// Always folded, expandable on tap.
    Fold,
    /// Not shown; a note says a link was hidden.
    Hide,
}

impl LinkMode {
    /// The stored value.
    pub const fn as_str(self) -> &'static str {
        match self {
            LinkMode::Show => "show",
            LinkMode::Fold => "fold",
            LinkMode::Hide => "hide",
        }
    }
    /// Parses the stored value.
    pub fn parse(s: &str) -> Option<LinkMode> {
        match s {
            "show" => Some(LinkMode::Show),
            "fold" => Some(LinkMode::Fold),
            "hide" => Some(LinkMode::Hide),
            _ => None,
        }
    }
}

crate::json_str_enum!(LinkMode, ["show", "fold", "hide"]);

/// One platform's choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkPref {
    /// Platform id from the rules.
    pub platform: String,
    /// The choice.
    pub mode: LinkMode,
}

/// A link the user reported through "Report this link" (the complaint
/// channel WeChat promised on 2021-11-29; here an extension).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Unique, growing.
    pub id: u64,
    /// The link as written.
    pub link: String,
    /// Its platform id, or `none`.
    pub platform: String,
    /// The chat it was reported from.
    pub chat: String,
    /// The simulated day of the report.
    pub date: Date,
}

crate::json_struct!(LinkPref { platform, mode });
crate::json_struct!(Report {
    id,
    link,
    platform,
    chat,
    date
});

impl Data {
    /// The group-chat link mode for `platform`.
    pub fn link_mode(&self, platform: &str) -> LinkMode {
        crate::state::links::mode_in(&self.link_prefs, platform)
    }

    /// Looks up a contact by id.
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// Looks up a chat by id.
    pub fn chat(&self, id: &str) -> Option<&Chat> {
        self.chats.iter().find(|c| c.id == id).map(|c| &**c)
    }

    /// The title of a chat in `lang`: the group name or the other person.
    pub fn chat_title<'a>(&'a self, chat: &'a Chat, lang: Lang) -> &'a str {
        match &chat.kind {
            ChatKind::Direct { with } => self.contact(with).map_or(with.as_str(), |c| c.name(lang)),
            ChatKind::Group {
                name_en, name_zh, ..
            } => lang.pick(name_en, name_zh),
        }
    }

    /// Chats, most recently active first (ties by id, so the order is stable).
    pub fn chats_by_activity(&self) -> Vec<&Chat> {
        let mut v: Vec<&Chat> = self.chats.iter().map(|c| &**c).collect();
        crate::sort::sort_by(&mut v, &|a, b| {
            b.last_ts().cmp(&a.last_ts()).then_with(|| a.id.cmp(&b.id))
        });
        v
    }

    /// Contacts by name in `lang` (ties by id, so the order is stable).
    pub fn contacts_by_name(&self, lang: Lang) -> Vec<&Contact> {
        let mut v: Vec<&Contact> = self.contacts.iter().collect();
        crate::sort::sort_by(&mut v, &|a, b| {
            a.name(lang).cmp(b.name(lang)).then_with(|| a.id.cmp(&b.id))
        });
        v
    }
}

crate::json_struct!(Contact {
    id,
    name_en,
    name_zh,
    color,
    wechat_id
});
// By hand, for `demo`: written only when set, and absent in older saves.
impl ToJson for Message {
    fn to_json(&self, out: &mut String) {
        out.push('{');
        crate::json::key(out, true, "id");
        self.id.to_json(out);
        crate::json::key(out, false, "from");
        self.from.to_json(out);
        crate::json::key(out, false, "text");
        self.text.to_json(out);
        crate::json::key(out, false, "ts");
        self.ts.to_json(out);
        if self.demo {
            crate::json::key(out, false, "demo");
            true.to_json(out);
        }
        out.push('}');
    }
}

impl FromJson for Message {
    fn from_json(n: &Node) -> Result<Self, Error> {
        n.field("id")?;
        Ok(Message {
            id: n.read("id")?,
            from: n.read("from")?,
            text: n.read("text")?,
            ts: n.read("ts")?,
            demo: n.read::<Option<bool>>("demo")?.unwrap_or(false),
        })
    }
}
crate::json_struct!(Chat {
    id,
    kind,
    messages,
    unread
});
crate::json_struct!(Data {
    version,
    rev,
    scenario,
    lang,
    contacts,
    chats,
    link_prefs,
    reports,
    recent_mini,
    custom_rules,
    moments,
    douyin,
    account,
    others
});

/// Shared values are written as the value itself: `Rc` changes nothing in
/// the saved format.
impl<T: ToJson> ToJson for Rc<T> {
    fn to_json(&self, out: &mut String) {
        (**self).to_json(out);
    }
}

impl<T: FromJson> FromJson for Rc<T> {
    fn from_json(n: &Node) -> Result<Self, Error> {
        T::from_json(n).map(Rc::new)
    }
}

/// Written as `{"direct":{"with":…}}` or `{"group":{…}}`.
impl ToJson for ChatKind {
    fn to_json(&self, out: &mut String) {
        match self {
            ChatKind::Direct { with } => {
                out.push_str("{\"direct\":{\"with\":");
                with.to_json(out);
                out.push_str("}}");
            }
            ChatKind::Group {
                name_en,
                name_zh,
                members,
            } => {
                out.push_str("{\"group\":{\"name_en\":");
                name_en.to_json(out);
                out.push_str(",\"name_zh\":");
                name_zh.to_json(out);
                out.push_str(",\"members\":");
                members.to_json(out);
                out.push_str("}}");
            }
        }
    }
}

impl FromJson for ChatKind {
    fn from_json(n: &Node) -> Result<Self, Error> {
        if n.has("direct") {
            let d = n.field("direct")?;
            Ok(ChatKind::Direct {
                with: d.read("with").map_err(|e| e.within("direct"))?,
            })
        } else if n.has("group") {
            let g = n.field("group")?;
            let within = |e: Error| e.within("group");
            Ok(ChatKind::Group {
                name_en: g.read("name_en").map_err(within)?,
                name_zh: g.read("name_zh").map_err(within)?,
                members: g.read("members").map_err(within)?,
            })
        } else {
            Err(Error::new(
                n.at,
                crate::json::ErrorKind::ExpectedObjectWith(&["direct", "group"]),
            ))
        }
    }
}

/// Something the app tells the user once, until dismissed. Not persisted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// An address parameter had a bad value and was ignored.
    BadParam {
        /// Parameter name, e.g. `date`.
        name: String,
        /// The value as given.
        value: String,
    },
    /// Stored data could not be used; the raw text is under `backup_key`.
    StorageRecovered {
        /// The localStorage key holding the unreadable text.
        backup_key: String,
        /// Why it could not be used, rendered in the user's language.
        reason: crate::state::persist::PersistError,
    },
    /// Writing to storage failed; the state lives on in memory.
    WriteFailed,
    /// Another tab saved newer data, which this tab adopted.
    Synced,
    /// The reader left a guided story; its last step's scenario is kept.
    StoryLeft,
    /// An action of this tab no longer applied to another tab's newer data.
    Dropped(crate::state::sync_tabs::Dropped),
    /// All data was replaced by an imported file; what was there before is
    /// kept under `backup_key`.
    Imported {
        /// The localStorage key holding the data from before the import.
        backup_key: String,
    },
}

/// A notice with its id (for dismissing and as a list key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Unique for the page's lifetime.
    pub id: u32,
    /// What happened.
    pub kind: NoticeKind,
}

/// The whole app state: saved data plus what only lives in this page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Model {
    /// Saved data.
    pub data: Data,
    /// Notices shown in the banner area, oldest first.
    pub notices: Vec<Notice>,
    /// Next notice id.
    pub next_notice: u32,
    /// The actions applied since the last save (`state::sync_tabs`).
    pub pending: crate::state::sync_tabs::Pending,
    /// The revision of the stored data this model builds on: the last one
    /// saved or taken from another tab.
    pub base_rev: u64,
}

impl Model {
    /// A model holding `data` and no notices.
    pub fn new(data: Data) -> Model {
        Model {
            base_rev: data.rev,
            data,
            notices: Vec::new(),
            next_notice: 1,
            pending: Default::default(),
        }
    }

    /// Today in the simulation.
    pub fn today(&self) -> Date {
        self.data.scenario.date
    }
}
