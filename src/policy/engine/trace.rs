//! The trace of a decision: every rule considered, and why it did or did
//! not decide.

use super::super::rules::{Confidence, Parts};
use super::super::scenario::Date;
use std::fmt;
use std::sync::Arc;

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
    /// It is the next rule in force below a rule that keeps parts of the
    /// rule below it (`inherits`): it supplies them (`TraceStep::supplies`).
    Supplies(Arc<str>),
    /// Not a rule: the platform's registry entry (its domain) is an
    /// assumption, so every decision about it rests on one.
    AssumedPlatform,
    /// Not a WeChat rule: the network where the phone is does not deliver
    /// the site's page (record §7), whatever WeChat did.
    Unreachable,
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
    /// How well the rule's sources support it.
    pub confidence: Confidence,
    /// The parts of what the user sees that come from this rule (its
    /// provenance): empty for rules that only concur or did not apply.
    pub supplies: Parts,
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
            Why::Supplies(to) => write!(f, "applies below {to}, which takes parts from it")?,
            Why::AssumedPlatform => write!(f, "the platform's registry entry is assumed")?,
            Why::Unreachable => write!(
                f,
                "the network in mainland China does not deliver this site without a VPN"
            )?,
        }
        if !self.supplies.is_empty() {
            write!(f, "; supplies")?;
            for p in self.supplies.iter() {
                write!(f, " {}", p.as_str())?;
            }
        }
        if self.assumption {
            write!(f, " (assumption)")?;
        }
        if self.low_confidence() {
            write!(f, " (low confidence: weak sources)")?;
        }
        Ok(())
    }
}

impl TraceStep {
    /// Whether the rule's sources are weak.
    pub fn low_confidence(&self) -> bool {
        self.confidence == Confidence::Low
    }
    /// The explanation as text (see the `Display` impl).
    pub fn why_text(&self) -> String {
        self.to_string()
    }
}
