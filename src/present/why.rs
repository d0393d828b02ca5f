//! The body of the Why section: the deciding rules with their dates and
//! sources, how sure the record is, what was assumed, what the other
//! rollout cohort saw, and a link to every change of the platform.

use super::href;
use super::markup::Markup;
use super::words::{in_force, outcome_key, platform_label};
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::engine::{Decision, TraceStep, Why};
use crate::policy::history::has_history;
use crate::policy::rules::{Outcome, Part, Rules};
use crate::policy::scenario::Cohort;

/// The Why section's body for `d`, which `rules` (the active ones)
/// decided. Markup: it has no controls.
pub fn body(d: &Decision, rules: &Rules, lang: Lang) -> Markup {
    let mut m = Markup::with_capacity(1024);
    if d.custom {
        let flag = [("class", "flag custom"), ("data-rules-source", "custom")];
        m.leaf("p", &flag, T::CustomRulesWhy.tr(lang));
    }
    // The deciding rule's reason, where the outcome's screen has no place
    // for it (an opened page): it is where a gradual rollout says what
    // others saw.
    let reason = crate::i18n::reason(d, lang);
    if d.outcome == Outcome::Open && !reason.is_empty() {
        m.leaf("p", &[("class", "why-reason")], &reason);
    }
    m.el("ul", &[("class", "why-rules")], |m| {
        for s in d.trace.iter().filter(|s| s.applied) {
            step(m, s, rules, lang);
        }
    });
    if !d.assumed.is_empty() {
        m.el("div", &[("class", "why-assumed")], |m| {
            m.leaf("h4", &[], T::Assumed.tr(lang));
            m.el("ul", &[], |m| {
                for a in &d.assumed {
                    m.leaf("li", &[], a.get(lang));
                }
            });
        });
    }
    if let Some(c) = &d.caveat {
        let attrs = [
            ("class", "why-caveat"),
            ("data-confidence", c.confidence.as_str()),
        ];
        m.el("div", &attrs, |m| {
            let title = String::from(T::Caveat.tr(lang)) + " · " + T::BadgeLow.tr(lang);
            m.leaf("h4", &[], &title);
            m.el("p", &[], |m| {
                m.text(c.text.get(lang)).text(" ");
                source_links(m, &c.sources);
            });
        });
    }
    if let Some(o) = &d.other_cohort {
        let attrs = [
            ("class", "why-cohort"),
            ("data-other-cohort", o.cohort.as_str()),
            ("data-other-outcome", o.outcome.as_str()),
        ];
        m.el("div", &attrs, |m| {
            m.leaf("h4", &[], T::OtherCohort.tr(lang));
            let saw = if o.cohort == Cohort::Early {
                T::EarlyCohortSaw
            } else {
                T::LateCohortSaw
            };
            m.el("p", &[], |m| {
                m.text(saw.tr(lang)).text(lang.pick(": ", "："));
                m.text(outcome_key(o.outcome).tr(lang)).text(" (");
                m.leaf("code", &[], &o.rule).text(")");
            });
        });
    }
    history_link(&mut m, d, rules, lang);
    m
}

/// "Every change of Douyin": a link to the history of the decision's
/// platform, if it has one (a platform of the matrix).
fn history_link(m: &mut Markup, d: &Decision, rules: &Rules, lang: Lang) {
    let Some(id) = d.platform.as_deref().filter(|p| has_history(rules, p)) else {
        return;
    };
    let text = String::from(T::EveryChangeOf.tr(lang))
        + lang.pick(" ", "")
        + platform_label(rules, id, lang);
    m.el("p", &[("class", "why-history")], |m| {
        m.leaf("a", &[("href", &href::history(id))], &text);
    });
}

