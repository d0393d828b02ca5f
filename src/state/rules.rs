//! The active rules: the built-in file, or the user's own file applied from
//! the rules editor and saved with the data (an optional field: saves from
//! before it load unchanged, with the built-in rules).
//!
//! Every decision of the app goes through [`Data::rules`], so applying a
//! file changes chats, Moments, the opener, the batch check and the
//! timeline at once.

use super::model::Data;
use crate::json::{Error, FromJson, Node, ToJson};
use crate::policy::fingerprint::Fingerprint;
use crate::policy::rules::{RuleError, Rules};
use std::rc::Rc;

/// The largest rules file the editor imports.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// A rules file the user applied: its text as written (the editor shows it
/// again, with its line numbers) and the rules it validated to.
#[derive(Clone)]
pub struct CustomRules {
    text: Rc<str>,
    /// `None` only for a saved file that this build no longer accepts: it
    /// is kept (nothing is lost) but the built-in rules decide.
    rules: Option<Rc<Rules>>,
    /// Of `text`, computed once here rather than per citation or render.
    fingerprint: Fingerprint,
}

impl CustomRules {
    /// Validates `text`; only a valid file becomes custom rules.
    pub fn parse(text: &str) -> Result<CustomRules, Vec<RuleError>> {
        let rules = Rules::from_json(text)?;
        Ok(CustomRules {
            text: text.into(),
            rules: Some(Rc::new(rules)),
            fingerprint: Fingerprint::of_custom(text),
        })
    }
    /// The file as the user wrote it.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The rules, shared (the decision memo compares them by address).
    pub fn shared(&self) -> Option<Rc<Rules>> {
        self.rules.clone()
    }
}

impl PartialEq for CustomRules {
    /// By text: the same text always validates to the same rules.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.text, &other.text) || self.text == other.text
    }
}
impl Eq for CustomRules {}

impl std::fmt::Debug for CustomRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CustomRules({} bytes)", self.text.len())
    }
}

/// Saved as the file's text, a JSON string.
impl ToJson for CustomRules {
    fn to_json(&self, out: &mut String) {
        crate::json::write_str(out, &self.text);
    }
}

impl FromJson for CustomRules {
    fn from_json(n: &Node) -> Result<Self, Error> {
        let text = String::from_json(n)?;
        Ok(CustomRules::parse(&text).unwrap_or_else(|_| CustomRules {
            fingerprint: Fingerprint::of_custom(&text),
            text: text.into(),
            rules: None,
        }))
    }
}

impl Data {
    /// The rules every decision uses: the user's applied file, or the
    /// built-in one.
    pub fn rules(&self) -> &Rules {
        self.custom_rules
            .as_ref()
            .and_then(|c| c.rules.as_deref())
            .unwrap_or_else(|| Rules::builtin())
    }
    /// The fingerprint of the rules file every decision uses: a citation,
    /// a download and a correction carry it. A saved file this build no
    /// longer accepts leaves the built-in rules deciding, so it is theirs.
    pub fn rules_fingerprint(&self) -> Fingerprint {
        match &self.custom_rules {
            Some(c) if c.rules.is_some() => c.fingerprint.clone(),
            _ => Fingerprint::builtin(),
        }
    }
    /// The custom rules in force, `None` with the built-in ones.
    pub fn custom_rules_shared(&self) -> Option<Rc<Rules>> {
        self.custom_rules.as_ref().and_then(CustomRules::shared)
    }
}

/// What the rules editor does to the saved data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulesAction {
    /// Make a validated file the active rules (only valid files can be
    /// built, so an invalid one never replaces them).
    Apply(CustomRules),
    /// Back to the built-in rules.
    Reset,
}

/// Applies `action`; whether the saved data changed.
pub fn reduce(slot: &mut Option<CustomRules>, action: RulesAction) -> bool {
    let next = match action {
        RulesAction::Apply(c) => Some(c),
        RulesAction::Reset => None,
    };
    if *slot == next {
        return false;
    }
    *slot = next;
    true
}

/// Why an imported file was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`].
    TooLarge,
    /// Not UTF-8 text.
    NotUtf8,
    /// Not JSON; where it stops being JSON.
    NotJson {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
}

