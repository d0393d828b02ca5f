//! The rules as data: the platform registry and the dated rules, each citing
//! the interoperability record, loaded from JSON and validated.
//!
//! The built-in file is `rules/rules.json`, embedded at compile time; the app's
//! rules editor and the `decide` tool may load another with the same format
//! (see `docs/policy.md`). Loading checks everything a researcher could get
//! wrong and reports every problem at once, naming the rule and the field.
//!
//! Precedence, when several rules match one decision (documented in
//! `docs/policy.md` and applied by [`Rules`]'s index):
//! 1. higher `priority`;
//! 2. more specific: a rule naming the platform beats one naming its
//!    category, which beats one naming neither; then more `conditions`;
//! 3. later `valid_from`;
//! 4. smaller `id` (so the order is total and decisions deterministic).

use super::link::{parse_web_url, HostKind};
use super::scenario::{Date, Os, Region, Scenario};
use crate::json::{Kind, Node as Value, Obj as Map};
use std::sync::{Arc, OnceLock};

/// The built-in rules file.
///
/// In wasm builds `build.rs` embeds it minified and without its `about` and
/// `note` texts (bundle size); natively it is the file as written.
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));

/// The ids of the interoperability record (`INTEROP-RECORD.md` §1). A rule's
/// sources must be among these or among the extra sources its file documents.
pub const RECORD_IDS: [&str; 9] = [
    "R-2013-11",
    "R-2018-03",
    "R-2018-05-29",
    "R-2019-01-15",
    "R-2020-02-28",
    "R-2020-12",
    "R-2021-09-17",
    "R-2021-11-29",
    "R-2022-01-27",
];

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
pub enum Display {
    /// A normal link card.
    Card,
    /// Folded away (seen by some testers of the 2021-11-29 group pilot).
    Folded,
    /// Plain text, not a card.
    Text,
    /// Visible to the poster only.
    Private,
}

impl Display {
    /// All displays.
    pub const ALL: [Display; 4] = [
        Display::Card,
        Display::Folded,
        Display::Text,
        Display::Private,
    ];
    /// The UI-contract value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Display::Card => "card",
            Display::Folded => "folded",
            Display::Text => "text",
            Display::Private => "private",
        }
    }
    /// Parses a UI-contract value.
    pub fn parse(s: &str) -> Option<Display> {
        Display::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// How well the sources support a rule (record: **(weak)** means low).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Confidence {
    /// Reported by primary or reputable sources.
    High,
    /// Only from reprints or aggregators.
    Low,
}

impl Confidence {
    /// The data value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
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
}

impl Conditions {
    /// How many conditions are set (more is more specific).
    pub fn count(&self) -> u8 {
        u8::from(self.region.is_some()) + u8::from(self.os.is_some()) + u8::from(self.vpn.is_some())
    }
    /// The first condition the scenario fails, by field name.
    pub fn failing(&self, s: &Scenario) -> Option<&'static str> {
        if self.region.is_some_and(|r| r != s.region) {
            Some("region")
        } else if self.os.is_some_and(|o| o != s.os) {
            Some("os")
        } else if self.vpn.is_some_and(|v| v != s.vpn) {
            Some("vpn")
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
    /// Domains; a host matches a domain or any subdomain of it.
    pub domains: Vec<String>,
    /// Categories such as `ecommerce`, `short_video`.
    pub categories: Vec<String>,
    /// Whether the registry entry itself is an assumption (e.g. Duoshan's
    /// domain).
    pub assumption: bool,
    /// Free text.
    pub note: String,
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
    /// First day the rule applies.
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
    pub display: Display,
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
    /// Free text: why the rule reads as it does.
    pub note: String,
    /// Precedence, higher first.
    pub priority: i32,
}

impl Rule {
    /// Whether the rule is in force on `date`.
    pub fn valid_on(&self, date: Date) -> bool {
        date >= self.valid_from && self.valid_until.is_none_or(|u| date < u)
    }
}

/// A problem found when loading a rules file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    /// The rule's (or platform's) id, when known.
    pub rule: Option<String>,
    /// The field at fault (`valid_until`, `platforms[2]`, …), or `json`.
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// For JSON syntax errors: line (1-based).
    pub line: Option<usize>,
    /// For JSON syntax errors: column (1-based).
    pub column: Option<usize>,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, "line {l}, column {c}: ")?;
        }
        if let Some(r) = &self.rule {
            write!(f, "{r}: ")?;
        }
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Domain → platform, an open-addressing hash table of its own: std's
/// `HashMap` brings ~1 KB gzip of generic code into the bundle, and a
/// sorted list searched by halves made decisions 2.3× slower with 100,000
/// rules (measured). FNV-1a with a final avalanche; linear probing; the
/// table is at most half full.
#[derive(Debug, Default)]
struct DomainIndex {
    entries: Vec<(Box<str>, u32)>,
    /// Entry index + 1 per slot, 0 when empty; the length is a power of two.
    slots: Vec<u32>,
}

