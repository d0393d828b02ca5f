//! The UI language: a leaf that every layer may name (policy's texts come
//! in both languages), while the words themselves live in `i18n`.

/// The UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the default, `lang=en`).
    #[default]
    En,
    /// Simplified Chinese (`lang=zh`, `<html lang="zh-CN">`).
    Zh,
}

impl Lang {
    /// The URL parameter value (`en` or `zh`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub const fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// Parses the URL parameter value; `zh-CN` is accepted as well.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "zh" | "zh-CN" | "zh-cn" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// Picks the text of this language from an English/Chinese pair.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

crate::json_str_enum!(Lang, ["en", "zh"]);
