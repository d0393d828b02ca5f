//! Reading and writing the saved data: parse, migrate, validate.
//!
//! Pure functions over text, so that recovery from every kind of damaged data
//! is tested natively; the browser side (`ui::storage`) only moves the text
//! in and out of localStorage.

use super::model::{Chat, ChatKind, Contact, Data, LinkPref, Report, ME};
use super::moments::{seed_moments, Moments, Post, MAX_COMMENT_CHARS, MAX_POST_CHARS, PICTURES};
use super::seed::seed;
use crate::json::{FromJson, ToJson};
use crate::lang::Lang;
use crate::policy::scenario::Scenario;

/// The localStorage key of the saved data.
pub const STORAGE_KEY: &str = "walled-garden";
/// Where unreadable saved text is kept, so that nothing is ever lost.
pub const BACKUP_KEY: &str = "walled-garden.backup";
/// The schema version this build writes.
pub const CURRENT_VERSION: u32 = 1;
/// The longest message text that is accepted (longer ones are refused in the UI).
pub const MAX_MESSAGE_CHARS: usize = 5_000;

/// Why saved data was not used. Rendered in the user's language by the
/// string table (the English text is its `Display`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PersistError {
    /// Not JSON, or not the saved layout (a field of the wrong type…).
    Unreadable {
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        column: usize,
        /// What is wrong there.
        error: crate::json::Error,
    },
    /// Saved by a newer version of the app, whose layout this one can't know.
    NewerVersion,
    /// The scenario is missing.
    MissingScenario,
    /// After migration the version is not [`CURRENT_VERSION`].
    UnexpectedVersion,
    /// A contact id that is empty, reserved or repeated.
    BadContactId,
    /// A chat id that is empty or repeated.
    BadChatId,
    /// A one-to-one chat with someone who is not a contact.
    UnknownContact,
    /// A group with fewer than two members or one who is not a contact.
    BadGroupMembers,
    /// Two messages of a chat with the same id.
    DuplicateMessageId,
    /// A message from someone who is neither the user nor a contact.
    UnknownSender,
    /// A message longer than [`MAX_MESSAGE_CHARS`].
    MessageTooLong,
    /// Two accounts with the same id or phone number, or a name that is
    /// empty or too long.
    BadAccount,
    /// A Moments post with a repeated id, an unknown author, liker or
    /// commenter, an unknown picture, or text over the limits.
    BadPost,
}

/// What loading found.
#[derive(Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing was saved: a first visit.
    Fresh(Data),
    /// Saved data, read (and migrated if it was older).
    Restored(Data),
    /// Saved data that could not be used; the seed is used instead and the
    /// caller must keep the raw text under [`BACKUP_KEY`].
    Recovered {
        /// The seed data to start with.
        data: Data,
        /// Why the saved data was not used.
        reason: PersistError,
    },
}

impl Loaded {
    /// The data to start with, whatever happened.
    pub fn data(&self) -> &Data {
        match self {
            Loaded::Fresh(d) | Loaded::Restored(d) | Loaded::Recovered { data: d, .. } => d,
        }
    }
}

/// Turns the saved text (if any) into the data to start with.
pub fn load(raw: Option<&str>) -> Loaded {
    let Some(raw) = raw else {
        return Loaded::Fresh(seed());
    };
    match decode(raw) {
        Ok(data) => Loaded::Restored(data),
        Err(reason) => Loaded::Recovered {
            data: seed(),
            reason,
        },
    }
}

/// Parses, migrates and validates saved text.
pub fn decode(raw: &str) -> Result<Data, PersistError> {
    let stored = Stored::from_json_str(raw).map_err(|error| {
        let (line, column) = error.line_col(raw);
        PersistError::Unreadable {
            line,
            column,
            error,
        }
    })?;
    let data = migrate(stored)?;
    validate(&data)?;
    Ok(data)
}

/// The text to save.
pub fn encode(data: &Data) -> String {
    data.to_json_string()
}

