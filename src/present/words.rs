//! The words for the policy's enums and names: outcomes, confidence,
//! contexts, card displays, platforms and a rule's dates. One map each,
//! shared by the markup of `present` and the `html!` of `ui`, so that a
//! screen and a table can never call the same thing two names.

use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::rules::{CardDisplay, Confidence, Context, Outcome, Rule, Rules};

/// The words for an outcome, in full ("Opens in WeChat's in-app browser").
pub fn outcome_key(o: Outcome) -> T {
    outcome_words(o).0
}

/// The words for an outcome, short (a chip, a matrix cell: "Opens").
pub fn outcome_chip(o: Outcome) -> T {
    outcome_words(o).1
}

/// An outcome's words: in full, and short.
fn outcome_words(o: Outcome) -> (T, T) {
    match o {
        Outcome::Open => (T::OutOpen, T::ChipOpen),
        Outcome::Confirm => (T::OutConfirm, T::ChipConfirm),
        Outcome::Warn => (T::OutWarn, T::ChipWarn),
        Outcome::CopyToBrowser => (T::OutCopy, T::ChipCopy),
        Outcome::Blocked => (T::OutBlocked, T::ChipBlocked),
        Outcome::MiniProgram => (T::OutMini, T::ChipMini),
        Outcome::Rejected => (T::OutRejected, T::ChipRejected),
    }
}

/// The words for a confidence level.
pub fn confidence_key(c: Confidence) -> T {
    match c {
        Confidence::High => T::ConfHigh,
        Confidence::Medium => T::ConfMedium,
        Confidence::Low => T::ConfLow,
    }
}

/// A context's name as a column title or a filter's option ("Chat").
pub fn context_name(c: Context) -> T {
    match c {
        Context::Chat => T::ChatCol,
        Context::Group => T::GroupCol,
        Context::Moments => T::Moments,
        Context::MiniProgram => T::MiniPrograms,
    }
}

/// Where a link was shared, as the opener asks it ("In a chat").
pub fn shared_in(c: Context) -> T {
    match c {
        Context::Chat => T::InChat,
        Context::Group => T::InGroup,
        Context::Moments => T::Moments,
        Context::MiniProgram => T::MiniPrograms,
    }
}

/// The words for a card that differs from a plain card, if it does.
pub fn display_key(d: CardDisplay) -> Option<T> {
    match d {
        CardDisplay::Private => Some(T::DispPrivate),
        CardDisplay::Folded => Some(T::DispFolded),
        CardDisplay::Text => Some(T::DispText),
        CardDisplay::Card => None,
    }
}

/// A platform's name in `lang` for its id (`taobao` → "Taobao"), or words
/// saying it is none of the record's platforms (the batch table's `none`).
pub fn platform_name<'a>(rules: &'a Rules, id: &str, lang: Lang) -> &'a str {
    match rules.platform(id) {
        Some(p) => lang.pick(&p.name_en, &p.name_zh),
        None => T::ChipNoPlatform.tr(lang),
    }
}

/// A platform's name in `lang`, or its id for a platform the active rules
/// no longer have (the timeline's rows).
pub fn platform_label<'a>(rules: &'a Rules, id: &'a str, lang: Lang) -> &'a str {
    rules
        .platform(id)
        .map_or(id, |p| lang.pick(&p.name_en, &p.name_zh))
}

/// When a rule is in force, as the screens say it: `2018-03-01 – ` or
/// `2020-02-28 – 2020-02-29`, and words instead of a first day the record
/// does not give (never an invented date).
pub fn in_force(r: &Rule, lang: Lang) -> String {
    let from = r
        .start()
        .map_or_else(|| T::NoStart.tr(lang).to_string(), |d| d.to_string());
    let until = r.valid_until.map(|u| u.to_string()).unwrap_or_default();
    from + " – " + &until
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_force_says_when_the_record_gives_no_start() {
        let rules = Rules::builtin();
        let r = |id| rules.rule(id).unwrap();
        assert_eq!(
            in_force(r("feishu-blocked-2020-02-28"), Lang::En),
            "2020-02-28 – 2020-02-29"
        );
        let undated = in_force(r("taobao-password-text"), Lang::En);
        assert!(
            undated.starts_with("Start not in the record – "),
            "{undated}"
        );
        assert!(!in_force(r("mp-short-link"), Lang::Zh).contains("0001"));
    }

    #[test]
    fn platforms_have_names_or_say_they_have_none() {
        let rules = Rules::builtin();
        assert_eq!(platform_name(rules, "taobao", Lang::Zh), "淘宝");
        assert_eq!(platform_name(rules, "none", Lang::Zh), "记录外");
        assert_eq!(platform_label(rules, "taobao", Lang::En), "Taobao");
        assert_eq!(platform_label(rules, "gone", Lang::En), "gone");
    }

    #[test]
    fn every_outcome_has_two_sets_of_words() {
        use Outcome::*;
        for o in [
            Open,
            Confirm,
            Warn,
            CopyToBrowser,
            Blocked,
            MiniProgram,
            Rejected,
        ] {
            for lang in [Lang::En, Lang::Zh] {
                assert!(!outcome_key(o).tr(lang).is_empty(), "{o:?}");
                assert_ne!(outcome_key(o), outcome_chip(o), "{o:?}");
            }
        }
    }
}
