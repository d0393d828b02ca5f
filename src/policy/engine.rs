//! The decision: what WeChat did with a link, shared where, on which day,
//! and why.
//!
//! [`decide`] is total (any text, any scenario, never a panic) and
//! deterministic. Its cost does not depend on the number of rules: the link
//! is parsed once, its host is matched against a hash map of domains (one
//! lookup per label), and only the rules indexed under its form, context and
//! platform are looked at.

use super::link::{parse_link, EnvVersion, HostKind, Link, MpScheme, MpViolation};
use super::rules::{
    BiText, CardDisplay, Caveat, Confidence, Context, LinkForm, Outcome, Rule, Rules, Text, Texts,
};
use super::scenario::{Cohort, Date, Scenario};
use crate::i18n::{Explain, Lang};
use std::fmt;
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

/// Why a rule did or did not decide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// It matched first in precedence order, so it decided.
    Decided,
    /// It matched too and agrees with the deciding rule (same outcome,
    /// display and share): it is one of the reasons.
    Concurs,
    /// It matched but a rule of higher precedence decided otherwise.
    Overridden(Arc<str>),
    /// Not in force yet on the day.
    NotYet(Date),
    /// No longer in force on the day.
    Ended(Date),
    /// A condition on the scenario failed (`region`, `os` or `vpn`).
    Condition(&'static str),
    /// No rule matched; the engine's fallback decided.
    Fallback,
    /// Not a rule: the platform's registry entry (its domain) is an
    /// assumption, so every decision about it rests on one.
    AssumedPlatform,
}

/// One rule considered for a decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceStep {
    /// The rule's id.
    pub rule_id: Arc<str>,
    /// Whether it applied (decided or concurred).
    pub applied: bool,
    /// Why.
    pub why: Why,
    /// The rule rests on an assumption, not a source.
    pub assumption: bool,
    /// The rule's sources are weak.
    pub low_confidence: bool,
}

impl fmt::Display for TraceStep {
    /// The explanation in English; says "assumption" for rules resting on
    /// one, as the record requires.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.why {
            Why::Decided => write!(f, "applies and has the highest precedence: decides")?,
            Why::Concurs => write!(f, "applies and agrees with the deciding rule")?,
            Why::Overridden(by) => write!(f, "applies but is overridden by {by}")?,
            Why::NotYet(d) => write!(f, "not in force yet: valid from {d}")?,
            Why::Ended(d) => write!(f, "no longer in force: ended {d}")?,
            Why::Condition(c) => write!(f, "condition on {c} not met")?,
            Why::Fallback => write!(f, "no rule matched: the engine's fallback decides")?,
            Why::AssumedPlatform => write!(f, "the platform's registry entry is assumed")?,
        }
        if self.assumption {
            write!(f, " (assumption)")?;
        }
        if self.low_confidence {
            write!(f, " (low confidence: weak sources)")?;
        }
        Ok(())
    }
}

impl TraceStep {
    /// The explanation as text (see the `Display` impl).
    pub fn why_text(&self) -> String {
        self.to_string()
    }
}

/// What WeChat did with a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// What happens when the link is tapped (`data-outcome`).
    pub outcome: Outcome,
    /// How its card looks (`data-display`).
    pub display: CardDisplay,
    /// Whether a share button is offered (`data-share`).
    pub share: bool,
    /// The platform id, `None` when no platform matched.
    pub platform: Option<Arc<str>>,
    /// The host after WHATWG parsing, empty if none (`data-host`).
    pub host: String,
    /// The form of the link.
    pub form: LinkForm,
    /// What the user reads.
    pub texts: Arc<Texts>,
    /// The deciding rule first, then the rules concurring with it
    /// (`data-rules`).
    pub rules: Vec<Arc<str>>,
    /// Every rule considered, in precedence order.
    pub trace: Vec<TraceStep>,
    /// The deciding rule's confidence (`data-confidence`).
    pub confidence: Confidence,
    /// Whether the deciding rule or the platform rests on an assumption
    /// (`data-assumption`).
    pub assumption: bool,
    /// What was assumed: the deciding rule's and the platform's texts.
    pub assumed: Vec<Arc<BiText>>,
    /// A weaker part of the deciding rule's text, shown apart.
    pub caveat: Option<Arc<Caveat>>,
    /// What the other rollout cohort saw, when a gradual rollout made it
    /// differ on this day.
    pub other_cohort: Option<OtherCohort>,
    /// The rules were not the built-in ones (the UI says so).
    pub custom: bool,
    /// For an invalid mini-program URL Scheme: each rule it breaks.
    pub violations: Vec<MpViolation>,
}

/// What the other cohort of a gradual rollout saw on the same day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherCohort {
    /// The other cohort.
    pub cohort: Cohort,
    /// Its outcome.
    pub outcome: Outcome,
    /// The rule that decided it.
    pub rule: Arc<str>,
}

impl Decision {
    /// `high`, `medium` or `low` (`data-confidence`).
    pub fn confidence_str(&self) -> &'static str {
        self.confidence.as_str()
    }
    /// The confidence to warn about, if any: medium and low are shown as a
    /// badge, high is not.
    pub fn confidence_badge(&self) -> Option<Confidence> {
        (self.confidence != Confidence::High).then_some(self.confidence)
    }
    /// `yes` or `no` (`data-assumption`).
    pub fn assumption_str(&self) -> &'static str {
        if self.assumption {
            "yes"
        } else {
            "no"
        }
    }
    /// The platform id or `none` (`data-platform`).
    pub fn platform_id(&self) -> &str {
        self.platform.as_deref().unwrap_or("none")
    }
    /// `yes` or `no` (`data-share`).
    pub fn share_str(&self) -> &'static str {
        if self.share {
            "yes"
        } else {
            "no"
        }
    }
    /// The deciding rule ids, space-separated (`data-rules`).
    pub fn rules_attr(&self) -> String {
        let mut s = String::new();
        for (i, r) in self.rules.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(r);
        }
        s
    }
}

