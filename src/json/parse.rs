//! The JSON reader: text to [`Node`]s, with the offset of every value.

use super::{Error, ErrorKind, Kind, Node, Obj};

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
        return Err(Error::new(p.i, ErrorKind::TrailingText));
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
            Err(Error::new(at, ErrorKind::ExpectedValue))
        }
    }

    fn value(&mut self) -> Result<Node, Error> {
        let at = self.i;
        match self.s.get(self.i) {
            None => Err(Error::new(at, ErrorKind::UnexpectedEnd)),
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
                        return Err(Error::new(p.i, ErrorKind::ExpectedCommaOrBracket));
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
                        return Err(Error::new(p.i, ErrorKind::ExpectedKey));
                    }
                    let key = p.string()?;
                    p.ws();
                    if !p.eat(b':') {
                        return Err(Error::new(p.i, ErrorKind::ExpectedColon));
                    }
                    p.ws();
                    let v = p.value()?;
                    fields.push((key, v));
                    p.ws();
                    if p.eat(b'}') {
                        return Ok(Kind::Obj(Obj(fields)));
                    }
                    if !p.eat(b',') {
                        return Err(Error::new(p.i, ErrorKind::ExpectedCommaOrBrace));
                    }
                }
            }),
            Some(_) => Err(Error::new(at, ErrorKind::ExpectedValue)),
        }
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self) -> Result<Kind, Error>) -> Result<Node, Error> {
        let at = self.i;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::new(at, ErrorKind::TooDeep));
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
                .ok_or_else(|| Error::new(at, ErrorKind::TooLarge))?;
            self.i += 1;
        }
        if self.i == start || (self.s[start] == b'0' && self.i - start > 1) {
            return Err(Error::new(at, ErrorKind::MalformedNumber));
        }
        if let Some(b'.' | b'e' | b'E') = self.s.get(self.i) {
            return Err(Error::new(at, ErrorKind::NotWhole));
        }
        let kind = match (neg, i64::try_from(v)) {
            (false, Ok(i)) => Kind::Int(i),
            (false, Err(_)) => Kind::Big(v),
            (true, _) if v <= i64::MAX as u64 + 1 => Kind::Int((v as i64).wrapping_neg()),
            (true, _) => return Err(Error::new(at, ErrorKind::TooSmall)),
        };
        Ok(Node { at, kind })
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let at = self.i;
        let digits = self
            .s
            .get(self.i..self.i + 4)
            .ok_or_else(|| Error::new(at, ErrorKind::BadUnicodeEscape))?;
        let mut v = 0u32;
        for &d in digits {
            let x = (d as char)
                .to_digit(16)
                .ok_or_else(|| Error::new(at, ErrorKind::BadUnicodeEscape))?;
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
                return Err(Error::new(at, ErrorKind::Unterminated));
            };
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let esc_at = self.i - 1;
                    let Some(&e) = self.s.get(self.i) else {
                        return Err(Error::new(at, ErrorKind::Unterminated));
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
                        _ => return Err(Error::new(esc_at, ErrorKind::BadEscape)),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return Err(Error::new(self.i - 1, ErrorKind::ControlCharacter)),
                _ => out.push(c),
            }
        }
        // The input is a &str and escapes produce valid UTF-8.
        String::from_utf8(out).map_err(|_| Error::new(at, ErrorKind::InvalidUtf8))
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{write_str, FromJson};

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
        assert_eq!(parse("1.5").unwrap_err().kind, ErrorKind::NotWhole);
        assert!(parse("01").is_err());
        assert!(parse("-").is_err());
        assert_eq!(
            u8::from_json_str("256").unwrap_err().kind,
            ErrorKind::OutOfRange
        );
    }

    #[test]
    fn errors_have_positions() {
        let text = "{\n  \"a\": [1,\n  2 oops";
        let e = parse(text).unwrap_err();
        assert_eq!(e.line_col(text), (3, 5));
        assert_eq!(e.kind, ErrorKind::ExpectedCommaOrBracket);
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
        assert_eq!(parse(&deep).unwrap_err().kind, ErrorKind::TooDeep);
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
}
