//! URLs as a browser parses them (WHATWG): the host, path and query the
//! policy reads, with a fast path for the canonical common case.

use std::borrow::Cow;
use std::ops::Range;

/// Why a text could not be parsed as a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The URL parser refused the text, with its explanation when it gives
    /// one (the `url` crate's, in English: for the `decide` tool; the
    /// browser's `URL` gives none).
    Refused(String),
    /// No scheme, and nothing that looks like a host.
    NoHost,
    /// In the browser, the page's URL parser was not installed.
    NoParser,
}

/// What kind of host a URL has, because only domains can belong to a
/// platform: an IP address never matches a platform's domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostKind {
    /// No host at all (e.g. `javascript:`).
    None,
    /// A domain name, lower-case and punycode.
    Domain,
    /// An IPv4 address in dotted-decimal form.
    Ipv4,
    /// An IPv6 address in brackets.
    Ipv6,
}

/// A URL reduced to the parts the policy needs, as a browser would compute
/// them. Borrows the input when it is already canonical, which is the common
/// case and keeps the hot path free of allocation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebUrl<'a> {
    pub(super) text: Cow<'a, str>,
    pub(super) scheme: Range<usize>,
    pub(super) host: Range<usize>,
    pub(super) path_query: Range<usize>,
    pub(super) kind: HostKind,
}

impl WebUrl<'_> {
    /// The scheme, lower-case, without the colon.
    pub fn scheme(&self) -> &str {
        &self.text[self.scheme.clone()]
    }
    /// The host as `URL.hostname` gives it: lower-case, punycode, IPv6 in
    /// brackets, a trailing dot kept; empty when there is none.
    pub fn host(&self) -> &str {
        &self.text[self.host.clone()]
    }
    /// The kind of host.
    pub fn host_kind(&self) -> HostKind {
        self.kind
    }
    /// Path and query (`/a/b?c=d`), without the fragment.
    pub fn path_query(&self) -> &str {
        if self.path_query.is_empty() && self.kind != HostKind::None {
            // A special URL always has at least the root path.
            "/"
        } else {
            &self.text[self.path_query.clone()]
        }
    }
    /// The query without `?`, if any.
    pub fn query(&self) -> Option<&str> {
        let pq = self.path_query();
        pq.find('?').map(|i| &pq[i + 1..])
    }
    /// The path without the query.
    pub fn path(&self) -> &str {
        let pq = self.path_query();
        match pq.find('?') {
            Some(i) => &pq[..i],
            None => pq,
        }
    }
}

/// Parses an absolute URL with WHATWG semantics: a fast path for the
/// canonical common case, then the full parser of the build (see
/// [`full_parse`]).
pub fn parse_web_url(input: &str) -> Result<WebUrl<'_>, LinkError> {
    if let Some(fast) = fast_parse(input) {
        return Ok(fast);
    }
    full_parse(input)
}

/// Natively, the full parse is the `url` crate's.
#[cfg(not(target_arch = "wasm32"))]
fn full_parse(input: &str) -> Result<WebUrl<'static>, LinkError> {
    let url = url::Url::parse(input).map_err(|e| LinkError::Refused(e.to_string()))?;
    let s = url.as_str();
    let base = s.as_ptr() as usize;
    // url's accessors return slices of its serialization, so their offsets
    // locate each part without copying.
    let range = |part: &str| {
        let start = part.as_ptr() as usize - base;
        start..start + part.len()
    };
    let scheme = 0..url.scheme().len();
    let (host, kind) = match (url.host(), url.host_str()) {
        (Some(url::Host::Domain(_)), Some(h)) => (range(h), HostKind::Domain),
        (Some(url::Host::Ipv4(_)), Some(h)) => (range(h), HostKind::Ipv4),
        (Some(url::Host::Ipv6(_)), Some(h)) => (range(h), HostKind::Ipv6),
        _ => (0..0, HostKind::None),
    };
    let path = range(url.path());
    let path_query = match url.query() {
        Some(q) => path.start..range(q).end,
        None => path,
    };
    Ok(WebUrl {
        text: Cow::Owned(url.into()),
        scheme,
        host,
        path_query,
        kind,
    })
}

