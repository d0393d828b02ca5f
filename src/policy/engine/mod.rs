//! The decision: what WeChat did with a link, shared where, on which day,
//! and why.
//!
//! [`decide`] is total (any text, any scenario, never a panic) and
//! deterministic. Its cost does not depend on the number of rules: the link
//! is parsed once, its host is matched against a hash map of domains (one
//! lookup per label), and only the rules indexed under its form, context and
//! platform are looked at.

use super::link::{parse_link, EnvVersion, HostKind, Link, MpScheme};
use super::rules::{
    CardDisplay, Confidence, Context, LinkForm, Outcome, Part, Parts, Rule, Rules, Texts,
};
use super::scenario::{Date, Region, Scenario};
use std::sync::Arc;

/// Who is looking, for the rules that depend on the user rather than on the
/// scenario. Kept out of [`Scenario`] so the app's scenario parameters stay
/// those of the UI contract.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Viewer {
    /// Whether the user is a tester of the mini program (trial and develop
    /// versions open only for testers, record §3).
    pub mini_program_tester: bool,
}

mod decision;
mod shown;
mod trace;

pub use decision::{Decision, FormNote, OtherCohort};
use shown::{honesty, Shown};
pub use trace::{TraceStep, Why};

/// Why a link's form alone refuses it, before any rule is looked at: the
/// words (the string table's) are added to the deciding rule's reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormReason {
    /// A URL Link created `age` days before the day: they last 30 days.
    Expired {
        /// The day the link was created.
        created: Date,
        /// Days from then to the simulated day.
        age: i32,
    },
    /// A URL Link created after the simulated day.
    Future {
        /// The day the link was created.
        created: Date,
    },
    /// A trial or develop version, which opens for its testers only.
    TestersOnly(EnvVersion),
}

/// The id the trace uses when no rule matched.
pub const FALLBACK_ID: &str = "engine-fallback";

/// Decides a link shared in `context` in `scenario`, for a user who tests no
/// mini program.
pub fn decide(rules: &Rules, link: &str, context: Context, scenario: &Scenario) -> Decision {
    decide_as(rules, link, context, scenario, Viewer::default())
}

/// Like [`decide`], for a given viewer. When a rule for one rollout cohort
/// was in force, the link is decided for the other cohort too, and the
/// decision says what that cohort saw if it differs.
pub fn decide_as(
    rules: &Rules,
    link: &str,
    context: Context,
    scenario: &Scenario,
    viewer: Viewer,
) -> Decision {
    let (mut d, cohort_mattered) = decide_once(rules, link, context, scenario, viewer);
    if cohort_mattered {
        let other = Scenario {
            cohort: scenario.cohort.other(),
            ..*scenario
        };
        let (o, _) = decide_once(rules, link, context, &other, viewer);
        if (o.outcome, o.display) != (d.outcome, d.display) {
            d.other_cohort = Some(OtherCohort {
                cohort: other.cohort,
                outcome: o.outcome,
                rule: o.rules[0].clone(),
            });
        }
    }
    d
}

