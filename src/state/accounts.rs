//! Several accounts (record §5): the current one lives in `Data` itself, so
//! every other reducer works on it unchanged; the others wait in
//! `Data::others`, each with its own chats, contacts, Moments and settings.
//! Switching swaps one account's data out and another's in.
//!
//! Sign-up checks are `policy::registration`; this module turns a checked
//! form into an account and keeps the list.

use super::model::{Chat, ChatKind, Contact, Data, LinkPref, Message, Report};
use super::moments::Moments;
use crate::lang::Lang;
use crate::policy::registration::{self, AccountType, PhoneError, Registration};
use crate::policy::scenario::{Date, Region};
use std::rc::Rc;

/// The id of the account the demo data belongs to (and every save of the
/// releases before accounts).
pub const DEMO_ACCOUNT: &str = "a-demo";
/// The longest account name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 20;

/// Who an account is and where it was registered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// Stable id: `a-demo`, or `a-<country digits>-<phone>` (chosen when
    /// the sign-up is made, so that re-applying it is a no-op).
    pub id: String,
    /// Creation order, for listing (the demo account is 0).
    pub seq: u32,
    /// The name in English (a registered account's name in both fields).
    pub name_en: String,
    /// The name in Chinese.
    pub name_zh: String,
    /// The WeChat ID shown on Me.
    pub wechat_id: String,
    /// Country calling code, e.g. `+86`.
    pub country: String,
    /// The phone number, digits only.
    pub phone: String,
    /// Personal or official account.
    pub kind: AccountType,
    /// Where it was registered: decides the Moments sync rules, while the
    /// scenario's region says where the phone is now.
    pub region: Region,
}

impl Account {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_en, &self.name_zh)
    }

    /// The number as Me shows it: the code, the first three and the last
    /// four digits (`+86 138****8000`).
    pub fn masked_phone(&self) -> String {
        let p = &self.phone;
        let (head, tail) = (p.len().min(3), p.len().saturating_sub(4).max(3));
        format!(
            "{} {}{}{}",
            self.country,
            &p[..head],
            "*".repeat(tail - head),
            &p[tail..]
        )
    }
}

/// One account's own data, everything but who it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Space {
    /// Its contacts.
    pub contacts: Rc<Vec<Contact>>,
    /// Its chats.
    pub chats: Vec<Rc<Chat>>,
    /// Its "manage links" choices.
    pub link_prefs: Vec<LinkPref>,
    /// Links it reported.
    pub reports: Vec<Report>,
    /// Mini programs it opened.
    pub recent_mini: Vec<String>,
    /// Its Moments.
    pub moments: Moments,
    /// Its Douyin profile for Connection.
    pub douyin: super::connection::Douyin,
}

/// An account that is not the current one, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stashed {
    /// Who.
    pub account: Rc<Account>,
    /// Its data.
    pub space: Space,
}

crate::json_str_enum!(AccountType, ["personal", "official"]);
crate::json_struct!(Account {
    id,
    seq,
    name_en,
    name_zh,
    wechat_id,
    country,
    phone,
    kind,
    region
});
crate::json_struct!(Space {
    contacts,
    chats,
    link_prefs,
    reports,
    recent_mini,
    moments,
    douyin
});
crate::json_struct!(Stashed { account, space });

/// The demo account: Alex Chen, registered in `region` (the mainland for a
/// new visitor; for a save of a release before accounts, the region its
/// single switch held, so that nothing it did changes).
pub fn demo_account(region: Region) -> Account {
    Account {
        id: DEMO_ACCOUNT.into(),
        seq: 0,
        name_en: "Alex Chen".into(),
        name_zh: "陈小安".into(),
        wechat_id: "wxid_walledgarden".into(),
        country: "+86".into(),
        phone: "13800138000".into(),
        kind: AccountType::Personal,
        region,
    }
}

/// Takes the current account's data out of `data`, leaving empty lists.
fn take_space(data: &mut Data) -> Space {
    Space {
        contacts: std::mem::take(&mut data.contacts),
        chats: std::mem::take(&mut data.chats),
        link_prefs: std::mem::take(&mut data.link_prefs),
        reports: std::mem::take(&mut data.reports),
        recent_mini: std::mem::take(&mut data.recent_mini),
        moments: std::mem::take(&mut data.moments),
        douyin: std::mem::take(&mut data.douyin),
    }
}

/// Makes `space` the current account's data.
fn put_space(data: &mut Data, space: Space) {
    data.contacts = space.contacts;
    data.chats = space.chats;
    data.link_prefs = space.link_prefs;
    data.reports = space.reports;
    data.recent_mini = space.recent_mini;
    data.moments = space.moments;
    data.douyin = space.douyin;
}

