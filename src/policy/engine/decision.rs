//! What the engine returns: the decision with its `data-*` values, how
//! sure it is, and what the other rollout cohort saw.

use super::super::link::{MpViolation, RejectReason};
use super::super::rules::{BiText, CardDisplay, Caveat, Confidence, LinkForm, Outcome, Texts};
use super::super::scenario::Cohort;
use super::{FormReason, TraceStep};
use std::sync::Arc;

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
    /// The weakest confidence of the rules that supplied what the user
    /// sees, at most medium for an assumption (`data-confidence`).
    pub confidence: Confidence,
    /// Whether any rule that supplied a part the user sees, or the
    /// platform, rests on an assumption (`data-assumption`).
    pub assumption: bool,
    /// What was assumed: the texts of every supplying rule and the
    /// platform.
    pub assumed: Vec<Arc<BiText>>,
    /// A weaker part of the deciding rule's text, shown apart.
    pub caveat: Option<Arc<Caveat>>,
    /// Whether the site's page itself loads where the phone is
    /// (`data-reachable`): no when the network does not deliver it (record
    /// §7), whatever WeChat did.
    pub reachable: bool,
    /// What the user reads when the page does not load: the network's
    /// page, labelled as the network's, not WeChat's.
    pub network: Option<Arc<Texts>>,
    /// What the other rollout cohort saw, when a gradual rollout made it
    /// differ on this day.
    pub other_cohort: Option<OtherCohort>,
    /// The rules were not the built-in ones (the UI says so).
    pub custom: bool,
    /// For an invalid mini-program URL Scheme: each rule it breaks.
    pub violations: Vec<MpViolation>,
    /// Why the link's form alone was refused, if it was: typed, so that
    /// the engine stays free of words; the string table's `reason` adds it
    /// to the deciding rule's reason.
    pub note: Option<FormNote>,
}

/// What a link's form says before any rule: added to the reason the user
/// reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormNote {
    /// Expired, not yet created, or for testers only.
    Form(FormReason),
    /// An invalid mini-program URL Scheme: every rule in
    /// [`Decision::violations`].
    Invalid,
    /// Not a link WeChat takes.
    Rejected(RejectReason),
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
    /// `yes` or `no` (`data-reachable`).
    pub fn reachable_str(&self) -> &'static str {
        if self.reachable {
            "yes"
        } else {
            "no"
        }
    }
    /// `builtin` or `custom`: which rules decided (`data-rules-source`).
    pub fn rules_source(&self) -> &'static str {
        if self.custom {
            "custom"
        } else {
            "builtin"
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
