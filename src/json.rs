//! A small JSON reader and writer for the app's own data.
//!
//! Why not serde_json: its machinery, and above all the floating-point
//! parsing and printing tables that every general JSON library pulls in,
//! cost about 30 KB of the 200 KB gzipped bundle. The app's data has no
//! floats, so this module reads integers only, keeps the byte offset of
//! every value (so errors say line and column) and stays a few KB.
//!
//! Types opt in with [`ToJson`] and [`FromJson`], usually through the
//! [`json_struct!`](crate::json_struct) and [`json_str_enum!`](crate::json_str_enum) macros.

use std::fmt;

/// A parsed JSON value with the byte offset where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// Byte offset of the value in the source text.
    pub at: usize,
    /// The value.
    pub kind: Kind,
}

/// The kinds of JSON values (integers only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// An integer that fits in i64 (or a u64 above i64::MAX, see `Big`).
    Int(i64),
    /// An integer above `i64::MAX` that fits in u64.
    Big(u64),
    /// A string, unescaped.
    Str(String),
    /// An array.
    Arr(Vec<Node>),
    /// An object, in source order (duplicate keys: the first one counts).
    Obj(Obj),
}

/// Why JSON could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Byte offset of the problem.
    pub at: usize,
    /// What is wrong, with the path of the field when known (`chats[2].id`).
    pub msg: String,
}

impl Error {
    fn new(at: usize, msg: &str) -> Error {
        Error {
            at,
            msg: msg.to_string(),
        }
    }

    /// Prefixes the message with the field or index it happened in.
    pub fn within(mut self, field: &str) -> Error {
        let sep = if self.msg.starts_with('[') || self.msg.starts_with(':') {
            ""
        } else {
            "."
        };
        if self.msg.contains(": ") {
            self.msg = String::from(field) + sep + &self.msg;
        } else {
            self.msg = String::from(field) + ": " + &self.msg;
        }
        self
    }

    /// `(line, column)`, both from 1, of the problem in `text`.
    pub fn line_col(&self, text: &str) -> (usize, usize) {
        line_col(text, self.at)
    }

