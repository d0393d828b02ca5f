//! The parts of what a user sees of a decision, which a rule may take from
//! the rule below it (`inherits`) and whose provenance the trace records.

/// A part of what the user sees of a decision. Each part comes from one
/// rule (its provenance, in the trace), so that a decision is an
/// assumption exactly when a part the user sees comes from an assumed rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The page shown on tapping: the outcome with its title and body.
    Page,
    /// How the card looks.
    Display,
    /// Whether a share button is offered.
    Share,
    /// The reason given under the page.
    Reason,
    /// Whether the page itself loads where the phone is (the network).
    Network,
}

impl Part {
    /// Every part, in the order the trace names them.
    pub const ALL: [Part; 5] = [
        Part::Page,
        Part::Display,
        Part::Share,
        Part::Reason,
        Part::Network,
    ];
    /// The data value (`inherits` in a rules file).
    pub const fn as_str(self) -> &'static str {
        match self {
            Part::Page => "page",
            Part::Display => "display",
            Part::Share => "share",
            Part::Reason => "reason",
            Part::Network => "network",
        }
    }
    /// The parts a rule may take from the rule below it (`inherits`):
    /// its reason is always its own.
    pub fn parse_inheritable(s: &str) -> Option<Part> {
        [Part::Page, Part::Display, Part::Share]
            .into_iter()
            .find(|p| p.as_str() == s)
    }
    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of [`Part`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Parts(u8);

impl Parts {
    /// No part.
    pub const NONE: Parts = Parts(0);
    /// What a rule supplies when it inherits nothing.
    pub const RULE: Parts =
        Parts(Part::Page.bit() | Part::Display.bit() | Part::Share.bit() | Part::Reason.bit());
    /// The set of one part.
    pub const fn of(p: Part) -> Parts {
        Parts(p.bit())
    }
    /// Whether `p` is in the set.
    pub const fn has(self, p: Part) -> bool {
        self.0 & p.bit() != 0
    }
    /// The set with `p` added.
    pub const fn with(self, p: Part) -> Parts {
        Parts(self.0 | p.bit())
    }
    /// The union of both.
    pub const fn with_all(self, other: Parts) -> Parts {
        Parts(self.0 | other.0)
    }
    /// The parts of `self` that are not in `other`.
    pub const fn minus(self, other: Parts) -> Parts {
        Parts(self.0 & !other.0)
    }
    /// The parts in both.
    pub const fn and(self, other: Parts) -> Parts {
        Parts(self.0 & other.0)
    }
    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The parts, in [`Part::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Part> {
        Part::ALL.into_iter().filter(move |p| self.has(*p))
    }
}
