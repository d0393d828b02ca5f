//! The rules screen's markup: the active rules as a list of disclosures
//! with each rule's details, and the editor's errors.

use super::href;
use super::markup::Markup;
use super::words::{confidence_key, context_name, in_force, outcome_key};
use crate::i18n::{Explain, T};
use crate::lang::Lang;
use crate::policy::rules::{Rule, RuleError, Rules};

/// The rules of `list` (of `rules`) as a list of disclosures; the one
/// whose id is `target` starts open.
pub fn list(list: &[&Rule], rules: &Rules, lang: Lang, target: Option<&str>) -> Markup {
    let mut m = Markup::with_capacity(64 + list.len() * 900);
    m.el("ul", &[("class", "rules-items")], |m| {
        for r in list {
            m.el("li", &[], |m| {
                item(m, r, rules, lang, target == Some(&*r.id))
            });
        }
    });
    m
}

/// The editor's errors: a button per error, carrying its line and column
/// (a click puts the cursor there).
pub fn errors(errors: &[RuleError], lang: Lang) -> Markup {
    let mut m = Markup::new();
    for e in errors {
        let (line, column) = (e.line.unwrap_or(1), e.column.unwrap_or(1));
        m.el("li", &[], |m| {
            let attrs = [
                ("type", "button"),
                ("class", "rules-error"),
                ("data-line", &line.to_string()),
                ("data-column", &column.to_string()),
            ];
            m.leaf("button", &attrs, &e.explain(lang));
        });
    }
    m
}

/// Appends `<dt>label</dt><dd>value</dd>`.
fn row(m: &mut Markup, label: T, lang: Lang, value: &str) {
    m.leaf("dt", &[], label.tr(lang)).leaf("dd", &[], value);
}

/// One rule, its details behind a disclosure.
fn item(m: &mut Markup, r: &Rule, rules: &Rules, lang: Lang, open: bool) {
    let id = &*r.id;
    let element_id = String::from("rule-") + id;
    let mut attrs = vec![
        ("class", "rule"),
        ("tabindex", "-1"),
        ("id", &*element_id),
        ("data-rule", id),
        ("data-outcome", r.outcome.as_str()),
    ];
    if open {
        attrs.push(("open", ""));
    }
    m.el("details", &attrs, |m| {
        m.el("summary", &[], |m| {
            m.leaf("code", &[], id).text(" · ");
            m.text(outcome_key(r.outcome).tr(lang));
        });
        m.el("dl", &[("class", "rule-details")], |m| {
            details(m, r, rules, lang)
        });
    });
}

/// A rule's fields, each as a term and its description.
fn details(m: &mut Markup, r: &Rule, rules: &Rules, lang: Lang) {
    let sep = lang.pick(": ", "：");
    let list = |v: Vec<String>, glue: &str| {
        if v.is_empty() {
            T::NoneLabel.tr(lang).to_string()
        } else {
            v.join(glue)
        }
    };
    let c = &r.conditions;
    let conditions: Vec<String> = [
        c.region.map(|x| String::from("region=") + x.as_str()),
        c.os.map(|x| String::from("os=") + x.as_str()),
        c.vpn
            .map(|x| String::from("vpn=") + if x { "on" } else { "off" }),
        c.cohort.map(|x| String::from("cohort=") + x.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let t = r.texts.get(lang);
    let platforms: Vec<String> = r
        .platforms
        .iter()
        .map(|p| {
            rules
                .platform(p)
                .map_or(p.clone(), |x| lang.pick(&x.name_en, &x.name_zh).to_string())
        })
        .collect();
    row(m, T::InForce, lang, &in_force(r, lang));
    let contexts = r
        .contexts
        .iter()
        .map(|c| context_name(*c).tr(lang).to_string());
    let contexts = list(contexts.collect(), lang.pick(", ", "、"));
    row(m, T::ContextsLabel, lang, &contexts);
    row(m, T::PlatformsLabel, lang, &list(platforms, ", "));
    let categories = list(r.categories.clone(), ", ");
    row(m, T::CategoriesLabel, lang, &categories);
    let forms: Vec<&str> = r.forms.iter().map(|f| f.as_str()).collect();
    row(m, T::FormsLabel, lang, &forms.join(", "));
    row(m, T::ConditionsLabel, lang, &list(conditions, ", "));
    let outcome = String::from(outcome_key(r.outcome).tr(lang))
        + " · "
        + T::DisplayLabel.tr(lang)
        + sep
        + r.display.as_str();
    row(m, T::Outcome, lang, &outcome);
    row(m, T::PriorityLabel, lang, &r.priority.to_string());
    let texts: Vec<&str> = [&t.title, &t.body, &t.reason]
        .into_iter()
        .filter(|x| !x.is_empty())
        .map(String::as_str)
        .collect();
    row(m, T::TextsLabel, lang, &texts.join(" · "));
    m.leaf("dt", &[], T::Sources.tr(lang));
    m.el("dd", &[], |m| {
        for src in &r.sources {
            let entry = src.split('#').next().unwrap_or(src);
            let to = href::timeline_entry(entry);
            m.leaf("a", &[("class", "why-source"), ("href", &to)], src);
            m.text(" ");
        }
    });
    let confidence = confidence_key(r.confidence).tr(lang);
    row(m, T::ConfidenceLabel, lang, confidence);
    if r.assumption {
        let what = r
            .assumed
            .as_ref()
            .map_or(T::Assumption.tr(lang), |a| a.get(lang));
        row(m, T::BadgeAssumption, lang, what);
    }
}