/// The decision for the scenario's cohort, and whether a rule naming a
/// cohort was in force and matched the link apart from its cohort (so the
/// other cohort may have seen otherwise). Told here, where each rule is at
/// hand: looking the trace's rules up by id afterwards cost a search of
/// every rule per step (400 ms for the timeline's matrix and chart with
/// 10,000 rules).
fn decide_once(
    rules: &Rules,
    link: &str,
    context: Context,
    scenario: &Scenario,
    viewer: Viewer,
) -> (Decision, bool) {
    let parsed = parse_link(link);
    let mut note: Option<FormNote> = None;
    let mut violations = Vec::new();
    let (form, host, platform) = match &parsed {
        Link::Web(u) => {
            let host = u.host();
            (
                LinkForm::Web,
                host.to_string(),
                rules.platform_index(host, u.host_kind()),
            )
        }
        Link::UrlLink { url, created } => {
            let mut form = LinkForm::UrlLink;
            if let Some(c) = created {
                let age = scenario.date.ordinal() - c.ordinal();
                let why = if age >= 30 {
                    Some(FormReason::Expired { created: *c, age })
                } else if age < 0 {
                    Some(FormReason::Future { created: *c })
                } else {
                    None
                };
                if let Some(why) = why {
                    form = LinkForm::UrlLinkExpired;
                    note = Some(FormNote::Form(why));
                }
            }
            let host = url.host();
            (
                form,
                host.to_string(),
                rules.platform_index(host, url.host_kind()),
            )
        }
        Link::MpScheme(MpScheme::Plain { env, .. })
            if *env != EnvVersion::Release && !viewer.mini_program_tester =>
        {
            note = Some(FormNote::Form(FormReason::TestersOnly(*env)));
            (LinkForm::MpSchemeTestersOnly, String::new(), None)
        }
        Link::MpScheme(_) => (LinkForm::MpScheme, String::new(), None),
        Link::MpInvalid(v) => {
            violations = v.clone();
            note = Some(FormNote::Invalid);
            (LinkForm::MpSchemeInvalid, String::new(), None)
        }
        Link::ShortLink { .. } => (LinkForm::MpShortLink, String::new(), None),
        Link::TaobaoPassword(_) => {
            let taobao = rules.platforms().iter().position(|p| &*p.id == "taobao");
            (
                LinkForm::TaobaoPassword,
                String::new(),
                taobao.map(|i| i as u32),
            )
        }
        Link::Rejected(reason, host) => {
            note = Some(FormNote::Rejected(reason.clone()));
            (
                LinkForm::NotALink,
                host.clone(),
                rules.platform_index(host, HostKind::Domain),
            )
        }
    };

    let candidates = rules.candidates(form, context, platform);
    let mut trace = Vec::with_capacity(candidates.len().max(1) + 1);
    let mut decided: Option<&Rule> = None;
    // What the user sees, part by part: each from the deciding rule, or,
    // for the parts it inherits, from the next rule in force below it.
    let mut shown: Option<Shown> = None;
    // The parts still to be taken from a rule further down.
    let mut needed = Parts::NONE;
    // The rules that supplied a part, the deciding one first.
    let mut suppliers: Vec<&Rule> = Vec::with_capacity(2);
    let mut ids: Vec<Arc<str>> = Vec::with_capacity(2);
    let mut cohort_mattered = false;
    let date = scenario.date;
    for &ri in candidates {
        let r = rules.rule_at(ri);
        let mut supplies = Parts::NONE;
        let why = if date < r.valid_from {
            Why::NotYet(r.valid_from)
        } else if let Some(u) = r.valid_until.filter(|&u| date >= u) {
            Why::Ended(u)
        } else if let Some(c) = r.conditions.failing(scenario) {
            Why::Condition(c)
        } else {
            match (decided, &mut shown) {
                (None, _) => {
                    decided = Some(r);
                    shown = Some(Shown::of(r));
                    needed = r.inherits;
                    supplies = Parts::RULE.minus(r.inherits);
                    Why::Decided
                }
                (Some(w), Some(v)) => {
                    supplies = needed.minus(r.inherits);
                    needed = needed.and(r.inherits);
                    v.take(r, supplies);
                    if !supplies.is_empty() {
                        Why::Supplies(w.id.clone())
                    } else if v.agrees(r) {
                        Why::Concurs
                    } else {
                        Why::Overridden(w.id.clone())
                    }
                }
                (Some(w), None) => Why::Overridden(w.id.clone()),
            }
        };
        cohort_mattered |= r.conditions.cohort.is_some()
            && matches!(
                why,
                Why::Decided
                    | Why::Concurs
                    | Why::Supplies(_)
                    | Why::Overridden(_)
                    | Why::Condition("cohort")
            );
        let applied = matches!(why, Why::Decided | Why::Concurs | Why::Supplies(_));
        if applied {
            ids.push(r.id.clone());
        }
        if !supplies.is_empty() {
            suppliers.push(r);
        }
        trace.push(TraceStep {
            rule_id: r.id.clone(),
            applied,
            why,
            assumption: r.assumption,
            confidence: r.confidence,
            supplies,
        });
    }
    // Parts no rule below could give: the deciding rule's own.
    if let Some(step) = trace.iter_mut().find(|s| s.why == Why::Decided) {
        step.supplies = step.supplies.with_all(needed);
    }

    let mut assumed = Vec::new();
    let mut caveat = None;
    let (outcome, display, share, texts) = match (decided, shown) {
        (Some(r), Some(v)) => {
            caveat = r.caveat.clone();
            (v.outcome, v.display, v.share, v.texts(r))
        }
        _ => {
            trace.push(TraceStep {
                rule_id: FALLBACK_ID.into(),
                applied: true,
                why: Why::Fallback,
                assumption: true,
                confidence: Confidence::Low,
                supplies: Parts::RULE,
            });
            ids.push(FALLBACK_ID.into());
            let (o, d, s) = fallback(form);
            (o, d, s, Arc::new(Texts::default()))
        }
    };
    assumed.extend(suppliers.iter().filter_map(|r| r.assumed.clone()));
    let platform_entry = platform.map(|p| rules.platform_at(p));
    if let Some(p) = platform_entry.filter(|p| p.assumption) {
        assumed.extend(p.assumed.clone());
        trace.push(TraceStep {
            rule_id: p.id.clone(),
            applied: true,
            why: Why::AssumedPlatform,
            assumption: true,
            confidence: Confidence::Medium,
            supplies: Parts::NONE,
        });
    }
    // The network: whether the page itself loads where the phone is.
    let network = platform_entry
        .filter(|_| form == LinkForm::Web)
        .and_then(|p| rules.network_rule_for(&p.id));
    let unreachable = network.filter(|_| scenario.region == Region::Mainland && !scenario.vpn);
    if let Some(n) = network {
        let (why, supplies) = match unreachable {
            Some(_) => (Why::Unreachable, Parts::of(Part::Network)),
            None if scenario.region != Region::Mainland => (Why::Condition("region"), Parts::NONE),
            None => (Why::Condition("vpn"), Parts::NONE),
        };
        if unreachable.is_some() {
            assumed.extend(n.assumed.clone());
        }
        trace.push(TraceStep {
            rule_id: n.id.clone(),
            applied: unreachable.is_some(),
            why,
            assumption: n.assumption,
            confidence: n.confidence,
            supplies,
        });
    }
    let (confidence, assumption) = honesty(&trace);
    let d = Decision {
        outcome,
        display,
        share,
        platform: platform.map(|p| rules.platform_at(p).id.clone()),
        host,
        form,
        texts,
        rules: ids,
        trace,
        confidence,
        assumption,
        assumed,
        caveat,
        reachable: unreachable.is_none(),
        network: unreachable.map(|n| n.texts.clone()),
        other_cohort: None,
        custom: !rules.is_builtin(),
        violations,
        note,
    };
    (d, cohort_mattered)
}