impl DomainIndex {
    fn with_capacity(n: usize) -> DomainIndex {
        DomainIndex {
            entries: Vec::with_capacity(n),
            slots: vec![0; (n * 2).next_power_of_two().max(8)],
        }
    }

    fn hash(s: &str) -> usize {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in s.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        (h ^ (h >> 33)) as usize
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn slot(&self, key: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = Self::hash(key) & mask;
        loop {
            match self.slots[i] {
                0 => return i,
                e if &*self.entries[e as usize - 1].0 == key => return i,
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn get(&self, key: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        match self.slots[self.slot(key)] {
            0 => None,
            e => Some(self.entries[e as usize - 1].1),
        }
    }

    /// Adds `key`; `false` if it is already there. Capacity comes from
    /// [`DomainIndex::with_capacity`].
    fn insert(&mut self, key: &str, platform: u32) -> bool {
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            // More keys than announced: rebuild twice as large.
            let mut bigger = DomainIndex::with_capacity(self.slots.len());
            for (k, p) in std::mem::take(&mut self.entries) {
                bigger.insert(&k, p);
            }
            *self = bigger;
        }
        let i = self.slot(key);
        if self.slots[i] != 0 {
            return false;
        }
        self.entries.push((key.into(), platform));
        self.slots[i] = self.entries.len() as u32;
        true
    }
}

/// A validated rules file with its lookup index.
#[derive(Debug)]
pub struct Rules {
    categories: Vec<String>,
    sources: Vec<SourceDoc>,
    platforms: Vec<Platform>,
    rules: Vec<Rule>,
    by_domain: DomainIndex,
    /// Platform id → index in `platforms`.
    by_id: DomainIndex,
    /// `offsets[slot]..offsets[slot + 1]` are the candidates of a slot in
    /// `items`, already in precedence order; a slot is (form, context,
    /// platform or none). Flat arrays keep the lookup one multiplication
    /// and two loads, whatever the number of rules.
    offsets: Vec<u32>,
    items: Vec<u32>,
    builtin: bool,
}

impl Rules {
    /// The built-in rules, parsed and validated once.
    pub fn builtin() -> &'static Rules {
        static BUILTIN: OnceLock<Rules> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let mut r = match Rules::from_json(BUILTIN_JSON) {
                Ok(r) => r,
                // A test validates the file, so this cannot happen in a
                // tested build; fall back to no rules rather than panic.
                Err(_) => Rules::empty(),
            };
            r.builtin = true;
            r
        })
    }

    fn empty() -> Rules {
        let mut r = Rules {
            categories: Vec::new(),
            sources: Vec::new(),
            platforms: Vec::new(),
            rules: Vec::new(),
            by_domain: DomainIndex::default(),
            by_id: DomainIndex::default(),
            offsets: Vec::new(),
            items: Vec::new(),
            builtin: false,
        };
        r.build_index();
        r
    }

    /// Parses and validates a rules file, reporting every problem found.
    pub fn from_json(text: &str) -> Result<Rules, Vec<RuleError>> {
        let root = crate::json::parse(text).map_err(|e| {
            let (line, column) = e.line_col(text);
            vec![RuleError {
                rule: None,
                field: "json".into(),
                message: e.msg,
                line: Some(line),
                column: Some(column),
            }]
        })?;
        let mut v = Validator {
            errors: Vec::new(),
            text,
            at: 0,
            rule_ids: DomainIndex::default(),
        };
        let rules = v.file(&root);
        if v.errors.is_empty() {
            Ok(rules)
        } else {
            Err(v.errors)
        }
    }

