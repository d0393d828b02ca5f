//! What the user sees of a decision, part by part (the page, the card's
//! display, the share button, the reason), as the engine takes each part
//! from the rule that supplies it, and how sure the result is.

use super::super::rules::{CardDisplay, Confidence, Outcome, Part, Parts, Rule, Text, Texts};
use super::{TraceStep, Why};
use std::sync::Arc;

/// How sure a decision is, derived in this one place from its trace: it
/// is an assumption when any step that supplied a part the user sees (or
/// the platform's registry entry) is one; its confidence is the weakest of
/// those steps, and an assumption caps it at medium.
pub(super) fn honesty(trace: &[TraceStep]) -> (Confidence, bool) {
    let mut confidence = Confidence::High;
    let mut assumption = false;
    for s in trace
        .iter()
        .filter(|s| !s.supplies.is_empty() || s.why == Why::AssumedPlatform)
    {
        confidence = confidence.weakest(s.confidence);
        assumption |= s.assumption;
    }
    if assumption {
        confidence = confidence.weakest(Confidence::Medium);
    }
    (confidence, assumption)
}

/// What the user sees of a decision while the engine walks the rules:
/// the deciding rule's values, replaced part by part by the rules below
/// it that supply what it inherits.
pub(super) struct Shown {
    pub(super) outcome: Outcome,
    pub(super) display: CardDisplay,
    pub(super) share: bool,
    /// The rule whose page (title and body) is shown.
    page: Arc<Texts>,
}

impl Shown {
    pub(super) fn of(r: &Rule) -> Shown {
        Shown {
            outcome: r.outcome,
            display: r.display,
            share: r.share,
            page: r.texts.clone(),
        }
    }
    pub(super) fn take(&mut self, r: &Rule, parts: Parts) {
        if parts.has(Part::Page) {
            self.outcome = r.outcome;
            self.page = r.texts.clone();
        }
        if parts.has(Part::Display) {
            self.display = r.display;
        }
        if parts.has(Part::Share) {
            self.share = r.share;
        }
    }
    pub(super) fn agrees(&self, r: &Rule) -> bool {
        (self.outcome, self.display, self.share) == (r.outcome, r.display, r.share)
    }
    /// The texts shown: the page's title and body, the deciding rule's
    /// reason.
    pub(super) fn texts(&self, decided: &Rule) -> Arc<Texts> {
        if Arc::ptr_eq(&self.page, &decided.texts) {
            return self.page.clone();
        }
        let mix = |page: &Text, own: &Text| Text {
            title: page.title.clone(),
            body: page.body.clone(),
            reason: own.reason.clone(),
        };
        Arc::new(Texts {
            en: mix(&self.page.en, &decided.texts.en),
            zh: mix(&self.page.zh, &decided.texts.zh),
        })
    }
}
