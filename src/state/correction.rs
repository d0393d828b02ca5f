//! Suggest a correction (issue 26): the user says what they saw instead of
//! the app's decision, when, and on what evidence; the app makes a
//! correction file of it and can draft a rule from it, to see at once what
//! the claim would change. Nothing is sent anywhere: the file is the user's
//! to copy or download.
//!
//! Pure and without words: refusals are [`CorrectionError`]s and
//! [`DraftError`]s, which `i18n::correction` puts into words; the draft
//! rule's texts come from the caller ([`DraftTexts`]), so that this module
//! never names a language's string.

use super::model::Data;
use super::params::simulated_day;
use crate::json::{key, write_str, Kind, Node};
use crate::policy::engine::{decide, Decision};
use crate::policy::rules::{Context, LinkForm, Outcome, RuleError, BUILTIN_JSON};
use crate::policy::scenario::{vpn_str, Date, Scenario};
use crate::state::rules::{editor_text, pretty, CustomRules};

/// The longest text a field of a claim takes (characters): a sentence or a
/// citation, not a document, so that a pasted page cannot swell the rules
/// file the draft goes into.
pub const MAX_TEXT: usize = 2000;

/// What the dialog holds, as typed: nothing is parsed until the user asks
/// for a file or a draft, and a refusal keeps all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// What you saw.
    pub outcome: Outcome,
    /// What it said (optional).
    pub said: String,
    /// When, `YYYY-MM-DD` as the date input gives it.
    pub day: String,
    /// A link or a citation.
    pub source: String,
}

impl Form {
    /// A form for the decision `app` made on `day`: it starts from what the
    /// app showed, so the user changes only what differs.
    pub fn new(app: Outcome, day: Date) -> Form {
        Form {
            outcome: app,
            said: String::new(),
            day: day.to_string(),
            source: String::new(),
        }
    }
}

/// A claim that passed [`validate`]: what the user saw, trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// The outcome they saw.
    pub outcome: Outcome,
    /// The words it showed; empty when not given.
    pub said: String,
    /// The day they saw it, within the record's years.
    pub day: Date,
    /// Their evidence: a link or a citation, never empty.
    pub source: String,
}

/// Why a claim was refused; every one that applies is reported at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorrectionError {
    /// No source: a correction must say where it comes from.
    NoSource,
    /// The day is not a day of 2013-01-01..2023-12-31.
    BadDay,
    /// The same outcome as the app's and no words: nothing to correct.
    SameAsApp,
    /// A text is longer than [`MAX_TEXT`] characters.
    TooLong,
}

/// Checks a form against the app's outcome `app`.
pub fn validate(form: &Form, app: Outcome) -> Result<Claim, Vec<CorrectionError>> {
    let said = form.said.trim();
    let source = form.source.trim();
    let day = simulated_day(form.day.trim());
    let mut errors = Vec::new();
    if source.is_empty() {
        errors.push(CorrectionError::NoSource);
    }
    if day.is_none() {
        errors.push(CorrectionError::BadDay);
    }
    if form.outcome == app && said.is_empty() {
        errors.push(CorrectionError::SameAsApp);
    }
    if said.chars().count() > MAX_TEXT || source.chars().count() > MAX_TEXT {
        errors.push(CorrectionError::TooLong);
    }
    match day {
        Some(day) if errors.is_empty() => Ok(Claim {
            outcome: form.outcome,
            said: said.to_string(),
            day,
            source: source.to_string(),
        }),
        _ => Err(errors),
    }
}

/// The app's version, as the file names it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The file's `kind`, so that a reader (or a script) knows what it holds.
pub const KIND: &str = "walled-garden-correction";

