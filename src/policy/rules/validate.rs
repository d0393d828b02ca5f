//! The checks of a rules file, field by field: each problem is recorded
//! with the rule and field it concerns, and reading goes on so that every
//! problem is reported at once.

use super::error::{Problem, RuleError};
use super::index::DomainIndex;
use super::model::{BiText, Caveat, Conditions, Confidence, Texts};
use super::scenario::{Cohort, Date, Os, Region};
use super::Rules;
use crate::json::{Kind, Node as Value, Obj as Map};

/// Collects errors while turning JSON values into rules.
pub(super) struct Validator<'t> {
    pub(super) errors: Vec<RuleError>,
    /// The file, to turn positions into lines and columns.
    pub(super) text: &'t str,
    /// Byte offset of the object being read: errors point there, so an
    /// editor can show every error at its rule.
    pub(super) at: usize,
    /// The rule ids seen so far (duplicates are errors): a hash table, as
    /// comparing each id with every earlier one made loading 100,000 rules
    /// take minutes.
    pub(super) rule_ids: DomainIndex,
}

/// Where the key of `field` (`outcome`; `platforms[2]` and `texts.en` by
/// their first name) is written in the object that starts at `from`, so
/// that the editor's cursor lands on the faulty field rather than on its
/// rule. Only a key (a quoted name before a colon) counts, and the search
/// stops at a second `"id"` key: that is the next rule.
fn key_at(text: &str, from: usize, field: &str) -> Option<usize> {
    let name = field.split(['[', '.']).next()?;
    let b = text.as_bytes();
    let (mut i, mut ids) = (from, 0);
    while i < b.len() {
        if b[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < b.len() && b[i] != b'"' {
            i += if b[i] == b'\\' { 2 } else { 1 };
        }
        let key = text.get(start + 1..i)?;
        i += 1;
        if !text.get(i..)?.trim_start().starts_with(':') {
            continue;
        }
        if key == name {
            return Some(start);
        }
        if key == "id" {
            ids += 1;
            if ids == 2 {
                return None;
            }
        }
    }
    None
}

impl Validator<'_> {
    pub(super) fn err(&mut self, rule: Option<&str>, field: &str, problem: Problem) {
        let at = match problem {
            Problem::Missing => self.at,
            _ => key_at(self.text, self.at, field).unwrap_or(self.at),
        };
        let (line, column) = crate::json::line_col(self.text, at);
        self.errors.push(RuleError {
            rule: rule.map(str::to_string),
            field: field.to_string(),
            problem,
            line: Some(line),
            column: Some(column),
        });
    }

    pub(super) fn obj<'v>(
        &mut self,
        v: &'v Value,
        who: Option<&str>,
        field: &str,
    ) -> Option<&'v Map> {
        self.at = v.at;
        match v.as_object() {
            Some(o) => Some(o),
            None => {
                self.err(who, field, Problem::NotObject);
                None
            }
        }
    }

    pub(super) fn check_fields(&mut self, o: &Map, who: Option<&str>, allowed: &[&str]) {
        for k in o.keys() {
            if !allowed.contains(&k.as_str()) {
                self.err(who, k, Problem::UnknownField);
            }
        }
    }

    pub(super) fn string(
        &mut self,
        o: &Map,
        who: Option<&str>,
        field: &str,
        required: bool,
    ) -> String {
        match o.get(field) {
            Some(Value {
                kind: Kind::Str(s), ..
            }) => s.clone(),
            None if !required => String::new(),
            None => {
                self.err(who, field, Problem::Missing);
                String::new()
            }
            Some(_) => {
                self.err(who, field, Problem::NotString);
                String::new()
            }
        }
    }

    pub(super) fn strings(&mut self, o: &Map, who: Option<&str>, field: &str) -> Vec<String> {
        match o.get(field) {
            None => Vec::new(),
            Some(Value {
                kind: Kind::Arr(a), ..
            }) => {
                let mut out = Vec::new();
                for (i, v) in a.iter().enumerate() {
                    match v.as_str() {
                        Some(s) => out.push(s.to_string()),
                        None => self.err(who, &format!("{field}[{i}]"), Problem::NotString),
                    }
                }
                out
            }
            Some(_) => {
                self.err(who, field, Problem::NotStrings);
                Vec::new()
            }
        }
    }

    pub(super) fn boolean(
        &mut self,
        o: &Map,
        who: Option<&str>,
        field: &str,
        default: Option<bool>,
    ) -> bool {
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
                self.err(who, field, Problem::Missing);
                false
            }
            (Some(_), _) => {
                self.err(who, field, Problem::NotBool);
                false
            }
        }
    }

    pub(super) fn date(
        &mut self,
        o: &Map,
        who: Option<&str>,
        field: &str,
        required: bool,
    ) -> Option<Date> {
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
                    self.err(who, field, Problem::NotADate(s.clone()));
                    None
                }
            },
            None => {
                self.err(who, field, Problem::Missing);
                None
            }
            Some(_) => {
                self.err(who, field, Problem::NotDateString);
                None
            }
        }
    }

    pub(super) fn texts(&mut self, o: &Map, who: Option<&str>) -> Texts {
        let mut out = Texts::default();
        let Some(v) = o.get("texts") else {
            self.err(who, "texts", Problem::Missing);
            return out;
        };
        let Some(t) = self.obj(v, who, "texts") else {
            return out;
        };
        self.check_fields(t, who, &["en", "zh"]);
        for (lang, slot) in [("en", &mut out.en), ("zh", &mut out.zh)] {
            let field = format!("texts.{lang}");
            let Some(l) = t.get(lang) else {
                self.err(who, &field, Problem::Missing);
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
                    self.err(who, &format!("{field}.title"), Problem::Missing);
                    String::new()
                }
                Some(_) => {
                    self.err(who, &format!("{field}.title"), Problem::NotString);
                    String::new()
                }
            };
            slot.body = match l.get("body") {
                Some(Value {
                    kind: Kind::Str(s), ..
                }) => s.clone(),
                None => String::new(),
                Some(_) => {
                    self.err(who, &format!("{field}.body"), Problem::NotString);
                    String::new()
                }
            };
            slot.reason = match l.get("reason") {
                Some(Value {
                    kind: Kind::Str(s), ..
                }) => s.clone(),
                None => String::new(),
                Some(_) => {
                    self.err(who, &format!("{field}.reason"), Problem::NotString);
                    String::new()
                }
            };
        }
        out
    }

    pub(super) fn enum_field<T>(
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
                    self.err(who, field, Problem::UnknownValue(s.clone()));
                }
                r
            }
            None => {
                self.err(who, field, Problem::Missing);
                None
            }
            Some(_) => {
                self.err(who, field, Problem::NotString);
                None
            }
        }
    }

    /// An optional `{"en": …, "zh": …}` text; both languages required, so
    /// no English reaches a Chinese screen.
    pub(super) fn bitext(&mut self, o: &Map, who: Option<&str>, field: &str) -> Option<BiText> {
        let m = self.obj(o.get(field)?, who, field)?;
        self.bitext_in(m, who, field, &["en", "zh"])
    }

    fn bitext_in(
        &mut self,
        m: &Map,
        who: Option<&str>,
        field: &str,
        allowed: &[&str],
    ) -> Option<BiText> {
        self.check_fields(m, who, allowed);
        let mut lang = |l: &str| match m.get(l).and_then(Value::as_str) {
            Some(s) if !s.is_empty() => s.to_string(),
            _ => {
                self.err(who, &format!("{field}.{l}"), Problem::Missing);
                String::new()
            }
        };
        Some(BiText {
            en: lang("en"),
            zh: lang("zh"),
        })
    }

    /// The `sources` of a rule: at least one, each known to the file.
    pub(super) fn cited(&mut self, o: &Map, who: Option<&str>, rules: &Rules) -> Vec<String> {
        let sources = self.strings(o, who, "sources");
        if sources.is_empty() {
            self.err(who, "sources", Problem::NoSources);
        }
        for (i, s) in sources.iter().enumerate() {
            if !rules.knows_source(s) {
                self.err(
                    who,
                    &format!("sources[{i}]"),
                    Problem::UnknownSource(s.clone()),
                );
            }
        }
        sources
    }

    /// The honesty rule of a file: what rests on an assumption cannot be
    /// of high confidence (the engine caps it at medium; a file may not
    /// claim otherwise).
    pub(super) fn honest(&mut self, who: Option<&str>, confidence: Confidence, assumption: bool) {
        if assumption && confidence == Confidence::High {
            self.err(who, "confidence", Problem::AssumedButHigh);
        }
    }

    /// The confidence values of a file.
    pub(super) fn confidence(&mut self, o: &Map, who: Option<&str>, field: &str) -> Confidence {
        self.enum_field(o, who, field, |s| match s {
            "high" => Some(Confidence::High),
            "medium" => Some(Confidence::Medium),
            "low" => Some(Confidence::Low),
            _ => None,
        })
        .unwrap_or(Confidence::High)
    }

    /// An optional caveat: `{"confidence", "sources", "en", "zh"}`; its
    /// sources are checked by the caller.
    pub(super) fn caveat(&mut self, o: &Map, who: Option<&str>) -> Option<Caveat> {
        let m = self.obj(o.get("caveat")?, who, "caveat")?;
        let text = self.bitext_in(m, who, "caveat", &["confidence", "sources", "en", "zh"])?;
        let confidence = match m.get("confidence").and_then(Value::as_str) {
            Some("high") => Confidence::High,
            Some("medium") => Confidence::Medium,
            Some("low") => Confidence::Low,
            _ => {
                self.err(
                    who,
                    "caveat.confidence",
                    Problem::OneOf(&["high", "medium", "low"]),
                );
                Confidence::Low
            }
        };
        let sources = self.strings(m, who, "sources");
        if sources.is_empty() {
            self.err(who, "caveat.sources", Problem::NoSources);
        }
        Some(Caveat {
            confidence,
            sources,
            text,
        })
    }

    pub(super) fn conditions(&mut self, o: &Map, who: Option<&str>) -> Conditions {
        let mut c = Conditions::default();
        let Some(v) = o.get("conditions") else {
            return c;
        };
        let Some(m) = self.obj(v, who, "conditions") else {
            return c;
        };
        self.check_fields(m, who, &["region", "os", "vpn", "cohort"]);
        if let Some(r) = m.get("region") {
            c.region = r.as_str().and_then(Region::parse);
            if c.region.is_none() {
                self.err(
                    who,
                    "conditions.region",
                    Problem::OneOf(&["mainland", "overseas"]),
                );
            }
        }
        if let Some(r) = m.get("os") {
            c.os = r.as_str().and_then(Os::parse);
            if c.os.is_none() {
                self.err(who, "conditions.os", Problem::OneOf(&["ios", "android"]));
            }
        }
        if let Some(r) = m.get("cohort") {
            c.cohort = r.as_str().and_then(Cohort::parse);
            if c.cohort.is_none() {
                self.err(who, "conditions.cohort", Problem::OneOf(&["early", "late"]));
            }
        }
        if let Some(r) = m.get("vpn") {
            c.vpn = r.as_bool();
            if c.vpn.is_none() {
                self.err(who, "conditions.vpn", Problem::NotBool);
            }
        }
        c
    }
}
