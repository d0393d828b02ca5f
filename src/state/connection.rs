//! Douyin's Connection (record §6, `CONN-2020-02`): the user's Douyin
//! profile with a public/private choice per field, and the changes to it:
//! the test group, verification (which fixes the age), edits, follows, and
//! "Continue on WeChat". Eligibility, strangers and matching are
//! `policy::connection`.

use super::model::{Chat, ChatKind, Contact, Data, Message};
use crate::policy::connection::{
    self as policy, follow, stranger, Field, FollowResult, Profile, Refusal, TestGroup, CITIES,
    INTERESTS, PICTURES, SIGNS,
};
use crate::policy::scenario::Date;
use std::rc::Rc;

/// The longest username accepted, in characters.
pub const MAX_USERNAME: usize = 20;
/// The oldest age accepted.
pub const MAX_AGE: u8 = 120;

/// The account's Douyin side: what Connection keeps between visits. Every
/// field is private until the user makes it public (privacy by default).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Douyin {
    /// Whether this account is in Douyin's random test group: the
    /// simulator's choice (`connection=in|out`, default in), not WeChat's
    /// rollout cohort.
    pub group: TestGroup,
    /// The age the mock identity verification (phone + face scan) gave;
    /// `None` until verified. Nothing changes it afterwards: an age typed
    /// into a profile could be edited to pass the age check.
    pub verified_age: Option<u8>,
    /// The user's username: shown to the user only, never to a match.
    pub username: String,
    /// Picture index (`policy::connection::PICTURES`).
    pub picture: u8,
    /// City index.
    pub city: u8,
    /// Astrological sign index.
    pub sign: u8,
    /// Interest bits, for matching.
    pub interests: u16,
    /// The `Field::bit`s of the public fields (the age's included: whether
    /// to show the verified age is the user's choice).
    pub public: u8,
    /// The strangers followed (both said yes), by id.
    pub follows: Vec<u8>,
}

crate::json_str_enum!(TestGroup, ["in", "out"]);

impl crate::json::ToJson for Douyin {
    fn to_json(&self, out: &mut String) {
        use crate::json::key;
        out.push('{');
        key(out, true, "group");
        self.group.to_json(out);
        key(out, false, "verified_age");
        self.verified_age.to_json(out);
        key(out, false, "username");
        self.username.to_json(out);
        key(out, false, "picture");
        self.picture.to_json(out);
        key(out, false, "city");
        self.city.to_json(out);
        key(out, false, "sign");
        self.sign.to_json(out);
        key(out, false, "interests");
        self.interests.to_json(out);
        key(out, false, "public");
        self.public.to_json(out);
        key(out, false, "follows");
        self.follows.to_json(out);
        out.push('}');
    }
}

/// Read back; saves from before the test group and the verified age have
/// neither: the group is then the default, and the account verifies again
/// (their `age` was typed into the profile, and `verified` did not fix it).
impl crate::json::FromJson for Douyin {
    fn from_json(n: &crate::json::Node) -> Result<Self, crate::json::Error> {
        n.field("username")?; // fails early unless an object
        Ok(Douyin {
            group: n.read::<Option<TestGroup>>("group")?.unwrap_or_default(),
            verified_age: n.read("verified_age")?,
            username: n.read("username")?,
            picture: n.read("picture")?,
            city: n.read("city")?,
            sign: n.read("sign")?,
            interests: n.read("interests")?,
            public: n.read("public")?,
            follows: n.read("follows")?,
        })
    }
}

impl Douyin {
    /// The profile as matching and the other side know it.
    pub fn profile(&self) -> Profile<'_> {
        Profile {
            username: &self.username,
            picture: self.picture,
            city: self.city,
            age: self.verified_age,
            sign: self.sign,
            public: self.public,
            interests: self.interests,
        }
    }
    /// Whether `field` is public.
    pub fn is_public(&self, field: Field) -> bool {
        self.public & field.bit() != 0
    }
}

/// Whether the user of `data` may use Connection at `minutes` (China time):
/// the scenario's day, the account's test group and verified age. WeChat's
/// rollout cohort plays no part.
pub fn eligibility(data: &Data, minutes: u16) -> Result<(), Refusal> {
    let d = &data.douyin;
    policy::eligibility(data.scenario.date, d.group, minutes, d.verified_age)
}