/// Reads an imported file: a JSON text of at most 5 MB, or why not. It is
/// not applied: the editor shows it, validated, and the user applies it.
pub fn import(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::json::parse(text).map_err(|e| {
        let (line, column) = e.line_col(text);
        ImportError::NotJson { line, column }
    })?;
    Ok(text.to_string())
}

/// The text the rules editor starts with: the applied file as the user
/// wrote it, or the built-in file laid out one field per line (the wasm
/// bundle embeds it minified, which would be one unreadable line).
pub fn editor_text(data: &Data) -> String {
    match &data.custom_rules {
        Some(c) => c.text().to_string(),
        None => pretty(crate::policy::rules::BUILTIN_JSON),
    }
}

/// `text` laid out with two-space indents, one field per line, lists of
/// plain values on one line; `text` itself if it is not JSON.
pub fn pretty(text: &str) -> String {
    match crate::json::parse(text) {
        Ok(n) => {
            let mut out = String::with_capacity(text.len() * 2);
            layout(&n, 0, &mut out);
            out.push('\n');
            out
        }
        Err(_) => text.to_string(),
    }
}

fn layout(n: &Node, depth: usize, out: &mut String) {
    use crate::json::Kind;
    let indent = |out: &mut String, d: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", d));
    };
    match &n.kind {
        Kind::Null => out.push_str("null"),
        Kind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Kind::Int(i) => crate::json::write_int(out, i128::from(*i)),
        Kind::Big(u) => crate::json::write_int(out, i128::from(*u)),
        Kind::Str(s) => crate::json::write_str(out, s),
        Kind::Arr(items) => {
            let flat = items
                .iter()
                .all(|i| !matches!(i.kind, Kind::Arr(_) | Kind::Obj(_)));
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                    if flat {
                        out.push(' ');
                    }
                }
                if !flat {
                    indent(out, depth + 1);
                }
                layout(item, depth + 1, out);
            }
            if !flat && !items.is_empty() {
                indent(out, depth);
            }
            out.push(']');
        }
        Kind::Obj(o) => {
            out.push('{');
            for (i, (k, v)) in o.0.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                crate::json::write_str(out, k);
                out.push_str(": ");
                layout(v, depth + 1, out);
            }
            if !o.0.is_empty() {
                indent(out, depth);
            }
            out.push('}');
        }
    }
}

