//! A small JSON reader and writer for the app's own data.
//!
//! Why not serde_json: its machinery, and above all the floating-point
//! parsing and printing tables that every general JSON library pulls in,
//! cost about 30 KB gzipped, a sixth of the 200 KB budget of the time. The app's data has no
//! floats, so this module reads integers only, keeps the byte offset of
//! every value (so errors say line and column) and stays a few KB.
//!
//! Types opt in with [`ToJson`] and [`FromJson`], usually through the
//! [`json_struct!`](crate::json_struct) and [`json_str_enum!`](crate::json_str_enum) macros.

mod error;
mod parse;

pub use error::{line_col, Error, ErrorKind};
pub use parse::parse;

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
            _ => Err(Error::new(self.at, ErrorKind::ExpectedObject)),
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
            .map_err(|_| Error::new(self.at, ErrorKind::MissingField).within(name));
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

    fn wrong(&self, kind: ErrorKind) -> Error {
        Error::new(self.at, kind)
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
            .ok_or_else(|| n.wrong(ErrorKind::ExpectedString))
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
            _ => Err(n.wrong(ErrorKind::ExpectedBool)),
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
                    _ => return Err(n.wrong(ErrorKind::ExpectedWholeNumber)),
                };
                <$t>::try_from(v).map_err(|_| n.wrong(ErrorKind::OutOfRange))
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
            _ => Err(n.wrong(ErrorKind::ExpectedList)),
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
/// through its `as_str()` and `parse(&str) -> Option<Self>`; `$values` are
/// the accepted strings, for the error message.
#[macro_export]
macro_rules! json_str_enum {
    ($ty:ty, $values:expr) => {
        impl $crate::json::ToJson for $ty {
            fn to_json(&self, out: &mut String) {
                $crate::json::write_str(out, self.as_str());
            }
        }
        impl $crate::json::FromJson for $ty {
            fn from_json(n: &$crate::json::Node) -> Result<Self, $crate::json::Error> {
                n.as_str().and_then(<$ty>::parse).ok_or_else(|| {
                    $crate::json::Error::new(n.at, $crate::json::ErrorKind::ExpectedOneOf(&$values))
                })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            (e.path.as_str(), e.kind),
            ("tags[1]", ErrorKind::ExpectedString)
        );
        let e = S::from_json_str(r#"{"n":3,"tags":[]}"#).unwrap_err();
        assert_eq!((e.path.as_str(), e.kind), ("name", ErrorKind::MissingField));
        assert_eq!(
            S::from_json_str("[]").unwrap_err().kind,
            ErrorKind::ExpectedObject
        );
    }
}
