//! What a rules file describes: contexts, outcomes, link forms, the
//! platform registry and the dated rules themselves.

use super::parts::Parts;
use super::scenario::{Cohort, Date, Os, Region, Scenario};
use std::sync::Arc;

/// Where a link was shared (UI contract: the `in=` parameter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// A one-to-one chat.
    Chat,
    /// A group chat.
    Group,
    /// A Moments post.
    Moments,
    /// Inside a mini program.
    MiniProgram,
}

impl Context {
    /// All contexts, in index order.
    pub const ALL: [Context; 4] = [
        Context::Chat,
        Context::Group,
        Context::Moments,
        Context::MiniProgram,
    ];
    /// The value used in URLs, data files and the `decide` tool.
    pub const fn as_str(self) -> &'static str {
        match self {
            Context::Chat => "chat",
            Context::Group => "group",
            Context::Moments => "moments",
            Context::MiniProgram => "mini_program",
        }
    }
    /// Parses the URL/data value.
    pub fn parse(s: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// What happens when the link is tapped: exactly the `data-outcome` ids of
/// the UI contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// The page opens in the in-app browser.
    Open,
    /// A confirmation page first (将要访问).
    Confirm,
    /// A warning page with "continue" or "copy link".
    Warn,
    /// 如需浏览，请长按网址复制后使用浏览器访问.
    CopyToBrowser,
    /// 已停止访问该网页, with a reason.
    Blocked,
    /// A mini program opens.
    MiniProgram,
    /// Never opened: not http(s) nor a mini-program form, or not a URL.
    Rejected,
}

impl Outcome {
    /// All outcomes.
    pub const ALL: [Outcome; 7] = [
        Outcome::Open,
        Outcome::Confirm,
        Outcome::Warn,
        Outcome::CopyToBrowser,
        Outcome::Blocked,
        Outcome::MiniProgram,
        Outcome::Rejected,
    ];
    /// The UI-contract id.
    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Open => "open",
            Outcome::Confirm => "confirm",
            Outcome::Warn => "warn",
            Outcome::CopyToBrowser => "copy_to_browser",
            Outcome::Blocked => "blocked",
            Outcome::MiniProgram => "mini_program",
            Outcome::Rejected => "rejected",
        }
    }
    /// Parses a UI-contract id.
    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// How the link card looks in a chat or Moments (`data-display`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CardDisplay {
    /// A normal link card.
    Card,
    /// Folded away (seen by some testers of the 2021-11-29 group pilot).
    Folded,
    /// Plain text, not a card.
    Text,
    /// Visible to the poster only.
    Private,
}

impl CardDisplay {
    /// All displays.
    pub const ALL: [CardDisplay; 4] = [
        CardDisplay::Card,
        CardDisplay::Folded,
        CardDisplay::Text,
        CardDisplay::Private,
    ];
    /// The UI-contract value.
    pub const fn as_str(self) -> &'static str {
        match self {
            CardDisplay::Card => "card",
            CardDisplay::Folded => "folded",
            CardDisplay::Text => "text",
            CardDisplay::Private => "private",
        }
    }
    /// Parses a UI-contract value.
    pub fn parse(s: &str) -> Option<CardDisplay> {
        CardDisplay::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// How well the sources support a rule (record: **(weak)** means low).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Confidence {
    /// Reported by primary or reputable sources.
    High,
    /// Reputable but approximate (e.g. a date given to the month), or one
    /// source only.
    Medium,
    /// Only from reprints or aggregators.
    Low,
}