/// Saved data of any known version, with every field that a version may
/// lack optional.
pub struct Stored {
    version: Option<u32>,
    rev: Option<u64>,
    lang: Option<Lang>,
    scenario: Option<Scenario>,
    /// Version 0's name for the scenario.
    world: Option<Scenario>,
    contacts: std::rc::Rc<Vec<Contact>>,
    chats: Vec<std::rc::Rc<Chat>>,
    /// Added without a version bump: absent in older saves means none.
    link_prefs: Option<Vec<LinkPref>>,
    /// Likewise.
    reports: Option<Vec<Report>>,
    /// Likewise (recently used mini programs).
    recent_mini: Option<Vec<String>>,
    /// Likewise (the rules editor's applied file).
    custom_rules: Option<crate::state::rules::CustomRules>,
    /// Moments, added without a version bump: absent in saves of releases
    /// before Moments, which get the demo feed.
    moments: Option<Moments>,
    /// Added with accounts, without a version bump: a save without them
    /// becomes the demo account, unchanged.
    douyin: Option<crate::state::connection::Douyin>,
    /// Likewise.
    account: Option<std::rc::Rc<crate::state::accounts::Account>>,
    /// Likewise.
    others: Option<Vec<std::rc::Rc<crate::state::accounts::Stashed>>>,
}