/// What happens when a rules file has no rule for a case: web links open
/// (as they do for sites no rule names), mini-program forms open as mini
/// programs, URL Links warn, and everything else is rejected, so that a
/// custom file can never make an unsafe link open.
fn fallback(form: LinkForm) -> (Outcome, CardDisplay, bool) {
    match form {
        LinkForm::Web => (Outcome::Open, CardDisplay::Card, true),
        LinkForm::UrlLink => (Outcome::Warn, CardDisplay::Card, true),
        LinkForm::MpScheme | LinkForm::MpShortLink => {
            (Outcome::MiniProgram, CardDisplay::Card, true)
        }
        LinkForm::UrlLinkExpired | LinkForm::MpSchemeTestersOnly => {
            (Outcome::Blocked, CardDisplay::Card, false)
        }
        LinkForm::MpSchemeInvalid | LinkForm::TaobaoPassword | LinkForm::NotALink => {
            (Outcome::Rejected, CardDisplay::Text, false)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_and_outcome_ids_match_the_ui_contract() {
        for c in ["chat", "group", "moments", "mini_program"] {
            assert_eq!(Context::parse(c).map(Context::as_str), Some(c));
        }
        assert_eq!(Context::parse("email"), None);
        let ids: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
        assert_eq!(
            ids,
            [
                "open",
                "confirm",
                "warn",
                "copy_to_browser",
                "blocked",
                "mini_program",
                "rejected"
            ]
        );
        let ds: Vec<&str> = CardDisplay::ALL.iter().map(|d| d.as_str()).collect();
        assert_eq!(ds, ["card", "folded", "text", "private"]);
    }

    #[test]
    fn fallback_when_no_rule_matches() {
        let empty = r#"{"format":1,"categories":[],"platforms":[],"rules":[]}"#;
        let r = Rules::from_json(empty).unwrap();
        let s = Scenario::default();
        let d = decide(&r, "https://taobao.com/", Context::Chat, &s);
        assert_eq!(
            (d.outcome, d.platform_id(), d.custom),
            (Outcome::Open, "none", true)
        );
        assert_eq!(d.rules_attr(), FALLBACK_ID);
        assert!(d.trace[0].to_string().contains("assumption"));
        let d = decide(&r, "javascript:alert(1)", Context::Chat, &s);
        assert_eq!(d.outcome, Outcome::Rejected);
    }

    #[test]
    fn conditions_are_traced() {
        let s = Scenario {
            os: super::super::scenario::Os::Android,
            ..Scenario::default()
        };
        let d = decide(
            Rules::builtin(),
            "weixin://dl/business/?t=x",
            Context::Chat,
            &s,
        );
        assert_eq!(&*d.rules[0], "mp-scheme-android");
        assert!(d
            .trace
            .iter()
            .any(|t| &*t.rule_id == "mp-scheme-ios" && t.why == Why::Condition("os")));
        assert_eq!(d.share_str(), "yes");
    }

    #[test]
    fn rejected_links_say_why() {
        let d = decide(
            Rules::builtin(),
            "vbscript:msgbox",
            Context::Group,
            &Scenario::default(),
        );
        assert_eq!(d.outcome, Outcome::Rejected);
        assert_eq!(
            d.note,
            Some(FormNote::Rejected(
                crate::policy::link::RejectReason::Scheme("vbscript".into())
            ))
        );
        assert_eq!(d.host, "");
    }
}