/// The correction file: the scenario `s`, the link, the app's decision `d`
/// (of `link` shared in `context`, by `data`'s rules in `s`: the store's
/// scenario, or a side of Compare), the rules fingerprint, the claim and
/// its source, and the app's version. Written
/// with `crate::json`'s writer, so that any text the user typed stays a
/// JSON string and the file always parses.
pub fn correction_json(
    data: &Data,
    s: &Scenario,
    d: &Decision,
    link: &str,
    context: Context,
    claim: &Claim,
) -> String {
    let fp = data.rules_fingerprint();
    let mut o = String::with_capacity(1024);
    let str_field = |o: &mut String, first: bool, name: &str, v: &str| {
        key(o, first, name);
        write_str(o, v);
    };
    o.push('{');
    str_field(&mut o, true, "kind", KIND);
    key(&mut o, false, "format");
    o.push('1');
    str_field(&mut o, false, "app_version", VERSION);
    key(&mut o, false, "scenario");
    o.push('{');
    str_field(&mut o, true, "date", &s.date.to_string());
    str_field(&mut o, false, "shared_in", context.as_str());
    str_field(&mut o, false, "region", s.region.as_str());
    str_field(&mut o, false, "os", s.os.as_str());
    str_field(&mut o, false, "vpn", vpn_str(s.vpn));
    str_field(&mut o, false, "cohort", s.cohort.as_str());
    o.push('}');
    str_field(&mut o, false, "link", link);
    key(&mut o, false, "decision");
    o.push('{');
    str_field(&mut o, true, "outcome", d.outcome.as_str());
    str_field(&mut o, false, "display", d.display.as_str());
    str_field(&mut o, false, "share", d.share_str());
    str_field(&mut o, false, "platform", d.platform_id());
    str_field(&mut o, false, "host", &d.host);
    key(&mut o, false, "rules");
    strings(&mut o, d.rules.iter().map(|r| &**r));
    str_field(&mut o, false, "confidence", d.confidence_str());
    str_field(&mut o, false, "assumption", d.assumption_str());
    o.push('}');
    key(&mut o, false, "rules_fingerprint");
    o.push('{');
    str_field(&mut o, true, "sha256", fp.sha256());
    str_field(&mut o, false, "label", &fp.label());
    key(&mut o, false, "custom");
    o.push_str(if fp.is_custom() { "true" } else { "false" });
    o.push('}');
    key(&mut o, false, "claim");
    o.push('{');
    str_field(&mut o, true, "outcome", claim.outcome.as_str());
    str_field(&mut o, false, "said", &claim.said);
    str_field(&mut o, false, "date", &claim.day.to_string());
    o.push('}');
    str_field(&mut o, false, "source", &claim.source);
    o.push('}');
    o
}

/// A JSON array of strings.
fn strings<'a>(o: &mut String, items: impl IntoIterator<Item = &'a str>) {
    o.push('[');
    for (i, s) in items.into_iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        write_str(o, s);
    }
    o.push(']');
}

/// The texts of a draft rule in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftText {
    /// The page's title: what the user says it said, or the outcome's words.
    pub title: String,
    /// Why: that a user suggested it, and on what source.
    pub reason: String,
    /// What is assumed: the user's words, for the Why section.
    pub assumed: String,
}

/// A draft rule's texts in both languages (a rules file needs both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftTexts {
    /// English.
    pub en: DraftText,
    /// Chinese.
    pub zh: DraftText,
}

/// Why no draft rule could be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// A web link of no known platform: a rule without `platforms` would
    /// change every site's links, far more than the claim.
    NoPlatform,
    /// The rules file did not validate with the draft in it (a file the
    /// user edited by hand that the rules editor would refuse too).
    Invalid(Vec<RuleError>),
}

/// A draft rule, in the active rules file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The draft rule's id.
    pub id: String,
    /// The whole file with the draft in it, validated: apply it with
    /// `RulesAction::Apply`.
    pub rules: CustomRules,
}

/// A draft rule from `claim` about `link` shared in `context` in the
/// scenario `s` (on the claimed day), added at the top of the active rules
/// file (the user's own, or the built-in one laid
/// out as the editor shows it).
///
/// It decides, from the claimed day on, the platform, form and context of
/// the app's decision on that day, in the scenario's region, phone, VPN and
/// cohort (what the user saw is one scenario), with the claimed outcome
/// and the decision's display and share button (the claim is about the
/// page). It outranks the rule that decided that day by one priority, so
/// later rules of higher priority still take over. Its source is the
/// user's, as an extra source of the file; its confidence is low and it is
/// an assumption whose words are the user's.
pub fn draft_rule(
    data: &Data,
    s: &Scenario,
    link: &str,
    context: Context,
    claim: &Claim,
    texts: &DraftTexts,
) -> Result<Draft, DraftError> {
    let rules = data.rules();
    let scenario = Scenario {
        date: claim.day,
        ..*s
    };
    let d = decide(rules, link, context, &scenario);
    if d.platform.is_none() && d.form == LinkForm::Web {
        return Err(DraftError::NoPlatform);
    }
    // A saved file this build refuses leaves the built-in rules deciding:
    // the draft goes into those.
    let base = if data.custom_rules_shared().is_some() {
        editor_text(data)
    } else {
        pretty(BUILTIN_JSON)
    };
    let stem = format!("{}-{}-{}", claim.day, d.platform_id(), context.as_str());
    let id = unique(&format!("{DRAFT_PREFIX}{stem}"), |c| {
        rules.rule(c).is_some()
    });
    let source = unique(&format!("CORRECTION-{stem}"), |c| rules.knows_source(c));
    let priority = d
        .rules
        .first()
        .and_then(|r| rules.rule(r))
        .map_or(0, |r| r.priority)
        + 1;
    let rule = rule_text(&id, &source, &d, context, &scenario, claim, texts, priority);
    let mut src = String::from("\n    {\"id\": ");
    write_str(&mut src, &source);
    src.push_str(", \"section\": \"correction\", \"what\": ");
    write_str(&mut src, &claim.source);
    src.push('}');
    let text = insert(&base, &rule, &src).ok_or(DraftError::Invalid(Vec::new()))?;
    let rules = CustomRules::parse(&text).map_err(DraftError::Invalid)?;
    Ok(Draft { id, rules })
}