    /// The message with its line and column in `text`.
    pub fn describe(&self, text: &str) -> String {
        let (l, c) = self.line_col(text);
        format!("line {l}, column {c}: {}", self.msg)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
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

/// Nesting deeper than this is refused, so hostile input can't overflow the stack.
const MAX_DEPTH: usize = 128;

/// Parses a whole JSON text.
pub fn parse(text: &str) -> Result<Node, Error> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(Error::new(p.i, "unexpected text after the end"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn lit(&mut self, word: &[u8], kind: Kind) -> Result<Node, Error> {
        let at = self.i;
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(Node { at, kind })
        } else {
            Err(Error::new(at, "expected a value"))
        }
    }

    fn value(&mut self) -> Result<Node, Error> {
        let at = self.i;
        match self.s.get(self.i) {
            None => Err(Error::new(at, "unexpected end of text")),
            Some(b'n') => self.lit(b"null", Kind::Null),
            Some(b't') => self.lit(b"true", Kind::Bool(true)),
            Some(b'f') => self.lit(b"false", Kind::Bool(false)),
            Some(b'"') => Ok(Node {
                at,
                kind: Kind::Str(self.string()?),
            }),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.nested(|p| {
                let mut items = Vec::new();
                p.i += 1;
                p.ws();
                if p.eat(b']') {
                    return Ok(Kind::Arr(items));
                }
                loop {
                    p.ws();
                    items.push(p.value()?);
                    p.ws();
                    if p.eat(b']') {
                        return Ok(Kind::Arr(items));
                    }
                    if !p.eat(b',') {
                        return Err(Error::new(p.i, "expected `,` or `]`"));
                    }
                }
            }),
            Some(b'{') => self.nested(|p| {
                let mut fields = Vec::new();
                p.i += 1;
                p.ws();
                if p.eat(b'}') {
                    return Ok(Kind::Obj(Obj(fields)));
                }
                loop {
                    p.ws();
                    if p.s.get(p.i) != Some(&b'"') {
                        return Err(Error::new(p.i, "expected a field name in quotes"));
                    }
                    let key = p.string()?;
                    p.ws();
                    if !p.eat(b':') {
                        return Err(Error::new(p.i, "expected `:`"));
                    }
                    p.ws();
                    let v = p.value()?;
                    fields.push((key, v));
                    p.ws();
                    if p.eat(b'}') {
                        return Ok(Kind::Obj(Obj(fields)));
                    }
                    if !p.eat(b',') {
                        return Err(Error::new(p.i, "expected `,` or `}`"));
                    }
                }
            }),
            Some(_) => Err(Error::new(at, "expected a value")),
        }
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self) -> Result<Kind, Error>) -> Result<Node, Error> {
        let at = self.i;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::new(at, "nested too deeply"));
        }
        let kind = f(self)?;
        self.depth -= 1;
        Ok(Node { at, kind })
    }

    fn number(&mut self) -> Result<Node, Error> {
        let at = self.i;
        let neg = self.eat(b'-');
        let start = self.i;
        let mut v: u64 = 0;
        while let Some(&c @ b'0'..=b'9') = self.s.get(self.i) {
            v = v
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(c - b'0')))
                .ok_or_else(|| Error::new(at, "number too large"))?;
            self.i += 1;
        }
        if self.i == start || (self.s[start] == b'0' && self.i - start > 1) {
            return Err(Error::new(at, "malformed number"));
        }
        if let Some(b'.' | b'e' | b'E') = self.s.get(self.i) {
            return Err(Error::new(at, "only whole numbers are allowed"));
        }
        let kind = match (neg, i64::try_from(v)) {
            (false, Ok(i)) => Kind::Int(i),
            (false, Err(_)) => Kind::Big(v),
            (true, _) if v <= i64::MAX as u64 + 1 => Kind::Int((v as i64).wrapping_neg()),
            (true, _) => return Err(Error::new(at, "number too small")),
        };
        Ok(Node { at, kind })
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let at = self.i;
        let digits = self
            .s
            .get(self.i..self.i + 4)
            .ok_or_else(|| Error::new(at, "bad \\u escape"))?;
        let mut v = 0u32;
        for &d in digits {
            let x = (d as char)
                .to_digit(16)
                .ok_or_else(|| Error::new(at, "bad \\u escape"))?;
            v = v * 16 + x;
        }
        self.i += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, Error> {
        let at = self.i;
        self.i += 1; // opening quote
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(&c) = self.s.get(self.i) else {
                return Err(Error::new(at, "unterminated string"));
            };
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let esc_at = self.i - 1;
                    let Some(&e) = self.s.get(self.i) else {
                        return Err(Error::new(at, "unterminated string"));
                    };
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi)
                                && self.s.get(self.i..self.i + 2) == Some(b"\\u")
                            {
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                } else {
                                    // Not a pair: the high one is lone, and the
                                    // next escape is read on its own.
                                    self.i -= 6;
                                    hi
                                }
                            } else {
                                hi
                            };
                            // A lone surrogate becomes U+FFFD rather than an error:
                            // browsers store such strings, and losing the whole
                            // save over one character would be worse.
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        _ => return Err(Error::new(esc_at, "bad escape")),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return Err(Error::new(self.i - 1, "control character in string")),
                _ => out.push(c),
            }
        }
        // The input is a &str and escapes produce valid UTF-8.
        String::from_utf8(out).map_err(|_| Error::new(at, "invalid UTF-8"))
    }
}

/// Appends `s` as a JSON string literal.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // U+2028/2029 are valid JSON but break some JavaScript parsers.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = c as u32;
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(char::from(HEX[((n >> shift) & 15) as usize]));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends an integer.
pub fn write_int(out: &mut String, v: i128) {
    if v < 0 {
        out.push('-');
    }
    let mut n = v.unsigned_abs();
    let mut buf = [0u8; 40];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(char::from(b));
    }
}

/// Writes a value as JSON.
pub trait ToJson {
    /// Appends the JSON text of `self` to `out`.
    fn to_json(&self, out: &mut String);

    /// The JSON text of `self`.
    fn to_json_string(&self) -> String {
        let mut s = String::new();
        self.to_json(&mut s);
        s
    }
}

/// Reads a value from JSON.
pub trait FromJson: Sized {
    /// Reads `self` from a parsed node.
    fn from_json(n: &Node) -> Result<Self, Error>;

    /// Parses `text` and reads `Self` from it.
    fn from_json_str(text: &str) -> Result<Self, Error> {
        Self::from_json(&parse(text)?)
    }
}

static NULL: Node = Node {
    at: 0,
    kind: Kind::Null,
};

impl Node {
    /// The value of field `name`; a missing field reads as `null` (so that
    /// `Option` fields may be absent) placed at this object.
    pub fn field(&self, name: &str) -> Result<&Node, Error> {
        match &self.kind {
            Kind::Obj(fields) => Ok(fields.get(name).unwrap_or(&NULL)),
            _ => Err(Error::new(self.at, "expected an object")),
        }
    }

    /// Reads field `name` as `T`, naming the field in any error.
    pub fn read<T: FromJson>(&self, name: &str) -> Result<T, Error> {
        let v = self.field(name)?;
        if matches!(v.kind, Kind::Null) && std::ptr::eq(v, &NULL) {
            return T::from_json(&Node {
                at: self.at,
                kind: Kind::Null,
            })
            .map_err(|_| Error::new(self.at, "missing field").within(name));
        }
        T::from_json(v).map_err(|e| e.within(name))
    }