impl Confidence {
    /// The weaker of two confidences.
    pub const fn weakest(self, other: Confidence) -> Confidence {
        if self.rank() <= other.rank() {
            self
        } else {
            other
        }
    }
    /// Low 0, medium 1, high 2.
    const fn rank(self) -> u8 {
        match self {
            Confidence::Low => 0,
            Confidence::Medium => 1,
            Confidence::High => 2,
        }
    }
    /// The data value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// The form of a link, as the engine classifies it; rules name the forms
/// they cover (`forms`, default `["web"]`) so that mini-program and rejected
/// links are decided by rules with sources too, not by hidden code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkForm {
    /// An http(s) link.
    Web,
    /// A URL Link (wxaurl.cn / wxmpurl.cn) still valid on the day.
    UrlLink,
    /// A URL Link older than 30 days (or created after the simulated day).
    UrlLinkExpired,
    /// A valid URL Scheme the user may open.
    MpScheme,
    /// A trial/develop URL Scheme and the user is not a tester.
    MpSchemeTestersOnly,
    /// A plaintext URL Scheme breaking record §3.
    MpSchemeInvalid,
    /// `#小程序://…`.
    MpShortLink,
    /// A Taobao password text.
    TaobaoPassword,
    /// Anything else: never opened.
    NotALink,
}

impl LinkForm {
    /// All forms, in index order.
    pub const ALL: [LinkForm; 9] = [
        LinkForm::Web,
        LinkForm::UrlLink,
        LinkForm::UrlLinkExpired,
        LinkForm::MpScheme,
        LinkForm::MpSchemeTestersOnly,
        LinkForm::MpSchemeInvalid,
        LinkForm::MpShortLink,
        LinkForm::TaobaoPassword,
        LinkForm::NotALink,
    ];
    /// The data value.
    pub const fn as_str(self) -> &'static str {
        match self {
            LinkForm::Web => "web",
            LinkForm::UrlLink => "url_link",
            LinkForm::UrlLinkExpired => "url_link_expired",
            LinkForm::MpScheme => "mp_scheme",
            LinkForm::MpSchemeTestersOnly => "mp_scheme_testers_only",
            LinkForm::MpSchemeInvalid => "mp_scheme_invalid",
            LinkForm::MpShortLink => "mp_short_link",
            LinkForm::TaobaoPassword => "taobao_password",
            LinkForm::NotALink => "not_a_link",
        }
    }
    /// Parses the data value.
    pub fn parse(s: &str) -> Option<LinkForm> {
        LinkForm::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// Conditions on the scenario; `None` means any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Conditions {
    /// Only in this region.
    pub region: Option<Region>,
    /// Only on this phone.
    pub os: Option<Os>,
    /// Only with the VPN on (or off).
    pub vpn: Option<bool>,
    /// Only for this rollout cohort: the rule models one side of a gradual
    /// rollout, and the other cohort saw something else.
    pub cohort: Option<Cohort>,
}

impl Conditions {
    /// How many conditions are set (more is more specific).
    pub fn count(&self) -> u8 {
        u8::from(self.region.is_some())
            + u8::from(self.os.is_some())
            + u8::from(self.vpn.is_some())
            + u8::from(self.cohort.is_some())
    }
    /// The first condition the scenario fails, by field name.
    pub fn failing(&self, s: &Scenario) -> Option<&'static str> {
        if self.region.is_some_and(|r| r != s.region) {
            Some("region")
        } else if self.os.is_some_and(|o| o != s.os) {
            Some("os")
        } else if self.vpn.is_some_and(|v| v != s.vpn) {
            Some("vpn")
        } else if self.cohort.is_some_and(|c| c != s.cohort) {
            Some("cohort")
        } else {
            None
        }
    }
}

/// What the user reads, in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    /// The page's heading.
    pub title: String,
    /// The page's main text.
    pub body: String,
    /// Why (may be empty).
    pub reason: String,
}

/// What the user reads, in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts {
    /// English (ours).
    pub en: Text,
    /// Simplified Chinese (as WeChat showed it, where known).
    pub zh: Text,
}

impl Texts {
    /// The texts in `lang`.
    pub fn get(&self, lang: crate::lang::Lang) -> &Text {
        match lang {
            crate::lang::Lang::En => &self.en,
            crate::lang::Lang::Zh => &self.zh,
        }
    }
}