/// Whether the current account is not the demo one while the demo account
/// is kept among the others: the chat list then says where the demo chats
/// went and offers the way back.
pub fn away_from_demo(data: &Data) -> bool {
    data.account.id != DEMO_ACCOUNT && data.others.iter().any(|s| s.account.id == DEMO_ACCOUNT)
}

/// Every account, the current one included, in the order they were made.
pub fn accounts(data: &Data) -> Vec<&Account> {
    let mut all: Vec<&Account> = std::iter::once(&*data.account)
        .chain(data.others.iter().map(|s| &*s.account))
        .collect();
    crate::sort::sort_by(&mut all, &|a, b| a.seq.cmp(&b.seq));
    all
}

/// A sign-up form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignUp {
    /// Country calling code, e.g. `+86`.
    pub country: String,
    /// The phone number as typed (spaces and dashes allowed).
    pub phone: String,
    /// The name.
    pub name: String,
    /// Personal or official (`None` counts as personal).
    pub kind: Option<AccountType>,
    /// The verification code as typed.
    pub code: String,
    /// Whether "Get code" was pressed for this number.
    pub code_sent_to: Option<String>,
}

/// One edit of the sign-up form: a field typed or chosen, or the code sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignUpEdit {
    /// The country calling code chosen.
    Country(String),
    /// The phone number as typed.
    Phone(String),
    /// The account type chosen (`None`: not one of the list's).
    Kind(Option<AccountType>),
    /// The name as typed.
    Name(String),
    /// The verification code as typed.
    Code(String),
    /// "Get code" went through for these digits ([`can_send_code`]).
    CodeSent(String),
}

impl SignUp {
    /// Applies one edit; whether the form changed. A code sent for one
    /// number is forgotten when the number or its country changes: the
    /// code shown was that number's, and signing up needs a new one.
    pub fn apply(&mut self, edit: SignUpEdit) -> bool {
        let before = self.clone();
        match edit {
            SignUpEdit::Country(c) => {
                if c != self.country {
                    self.code_sent_to = None;
                }
                self.country = c;
            }
            SignUpEdit::Phone(p) => {
                if p != self.phone {
                    self.code_sent_to = None;
                }
                self.phone = p;
            }
            SignUpEdit::Kind(k) => self.kind = k,
            SignUpEdit::Name(n) => self.name = n,
            SignUpEdit::Code(c) => self.code = c,
            SignUpEdit::CodeSent(digits) => self.code_sent_to = Some(digits),
        }
        *self != before
    }
}

/// Why a sign-up (or asking for its code) is refused; rendered by the
/// string table, its `reason()` is the contract's `data-reason`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignUpError {
    /// The phone number is not one of the country's.
    Phone(PhoneError),
    /// An account with this number exists already.
    Taken,
    /// Registration is suspended where the account would be registered.
    Suspended {
        /// First day of the suspension.
        since: Date,
        /// First day sign-ups opened again (inferred).
        until: Date,
        /// The record id.
        source: &'static str,
    },
    /// "Sign up" before "Get code" (or after changing the number).
    NoCode,
    /// The code typed is not the one sent.
    WrongCode,
    /// No name, or one over [`MAX_NAME_CHARS`].
    Name,
}

impl SignUpError {
    /// The `data-reason` value.
    pub fn reason(&self) -> &'static str {
        match self {
            SignUpError::Phone(_) => "bad_phone",
            SignUpError::Taken => "taken",
            SignUpError::Suspended { .. } => "suspended",
            SignUpError::NoCode => "no_code",
            SignUpError::WrongCode => "wrong_code",
            SignUpError::Name => "bad_name",
        }
    }
}

impl std::fmt::Display for SignUpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.reason())
    }
}

impl std::error::Error for SignUpError {}

/// The number's digits, if valid for its country, or why not.
fn valid_phone(form: &SignUp) -> Result<String, SignUpError> {
    registration::phone_digits(&form.country, &form.phone).map_err(SignUpError::Phone)
}

/// The id an account of this number gets.
fn account_id(country: &str, digits: &str) -> String {
    format!("a-{}-{digits}", country.trim_start_matches('+'))
}

/// Whether a code may be sent: a valid, unused number, and registration
/// open on the scenario's date for where the account would be registered.
/// Returns the number's digits.
pub fn can_send_code(data: &Data, form: &SignUp) -> Result<String, SignUpError> {
    let digits = valid_phone(form)?;
    let taken = accounts(data)
        .iter()
        .any(|a| a.country == form.country && a.phone == digits);
    if taken {
        return Err(SignUpError::Taken);
    }
    let kind = form.kind.unwrap_or(AccountType::Personal);
    let region = registration::region_of(&form.country);
    if let Registration::Suspended {
        since,
        until,
        source,
        ..
    } = registration::registration(kind, region, data.scenario.date)
    {
        return Err(SignUpError::Suspended {
            since,
            until,
            source,
        });
    }
    Ok(digits)
}