/// The address pair of the test group, carried like the scenario's
/// parameters: none for the default (short addresses), else
/// `connection=out`.
pub fn carried(d: &Douyin) -> Option<(&'static str, String)> {
    (d.group != TestGroup::default()).then(|| ("connection", d.group.as_str().to_string()))
}

/// What Connection shows for a refusal (or none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Closed to the user now: the refusal only.
    Closed(Refusal),
    /// Open, once the user verifies their identity.
    Verify,
    /// The profile editor, and the match unless the profile is refused.
    Profile(Option<Refusal>),
}

/// The screen for `data` at `minutes`.
pub fn screen(data: &Data, minutes: u16) -> Screen {
    match eligibility(data, minutes) {
        Ok(()) => Screen::Profile(None),
        Err(Refusal::Unverified) => Screen::Verify,
        Err(r @ Refusal::Under18) => Screen::Profile(Some(r)),
        Err(r) => Screen::Closed(r),
    }
}

/// Why a profile edit or the verification is refused; the string table
/// says it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// The age is not a whole number.
    AgeNotNumber,
    /// The age is a whole number outside 1..=[`MAX_AGE`].
    AgeRange,
    /// The username is longer than [`MAX_USERNAME`] characters.
    UsernameTooLong,
}

/// The age typed into the verification (the mock's stand-in for what the
/// identity check reads), if it is a whole number in range.
pub fn parse_age(text: &str) -> Result<u8, ProfileError> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ProfileError::AgeNotNumber);
    }
    match t.parse::<u32>() {
        Ok(n @ 1..) if n <= u32::from(MAX_AGE) => Ok(n as u8),
        _ => Err(ProfileError::AgeRange),
    }
}

/// The username typed, trimmed, if short enough.
pub fn check_username(text: &str) -> Result<String, ProfileError> {
    let t = text.trim();
    if t.chars().count() > MAX_USERNAME {
        return Err(ProfileError::UsernameTooLong);
    }
    Ok(t.to_string())
}

/// A change made in Connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectionAction {
    /// In Douyin's test group or not (the simulator's choice).
    SetGroup(TestGroup),
    /// The mock identity verification passed, giving this age: it is kept
    /// only the first time (1..=[`MAX_AGE`]); once verified, the age is
    /// fixed.
    Verify {
        /// The verified age.
        age: u8,
    },
    /// A new username (checked with [`check_username`]).
    SetUsername(String),
    /// A new value of a field: the picture, city or sign index. The age
    /// is not one: it comes from [`ConnectionAction::Verify`] only.
    Set(Field, u8),
    /// Make a field public or private.
    SetPublic(Field, bool),
    /// Add or remove an interest (its bit number).
    ToggleInterest(u8),
    /// The user's answer to "Follow each other?" at the end of a call.
    Follow {
        /// The stranger's id.
        stranger: u8,
        /// The user's answer.
        yes: bool,
    },
    /// Add the stranger as a WeChat contact with a one-to-one chat and a
    /// first message. The message's id and time, and the words (the
    /// contact's names and the message, in the user's language when the
    /// action is made, as `ChatsAction::Send` carries its text), are
    /// chosen when the action is made, so that applying it again changes
    /// nothing and the reducer needs no string table.
    ContinueOnWeChat {
        /// The stranger's id.
        stranger: u8,
        /// The first message's id.
        id: u64,
        /// Its time.
        ts: i64,
        /// The contact's English name, from the match's public fields
        /// only (never the username).
        name_en: String,
        /// The contact's Chinese name, likewise.
        name_zh: String,
        /// The first message's text.
        first: String,
    },
}

/// The WeChat contact id of stranger `id`.
pub fn contact_id(id: u8) -> String {
    format!("c-dy-{id}")
}

/// The WeChat chat id of stranger `id`.
pub fn chat_id(id: u8) -> String {
    format!("dy-{id}")
}