/// A platform of the registry (record §2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Platform {
    /// The id (`data-platform`).
    pub id: Arc<str>,
    /// English name.
    pub name_en: String,
    /// Chinese name.
    pub name_zh: String,
    /// The company behind it.
    pub owner: String,
    /// The company's Chinese name (`owner` when the file gives none).
    pub owner_zh: String,
    /// Domains; a host matches a domain or any subdomain of it.
    pub domains: Vec<String>,
    /// Categories such as `ecommerce`, `short_video`.
    pub categories: Vec<String>,
    /// Whether the registry entry itself is an assumption (e.g. Duoshan's
    /// domain).
    pub assumption: bool,
    /// What was assumed, for the Why section (kept in the wasm build, unlike
    /// `note`).
    pub assumed: Option<Arc<BiText>>,
    /// Free text.
    pub note: String,
}

/// A short text in both UI languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BiText {
    /// English.
    pub en: String,
    /// Simplified Chinese.
    pub zh: String,
}

impl BiText {
    /// The text in `lang`.
    pub fn get(&self, lang: crate::lang::Lang) -> &str {
        lang.pick(&self.en, &self.zh)
    }
}

/// A part of a rule's text that rests on weaker sources than the rule
/// itself (e.g. the sharing bans of R-2018-05-29, from a reprint): shown
/// apart, with its own confidence, so the rule keeps its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caveat {
    /// How well its sources support it.
    pub confidence: Confidence,
    /// The record ids (or `ID#part`) it rests on.
    pub sources: Vec<String>,
    /// What it says.
    pub text: BiText,
}

/// A source id documented by a rules file beyond the record's own ids (for
/// record sections that have none, such as §3 to §5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceDoc {
    /// The id, e.g. `S-2017-05-19`.
    pub id: String,
    /// The record section it stands for.
    pub section: String,
    /// What it says.
    pub what: String,
}

/// One dated rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Unique id, shown in `data-rules` and traces.
    pub id: Arc<str>,
    /// First day the rule applies ([`NO_START`] when the record gives none).
    pub valid_from: Date,
    /// First day it no longer applies (exclusive), if it ended.
    pub valid_until: Option<Date>,
    /// Platforms it covers.
    pub platforms: Vec<String>,
    /// Categories it covers. With no platforms and no categories, a rule
    /// covers every link of its forms.
    pub categories: Vec<String>,
    /// Link forms it covers.
    pub forms: Vec<LinkForm>,
    /// Where the link was shared.
    pub contexts: Vec<Context>,
    /// Conditions on the scenario.
    pub conditions: Conditions,
    /// What happens.
    pub outcome: Outcome,
    /// How the card looks.
    pub display: CardDisplay,
    /// Whether the share button is offered.
    pub share: bool,
    /// What the user reads.
    pub texts: Arc<Texts>,
    /// Record ids it rests on.
    pub sources: Vec<String>,
    /// How well the sources support it.
    pub confidence: Confidence,
    /// Whether it rests on an assumption rather than a source.
    pub assumption: bool,
    /// What was assumed, for the Why section.
    pub assumed: Option<Arc<BiText>>,
    /// A weaker part of its text, shown apart.
    pub caveat: Option<Arc<Caveat>>,
    /// Free text: why the rule reads as it does.
    pub note: String,
    /// Precedence, higher first.
    pub priority: i32,
    /// The parts it takes from the next rule in force below it (e.g. a
    /// rule that keeps "each platform's own earlier page"): that rule's
    /// provenance, assumption and confidence then count for the decision.
    pub inherits: Parts,
}

/// The `valid_from` of a rule whose file gives none: the record dates no
/// start, so the rule holds on every simulated day and the UI says
/// "no start date in the record" instead of a day.
pub const NO_START: Date = super::scenario::EARLIEST;

impl Rule {
    /// The first day, when the record gives one.
    pub fn start(&self) -> Option<Date> {
        (self.valid_from != NO_START).then_some(self.valid_from)
    }
    /// Whether the rule is in force on `date`.
    pub fn valid_on(&self, date: Date) -> bool {
        date >= self.valid_from && self.valid_until.is_none_or(|u| date < u)
    }
}
