//! Why an imported rules file was not taken, in the user's language.

use super::{errors::at, Explain, Lang, T};
use crate::state::rules::ImportError;

impl Explain for ImportError {
    fn explain(&self, lang: Lang) -> String {
        match self {
            ImportError::TooLarge => T::ImportTooLarge.tr(lang).into(),
            ImportError::NotUtf8 => T::ImportNotUtf8.tr(lang).into(),
            ImportError::NotJson { line, column } => {
                let mut s = String::from(T::ImportNotJson.tr(lang));
                s.push(' ');
                s.push_str(at(*line, *column, lang).trim_end_matches([' ', ':', '：']));
                s
            }
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.explain(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_errors_in_both_languages() {
        let e = ImportError::NotJson { line: 2, column: 8 };
        assert_eq!(
            e.explain(Lang::En),
            "Not imported: the file is not JSON. line 2, column 8"
        );
        assert!(e.explain(Lang::Zh).contains("第 2 行第 8 列"));
        assert!(ImportError::TooLarge.explain(Lang::En).contains("5 MB"));
    }
}
