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
//!
//! `model` holds the types a file describes, `index` the domain table,
//! `validate` and `load` the checks, `error` what they report.

mod error;
mod index;
mod load;
mod model;
pub mod network;
mod parts;
pub mod sync;
#[cfg(test)]
mod tests;
mod validate;

pub use error::{Problem, RuleError};
pub use model::{
    BiText, CardDisplay, Caveat, Conditions, Confidence, Context, LinkForm, Outcome, Platform,
    Rule, SourceDoc, Text, Texts, NO_START,
};
pub use parts::{Part, Parts};

use super::link::{self, HostKind};
use super::scenario;
use index::DomainIndex;
use std::sync::OnceLock;
use validate::Validator;

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

/// The parts of record entries that the record marks weak or assumed
/// (`rules/record.json`), citable as `ID#part` so that only what rests on
/// them loses confidence.
pub const RECORD_PARTS: [&str; 4] = [
    "R-2018-05-29#bans",
    "R-2022-01-27#moments",
    "S-ANDROID-SOON#unavailable",
    "S-SYNC-BEFORE-2017-05#overseas-qq",
];

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
    /// The `sync` section, in file order.
    sync: Vec<sync::SyncRule>,
    /// The `network` section, in file order.
    network: Vec<network::NetworkRule>,
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
            sync: Vec::new(),
            network: Vec::new(),
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
                problem: Problem::Syntax(e.kind),
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
    /// The `sync` section (Moments sync to other networks), in file order.
    pub fn sync_rules(&self) -> &[sync::SyncRule] {
        &self.sync
    }
    /// The `network` section (sites the mainland's network does not
    /// deliver), in file order.
    pub fn network_rules(&self) -> &[network::NetworkRule] {
        &self.network
    }
    /// The first network rule that names the platform `id`.
    pub fn network_rule_for(&self, id: &str) -> Option<&network::NetworkRule> {
        self.network
            .iter()
            .find(|n| n.platforms.iter().any(|p| p == id))
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
        RECORD_IDS.contains(&id)
            || RECORD_PARTS.contains(&id)
            || self.sources.iter().any(|s| s.id == id)
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