    /// Whether these are the built-in rules (decisions say so otherwise).
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }
    /// The known categories.
    pub fn categories(&self) -> &[String] {
        &self.categories
    }
    /// The extra source ids the file documents.
    pub fn sources(&self) -> &[SourceDoc] {
        &self.sources
    }
    /// The platform registry.
    pub fn platforms(&self) -> &[Platform] {
        &self.platforms
    }
    /// The rules, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }
    /// A platform by id.
    pub fn platform(&self, id: &str) -> Option<&Platform> {
        self.by_id.get(id).map(|i| &self.platforms[i as usize])
    }
    /// A rule by id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.id == id)
    }
    /// Whether `id` is a record id or an extra source of this file.
    pub fn knows_source(&self, id: &str) -> bool {
        RECORD_IDS.contains(&id) || self.sources.iter().any(|s| s.id == id)
    }

    /// The platform a host belongs to: the longest registry domain equal to
    /// the host or a dot-suffix of it (record §2). `host` must come from a
    /// WHATWG parse; one trailing dot is ignored.
    pub fn platform_for_host(&self, host: &str) -> Option<&Platform> {
        self.platform_index(host, HostKind::Domain)
            .map(|i| &self.platforms[i as usize])
    }

    /// Index form of [`Rules::platform_for_host`]; IP addresses never match.
    pub(crate) fn platform_index(&self, host: &str, kind: HostKind) -> Option<u32> {
        if kind != HostKind::Domain {
            return None;
        }
        let mut s = host.strip_suffix('.').unwrap_or(host);
        loop {
            if let Some(p) = self.by_domain.get(s) {
                return Some(p);
            }
            match s.find('.') {
                Some(i) => s = &s[i + 1..],
                None => return None,
            }
        }
    }

    /// The candidate rules of one slot, in precedence order.
    pub(crate) fn candidates(&self, form: LinkForm, ctx: Context, platform: Option<u32>) -> &[u32] {
        let slot = self.slot(form, ctx, platform);
        let (a, b) = (self.offsets[slot] as usize, self.offsets[slot + 1] as usize);
        &self.items[a..b]
    }

    /// Platform at index (from [`Rules::candidates`] callers).
    pub(crate) fn platform_at(&self, i: u32) -> &Platform {
        &self.platforms[i as usize]
    }

    /// Rule at index.
    pub(crate) fn rule_at(&self, i: u32) -> &Rule {
        &self.rules[i as usize]
    }

    fn slot(&self, form: LinkForm, ctx: Context, platform: Option<u32>) -> usize {
        let per = self.platforms.len() + 1;
        let p = platform.map_or(self.platforms.len(), |p| p as usize);
        ((form as usize) * 4 + ctx as usize) * per + p
    }

    fn build_index(&mut self) {
        let per = self.platforms.len() + 1;
        let nslots = LinkForm::ALL.len() * 4 * per;
        // (slot, specificity, rule)
        let mut entries: Vec<(u32, u8, u32)> = Vec::new();
        // Categories are few: a linear lookup. Platforms can be many (the
        // benchmark has 20,000): by id through the index.
        let platforms = &self.platforms;
        let in_category = |i: usize, c: &str| platforms[i].categories.iter().any(|x| x == c);
        let by_id = &self.by_id;
        let platform_pos = |name: &str| by_id.get(name).map(|i| i as usize);
        for (ri, r) in self.rules.iter().enumerate() {
            // (platform slot, specificity)
            let mut targets: Vec<(usize, u8)> = Vec::new();
            if r.platforms.is_empty() && r.categories.is_empty() {
                targets.extend((0..per).map(|p| (p, 0)));
            } else {
                for c in &r.categories {
                    for p in (0..platforms.len()).filter(|&i| in_category(i, c)) {
                        targets.push((p, 1));
                    }
                }
                for p in &r.platforms {
                    if let Some(p) = platform_pos(p) {
                        targets.push((p, 2));
                    }
                }
                // Keep the most specific way each platform is reached.
                crate::sort::sort_by(&mut targets, &|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
                targets.dedup_by_key(|t| t.0);
            }
            let spec_bonus = r.conditions.count();
            for &f in &r.forms {
                for &c in &r.contexts {
                    let base = ((f as usize) * 4 + c as usize) * per;
                    for &(p, spec) in &targets {
                        entries.push(((base + p) as u32, spec * 4 + spec_bonus, ri as u32));
                    }
                }
            }
        }
        let rules = &self.rules;
        crate::sort::sort_by(&mut entries, &|a, b| {
            let (ra, rb) = (&rules[a.2 as usize], &rules[b.2 as usize]);
            a.0.cmp(&b.0)
                .then(rb.priority.cmp(&ra.priority))
                .then(b.1.cmp(&a.1))
                .then(rb.valid_from.cmp(&ra.valid_from))
                .then(ra.id.cmp(&rb.id))
        });
        let mut offsets = vec![0u32; nslots + 1];
        for e in &entries {
            offsets[e.0 as usize + 1] += 1;
        }
        for i in 0..nslots {
            offsets[i + 1] += offsets[i];
        }
        self.items = entries.iter().map(|e| e.2).collect();
        self.offsets = offsets;
    }
}

/// Collects errors while turning JSON values into rules.
struct Validator<'t> {
    errors: Vec<RuleError>,
    /// The file, to turn positions into lines and columns.
    text: &'t str,
    /// Byte offset of the object being read: errors point there, so an
    /// editor can show every error at its rule.
    at: usize,
    /// The rule ids seen so far (duplicates are errors): a hash table, as
    /// comparing each id with every earlier one made loading 100,000 rules
    /// take minutes.
    rule_ids: DomainIndex,
}