crate::json_struct!(Stored {
    version,
    rev,
    lang,
    scenario,
    world,
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

/// Brings older layouts up to [`CURRENT_VERSION`].
///
/// Version 0 is the unversioned layout of the first preview builds: it had no
/// `version`, `rev` or `lang` field and called the scenario `world`.
pub fn migrate(s: Stored) -> Result<Data, PersistError> {
    let version = s.version.unwrap_or(0);
    if version > CURRENT_VERSION {
        return Err(PersistError::NewerVersion);
    }
    let scenario = match (version, s.scenario, s.world) {
        (_, Some(sc), _) => sc,
        (0, None, Some(w)) => w,
        _ => return Err(PersistError::MissingScenario),
    };
    let lang = s.lang.unwrap_or_default();
    Ok(Data {
        version: CURRENT_VERSION,
        rev: s.rev.unwrap_or(0),
        lang,
        contacts: s.contacts,
        chats: s.chats,
        link_prefs: s.link_prefs.unwrap_or_default(),
        reports: s.reports.unwrap_or_default(),
        recent_mini: s.recent_mini.unwrap_or_default(),
        custom_rules: s.custom_rules,
        moments: s.moments.unwrap_or_else(|| seed_moments(lang)),
        douyin: s.douyin.unwrap_or_default(),
        // The region its single switch held decided the sync rules of a
        // save from before accounts: the demo account keeps it.
        account: s.account.unwrap_or_else(|| {
            std::rc::Rc::new(crate::state::accounts::demo_account(scenario.region))
        }),
        others: s.others.unwrap_or_default(),
        scenario,
    })
}

/// Whether `items` has a repeated element. Sorted with the app's one sort
/// rather than hashed: each `HashSet` type would add its own code to the
/// bundle.
fn has_duplicates<T: Ord>(mut items: Vec<T>) -> bool {
    crate::sort::sort_by(&mut items, &|a, b| a.cmp(b));
    items.windows(2).any(|w| w[0] == w[1])
}

/// Checks what the types cannot: references and limits, in every account.
pub fn validate(data: &Data) -> Result<(), PersistError> {
    if data.version != CURRENT_VERSION {
        return Err(PersistError::UnexpectedVersion);
    }
    let accounts = crate::state::accounts::accounts(data);
    let ids = accounts.iter().map(|a| a.id.as_str()).collect();
    let phones = accounts
        .iter()
        .map(|a| (a.country.as_str(), a.phone.as_str()))
        .collect();
    let bad_name = accounts.iter().any(|a| {
        a.name_en.trim().is_empty()
            || a.name_en.chars().count() > crate::state::accounts::MAX_NAME_CHARS
    });
    if has_duplicates(ids) || has_duplicates(phones) || bad_name {
        return Err(PersistError::BadAccount);
    }
    validate_space(&data.contacts, &data.chats, &data.moments)?;
    for s in &data.others {
        validate_space(&s.space.contacts, &s.space.chats, &s.space.moments)?;
    }
    Ok(())
}

/// Checks one account's contacts, chats and Moments.
fn validate_space(
    contacts: &[Contact],
    chats: &[std::rc::Rc<Chat>],
    moments: &Moments,
) -> Result<(), PersistError> {
    let contact_ids: Vec<&str> = contacts.iter().map(|c| c.id.as_str()).collect();
    if contact_ids.iter().any(|id| id.is_empty() || *id == ME)
        || has_duplicates(contact_ids.clone())
    {
        return Err(PersistError::BadContactId);
    }
    let is_contact = |id: &str| contact_ids.contains(&id);
    let known = |id: &str| id == ME || is_contact(id);
    let chat_ids: Vec<&str> = chats.iter().map(|c| c.id.as_str()).collect();
    if chat_ids.iter().any(|id| id.is_empty()) || has_duplicates(chat_ids) {
        return Err(PersistError::BadChatId);
    }
    for chat in chats {
        match &chat.kind {
            ChatKind::Direct { with } if !is_contact(with) => {
                return Err(PersistError::UnknownContact);
            }
            ChatKind::Group { members, .. }
                if members.len() < 2 || !members.iter().all(|m| is_contact(m)) =>
            {
                return Err(PersistError::BadGroupMembers);
            }
            _ => {}
        }
        if has_duplicates(chat.messages.iter().map(|m| m.id).collect()) {
            return Err(PersistError::DuplicateMessageId);
        }
        for m in &chat.messages {
            if !known(&m.from) {
                return Err(PersistError::UnknownSender);
            }
            if m.text.chars().count() > MAX_MESSAGE_CHARS {
                return Err(PersistError::MessageTooLong);
            }
        }
    }
    let posts = &moments.posts;
    let bad_post = |p: &Post| {
        !known(&p.author)
            || p.text.chars().count() > MAX_POST_CHARS
            || p.pictures.iter().any(|&i| usize::from(i) >= PICTURES.len())
            || !p.likes.iter().all(|l| known(l))
            || has_duplicates(p.likes.iter().collect())
            || has_duplicates(p.comments.iter().map(|c| c.id).collect())
            || p.comments.iter().any(|c| {
                !known(&c.from)
                    || c.text.chars().count() > MAX_COMMENT_CHARS
                    || c.reply_to.as_deref().is_some_and(|r| !known(r))
            })
    };
    if has_duplicates(posts.iter().map(|p| p.id).collect()) || posts.iter().any(|p| bad_post(p)) {
        return Err(PersistError::BadPost);
    }
    Ok(())
}

/// Decides what to do with data another tab saved: adopt it only when it is
/// newer than ours and differs (so two tabs never ping-pong).
pub fn newer(ours: &Data, theirs: &str) -> Option<Data> {
    let data = decode(theirs).ok()?;
    (data.rev > ours.rev && &data != ours).then_some(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first message of the first chat, to spoil.
    fn first_message(d: &mut Data) -> &mut crate::state::model::Message {
        let chat = std::rc::Rc::make_mut(&mut d.chats[0]);
        std::rc::Rc::make_mut(&mut chat.messages[0])
    }

    #[test]
    fn nothing_saved_is_fresh_seed() {
        assert_eq!(load(None), Loaded::Fresh(seed()));
    }

    #[test]
    fn round_trip() {
        let mut d = seed();
        d.rev = 7;
        d.lang = crate::lang::Lang::Zh;
        assert_eq!(load(Some(&encode(&d))), Loaded::Restored(d));
    }

    #[test]
    fn hostile_text_round_trips() {
        let mut d = seed();
        let nasty =
            "\"quotes\" \\back\\slash\n\ttab </script><b>x</b> \u{0} \u{1f} 😂 微信 \u{2028}";
        first_message(&mut d).text = nasty.to_string();
        std::rc::Rc::make_mut(&mut d.contacts)[0].name_zh = "\\u0041".to_string();
        let back = decode(&encode(&d)).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn corrupted_text_recovers_with_seed() {
        for bad in [
            "",
            "{",
            "null",
            "[]",
            "42",
            "\"x\"",
            "{\"version\":\"one\"}",
            "{}",
        ] {
            match load(Some(bad)) {
                Loaded::Recovered { data, reason } => {
                    assert_eq!(data, seed(), "{bad}");
                    assert!(!reason.to_string().is_empty());
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
    }

    #[test]
    fn newer_version_is_not_trusted() {
        let text = encode(&seed()).replacen("\"version\":1", "\"version\":99", 1);
        assert!(matches!(
            load(Some(&text)),
            Loaded::Recovered {
                reason: PersistError::NewerVersion,
                ..
            }
        ));
    }

    #[test]
    fn invalid_references_are_refused() {
        let mut d = seed();
        first_message(&mut d).from = "c-nobody".into();
        assert!(matches!(
            load(Some(&encode(&d))),
            Loaded::Recovered {
                reason: PersistError::UnknownSender,
                ..
            }
        ));

        let mut d = seed();
        let dup = d.chats[0].clone();
        d.chats.push(dup);
        assert_eq!(validate(&d), Err(PersistError::BadChatId));

        let mut d = seed();
        first_message(&mut d).text = "x".repeat(MAX_MESSAGE_CHARS + 1);
        assert_eq!(validate(&d), Err(PersistError::MessageTooLong));

        let mut d = seed();
        if let ChatKind::Group { members, .. } = &mut std::rc::Rc::make_mut(&mut d.chats[4]).kind {
            members.truncate(1);
        }
        assert_eq!(validate(&d), Err(PersistError::BadGroupMembers));
    }

    #[test]
    fn bad_field_values_are_refused() {
        let good = encode(&seed());
        assert!(good.contains("\"2021-12-01\""));
        let bad_date = good.replacen("\"2021-12-01\"", "\"2021-13-45\"", 1);
        assert!(decode(&bad_date).is_err());
        let bad_region = good.replacen("\"mainland\"", "\"mars\"", 1);
        assert!(decode(&bad_region).is_err());
        let bad_type = good.replacen("\"rev\":0", "\"rev\":\"zero\"", 1);
        assert!(decode(&bad_type).is_err());
    }

    #[test]
    fn saves_without_link_settings_still_load() {
        let mut d = seed();
        d.reports.clear();
        let text = encode(&d).replacen(",\"link_prefs\":[],\"reports\":[]", "", 1);
        assert!(!text.contains("link_prefs"), "{text}");
        assert_eq!(decode(&text).unwrap(), d);
    }

    #[test]
    fn saves_without_recent_mini_programs_still_load() {
        // What the release before the field wrote: the same text without it.
        let text = encode(&seed()).replacen(",\"recent_mini\":[]", "", 1);
        assert!(!text.contains("recent_mini"), "{text}");
        assert_eq!(decode(&text).unwrap(), seed());
        let mut d = seed();
        d.recent_mini = vec!["wx2f95a3b8c7e06d14".into()];
        assert_eq!(decode(&encode(&d)).unwrap(), d);
    }

    #[test]
    fn saves_from_before_moments_load_unchanged_with_the_demo_feed() {
        // What the release before Moments wrote: the same text without it.
        let text = encode(&seed());
        let cut = text.find(",\"moments\":").unwrap();
        let old = text[..cut].to_string() + "}";
        assert!(
            !old.contains("moments") && !old.contains("\"posts\""),
            "{old}"
        );
        let back = decode(&old).unwrap();
        assert_eq!(back, seed());
        // Moments round-trip: a like, a comment, the window, a linked account.
        let mut d = seed();
        let post = std::rc::Rc::make_mut(&mut d.moments.posts[2]);
        post.likes.push(ME.into());
        post.visibility = crate::policy::moments::Visibility::DontShareWith(Default::default());
        d.moments.window = crate::policy::moments::Window::SixMonths;
        d.moments.linked = vec![crate::policy::sync::SyncTarget::Qq];
        assert_eq!(decode(&encode(&d)).unwrap(), d);
        // A post by a stranger, or with an unknown picture, is refused.
        let mut bad = seed();
        std::rc::Rc::make_mut(&mut bad.moments.posts[0]).author = "c-ghost".into();
        assert_eq!(validate(&bad), Err(PersistError::BadPost));
        let mut bad = seed();
        std::rc::Rc::make_mut(&mut bad.moments.posts[0])
            .pictures
            .push(200);
        assert_eq!(validate(&bad), Err(PersistError::BadPost));
        let bad_kind = encode(&seed()).replacen("\"kind\":\"public\"", "\"kind\":\"friends\"", 1);
        assert!(decode(&bad_kind).is_err());
    }

    #[test]
    fn migrates_version_0() {
        let v1 = encode(&seed());
        let v0 = v1
            .replacen("\"version\":1,", "", 1)
            .replacen("\"rev\":0,", "", 1)
            .replacen("\"lang\":\"en\",", "", 1)
            .replacen("\"scenario\":", "\"world\":", 1);
        assert!(!v0.contains("version") && v0.contains("world"), "{v0}");
        assert_eq!(decode(&v0).unwrap(), seed());
    }

    #[test]
    fn errors_say_where() {
        let err = decode("{\n  \"version\": 1,\n  \"chats\": [oops").unwrap_err();
        assert!(
            matches!(
                err,
                PersistError::Unreadable {
                    line: 3,
                    column: 13,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().starts_with("line 3, column 13:"), "{err}");
    }

    #[test]
    fn adopts_only_newer_data_from_other_tabs() {
        let ours = seed();
        let mut theirs = seed();
        theirs.rev = 3;
        theirs.lang = crate::lang::Lang::Zh;
        assert_eq!(newer(&ours, &encode(&theirs)), Some(theirs.clone()));
        assert_eq!(newer(&theirs, &encode(&ours)), None);
        assert_eq!(newer(&theirs, &encode(&theirs)), None);
        assert_eq!(newer(&ours, "garbage"), None);
    }
}