/// Where line `line`, column `column` (both from 1, columns in
/// characters, as errors report them) is in `text`, in the UTF-16 units a
/// textarea's selection counts.
pub fn utf16_offset(text: &str, line: usize, column: usize) -> u32 {
    let mut units = 0usize;
    for (i, l) in text.split('\n').enumerate() {
        if i + 1 == line {
            return (units
                + l.chars()
                    .take(column.saturating_sub(1))
                    .map(char::len_utf16)
                    .sum::<usize>()) as u32;
        }
        units += l.encode_utf16().count() + 1;
    }
    units.saturating_sub(1) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::rules::BUILTIN_JSON;
    use crate::state::persist::{decode, encode};
    use crate::state::seed::seed;

    #[test]
    fn only_a_valid_file_applies_and_reset_goes_back() {
        let mut d = seed();
        assert!(d.rules().is_builtin());
        assert!(CustomRules::parse("{\"format\": 1,\n \"rules\": [}").is_err());
        let c = CustomRules::parse(BUILTIN_JSON).unwrap();
        assert!(reduce(&mut d.custom_rules, RulesAction::Apply(c.clone())));
        assert!(!d.rules().is_builtin());
        assert!(!reduce(&mut d.custom_rules, RulesAction::Apply(c)));
        assert!(reduce(&mut d.custom_rules, RulesAction::Reset));
        assert!(d.rules().is_builtin());
        assert!(!reduce(&mut d.custom_rules, RulesAction::Reset));
    }

    #[test]
    fn custom_rules_are_saved_and_older_saves_load_unchanged() {
        let mut d = seed();
        d.custom_rules = Some(CustomRules::parse(BUILTIN_JSON).unwrap());
        let back = decode(&encode(&d)).unwrap();
        assert_eq!(back, d);
        assert!(!back.rules().is_builtin());
        // A save without the field (every save before it existed).
        let old = encode(&seed()).replace(",\"custom_rules\":null", "");
        assert!(!old.contains("custom_rules"));
        let back = decode(&old).unwrap();
        assert!(back.custom_rules.is_none() && back.rules().is_builtin());
        // A saved file this build rejects is kept, but does not decide.
        let mut bad = seed();
        bad.custom_rules = Some(CustomRules {
            text: "{\"format\":1}".into(),
            rules: None,
            fingerprint: Fingerprint::of_custom("{\"format\":1}"),
        });
        let back = decode(&encode(&bad)).unwrap();
        assert_eq!(back.custom_rules.as_ref().unwrap().text(), "{\"format\":1}");
        assert!(back.rules().is_builtin());
        assert_eq!(back.rules_fingerprint(), Fingerprint::builtin());
        // An applied file decides, and its fingerprint is its own.
        let text = crate::policy::rules::BUILTIN_JSON.replace("\"format\"", " \"format\"");
        let mut own = seed();
        own.custom_rules = Some(CustomRules::parse(&text).unwrap());
        let f = own.rules_fingerprint();
        assert!(f.is_custom());
        assert_eq!(f.sha256(), crate::policy::sha256::hex(text.as_bytes()));
    }

    #[test]
    fn imports_say_what_is_wrong() {
        assert_eq!(
            import(&vec![b' '; MAX_IMPORT_BYTES + 1]),
            Err(ImportError::TooLarge)
        );
        assert_eq!(import(&[0x7b, 0xff, 0x7d]), Err(ImportError::NotUtf8));
        assert_eq!(
            import(b"{\n  \"a\": }"),
            Err(ImportError::NotJson { line: 2, column: 8 })
        );
        assert_eq!(import(b"\xef\xbb\xbf{}").as_deref(), Ok("{}"));
    }

    #[test]
    fn the_editor_shows_a_readable_file_with_the_same_rules() {
        let text = editor_text(&seed());
        assert!(text.lines().count() > 300, "one field per line");
        assert!(text.contains("\n  \"rules\": [\n    {\n      \"id\": \"default-open\","));
        assert!(text.contains("\"contexts\": [\"chat\", \"group\", \"moments\", \"mini_program\"]"));
        let again = Rules::from_json(&text).unwrap();
        assert_eq!(again.rules().len(), Rules::builtin().rules().len());
        assert_eq!(
            pretty("{\"a\":[],\"b\":{},\"c\":-3}"),
            "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": -3\n}\n"
        );
        assert_eq!(pretty("not json"), "not json");
    }

    #[test]
    fn error_positions_become_textarea_offsets() {
        let text = "ab\n\u{7530}\u{1F600}x\nz";
        assert_eq!(utf16_offset(text, 1, 1), 0);
        assert_eq!(utf16_offset(text, 2, 1), 3);
        // U+1F600 is two UTF-16 units.
        assert_eq!(utf16_offset(text, 2, 3), 3 + 1 + 2);
        assert_eq!(utf16_offset(text, 3, 1), 8);
        assert_eq!(utf16_offset(text, 9, 1), 9, "past the end: the end");
    }

    #[test]
    fn broken_files_are_reported_with_positions() {
        // Each broken file: the line and column of its first error, and
        // the rule and field named.
        let base = editor_text(&seed());
        let cases: [(String, Option<&str>, &str); 4] = [
            (
                base.replacen("\"outcome\": \"open\"", "\"outcome\": \"opne\"", 1),
                Some("default-open"),
                "outcome",
            ),
            (
                base.replacen(
                    "\"valid_from\": \"2013-11-01\"",
                    "\"valid_from\": \"2013-13-01\"",
                    1,
                ),
                Some("taobao-copy-2013-11"),
                "valid_from",
            ),
            (
                base.replacen("\"id\": \"wechat-own-open\"", "\"id\": \"default-open\"", 1),
                Some("default-open"),
                "id",
            ),
            (
                base.replacen("\"format\": 1,", "\"format\": 1", 1),
                None,
                "json",
            ),
        ];
        for (text, rule, field) in cases {
            let Err(errors) = CustomRules::parse(&text) else {
                panic!("{field}: the broken file validated");
            };
            let e = &errors[0];
            assert_eq!((e.rule.as_deref(), e.field.as_str()), (rule, field), "{e}");
            let (line, column) = (e.line.unwrap(), e.column.unwrap());
            // The position points into the broken line.
            let l = text.lines().nth(line - 1).unwrap();
            assert!(column <= l.chars().count() + 1, "{e}: {l}");
            if field != "json" {
                assert!(l.contains(field), "{e}: line {line} is {l:?}");
            }
        }
    }
}