/// The parts of a URL as the browser's `URL` gives them: `protocol`
/// (with its colon), `hostname`, `pathname` and `search` (with its `?`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlParts {
    /// e.g. `https:`
    pub protocol: String,
    /// e.g. `xn--fiq228c.com`, `[::1]`, `10.0.0.1`, or empty.
    pub hostname: String,
    /// e.g. `/a/b`
    pub pathname: String,
    /// e.g. `?x=1`, or empty.
    pub search: String,
}

/// A full WHATWG parser supplied by the host environment.
pub type FullParser = fn(&str) -> Result<UrlParts, LinkError>;

#[cfg(target_arch = "wasm32")]
static FULL_PARSER: std::sync::OnceLock<FullParser> = std::sync::OnceLock::new();

/// In the browser, the full parse is the page's own `URL`: the exact parser
/// whose host the user would reach, and it costs no bundle size (the `url`
/// crate with its IDNA tables would cost about 30 KB gzipped). The UI
/// installs it at start-up with this function; this keeps `policy` free of
/// web-sys. Natively it does nothing.
pub fn set_full_parser(parser: FullParser) {
    #[cfg(target_arch = "wasm32")]
    let _ = FULL_PARSER.set(parser);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = parser;
}

#[cfg(target_arch = "wasm32")]
fn full_parse(input: &str) -> Result<WebUrl<'static>, LinkError> {
    let parse = FULL_PARSER.get().ok_or(LinkError::NoParser)?;
    Ok(from_parts(&parse(input)?))
}

/// Builds a [`WebUrl`] from a browser's parts. The text is rebuilt from the
/// parts (userinfo, port and fragment are not kept: the policy never reads
/// them).
pub fn from_parts(p: &UrlParts) -> WebUrl<'static> {
    let scheme = p.protocol.strip_suffix(':').unwrap_or(&p.protocol);
    let mut text = String::with_capacity(
        scheme.len() + 3 + p.hostname.len() + p.pathname.len() + p.search.len(),
    );
    text.push_str(scheme);
    let scheme_r = 0..text.len();
    let kind = host_kind(&p.hostname);
    text.push(':');
    if kind != HostKind::None {
        text.push_str("//");
    }
    let hs = text.len();
    text.push_str(&p.hostname);
    let host = hs..text.len();
    let ps = text.len();
    text.push_str(&p.pathname);
    text.push_str(&p.search);
    let path_query = ps..text.len();
    WebUrl {
        text: Cow::Owned(text),
        scheme: scheme_r,
        host,
        path_query,
        kind,
    }
}

/// The kind of a canonical hostname: browsers print IPv6 in brackets and
/// IPv4 as four decimal numbers.
pub(super) fn host_kind(h: &str) -> HostKind {
    if h.is_empty() {
        HostKind::None
    } else if h.starts_with('[') {
        HostKind::Ipv6
    } else if h.split('.').count() == 4
        && h.split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        HostKind::Ipv4
    } else {
        HostKind::Domain
    }
}

