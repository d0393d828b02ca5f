//! What loading a rules file reports: one [`RuleError`] per problem, naming
//! the rule and the field, with a [`Problem`] that the string table renders
//! in the user's language.

use super::scenario::Date;
use crate::json::ErrorKind;

/// What is wrong with one field of a rules file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file is not JSON.
    Syntax(ErrorKind),
    /// A required field is absent.
    Missing,
    /// A field the format does not have.
    UnknownField,
    /// Not an object.
    NotObject,
    /// Not a string.
    NotString,
    /// Not an array of strings.
    NotStrings,
    /// Not an array.
    NotArray,
    /// Absent or not an array.
    MissingArray,
    /// Not `true` or `false`.
    NotBool,
    /// Not a whole number that fits in 32 bits.
    NotInteger,
    /// Not a string holding a date.
    NotDateString,
    /// A string that is no date `YYYY-MM-DD`.
    NotADate(String),
    /// `format` is not 1.
    FormatNot1,
    /// A rule without an id.
    MissingId,
    /// A platform id that is not lower-case letters, digits or `_`.
    BadPlatformId,
    /// `none` is what decisions say when no platform matched.
    ReservedNone,
    /// A platform id given twice.
    DuplicatePlatform,
    /// A rule id given twice.
    DuplicateRule,
    /// A source id given twice, or one of the record's own.
    DuplicateSource,
    /// A platform without domains.
    NoDomain,
    /// A domain that is not written as browsers print it.
    NotCanonicalDomain(String),
    /// A domain claimed by two platforms.
    DomainTwice(String),
    /// A category the file does not list.
    UnknownCategory(String),
    /// A platform the registry does not have.
    UnknownPlatform(String),
    /// A link form the engine does not know.
    UnknownForm(String),
    /// A context the engine does not know.
    UnknownContext(String),
    /// A value not among the field's values (`outcome`, `display`,
    /// `confidence`).
    UnknownValue(String),
    /// A source that is neither a record id nor documented by the file.
    UnknownSource(String),
    /// The same form or context twice.
    ListedTwice,
    /// `forms` given but empty.
    NoForm,
    /// `contexts` absent or empty.
    NoContext,
    /// A rule that cites nothing.
    NoSources,
    /// `valid_until` on or before `valid_from`.
    NotAfter {
        /// The end given.
        until: Date,
        /// The start given.
        from: Date,
    },
    /// Not one of these values.
    OneOf(&'static [&'static str]),
    /// `assumption: true` with `confidence: "high"`: an assumption is at
    /// most of medium confidence.
    AssumedButHigh,
}

/// A problem found when loading a rules file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    /// The rule's (or platform's) id, when known.
    pub rule: Option<String>,
    /// The field at fault (`valid_until`, `platforms[2]`, …), or `json`.
    pub field: String,
    /// What is wrong.
    pub problem: Problem,
    /// Line (1-based) of the rule, or of the syntax error.
    pub line: Option<usize>,
    /// Column (1-based).
    pub column: Option<usize>,
}
