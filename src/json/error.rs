//! Why JSON could not be read, and where: a position, the path of the field
//! and a kind that `crate::i18n` renders in the user's language.

/// What is wrong with a JSON text or value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text ends where a value should be.
    UnexpectedEnd,
    /// Text follows the value.
    TrailingText,
    /// No JSON value starts here.
    ExpectedValue,
    /// A list goes on without `,` or `]`.
    ExpectedCommaOrBracket,
    /// An object goes on without `,` or `}`.
    ExpectedCommaOrBrace,
    /// A field without a name in quotes.
    ExpectedKey,
    /// A field name without `:`.
    ExpectedColon,
    /// Nested deeper than the reader allows.
    TooDeep,
    /// An integer above `u64::MAX`.
    TooLarge,
    /// An integer below `i64::MIN`.
    TooSmall,
    /// A number such as `-` or `01`.
    MalformedNumber,
    /// A fraction or an exponent: the app's data has whole numbers only.
    NotWhole,
    /// `\u` not followed by four hexadecimal digits.
    BadUnicodeEscape,
    /// A string without its closing quote.
    Unterminated,
    /// A backslash before a character that is no escape.
    BadEscape,
    /// A raw control character inside a string.
    ControlCharacter,
    /// Bytes that are not UTF-8.
    InvalidUtf8,
    /// Something else than an object.
    ExpectedObject,
    /// Something else than a string.
    ExpectedString,
    /// Something else than `true` or `false`.
    ExpectedBool,
    /// Something else than a whole number.
    ExpectedWholeNumber,
    /// A whole number too large or small for the field.
    OutOfRange,
    /// Something else than a list.
    ExpectedList,
    /// A field that must be there is not.
    MissingField,
    /// A string other than the listed ones.
    ExpectedOneOf(&'static [&'static str]),
    /// An object without any of the listed fields.
    ExpectedObjectWith(&'static [&'static str]),
    /// A string that is not a date `YYYY-MM-DD`.
    ExpectedDate,
}

/// Why JSON could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Byte offset of the problem.
    pub at: usize,
    /// The path of the field it happened in (`chats[2].id`), empty at the top.
    pub path: String,
    /// What is wrong.
    pub kind: ErrorKind,
}

impl Error {
    /// An error at byte offset `at`, not yet within any field.
    pub fn new(at: usize, kind: ErrorKind) -> Error {
        Error {
            at,
            path: String::new(),
            kind,
        }
    }

    /// Prefixes the path with the field or index (`[2]`) it happened in.
    pub fn within(mut self, field: &str) -> Error {
        let sep = if self.path.is_empty() || self.path.starts_with('[') {
            ""
        } else {
            "."
        };
        self.path = String::from(field) + sep + &self.path;
        self
    }

    /// `(line, column)`, both from 1, of the problem in `text`.
    pub fn line_col(&self, text: &str) -> (usize, usize) {
        line_col(text, self.at)
    }
}

/// `(line, column)`, both from 1, of byte offset `at` in `text`; the column
/// counts characters, as editors do.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