    /// Whether this object has field `name`.
    pub fn has(&self, name: &str) -> bool {
        matches!(&self.kind, Kind::Obj(f) if f.contains_key(name))
    }

    /// The value of field `name` of an object (`None` if absent or not an
    /// object), like `serde_json::Value::get`.
    pub fn get(&self, name: &str) -> Option<&Node> {
        self.as_object().and_then(|o| o.get(name))
    }

    /// The fields, if this is an object.
    pub fn as_object(&self) -> Option<&Obj> {
        match &self.kind {
            Kind::Obj(f) => Some(f),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.kind {
            Kind::Arr(a) => Some(a),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            Kind::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The integer, if this is one that fits in i64.
    pub fn as_i64(&self) -> Option<i64> {
        match self.kind {
            Kind::Int(i) => Some(i),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }

    fn wrong(&self, what: &str) -> Error {
        Error::new(self.at, what)
    }
}

/// An object's fields in source order, with lookups like `serde_json::Map`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Obj(pub Vec<(String, Node)>);

impl Obj {
    /// The value of field `name` (the first, if repeated).
    pub fn get(&self, name: &str) -> Option<&Node> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }
    /// Whether field `name` is present.
    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
    /// The field names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
}

impl ToJson for str {
    fn to_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn to_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl FromJson for String {
    fn from_json(n: &Node) -> Result<Self, Error> {
        n.as_str()
            .map(str::to_string)
            .ok_or_else(|| n.wrong("expected a string"))
    }
}

impl ToJson for bool {
    fn to_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl FromJson for bool {
    fn from_json(n: &Node) -> Result<Self, Error> {
        match n.kind {
            Kind::Bool(b) => Ok(b),
            _ => Err(n.wrong("expected true or false")),
        }
    }
}

macro_rules! int_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self, out: &mut String) {
                write_int(out, i128::from(*self));
            }
        }
        impl FromJson for $t {
            fn from_json(n: &Node) -> Result<Self, Error> {
                let v: i128 = match n.kind {
                    Kind::Int(i) => i128::from(i),
                    Kind::Big(u) => i128::from(u),
                    _ => return Err(n.wrong("expected a whole number")),
                };
                <$t>::try_from(v).map_err(|_| n.wrong("number out of range"))
            }
        }
    )*};
}