/// The mock verification code for a number: six digits, shown on screen as
/// a test environment would, the same every time for the same number.
pub fn code_for(digits: &str) -> String {
    let h = digits.bytes().fold(2_166_136_261_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16_777_619)
    });
    format!("{:06}", h % 1_000_000)
}

/// Checks the whole form; the account it makes, next in creation order.
pub fn check_sign_up(data: &Data, form: &SignUp) -> Result<Account, SignUpError> {
    let digits = can_send_code(data, form)?;
    if form.code_sent_to.as_deref() != Some(digits.as_str()) {
        return Err(SignUpError::NoCode);
    }
    if form.code.trim() != code_for(&digits) {
        return Err(SignUpError::WrongCode);
    }
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(SignUpError::Name);
    }
    let seq = accounts(data).iter().map(|a| a.seq).max().unwrap_or(0) + 1;
    let id = account_id(&form.country, &digits);
    Ok(Account {
        wechat_id: format!("wxid_{}", &id[2..]),
        id,
        seq,
        name_en: name.into(),
        name_zh: name.into(),
        country: form.country.clone(),
        phone: digits,
        kind: form.kind.unwrap_or(AccountType::Personal),
        region: registration::region_of(&form.country),
    })
}

/// The welcome contact every new account starts with.
pub const TEAM: &str = "c-team";

/// A new account's data: one welcome chat, no demo data.
pub fn welcome(name: &str, lang: Lang, ts: i64) -> Space {
    let team = Contact {
        id: TEAM.into(),
        name_en: "WeChat Team".into(),
        name_zh: "微信团队".into(),
        color: "#1a7a45".into(),
        wechat_id: "weixin".into(),
    };
    let text = match lang {
        Lang::En => format!(
            "Welcome to WeChat, {name}! This account has its own chats, Moments and settings. Switch accounts on Me."
        ),
        Lang::Zh => format!("{name}，欢迎使用微信！这个帐号有自己的聊天、朋友圈和设置。在“我”里可以切换帐号。"),
    };
    let chat = Chat {
        id: "team".into(),
        kind: ChatKind::Direct { with: TEAM.into() },
        messages: vec![Rc::new(Message {
            id: 1,
            from: TEAM.into(),
            text,
            ts,
            demo: false,
        })],
        unread: 1,
    };
    Space {
        contacts: Rc::new(vec![team]),
        chats: vec![Rc::new(chat)],
        link_prefs: Vec::new(),
        reports: Vec::new(),
        recent_mini: Vec::new(),
        moments: Moments::default(),
        douyin: Default::default(),
    }
}

/// A change to the accounts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountsAction {
    /// A checked sign-up ([`check_sign_up`]): the new account becomes the
    /// current one, starting with the welcome chat sent at `ts`.
    Register {
        /// The account.
        account: Account,
        /// When it was made (seconds, China time).
        ts: i64,
    },
    /// Make the account with this id the current one.
    Switch(String),
}

/// Makes the stashed account `id` current, stashing the current one;
/// whether it exists. Also used by the rebase to put an action back in the
/// account it was made in.
pub fn switch_to(data: &mut Data, id: &str) -> bool {
    let Some(i) = data.others.iter().position(|s| s.account.id == id) else {
        return false;
    };
    let target = Rc::unwrap_or_clone(data.others.remove(i));
    let space = take_space(data);
    let account = std::mem::replace(&mut data.account, target.account);
    data.others.push(Rc::new(Stashed { account, space }));
    put_space(data, target.space);
    true
}

/// Applies `action`; whether anything changed.
pub fn reduce(data: &mut Data, action: AccountsAction) -> bool {
    match action {
        AccountsAction::Register { account, ts } => {
            let exists = accounts(data).iter().any(|a| {
                a.id == account.id || (a.country == account.country && a.phone == account.phone)
            });
            let open = registration::registration(account.kind, account.region, data.scenario.date)
                == Registration::Open;
            if exists || !open {
                return false;
            }
            let new = welcome(&account.name_en, data.lang, ts);
            let space = take_space(data);
            let old = std::mem::replace(&mut data.account, Rc::new(account));
            data.others.push(Rc::new(Stashed {
                account: old,
                space,
            }));
            put_space(data, new);
            true
        }
        AccountsAction::Switch(id) => data.account.id != id && switch_to(data, &id),
    }
}

#[cfg(test)]
mod tests;
