//! Query strings (`a=b&c=d`) and their `%XX` escapes: the one reader of the
//! links the policy parses and of the app's own addresses
//! (`state::params`).

/// Splits `a=b&c=d` into pairs, without decoding; empty pairs are skipped
/// and a pair without `=` has an empty value.
pub fn query_pairs(q: &str) -> impl Iterator<Item = (&str, &str)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
}

/// Decodes `%XX` escapes as in a URL path (`+` stays `+`). Malformed
/// escapes are kept as typed and invalid UTF-8 is replaced, so decoding
/// never fails.
pub fn percent_decode(s: &str) -> String {
    decode(s, false)
}

/// Decodes a query component of a form or address: `%XX` escapes, and `+`
/// is a space. Never fails, like [`percent_decode`].
pub fn form_decode(s: &str) -> String {
    decode(s, true)
}

fn decode(s: &str, plus_is_space: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("%2Fpages%2fa"), "/pages/a");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%E4%BD%A0"), "你");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("a+b"), "a+b");
        assert_eq!(form_decode("a+b%2B"), "a b+");
        assert_eq!(form_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn pairs_are_split_not_decoded() {
        let pairs: Vec<_> = query_pairs("a=1&&b&c=%41=x").collect();
        assert_eq!(pairs, [("a", "1"), ("b", ""), ("c", "%41=x")]);
    }
}