int_json!(u8, u16, u32, u64, i32, i64);

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.to_json(out);
        }
        out.push(']');
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(n: &Node) -> Result<Self, Error> {
        match &n.kind {
            Kind::Arr(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    T::from_json(v).map_err(|e| {
                        let mut idx = String::from("[");
                        write_int(&mut idx, i as i128);
                        idx.push(']');
                        e.within(&idx)
                    })
                })
                .collect(),
            _ => Err(n.wrong("expected a list")),
        }
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, out: &mut String) {
        match self {
            Some(v) => v.to_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(n: &Node) -> Result<Self, Error> {
        match n.kind {
            Kind::Null => Ok(None),
            _ => T::from_json(n).map(Some),
        }
    }
}

/// Begins an object field: `,"name":` (no comma for the first).
pub fn key(out: &mut String, first: bool, name: &str) {
    if !first {
        out.push(',');
    }
    write_str(out, name);
    out.push(':');
}

/// Implements [`ToJson`] and [`FromJson`] for a struct as an object with
/// one field per listed struct field, of the same name.
#[macro_export]
macro_rules! json_struct {
    ($ty:ident { $first:ident $(, $field:ident)* $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn to_json(&self, out: &mut String) {
                out.push('{');
                $crate::json::key(out, true, stringify!($first));
                $crate::json::ToJson::to_json(&self.$first, out);
                $(
                    $crate::json::key(out, false, stringify!($field));
                    $crate::json::ToJson::to_json(&self.$field, out);
                )*
                out.push('}');
            }
        }
        impl $crate::json::FromJson for $ty {
            fn from_json(n: &$crate::json::Node) -> Result<Self, $crate::json::Error> {
                n.field(stringify!($first))?; // fails early unless an object
                Ok($ty {
                    $first: n.read(stringify!($first))?,
                    $($field: n.read(stringify!($field))?,)*
                })
            }
        }
    };
}

/// Implements [`ToJson`] and [`FromJson`] for a type written as a string
/// through its `as_str()` and `parse(&str) -> Option<Self>`.
#[macro_export]
macro_rules! json_str_enum {
    ($ty:ty, $what:expr) => {
        impl $crate::json::ToJson for $ty {
            fn to_json(&self, out: &mut String) {
                $crate::json::write_str(out, self.as_str());
            }
        }
        impl $crate::json::FromJson for $ty {
            fn from_json(n: &$crate::json::Node) -> Result<Self, $crate::json::Error> {
                n.as_str()
                    .and_then(<$ty>::parse)
                    .ok_or_else(|| $crate::json::Error {
                        at: n.at,
                        msg: String::from($what),
                    })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind() {
        let n = parse(r#" {"a": [1, -2, true, false, null, "x\"y\u00e9\ud83d\ude02"], "b": {}} "#)
            .unwrap();
        let Kind::Obj(Obj(f)) = &n.kind else { panic!() };
        assert_eq!(f[0].0, "a");
        let Kind::Arr(items) = &f[0].1.kind else {
            panic!()
        };
        assert_eq!(items[0].kind, Kind::Int(1));
        assert_eq!(items[1].kind, Kind::Int(-2));
        assert_eq!(items[2].kind, Kind::Bool(true));
        assert_eq!(items[4].kind, Kind::Null);
        assert_eq!(items[5].kind, Kind::Str("x\"yé😂".into()));
        assert_eq!(f[1].1.kind, Kind::Obj(Obj::default()));
    }

    #[test]
    fn integer_limits() {
        assert_eq!(
            parse("-9223372036854775808").unwrap().kind,
            Kind::Int(i64::MIN)
        );
        assert_eq!(
            parse("18446744073709551615").unwrap().kind,
            Kind::Big(u64::MAX)
        );
        assert!(parse("18446744073709551616").is_err());
        assert!(parse("-9223372036854775809").is_err());
        assert!(parse("1.5").unwrap_err().msg.contains("whole"));
        assert!(parse("01").is_err());
        assert!(parse("-").is_err());
        assert_eq!(
            u8::from_json_str("256").unwrap_err().msg,
            "number out of range"
        );
    }

    #[test]
    fn errors_have_positions() {
        let text = "{\n  \"a\": [1,\n  2 oops";
        let e = parse(text).unwrap_err();
        assert_eq!(e.line_col(text), (3, 5));
        assert_eq!(e.describe(text), "line 3, column 5: expected `,` or `]`");
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "\"abc",
            "\"\\x\"",
            "nul",
            "{} x",
            "\"\u{1}\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().msg, "nested too deeply");
    }

    #[test]
    fn strings_round_trip() {
        for s in [
            "",
            "plain",
            "\"\\/\n\r\t\u{0}\u{1f}\u{7f}",
            "😂 微信 \u{2028}\u{2029}",
            "</script>",
        ] {
            let mut out = String::new();
            write_str(&mut out, s);
            assert_eq!(String::from_json_str(&out).unwrap(), s, "{out}");
        }
        // A lone surrogate is replaced, not fatal.
        assert_eq!(String::from_json_str("\"\\ud800\"").unwrap(), "\u{FFFD}");
        // Found by the `saved` fuzz target: a high surrogate before another
        // escape was an error, contrary to the rule above.
        assert_eq!(
            String::from_json_str("\"\\ud800\\u0041\"").unwrap(),
            "\u{FFFD}A"
        );
        assert_eq!(
            String::from_json_str("\"\\ud800\\ud800\\udc00\"").unwrap(),
            "\u{FFFD}\u{10000}"
        );
    }

    #[test]
    fn ints_round_trip() {
        for v in [0i64, 1, -1, i64::MAX, i64::MIN, 1_638_000_000] {
            assert_eq!(i64::from_json_str(&v.to_json_string()).unwrap(), v);
        }
        assert_eq!(u64::MAX.to_json_string(), "18446744073709551615");
        assert_eq!(
            u64::from_json_str("18446744073709551615").unwrap(),
            u64::MAX
        );
    }

    #[derive(Debug, PartialEq)]
    struct S {
        name: String,
        n: u32,
        tags: Vec<String>,
        opt: Option<bool>,
    }
    crate::json_struct!(S { name, n, tags, opt });

    #[test]
    fn structs_round_trip_and_name_fields_in_errors() {
        let s = S {
            name: "a".into(),
            n: 3,
            tags: vec!["x".into()],
            opt: None,
        };
        let text = s.to_json_string();
        assert_eq!(text, r#"{"name":"a","n":3,"tags":["x"],"opt":null}"#);
        assert_eq!(S::from_json_str(&text).unwrap(), s);
        assert_eq!(
            S::from_json_str(r#"{"name":"a","n":3,"tags":["x"]}"#).unwrap(),
            s,
            "a missing Option is None"
        );
        let e = S::from_json_str(r#"{"name":"a","n":3,"tags":["x", 5]}"#).unwrap_err();
        assert_eq!(e.msg, "tags[1]: expected a string");
        let e = S::from_json_str(r#"{"n":3,"tags":[]}"#).unwrap_err();
        assert_eq!(e.msg, "name: missing field");
        assert_eq!(
            S::from_json_str("[]").unwrap_err().msg,
            "expected an object"
        );
    }
}