/// Why a link's form alone refuses it, before any rule is looked at: the
/// text is added to the deciding rule's reason, in each language.
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
    let mut d = decide_once(rules, link, context, scenario, viewer);
    if d.cohort_mattered(rules) {
        let other = Scenario {
            cohort: scenario.cohort.other(),
            ..*scenario
        };
        let o = decide_once(rules, link, context, &other, viewer);
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

impl Decision {
    /// Whether a rule naming a cohort was in force and matched the link
    /// apart from its cohort (so the other cohort may have seen otherwise).
    fn cohort_mattered(&self, rules: &Rules) -> bool {
        self.trace.iter().any(|s| {
            matches!(
                s.why,
                Why::Decided | Why::Concurs | Why::Overridden(_) | Why::Condition("cohort")
            ) && rules
                .rule(&s.rule_id)
                .is_some_and(|r| r.conditions.cohort.is_some())
        })
    }
}

fn decide_once(
    rules: &Rules,
    link: &str,
    context: Context,
    scenario: &Scenario,
    viewer: Viewer,
) -> Decision {
    let parsed = parse_link(link);
    let mut extra: Option<(String, String)> = None;
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
                    extra = Some((why.explain(Lang::En), why.explain(Lang::Zh)));
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
            let why = FormReason::TestersOnly(*env);
            extra = Some((why.explain(Lang::En), why.explain(Lang::Zh)));
            (LinkForm::MpSchemeTestersOnly, String::new(), None)
        }
        Link::MpScheme(_) => (LinkForm::MpScheme, String::new(), None),
        Link::MpInvalid(v) => {
            violations = v.clone();
            let all = |lang: Lang| {
                let texts: Vec<String> = v.iter().map(|x| x.explain(lang)).collect();
                texts.join(lang.pick("; ", "；"))
            };
            extra = Some((all(Lang::En), all(Lang::Zh)));
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
            extra = Some((reason.explain(Lang::En), reason.explain(Lang::Zh)));
            (
                LinkForm::NotALink,
                host.clone(),
                rules.platform_index(host, HostKind::Domain),
            )
        }
    };

    let candidates = rules.candidates(form, context, platform);
    let mut trace = Vec::with_capacity(candidates.len().max(1));
    let mut decided: Option<&Rule> = None;
    let mut ids: Vec<Arc<str>> = Vec::with_capacity(2);
    let date = scenario.date;
    for &ri in candidates {
        let r = rules.rule_at(ri);
        let why = if date < r.valid_from {
            Why::NotYet(r.valid_from)
        } else if let Some(u) = r.valid_until.filter(|&u| date >= u) {
            Why::Ended(u)
        } else if let Some(c) = r.conditions.failing(scenario) {
            Why::Condition(c)
        } else {
            match decided {
                None => {
                    decided = Some(r);
                    Why::Decided
                }
                Some(w)
                    if w.outcome == r.outcome && w.display == r.display && w.share == r.share =>
                {
                    Why::Concurs
                }
                Some(w) => Why::Overridden(w.id.clone()),
            }
        };
        let applied = matches!(why, Why::Decided | Why::Concurs);
        if applied {
            ids.push(r.id.clone());
        }
        trace.push(TraceStep {
            rule_id: r.id.clone(),
            applied,
            why,
            assumption: r.assumption,
            low_confidence: r.confidence == Confidence::Low,
        });
    }

    let mut assumed = Vec::new();
    let mut caveat = None;
    let (outcome, display, share, texts, confidence, mut assumption) = match decided {
        Some(r) => {
            assumed.extend(r.assumed.clone());
            caveat = r.caveat.clone();
            (
                r.outcome,
                r.display,
                r.share,
                r.texts.clone(),
                r.confidence,
                r.assumption,
            )
        }
        None => {
            trace.push(TraceStep {
                rule_id: FALLBACK_ID.into(),
                applied: true,
                why: Why::Fallback,
                assumption: true,
                low_confidence: false,
            });
            ids.push(FALLBACK_ID.into());
            let (o, d, s) = fallback(form);
            (o, d, s, Arc::new(Texts::default()), Confidence::Low, true)
        }
    };
    if let Some(p) = platform
        .map(|p| rules.platform_at(p))
        .filter(|p| p.assumption)
    {
        assumption = true;
        assumed.extend(p.assumed.clone());
        trace.push(TraceStep {
            rule_id: p.id.clone(),
            applied: true,
            why: Why::AssumedPlatform,
            assumption: true,
            low_confidence: false,
        });
    }
    let texts = match extra {
        None => texts,
        Some((en, zh)) => Arc::new(Texts {
            en: with_reason(&texts.en, &en),
            zh: with_reason(&texts.zh, &zh),
        }),
    };
    Decision {
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
        other_cohort: None,
        custom: !rules.is_builtin(),
        violations,
    }
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

fn with_reason(t: &Text, extra: &str) -> Text {
    let reason = if t.reason.is_empty() {
        extra.to_string()
    } else {
        format!("{} {}", t.reason, extra)
    };
    Text {
        title: t.title.clone(),
        body: t.body.clone(),
        reason,
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
        assert!(d.texts.en.reason.contains("vbscript"));
        assert_eq!(d.host, "");
    }
}
