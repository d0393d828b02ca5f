//! Why a Moments post cannot be posted, in the user's language.

use super::{Explain, Lang, T};
use crate::policy::rules::Rules;
use crate::state::moments::DraftError;

impl Explain for DraftError {
    fn explain(&self, lang: Lang) -> String {
        match self {
            DraftError::Empty => T::DraftEmpty.tr(lang).into(),
            DraftError::NoAudience => T::DraftNoAudience.tr(lang).into(),
            DraftError::BadLink { link } => format!("{} {link}", T::DraftBadLink.tr(lang)),
            DraftError::TooLong { chars } => format!("{} {chars}", T::DraftTooLong.tr(lang)),
            DraftError::Refused { rule, link } => {
                // The deciding rule's own words (a refusal, not a web
                // page), the record ids it cites, and what it assumes.
                let mut s = String::from(T::DraftRefused.tr(lang));
                s.push(' ');
                s.push_str(link);
                if let Some(r) = Rules::builtin().rule(rule) {
                    let t = r.texts.get(lang);
                    s.push(' ');
                    s.push_str(&t.title);
                    s.push_str(lang.pick(". ", "。"));
                    s.push_str(&t.reason);
                    s.push_str(" (");
                    s.push_str(&r.sources.join(", "));
                    s.push(')');
                    if let Some(a) = r.assumed.as_ref().filter(|_| r.assumption) {
                        s.push(' ');
                        s.push_str(T::BadgeAssumption.tr(lang));
                        s.push_str(lang.pick(": ", "："));
                        s.push_str(a.get(lang));
                    }
                }
                s.push_str(" [");
                s.push_str(rule);
                s.push(']');
                s
            }
        }
    }
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.explain(Lang::En))
    }
}