/// Applies `action` to the current account's data; whether anything
/// changed. Takes all of `Data`, since "Continue on WeChat" adds a contact
/// and a chat.
pub fn reduce(data: &mut Data, action: ConnectionAction) -> bool {
    let d = &mut data.douyin;
    match action {
        ConnectionAction::SetGroup(g) => std::mem::replace(&mut d.group, g) != g,
        ConnectionAction::Verify { age } => {
            let ok = d.verified_age.is_none() && (1..=MAX_AGE).contains(&age);
            if ok {
                d.verified_age = Some(age);
            }
            ok
        }
        ConnectionAction::SetUsername(u) => match check_username(&u) {
            Ok(u) if u != d.username => {
                d.username = u;
                true
            }
            _ => false,
        },
        ConnectionAction::Set(field, v) => {
            let (slot, max) = match field {
                Field::Picture => (&mut d.picture, PICTURES.len() as u8),
                Field::City => (&mut d.city, CITIES),
                Field::Sign => (&mut d.sign, SIGNS),
                // Fixed by the verification: no edit reaches it.
                Field::Age => return false,
            };
            let ok = v < max && *slot != v;
            if ok {
                *slot = v;
            }
            ok
        }
        ConnectionAction::SetPublic(field, on) => {
            let next = if on {
                d.public | field.bit()
            } else {
                d.public & !field.bit()
            };
            std::mem::replace(&mut d.public, next) != next
        }
        ConnectionAction::ToggleInterest(bit) => {
            if bit >= INTERESTS {
                return false;
            }
            d.interests ^= 1 << bit;
            true
        }
        ConnectionAction::Follow { stranger: id, yes } => {
            let mutual = stranger(id).is_some_and(|s| follow(yes, s) == FollowResult::Mutual);
            let new = mutual && !d.follows.contains(&id);
            if new {
                d.follows.push(id);
            }
            new
        }
        ConnectionAction::ContinueOnWeChat {
            stranger: id,
            id: msg,
            ts,
            name_en,
            name_zh,
            first,
        } => continue_on_wechat(
            data,
            id,
            Message {
                id: msg,
                from: contact_id(id),
                text: first,
                ts,
                demo: false,
            },
            [name_en, name_zh],
        ),
    }
}

/// Only a mutual follow leads to WeChat: both agreed to stay in touch.
/// An assumption (see `FollowResult::follows` for why the gate is kept).
/// The contact and the chat are each added once: a second application
/// (another tab, a double tap) finds them and changes nothing.
fn continue_on_wechat(data: &mut Data, id: u8, first: Message, names: [String; 2]) -> bool {
    if stranger(id).is_none() || !data.douyin.follows.contains(&id) {
        return false;
    }
    let (cid, chat) = (contact_id(id), chat_id(id));
    let mut changed = false;
    if data.contact(&cid).is_none() {
        let [name_en, name_zh] = names;
        Rc::make_mut(&mut data.contacts).push(Contact {
            id: cid.clone(),
            name_en,
            name_zh,
            color: "#c62828".into(),
            wechat_id: format!("dy_match_{id}"),
        });
        changed = true;
    }
    if data.chat(&chat).is_none() {
        data.chats.push(Rc::new(Chat {
            id: chat,
            kind: ChatKind::Direct { with: cid.clone() },
            messages: vec![Rc::new(first)],
            unread: 1,
        }));
        changed = true;
    }
    changed
}

/// The number of words of the draw-and-guess round (the string table's
/// `connection::WORD` has as many); the first [`DRAWINGS`] have a drawing.
pub const WORDS: u8 = 8;
/// The words the strangers can draw.
pub const DRAWINGS: u8 = 5;

/// One draw-and-guess round: the word the user draws, the word of the
/// stranger's drawing, and the four words to guess from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Round {
    /// The word the user is asked to draw.
    pub draw: u8,
    /// The word the stranger drew (below [`DRAWINGS`]).
    pub theirs: u8,
    /// Four different words, `theirs` among them.
    pub choices: [u8; 4],
}

impl Round {
    /// Whether `word` is what the stranger drew.
    pub fn is_right(self, word: u8) -> bool {
        word == self.theirs
    }
}

/// The round with stranger `id` on `date`: the same all day.
pub fn round(date: Date, id: u8) -> Round {
    let h = policy::tie(date, id);
    let theirs = (h % u32::from(DRAWINGS)) as u8;
    // Offsets 0, 1, 3 and 5 are different words modulo 8.
    let mut choices = [0, 1, 3, 5].map(|o| (theirs + o) % WORDS);
    choices.rotate_left((h / 8 % 4) as usize);
    let draw = (theirs + 2 + (h / 32 % 6) as u8) % WORDS;
    Round {
        draw,
        theirs,
        choices,
    }
}

#[cfg(test)]
mod tests;