/// Recognises the canonical form `http(s)://lower-case-ascii-domain/simple-path`
/// whose WHATWG parse is the input itself, so it can be taken as is. Anything
/// unusual (upper case, non-ASCII, `%`-escapes in the host, `xn--`, numbers
/// that could be IPv4, dot segments, userinfo, ports, backslashes) is left
/// to the full parser; a property test checks the two agree.
fn fast_parse(input: &str) -> Option<WebUrl<'_>> {
    let b = input.as_bytes();
    let scheme_len = if b.starts_with(b"https://") {
        5
    } else if b.starts_with(b"http://") {
        4
    } else {
        return None;
    };
    let hs = scheme_len + 3;
    let mut i = hs;
    while i < b.len() {
        match b[i] {
            b'/' | b'?' | b'#' => break,
            b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' => i += 1,
            _ => return None,
        }
    }
    if !simple_domain(&b[hs..i]) {
        return None;
    }
    let mut end = i;
    while end < b.len() && b[end] != b'#' {
        if !simple_path_byte(b[end]) {
            return None;
        }
        end += 1;
    }
    let rest = &b[i..end];
    if rest.first() == Some(&b'?') || has_dot_segment(rest) {
        return None;
    }
    // A fragment may hold anything: it is dropped and cannot fail to parse.
    Some(WebUrl {
        text: Cow::Borrowed(&input[..end]),
        scheme: 0..scheme_len,
        host: hs..i,
        path_query: i..end,
        kind: HostKind::Domain,
    })
}

fn simple_domain(h: &[u8]) -> bool {
    if h.is_empty() || h.len() > 253 {
        return false;
    }
    let mut last: &[u8] = &[];
    for label in h.split(|&c| c == b'.') {
        if label.is_empty()
            || label.len() > 63
            || label[0] == b'-'
            || label[label.len() - 1] == b'-'
            || (label.len() >= 4 && &label[2..4] == b"--")
        {
            return false;
        }
        last = label;
    }
    // A last label starting with a digit may make the host an IPv4 address.
    !last[0].is_ascii_digit()
}

fn simple_path_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'@'
                | b'/'
                | b'?'
                | b'%'
        )
}

/// Dot segments (`/./`, `/../`, also written `%2e`) are resolved by the full
/// parser, so their presence sends the input there.
fn has_dot_segment(rest: &[u8]) -> bool {
    rest.windows(2).any(|w| w == b"/.")
        || rest
            .windows(3)
            .any(|w| w[0] == b'%' && w[1] == b'2' && (w[2] == b'e' || w[2] == b'E'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn fast_path_matches_url_crate() {
        for s in [
            "https://v.douyin.com/abc/",
            "http://m.tb.cn/h.abc?x=1#frag",
            "https://taobao.com",
            "https://a.b.c/x/y?z=%41",
        ] {
            let fast = fast_parse(s).expect(s);
            let u = url::Url::parse(s).unwrap();
            assert_eq!(fast.host(), u.host_str().unwrap());
            let pq = match u.query() {
                Some(q) => format!("{}?{}", u.path(), q),
                None => u.path().to_string(),
            };
            assert_eq!(fast.path_query(), pq);
        }
        for s in [
            "https://TAOBAO.com/",
            "https://1.2.3.4/",
            "https://a.com./",
            "https://xn--80a.com/",
        ] {
            assert!(fast_parse(s).is_none(), "{s}");
        }
    }

    #[test]
    fn browser_parts_build_the_same_url() {
        let parts = UrlParts {
            protocol: "https:".into(),
            hostname: "xn--fiq228c.com".into(),
            pathname: "/a".into(),
            search: "?b=1".into(),
        };
        let u = from_parts(&parts);
        assert_eq!(u.scheme(), "https");
        assert_eq!(u.host(), "xn--fiq228c.com");
        assert_eq!(u.host_kind(), HostKind::Domain);
        assert_eq!(u.path_query(), "/a?b=1");
        assert_eq!(u.query(), Some("b=1"));
        let js = from_parts(&UrlParts {
            protocol: "javascript:".into(),
            pathname: "alert(1)".into(),
            ..UrlParts::default()
        });
        assert_eq!(
            (js.scheme(), js.host(), js.host_kind()),
            ("javascript", "", HostKind::None)
        );
        assert_eq!(host_kind("10.0.0.1"), HostKind::Ipv4);
        assert_eq!(host_kind("[::1]"), HostKind::Ipv6);
        assert_eq!(host_kind("1.2.3.com"), HostKind::Domain);
    }
}