impl Validator<'_> {
    fn err(&mut self, rule: Option<&str>, field: &str, message: impl Into<String>) {
        let (line, column) = crate::json::line_col(self.text, self.at);
        self.errors.push(RuleError {
            rule: rule.map(str::to_string),
            field: field.to_string(),
            message: message.into(),
            line: Some(line),
            column: Some(column),
        });
    }

    fn obj<'v>(&mut self, v: &'v Value, who: Option<&str>, field: &str) -> Option<&'v Map> {
        self.at = v.at;
        match v.as_object() {
            Some(o) => Some(o),
            None => {
                self.err(who, field, "must be an object");
                None
            }
        }
    }

    fn check_fields(&mut self, o: &Map, who: Option<&str>, allowed: &[&str]) {
        for k in o.keys() {
            if !allowed.contains(&k.as_str()) {
                self.err(who, k, "unknown field");
            }
        }
    }

    fn string(&mut self, o: &Map, who: Option<&str>, field: &str, required: bool) -> String {
        match o.get(field) {
            Some(Value {
                kind: Kind::Str(s), ..
            }) => s.clone(),
            None if !required => String::new(),
            None => {
                self.err(who, field, "missing");
                String::new()
            }
            Some(_) => {
                self.err(who, field, "must be a string");
                String::new()
            }
        }
    }

    fn strings(&mut self, o: &Map, who: Option<&str>, field: &str) -> Vec<String> {
        match o.get(field) {
            None => Vec::new(),
            Some(Value {
                kind: Kind::Arr(a), ..
            }) => {
                let mut out = Vec::new();
                for (i, v) in a.iter().enumerate() {
                    match v.as_str() {
                        Some(s) => out.push(s.to_string()),
                        None => self.err(who, &format!("{field}[{i}]"), "must be a string"),
                    }
                }
                out
            }
            Some(_) => {
                self.err(who, field, "must be an array of strings");
                Vec::new()
            }
        }
    }

    fn boolean(&mut self, o: &Map, who: Option<&str>, field: &str, default: Option<bool>) -> bool {
        match (o.get(field), default) {
            (
                Some(Value {
                    kind: Kind::Bool(b),
                    ..
                }),
                _,
            ) => *b,
            (None, Some(d)) => d,
            (None, None) => {
                self.err(who, field, "missing");
                false
            }
            (Some(_), _) => {
                self.err(who, field, "must be true or false");
                false
            }
        }
    }

    fn date(&mut self, o: &Map, who: Option<&str>, field: &str, required: bool) -> Option<Date> {
        match o.get(field) {
            None
            | Some(Value {
                kind: Kind::Null, ..
            }) if !required => None,
            Some(Value {
                kind: Kind::Str(s), ..
            }) => match Date::parse(s) {
                Ok(d) => Some(d),
                Err(_) => {
                    self.err(who, field, format!("\"{s}\" is not a date YYYY-MM-DD"));
                    None
                }
            },
            None => {
                self.err(who, field, "missing");
                None
            }
            Some(_) => {
                self.err(who, field, "must be a date string YYYY-MM-DD");
                None
            }
        }
    }

    fn texts(&mut self, o: &Map, who: Option<&str>) -> Texts {
        let mut out = Texts::default();
        let Some(v) = o.get("texts") else {
            self.err(who, "texts", "missing");
            return out;
        };
        let Some(t) = self.obj(v, who, "texts") else {
            return out;
        };
        self.check_fields(t, who, &["en", "zh"]);
        for (lang, slot) in [("en", &mut out.en), ("zh", &mut out.zh)] {
            let field = format!("texts.{lang}");
            let Some(l) = t.get(lang) else {
                self.err(who, &field, "missing");
                continue;
            };
            let Some(l) = self.obj(l, who, &field) else {
                continue;
            };
            self.check_fields(l, who, &["title", "body", "reason"]);
            slot.title = match l.get("title") {
                Some(Value {
                    kind: Kind::Str(s), ..
                }) => s.clone(),
                None => {
                    self.err(who, &format!("{field}.title"), "missing");
                    String::new()
                }
                Some(_) => {
                    self.err(who, &format!("{field}.title"), "must be a string");
                    String::new()
                }
            };
            slot.body = match l.get("body") {
                Some(Value {
                    kind: Kind::Str(s), ..
                }) => s.clone(),
                None => String::new(),
                Some(_) => {
                    self.err(who, &format!("{field}.body"), "must be a string");
                    String::new()
                }
            };
            slot.reason = match l.get("reason") {
                Some(Value {
                    kind: Kind::Str(s), ..
                }) => s.clone(),
                None => String::new(),
                Some(_) => {
                    self.err(who, &format!("{field}.reason"), "must be a string");
                    String::new()
                }
            };
        }
        out
    }

    fn file(&mut self, root: &Value) -> Rules {
        let mut rules = Rules::empty();
        let Some(root) = self.obj(root, None, "(file)") else {
            return rules;
        };
        self.check_fields(
            root,
            None,
            &[
                "format",
                "about",
                "categories",
                "sources",
                "platforms",
                "rules",
            ],
        );
        match root.get("format") {
            Some(Value {
                kind: Kind::Int(1), ..
            }) => {}
            _ => self.err(None, "format", "must be 1"),
        }
        rules.categories = self.strings(root, None, "categories");
        // Extra sources.
        if let Some(v) = root.get("sources") {
            match v.as_array() {
                Some(a) => {
                    for s in a {
                        let Some(o) = self.obj(s, None, "sources") else {
                            continue;
                        };
                        self.check_fields(o, None, &["id", "section", "what"]);
                        let id = o
                            .get("id")
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_string();
                        if id.is_empty() {
                            self.err(None, "sources.id", "missing");
                        } else if RECORD_IDS.contains(&id.as_str())
                            || rules.sources.iter().any(|x| x.id == id)
                        {
                            self.err(Some(&id), "sources.id", "duplicate source id");
                        }
                        let section = self.string(o, Some(&id), "section", true);
                        let what = self.string(o, Some(&id), "what", true);
                        rules.sources.push(SourceDoc { id, section, what });
                    }
                }
                None => self.err(None, "sources", "must be an array"),
            }
        }
        // Platforms.
        match root.get("platforms").and_then(Value::as_array) {
            Some(a) => {
                for p in a {
                    if let Some(p) = self.platform(p, &rules) {
                        rules.by_id.insert(&p.id, rules.platforms.len() as u32);
                        rules.platforms.push(p);
                    }
                }
            }
            None => self.err(None, "platforms", "missing or not an array"),
        }
        let n = rules.platforms.iter().map(|p| p.domains.len()).sum();
        rules.by_domain = DomainIndex::with_capacity(n);
        for (i, p) in rules.platforms.iter().enumerate() {
            for d in &p.domains {
                if !rules.by_domain.insert(d, i as u32) {
                    self.err(
                        Some(&p.id),
                        "domains",
                        format!("domain {d} belongs to two platforms"),
                    );
                }
            }
        }
        // Rules.
        match root.get("rules").and_then(Value::as_array) {
            Some(a) => {
                for r in a {
                    if let Some(r) = self.rule(r, &rules) {
                        rules.rules.push(r);
                    }
                }
            }
            None => self.err(None, "rules", "missing or not an array"),
        }
        if self.errors.is_empty() {
            rules.build_index();
        }
        rules
    }

    fn platform(&mut self, v: &Value, rules: &Rules) -> Option<Platform> {
        let o = self.obj(v, None, "platforms")?;
        let id = o
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let who = Some(id.as_str());
        if id.is_empty()
            || !id
                .bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
        {
            self.err(who, "id", "must be lower-case letters, digits or _");
        }
        if id == "none" {
            self.err(who, "id", "\"none\" means no platform");
        }
        if rules.by_id.get(&id).is_some() {
            self.err(who, "id", "duplicate platform id");
        }
        self.check_fields(
            o,
            who,
            &[
                "id",
                "name_en",
                "name_zh",
                "owner",
                "domains",
                "categories",
                "assumption",
                "note",
            ],
        );
        let name_en = self.string(o, who, "name_en", true);
        let name_zh = self.string(o, who, "name_zh", true);
        let owner = self.string(o, who, "owner", true);
        let domains = self.strings(o, who, "domains");
        if domains.is_empty() {
            self.err(who, "domains", "at least one domain");
        }
        for (i, d) in domains.iter().enumerate() {
            let canonical = parse_web_url(&format!("https://{d}/"))
                .ok()
                .filter(|u| u.host_kind() == HostKind::Domain && u.host() == d && !d.ends_with('.'))
                .is_some();
            if !canonical {
                self.err(
                    who,
                    &format!("domains[{i}]"),
                    format!("{d} is not a lower-case (punycode) domain"),
                );
            }
        }
        let categories = self.strings(o, who, "categories");
        for (i, c) in categories.iter().enumerate() {
            if !rules.categories.contains(c) {
                self.err(
                    who,
                    &format!("categories[{i}]"),
                    format!("unknown category {c}"),
                );
            }
        }
        let assumption = self.boolean(o, who, "assumption", Some(false));
        let note = self.string(o, who, "note", false);
        Some(Platform {
            id: id.as_str().into(),
            name_en,
            name_zh,
            owner,
            domains,
            categories,
            assumption,
            note,
        })
    }

    fn rule(&mut self, v: &Value, rules: &Rules) -> Option<Rule> {
        let o = self.obj(v, None, "rules")?;
        let id = match o.get("id") {
            Some(Value {
                kind: Kind::Str(s), ..
            }) if !s.is_empty() => s.clone(),
            _ => {
                self.err(None, "id", "missing or not a non-empty string");
                String::new()
            }
        };
        let who = if id.is_empty() {
            None
        } else {
            Some(id.as_str())
        };
        if !id.is_empty() && !self.rule_ids.insert(&id, 0) {
            self.err(who, "id", "duplicate rule id");
        }
        self.check_fields(
            o,
            who,
            &[
                "id",
                "valid_from",
                "valid_until",
                "platforms",
                "categories",
                "forms",
                "contexts",
                "conditions",
                "outcome",
                "display",
                "share",
                "texts",
                "sources",
                "confidence",
                "assumption",
                "note",
                "priority",
            ],
        );
        let valid_from = self.date(o, who, "valid_from", true);
        let valid_until = self.date(o, who, "valid_until", false);
        if let (Some(f), Some(u)) = (valid_from, valid_until) {
            if u <= f {
                self.err(
                    who,
                    "valid_until",
                    format!("{u} is not after valid_from {f}"),
                );
            }
        }
        let platforms = self.strings(o, who, "platforms");
        for (i, p) in platforms.iter().enumerate() {
            if rules.platform(p).is_none() {
                self.err(
                    who,
                    &format!("platforms[{i}]"),
                    format!("unknown platform {p}"),
                );
            }
        }
        let categories = self.strings(o, who, "categories");
        for (i, c) in categories.iter().enumerate() {
            if !rules.categories.contains(c) {
                self.err(
                    who,
                    &format!("categories[{i}]"),
                    format!("unknown category {c}"),
                );
            }
        }
        let forms = if o.contains_key("forms") {
            let names = self.strings(o, who, "forms");
            let mut forms = Vec::new();
            for (i, f) in names.iter().enumerate() {
                // A form listed twice would put the rule twice in every
                // decision (and its index entries multiply with contexts).
                match LinkForm::parse(f) {
                    Some(f) if forms.contains(&f) => {
                        self.err(who, &format!("forms[{i}]"), "listed twice")
                    }
                    Some(f) => forms.push(f),
                    None => self.err(who, &format!("forms[{i}]"), format!("unknown form {f}")),
                }
            }
            if names.is_empty() {
                self.err(who, "forms", "at least one form");
            }
            forms
        } else {
            vec![LinkForm::Web]
        };
        let names = self.strings(o, who, "contexts");
        let mut contexts = Vec::new();
        for (i, c) in names.iter().enumerate() {
            match Context::parse(c) {
                Some(c) if contexts.contains(&c) => {
                    self.err(who, &format!("contexts[{i}]"), "listed twice")
                }
                Some(c) => contexts.push(c),
                None => self.err(
                    who,
                    &format!("contexts[{i}]"),
                    format!("unknown context {c}"),
                ),
            }
        }
        if names.is_empty() {
            self.err(who, "contexts", "missing or empty");
        }
        let conditions = self.conditions(o, who);
        let outcome = self
            .enum_field(o, who, "outcome", Outcome::parse)
            .unwrap_or(Outcome::Open);
        let display = self
            .enum_field(o, who, "display", Display::parse)
            .unwrap_or(Display::Card);
        let share = self.boolean(o, who, "share", None);
        let texts = self.texts(o, who);
        let sources = self.strings(o, who, "sources");
        if sources.is_empty() {
            self.err(who, "sources", "missing: every rule cites the record");
        }
        for (i, s) in sources.iter().enumerate() {
            if !rules.knows_source(s) {
                self.err(
                    who,
                    &format!("sources[{i}]"),
                    format!("{s} is not a record id nor a documented source"),
                );
            }
        }
        let confidence = self
            .enum_field(o, who, "confidence", |s| match s {
                "high" => Some(Confidence::High),
                "low" => Some(Confidence::Low),
                _ => None,
            })
            .unwrap_or(Confidence::High);
        let assumption = self.boolean(o, who, "assumption", Some(false));
        let note = self.string(o, who, "note", false);
        let priority = match o.get("priority") {
            None => 0,
            Some(v) => match v.as_i64().and_then(|p| i32::try_from(p).ok()) {
                Some(p) => p,
                None => {
                    self.err(who, "priority", "must be an integer");
                    0
                }
            },
        };
        Some(Rule {
            id: id.as_str().into(),
            valid_from: valid_from.unwrap_or(super::scenario::DEFAULT_DATE),
            valid_until,
            platforms,
            categories,
            forms,
            contexts,
            conditions,
            outcome,
            display,
            share,
            texts: Arc::new(texts),
            sources,
            confidence,
            assumption,
            note,
            priority,
        })
    }

    fn enum_field<T>(
        &mut self,
        o: &Map,
        who: Option<&str>,
        field: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        match o.get(field) {
            Some(Value {
                kind: Kind::Str(s), ..
            }) => {
                let r = parse(s);
                if r.is_none() {
                    self.err(who, field, format!("unknown {field} {s}"));
                }
                r
            }
            None => {
                self.err(who, field, "missing");
                None
            }
            Some(_) => {
                self.err(who, field, "must be a string");
                None
            }
        }
    }

    fn conditions(&mut self, o: &Map, who: Option<&str>) -> Conditions {
        let mut c = Conditions::default();
        let Some(v) = o.get("conditions") else {
            return c;
        };
        let Some(m) = self.obj(v, who, "conditions") else {
            return c;
        };
        self.check_fields(m, who, &["region", "os", "vpn"]);
        if let Some(r) = m.get("region") {
            c.region = r.as_str().and_then(Region::parse);
            if c.region.is_none() {
                self.err(who, "conditions.region", "must be mainland or overseas");
            }
        }
        if let Some(r) = m.get("os") {
            c.os = r.as_str().and_then(Os::parse);
            if c.os.is_none() {
                self.err(who, "conditions.os", "must be ios or android");
            }
        }
        if let Some(r) = m.get("vpn") {
            c.vpn = r.as_bool();
            if c.vpn.is_none() {
                self.err(who, "conditions.vpn", "must be true or false");
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn domain_index_finds_every_key_and_refuses_duplicates() {
        // Starts with no capacity, so it grows several times.
        let mut ix = super::DomainIndex::default();
        assert_eq!(ix.get("a.cn"), None);
        let keys: Vec<String> = (0..1000).map(|i| format!("d{i}.example.cn")).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(ix.insert(k, i as u32), "{k}");
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(ix.get(k), Some(i as u32), "{k}");
            assert!(!ix.insert(k, 0), "duplicate {k} accepted");
        }
        assert_eq!(ix.get("d1000.example.cn"), None);
        assert_eq!(ix.get(""), None);
        assert!(ix.slots.len() >= 2 * keys.len());
    }

    use super::*;
    // The tests edit rule files as serde_json trees, then load the text.
    use serde_json::Value;

    #[test]
    fn builtin_file_is_valid() {
        let r = Rules::from_json(BUILTIN_JSON);
        assert!(r.is_ok(), "{:#?}", r.err());
        let b = Rules::builtin();
        assert!(b.is_builtin());
        assert!(b.rules().len() > 20);
        assert!(b.rules().iter().all(|r| !r.sources.is_empty()));
    }

    #[test]
    fn every_extra_source_is_documented_and_known() {
        let b = Rules::builtin();
        for id in [
            super::super::sync::S_BEFORE_2017_05,
            super::super::sync::S_2017_05_19,
            super::super::sync::S_ANDROID_SOON,
            super::super::sync::S_VPN,
            super::super::registration::REG_2021_07_27,
        ] {
            assert!(b.knows_source(id), "{id}");
        }
    }

    #[test]
    fn every_form_and_context_has_a_rule() {
        let b = Rules::builtin();
        for f in LinkForm::ALL {
            for c in Context::ALL {
                assert!(
                    !b.candidates(f, c, None).is_empty(),
                    "{} {}",
                    f.as_str(),
                    c.as_str()
                );
            }
        }
    }

    #[test]
    fn longest_domain_wins() {
        let b = Rules::builtin();
        let id = |h: &str| b.platform_for_host(h).map(|p| p.id.to_string());
        assert_eq!(id("y.qq.com").as_deref(), Some("qqmusic"));
        assert_eq!(id("a.y.qq.com").as_deref(), Some("qqmusic"));
        assert_eq!(id("mail.qq.com").as_deref(), Some("wechat"));
        assert_eq!(id("mp.weixin.qq.com").as_deref(), Some("wechat"));
        assert_eq!(id("taobao.com.").as_deref(), Some("taobao"));
        assert_eq!(id("xtaobao.com"), None);
        assert_eq!(id("com"), None);
    }

    fn with_rule(rule: &str) -> Result<Rules, Vec<RuleError>> {
        let mut v: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        let r: Value = serde_json::from_str(rule).unwrap();
        v["rules"].as_array_mut().unwrap().push(r);
        Rules::from_json(&v.to_string())
    }

    fn one_error(rule: &str) -> RuleError {
        let e = with_rule(rule).expect_err(rule);
        assert_eq!(e.len(), 1, "{e:?}");
        e.into_iter().next().unwrap()
    }

    const GOOD: &str = r#"{"id":"x","valid_from":"2020-01-01","platforms":["jd"],"contexts":["chat"],"outcome":"open","display":"card","share":true,"texts":{"en":{"title":"t"},"zh":{"title":"t"}},"sources":["R-2021-09-17"],"confidence":"high"}"#;

    fn edit(field: &str, value: &str) -> String {
        let mut v: Value = serde_json::from_str(GOOD).unwrap();
        if value.is_empty() {
            v.as_object_mut().unwrap().remove(field);
        } else {
            v[field] = serde_json::from_str(value).unwrap();
        }
        v.to_string()
    }

    #[test]
    fn good_rule_loads() {
        assert!(with_rule(GOOD).is_ok());
    }

    #[test]
    fn errors_name_rule_and_field() {
        let cases = [
            (
                "platforms",
                r#"["myspace"]"#,
                "platforms[0]",
                "unknown platform",
            ),
            (
                "categories",
                r#"["gambling"]"#,
                "categories[0]",
                "unknown category",
            ),
            ("valid_until", r#""2019-01-01""#, "valid_until", "not after"),
            ("valid_until", r#""2020-01-01""#, "valid_until", "not after"),
            ("outcome", r#""explode""#, "outcome", "unknown outcome"),
            ("display", r#""huge""#, "display", "unknown display"),
            (
                "contexts",
                r#"["chat","email"]"#,
                "contexts[1]",
                "unknown context",
            ),
            ("sources", "", "sources", "missing"),
            ("sources", "[]", "sources", "missing"),
            (
                "sources",
                r#"["R-1999-01"]"#,
                "sources[0]",
                "not a record id",
            ),
            ("forms", r#"["carrier_pigeon"]"#, "forms[0]", "unknown form"),
            ("share", "", "share", "missing"),
            ("share", r#""yes""#, "share", "true or false"),
            ("valid_from", r#""2021-02-30""#, "valid_from", "not a date"),
            ("priority", r#""high""#, "priority", "integer"),
            ("colour", r#""red""#, "colour", "unknown field"),
            (
                "conditions",
                r#"{"region":"moon"}"#,
                "conditions.region",
                "mainland",
            ),
            (
                "confidence",
                r#""medium""#,
                "confidence",
                "unknown confidence",
            ),
        ];
        for (field, value, want_field, want) in cases {
            let e = one_error(&edit(field, value));
            assert_eq!(e.rule.as_deref(), Some("x"), "{field}");
            assert_eq!(e.field, want_field, "{field}={value}: {e}");
            assert!(e.message.contains(want), "{field}={value}: {e}");
        }
    }

    #[test]
    fn forms_and_contexts_listed_twice_are_errors() {
        // Found with the `rules` fuzz target: a repeated form or context put
        // the rule twice in every decision it took part in (trace and
        // `data-rules`), and its index entries multiplied (forms × contexts).
        for (field, value, want) in [
            ("forms", r#"["web","mp_scheme","web"]"#, "forms[2]"),
            ("contexts", r#"["chat","group","chat"]"#, "contexts[2]"),
        ] {
            let e = one_error(&edit(field, value));
            assert_eq!((e.rule.as_deref(), e.field.as_str()), (Some("x"), want));
            assert!(e.message.contains("twice"), "{e}");
        }
    }

    #[test]
    fn duplicate_id_is_an_error() {
        let dup = GOOD.replace("\"x\"", "\"default-open\"");
        let e = one_error(&dup);
        assert_eq!(e.rule.as_deref(), Some("default-open"));
        assert!(e.message.contains("duplicate"));
    }

    #[test]
    fn errors_are_all_reported() {
        let bad = edit("outcome", r#""explode""#).replace("\"jd\"", "\"myspace\"");
        assert_eq!(with_rule(&bad).unwrap_err().len(), 2);
    }

    #[test]
    fn json_syntax_errors_have_line_and_column() {
        let e = Rules::from_json("{\n  \"format\": 1,\n  \"rules\": [,]\n}").unwrap_err();
        assert_eq!(e[0].field, "json");
        assert_eq!(e[0].line, Some(3));
        assert!(e[0].column.is_some());
        assert!(e[0].to_string().starts_with("line 3"));
    }

    #[test]
    fn platform_errors() {
        let mut v: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        v["platforms"].as_array_mut().unwrap().push(
            serde_json::from_str(r#"{"id":"evil","name_en":"E","name_zh":"E","owner":"E","domains":["Taobao.com","jd.com"],"categories":["nope"]}"#).unwrap(),
        );
        let e = Rules::from_json(&v.to_string()).unwrap_err();
        let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"domains[0]"), "{e:?}");
        assert!(fields.contains(&"categories[0]"), "{e:?}");
        assert!(fields.contains(&"domains"), "{e:?}"); // jd.com claimed twice
    }

    #[test]
    fn precedence_priority_then_specificity_then_date_then_id() {
        // Two rules for JD in chat with equal priority: the platform rule
        // beats the category rule; among equals the later valid_from wins.
        let mk = |id: &str, from: &str, target: &str, prio: i32| {
            format!(
                r#"{{"id":"{id}","valid_from":"{from}",{target},"contexts":["chat"],"outcome":"warn","display":"card","share":true,"texts":{{"en":{{"title":"t"}},"zh":{{"title":"t"}}}},"sources":["R-2021-09-17"],"confidence":"high","priority":{prio}}}"#
            )
        };
        let mut v: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        let rules = v["rules"].as_array_mut().unwrap();
        for r in [
            mk("z-cat", "2030-01-01", r#""categories":["ecommerce"]"#, 500),
            mk("b-plat", "2030-01-01", r#""platforms":["jd"]"#, 500),
            mk("a-plat", "2030-01-01", r#""platforms":["jd"]"#, 500),
            mk("c-plat-later", "2030-06-01", r#""platforms":["jd"]"#, 500),
        ] {
            rules.push(serde_json::from_str(&r).unwrap());
        }
        let r = Rules::from_json(&v.to_string()).unwrap();
        let jd = r.platforms().iter().position(|p| &*p.id == "jd").unwrap() as u32;
        let order: Vec<&str> = r
            .candidates(LinkForm::Web, Context::Chat, Some(jd))
            .iter()
            .map(|&i| &*r.rule_at(i).id)
            .take(4)
            .collect();
        assert_eq!(order, ["c-plat-later", "a-plat", "b-plat", "z-cat"]);
    }
}
