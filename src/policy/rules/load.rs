//! Reading a whole rules file: the sources, the platform registry with its
//! domains, and the rules, each checked against what came before.

use super::error::Problem;
use super::index::DomainIndex;
use super::link::{parse_web_url, HostKind};
use super::model::{CardDisplay, Context, LinkForm, Outcome, Platform, Rule, SourceDoc, NO_START};
use super::parts::{Part, Parts};
use super::validate::Validator;
use super::{Rules, RECORD_IDS};
use crate::json::{Kind, Node as Value, Obj as Map};
use std::sync::Arc;

impl Validator<'_> {
    /// The `platforms` of a rule or network entry, each in the registry.
    pub(super) fn platform_ids(
        &mut self,
        o: &Map,
        who: Option<&str>,
        rules: &Rules,
    ) -> Vec<String> {
        let platforms = self.strings(o, who, "platforms");
        for (i, p) in platforms.iter().enumerate() {
            if rules.platform(p).is_none() {
                self.err(
                    who,
                    &format!("platforms[{i}]"),
                    Problem::UnknownPlatform(p.clone()),
                );
            }
        }
        platforms
    }

    /// The `categories` of a platform or rule, each among the file's.
    fn categories(&mut self, o: &Map, who: Option<&str>, rules: &Rules) -> Vec<String> {
        let categories = self.strings(o, who, "categories");
        for (i, c) in categories.iter().enumerate() {
            if !rules.categories.contains(c) {
                self.err(
                    who,
                    &format!("categories[{i}]"),
                    Problem::UnknownCategory(c.clone()),
                );
            }
        }
        categories
    }

    pub(super) fn file(&mut self, root: &Value) -> Rules {
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
                "sync",
                "network",
            ],
        );
        match root.get("format") {
            Some(Value {
                kind: Kind::Int(1), ..
            }) => {}
            _ => self.err(None, "format", Problem::FormatNot1),
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
                            self.err(None, "sources.id", Problem::Missing);
                        } else if RECORD_IDS.contains(&id.as_str())
                            || rules.sources.iter().any(|x| x.id == id)
                        {
                            self.err(Some(&id), "sources.id", Problem::DuplicateSource);
                        }
                        let section = self.string(o, Some(&id), "section", true);
                        let what = self.string(o, Some(&id), "what", true);
                        rules.sources.push(SourceDoc { id, section, what });
                    }
                }
                None => self.err(None, "sources", Problem::NotArray),
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
            None => self.err(None, "platforms", Problem::MissingArray),
        }
        let n = rules.platforms.iter().map(|p| p.domains.len()).sum();
        rules.by_domain = DomainIndex::with_capacity(n);
        for (i, p) in rules.platforms.iter().enumerate() {
            for d in &p.domains {
                if !rules.by_domain.insert(d, i as u32) {
                    self.err(Some(&p.id), "domains", Problem::DomainTwice(d.clone()));
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
            None => self.err(None, "rules", Problem::MissingArray),
        }
        self.sync_section(root.get("sync"), &mut rules);
        self.network_section(root.get("network"), &mut rules);
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
            self.err(who, "id", Problem::BadPlatformId);
        }
        if id == "none" {
            self.err(who, "id", Problem::ReservedNone);
        }
        if rules.by_id.get(&id).is_some() {
            self.err(who, "id", Problem::DuplicatePlatform);
        }
        self.check_fields(
            o,
            who,
            &[
                "id",
                "name_en",
                "name_zh",
                "owner",
                "owner_zh",
                "domains",
                "categories",
                "assumption",
                "assumed",
                "note",
            ],
        );
        let name_en = self.string(o, who, "name_en", true);
        let name_zh = self.string(o, who, "name_zh", true);
        let owner = self.string(o, who, "owner", true);
        let owner_zh = Some(self.string(o, who, "owner_zh", false))
            .filter(|z| !z.is_empty())
            .unwrap_or_else(|| owner.clone());
        let domains = self.strings(o, who, "domains");
        if domains.is_empty() {
            self.err(who, "domains", Problem::NoDomain);
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
                    Problem::NotCanonicalDomain(d.clone()),
                );
            }
        }
        let categories = self.categories(o, who, rules);
        let assumption = self.boolean(o, who, "assumption", Some(false));
        let assumed = self.bitext(o, who, "assumed").map(Arc::new);
        let note = self.string(o, who, "note", false);
        Some(Platform {
            id: id.as_str().into(),
            name_en,
            name_zh,
            owner,
            owner_zh,
            domains,
            categories,
            assumption,
            assumed,
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
                self.err(None, "id", Problem::MissingId);
                String::new()
            }
        };
        let who = if id.is_empty() {
            None
        } else {
            Some(id.as_str())
        };
        if !id.is_empty() && !self.rule_ids.insert(&id, 0) {
            self.err(who, "id", Problem::DuplicateRule);
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
                "assumed",
                "caveat",
                "note",
                "priority",
                "inherits",
            ],
        );
        let valid_from = self.date(o, who, "valid_from", false);
        let valid_until = self.date(o, who, "valid_until", false);
        if let (Some(f), Some(u)) = (valid_from, valid_until) {
            if u <= f {
                self.err(who, "valid_until", Problem::NotAfter { until: u, from: f });
            }
        }
        let platforms = self.platform_ids(o, who, rules);
        let categories = self.categories(o, who, rules);
        let forms = if o.contains_key("forms") {
            let names = self.strings(o, who, "forms");
            let mut forms = Vec::new();
            for (i, f) in names.iter().enumerate() {
                // A form listed twice would put the rule twice in every
                // decision (and its index entries multiply with contexts).
                match LinkForm::parse(f) {
                    Some(f) if forms.contains(&f) => {
                        self.err(who, &format!("forms[{i}]"), Problem::ListedTwice)
                    }
                    Some(f) => forms.push(f),
                    None => self.err(who, &format!("forms[{i}]"), Problem::UnknownForm(f.clone())),
                }
            }
            if names.is_empty() {
                self.err(who, "forms", Problem::NoForm);
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
                    self.err(who, &format!("contexts[{i}]"), Problem::ListedTwice)
                }
                Some(c) => contexts.push(c),
                None => self.err(
                    who,
                    &format!("contexts[{i}]"),
                    Problem::UnknownContext(c.clone()),
                ),
            }
        }
        if names.is_empty() {
            self.err(who, "contexts", Problem::NoContext);
        }
        let conditions = self.conditions(o, who);
        let outcome = self
            .enum_field(o, who, "outcome", Outcome::parse)
            .unwrap_or(Outcome::Open);
        let display = self
            .enum_field(o, who, "display", CardDisplay::parse)
            .unwrap_or(CardDisplay::Card);
        let share = self.boolean(o, who, "share", None);
        let texts = self.texts(o, who);
        let sources = self.cited(o, who, rules);
        let caveat = self.caveat(o, who);
        let caveat_cites = caveat.iter().flat_map(|c| &c.sources);
        for (i, s) in caveat_cites.enumerate() {
            if !rules.knows_source(s) {
                self.err(
                    who,
                    &format!("caveat.sources[{i}]"),
                    Problem::UnknownSource(s.clone()),
                );
            }
        }
        let confidence = self.confidence(o, who, "confidence");
        let assumption = self.boolean(o, who, "assumption", Some(false));
        self.honest(who, confidence, assumption);
        let assumed = self.bitext(o, who, "assumed").map(Arc::new);
        let note = self.string(o, who, "note", false);
        let mut inherits = Parts::NONE;
        for (i, name) in self.strings(o, who, "inherits").iter().enumerate() {
            match Part::parse_inheritable(name) {
                Some(p) if inherits.has(p) => {
                    self.err(who, &format!("inherits[{i}]"), Problem::ListedTwice)
                }
                Some(p) => inherits = inherits.with(p),
                None => self.err(
                    who,
                    &format!("inherits[{i}]"),
                    Problem::OneOf(&["page", "display", "share"]),
                ),
            }
        }
        let priority = match o.get("priority") {
            None => 0,
            Some(v) => match v.as_i64().and_then(|p| i32::try_from(p).ok()) {
                Some(p) => p,
                None => {
                    self.err(who, "priority", Problem::NotInteger);
                    0
                }
            },
        };
        Some(Rule {
            id: id.as_str().into(),
            valid_from: valid_from.unwrap_or(NO_START),
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
            assumed,
            caveat: caveat.map(Arc::new),
            note,
            priority,
            inherits,
        })
    }
}