/// How every draft rule's id begins, so that a screen can tell a decision
/// a draft made.
pub const DRAFT_PREFIX: &str = "correction-";

/// `stem`, or `stem-2`, `stem-3`, … : the first that `taken` refuses.
fn unique(stem: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut id = stem.to_string();
    let mut n = 2;
    while taken(&id) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    id
}

/// The draft rule as the editor shows rules: one field a line.
#[allow(clippy::too_many_arguments)]
fn rule_text(
    id: &str,
    source: &str,
    d: &Decision,
    context: Context,
    s: &Scenario,
    claim: &Claim,
    texts: &DraftTexts,
    priority: i32,
) -> String {
    let mut o = String::with_capacity(1024);
    let line = |o: &mut String, first: bool, name: &str| {
        o.push_str(if first {
            "\n    {\n      "
        } else {
            ",\n      "
        });
        write_str(o, name);
        o.push_str(": ");
    };
    line(&mut o, true, "id");
    write_str(&mut o, id);
    line(&mut o, false, "valid_from");
    write_str(&mut o, &claim.day.to_string());
    if let Some(p) = &d.platform {
        line(&mut o, false, "platforms");
        strings(&mut o, [&**p]);
    }
    line(&mut o, false, "forms");
    strings(&mut o, [d.form.as_str()]);
    line(&mut o, false, "contexts");
    strings(&mut o, [context.as_str()]);
    line(&mut o, false, "conditions");
    o.push_str("{\"region\": ");
    write_str(&mut o, s.region.as_str());
    o.push_str(", \"os\": ");
    write_str(&mut o, s.os.as_str());
    o.push_str(if s.vpn {
        ", \"vpn\": true"
    } else {
        ", \"vpn\": false"
    });
    o.push_str(", \"cohort\": ");
    write_str(&mut o, s.cohort.as_str());
    o.push('}');
    line(&mut o, false, "outcome");
    write_str(&mut o, claim.outcome.as_str());
    line(&mut o, false, "display");
    write_str(&mut o, d.display.as_str());
    line(&mut o, false, "share");
    o.push_str(if d.share { "true" } else { "false" });
    line(&mut o, false, "texts");
    let text = |o: &mut String, lang: &str, t: &DraftText, first: bool| {
        o.push_str(if first { "{" } else { ", " });
        write_str(o, lang);
        o.push_str(": {\"title\": ");
        write_str(o, &t.title);
        o.push_str(", \"reason\": ");
        write_str(o, &t.reason);
        o.push('}');
    };
    text(&mut o, "en", &texts.en, true);
    text(&mut o, "zh", &texts.zh, false);
    o.push('}');
    line(&mut o, false, "sources");
    strings(&mut o, [source]);
    line(&mut o, false, "confidence");
    o.push_str("\"low\"");
    line(&mut o, false, "assumption");
    o.push_str("true");
    line(&mut o, false, "assumed");
    o.push_str("{\"en\": ");
    write_str(&mut o, &texts.en.assumed);
    o.push_str(", \"zh\": ");
    write_str(&mut o, &texts.zh.assumed);
    o.push('}');
    line(&mut o, false, "priority");
    crate::json::write_int(&mut o, i128::from(priority));
    o.push_str("\n    }");
    o
}

/// `base` (a rules file) with `rule` first in its `rules` and `source`
/// first in its `sources` (made when missing); `None` when `base` is not an
/// object with a `rules` array. Text is inserted rather than the file
/// written again, so that the user's file keeps its layout.
fn insert(base: &str, rule: &str, source: &str) -> Option<String> {
    let root = crate::json::parse(base).ok()?;
    let obj = root.as_object()?;
    let into = |n: &Node, item: &str| -> Option<(usize, String)> {
        let Kind::Arr(items) = &n.kind else {
            return None;
        };
        let comma = if items.is_empty() { "" } else { "," };
        Some((n.at + 1, format!("{item}{comma}")))
    };
    let mut edits = vec![into(obj.get("rules")?, rule)?];
    edits.push(match obj.get("sources") {
        Some(n) => into(n, source)?,
        None => (root.at + 1, format!("\n  \"sources\": [{source}\n  ],")),
    });
    // From the end, so that the first edit's offset still holds.
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut text = base.to_string();
    for (at, s) in edits {
        text.insert_str(at, &s);
    }
    Some(text)
}

#[cfg(test)]
mod tests;