/// One applied step of the trace: the rule, its role, what it supplied,
/// its dates and sources, and how sure the record is of it.
fn step(m: &mut Markup, s: &TraceStep, rules: &Rules, lang: Lang) {
    let sep = ": ";
    let id = &*s.rule_id;
    let assumed = s.why == Why::AssumedPlatform;
    let role = match s.why {
        Why::AssumedPlatform => T::PlatformAssumed,
        Why::Decided => T::Decides,
        Why::Supplies(_) => T::Supplies,
        Why::Unreachable => T::NetworkStep,
        _ => T::Agrees,
    };
    let key = if assumed {
        "data-platform-assumed"
    } else {
        "data-rule"
    };
    m.el("li", &[(key, id)], |m| {
        m.leaf("code", &[], id).text(" ");
        m.leaf("span", &[("class", "why-role")], role.tr(lang));
        if let Why::Supplies(_) = s.why {
            // Which parts of what the user sees came from this rule.
            let parts: Vec<&str> = s
                .supplies
                .iter()
                .filter_map(|p| part_words(p, lang))
                .collect();
            let parts = parts.join(lang.pick(", ", "、"));
            m.text(" ").leaf("span", &[("class", "why-parts")], &parts);
        }
        if s.why == Why::Unreachable {
            let label = T::NetworkLabel.tr(lang);
            m.text(" ").leaf("span", &[("class", "why-network")], label);
        }
        let rule = rules.rule(&s.rule_id).filter(|_| !assumed);
        if let Some(r) = rule {
            let dates = String::from(T::InForce.tr(lang)) + sep + &in_force(r, lang);
            m.leaf("p", &[("class", "why-dates")], &dates);
        }
        let network = rules.network_rules().iter().find(|n| n.id == s.rule_id);
        let sources = rule
            .map(|r| &r.sources)
            .or(network.map(|n| &n.sources))
            .filter(|_| !assumed);
        if let Some(sources) = sources {
            m.el("p", &[("class", "why-sources")], |m| {
                m.text(T::Sources.tr(lang)).text(sep);
                // The rule's own source ids are whole entry ids.
                source_links(m, sources);
            });
        }
        if s.low_confidence() && !assumed {
            m.leaf("p", &[("class", "flag low")], T::LowConfidence.tr(lang));
        }
        if s.assumption || assumed {
            let flag = [("class", "flag assumption")];
            m.leaf("p", &flag, T::Assumption.tr(lang));
        }
    });
}

/// The words for a part of what the user sees, `None` for the reason
/// (never inherited).
fn part_words(p: Part, lang: Lang) -> Option<&'static str> {
    let key = match p {
        Part::Page => T::PartPage,
        Part::Display => T::PartDisplay,
        Part::Share => T::PartShare,
        Part::Network => T::PartNetwork,
        Part::Reason => return None,
    };
    Some(key.tr(lang))
}

/// A link to the timeline entry of each source, no space between.
fn source_links(m: &mut Markup, sources: &[String]) {
    for src in sources {
        let entry = src.split('#').next().unwrap_or(src);
        let to = href::timeline_entry(entry);
        m.leaf("a", &[("class", "why-source"), ("href", &to)], src);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::engine::decide;
    use crate::policy::rules::Context;
    use crate::policy::scenario::day;

    #[test]
    fn why_links_to_every_change_of_the_platform_it_has() {
        let rules = Rules::builtin();
        let s = day("2021-10-01");
        let d = decide(rules, "https://www.douyin.com/", Context::Chat, &s);
        let m = body(&d, rules, Lang::En);
        assert!(
            m.as_str().contains(
                "<p class=\"why-history\"><a href=\"#/history?platform=douyin\">\
                 Every change of Douyin</a></p>"
            ),
            "{}",
            m.as_str()
        );
        let zh = body(&d, rules, Lang::Zh);
        assert!(zh.as_str().contains(">历次变化：抖音</a>"));
        // A link of no platform of the record has no history to link to.
        let none = decide(rules, "https://example.com/", Context::Chat, &s);
        assert!(!body(&none, rules, Lang::En)
            .as_str()
            .contains("why-history"));
    }
}
