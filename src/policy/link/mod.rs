//! Link parsing: what kind of link a text is, and the host a browser would
//! use for it.
//!
//! Spoofing defences rest entirely on computing the host exactly as a browser
//! does (WHATWG URL), so all URL parsing goes through [`parse_web_url`].
//! Natively that uses the `url` crate; in the browser it uses the page's own
//! `URL` (installed by the UI with [`set_full_parser`]), which is both the
//! parser that matters and free in bundle size. The shared spoofing table
//! runs against both (`tests/policy_spoofing.rs`, `tests/policy_wasm.rs`).
//!
//! `url` holds the WHATWG parse, `mini` the mini-program URL Schemes,
//! `query` the query strings both read.

mod mini;
mod query;
mod url;

pub use mini::{EnvVersion, MpScheme, MpViolation};
pub use query::{form_decode, percent_decode, query_pairs};
pub use url::{
    from_parts, parse_web_url, set_full_parser, FullParser, HostKind, LinkError, UrlParts, WebUrl,
};

use super::extract::taobao_password;
use super::scenario::Date;
use mini::weixin;
use std::borrow::Cow;

/// Why a text is never opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RejectReason {
    /// Nothing but white space.
    Empty,
    /// Not a URL, nor anything that looks like a host.
    NotAUrl(LinkError),
    /// A scheme other than http(s) and the mini-program forms (e.g.
    /// `javascript`), lower-case.
    Scheme(String),
    /// A `weixin://` link that is not a mini-program URL Scheme.
    UnsupportedWeixin,
    /// Starts like a short link but is not `#小程序://NAME/…/CODE`.
    MalformedShortLink,
}

/// What a text turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link<'a> {
    /// An http(s) link.
    Web(WebUrl<'a>),
    /// A mini-program URL Link on wxaurl.cn / wxmpurl.cn.
    UrlLink {
        /// The parsed URL.
        url: WebUrl<'a>,
        /// The creation date given by the simulator's `created=YYYY-MM-DD`
        /// query parameter (real links don't show it), if any and valid.
        created: Option<Date>,
    },
    /// A valid mini-program URL Scheme.
    MpScheme(MpScheme),
    /// A plaintext URL Scheme breaking the rules of record §3.
    MpInvalid(Vec<MpViolation>),
    /// `#小程序://NAME/…/CODE`.
    ShortLink {
        /// The mini program's name.
        name: String,
        /// The last path segment, the short-link code.
        code: String,
    },
    /// A Taobao password text (淘口令), holding the code between delimiters.
    TaobaoPassword(String),
    /// Never opened, with the reason and the host if one was parsed.
    Rejected(RejectReason, String),
}

/// Hosts of mini-program URL Links (record §3).
pub const URL_LINK_HOSTS: [&str; 2] = ["wxaurl.cn", "wxmpurl.cn"];

/// The prefix of mini-program short links.
pub const SHORT_LINK_PREFIX: &str = "#小程序://";

/// Classifies one link as typed or pasted. Total: every text yields a
/// [`Link`], never a panic.
pub fn parse_link(input: &str) -> Link<'_> {
    let t = input.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    if t.is_empty() {
        return Link::Rejected(RejectReason::Empty, String::new());
    }
    if let Some(rest) = t.strip_prefix(SHORT_LINK_PREFIX) {
        return short_link(rest);
    }
    if let Some((code, whole)) = taobao_password(t) {
        if whole.len() == t.len() {
            return Link::TaobaoPassword(code.to_string());
        }
    }
    match scheme_of(t) {
        Some(scheme) => with_scheme(t, scheme),
        None => without_scheme(t),
    }
}

fn short_link(rest: &str) -> Link<'static> {
    let parts: Vec<&str> = rest.split('/').collect();
    let ok = (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && !p.contains(char::is_whitespace));
    if !ok {
        return Link::Rejected(RejectReason::MalformedShortLink, String::new());
    }
    Link::ShortLink {
        name: parts[0].to_string(),
        code: parts[parts.len() - 1].to_string(),
    }
}

/// The scheme, when the text starts with one. `host:port` (a dot before the
/// colon and digits after it) is taken as a host without scheme.
fn scheme_of(t: &str) -> Option<&str> {
    let colon = t.find(':')?;
    let s = &t[..colon];
    let b = s.as_bytes();
    if b.is_empty()
        || !b[0].is_ascii_alphabetic()
        || !b
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
    {
        return None;
    }
    if s.contains('.') {
        let after = &t[colon + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0
            && matches!(
                after.as_bytes().get(digits),
                None | Some(b'/' | b'?' | b'#')
            )
        {
            return None;
        }
    }
    Some(s)
}

fn with_scheme<'a>(t: &'a str, scheme: &str) -> Link<'a> {
    if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
        return match parse_web_url(t) {
            Ok(url) => web(url),
            Err(e) => Link::Rejected(RejectReason::NotAUrl(e), String::new()),
        };
    }
    if scheme.eq_ignore_ascii_case("weixin") {
        return match parse_web_url(t) {
            Ok(url) => weixin(&url),
            Err(_) => Link::Rejected(RejectReason::UnsupportedWeixin, String::new()),
        };
    }
    Link::Rejected(
        RejectReason::Scheme(scheme.to_ascii_lowercase()),
        String::new(),
    )
}

fn web(url: WebUrl<'_>) -> Link<'_> {
    let host = url.host();
    let bare = host.strip_suffix('.').unwrap_or(host);
    if URL_LINK_HOSTS.contains(&bare) {
        let created = url.query().and_then(|q| {
            query_pairs(q)
                .find(|(k, _)| *k == "created")
                .and_then(|(_, v)| Date::parse(v).ok())
        });
        return Link::UrlLink { url, created };
    }
    Link::Web(url)
}

fn without_scheme(t: &str) -> Link<'_> {
    let authority_end = t.find(['/', '?', '#', '\\']).unwrap_or(t.len());
    let authority = &t[..authority_end];
    let not_url = || Link::Rejected(RejectReason::NotAUrl(LinkError::NoHost), String::new());
    if authority.is_empty() || authority.contains(char::is_whitespace) {
        return not_url();
    }
    let mut full = String::with_capacity(t.len() + 8);
    full.push_str("https://");
    full.push_str(t);
    let url = match parse_web_url(&full) {
        Ok(u) => u,
        Err(_) => return not_url(),
    };
    let host = url.host();
    let looks_like_host = match url.host_kind() {
        HostKind::Domain => {
            let bare = host.strip_suffix('.').unwrap_or(host);
            match bare.rsplit_once('.') {
                Some((_, tld)) => {
                    (tld.len() >= 2 && tld.bytes().all(|c| c.is_ascii_alphabetic()))
                        || tld.starts_with("xn--")
                }
                None => false,
            }
        }
        HostKind::Ipv4 => {
            let hostpart = authority.rsplit('@').next().unwrap_or("");
            let hostpart = hostpart.split(':').next().unwrap_or("");
            hostpart.split('.').count() == 4
                && hostpart
                    .split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
        }
        HostKind::Ipv6 => authority
            .rsplit('@')
            .next()
            .is_some_and(|h| h.starts_with('[')),
        HostKind::None => false,
    };
    if !looks_like_host {
        return not_url();
    }
    // The parsed URL borrows `full`, a local; return an owned copy.
    let owned = WebUrl {
        scheme: url.scheme.clone(),
        host: url.host.clone(),
        path_query: url.path_query.clone(),
        kind: url.kind,
        text: Cow::Owned(url.text.into_owned()),
    };
    web(owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(s: &str) -> String {
        match parse_link(s) {
            Link::Web(u) => u.host().to_string(),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn hosts_like_a_browser() {
        assert_eq!(host("  HTTPS://WWW.TaoBao.COM/x "), "www.taobao.com");
        assert_eq!(host("https://ｔａｏｂａｏ．ｃｏｍ/"), "taobao.com");
        assert_eq!(host("https://taobao。com/"), "taobao.com");
        assert_eq!(host("http://evil.cn\\@taobao.com"), "evil.cn");
        assert_eq!(host("http://taobao.com@evil.cn/"), "evil.cn");
        assert_eq!(host("https://%74aobao.com/"), "taobao.com");
        assert_eq!(host("m.tb.cn/h.abc"), "m.tb.cn");
        assert_eq!(host("http://0x7f.1/"), "127.0.0.1");
        assert_eq!(host("http://[::1]/"), "[::1]");
        assert_eq!(host("taobao.com:8080/x"), "taobao.com");
    }

    #[test]
    fn rejects_other_schemes_and_text() {
        for (s, want) in [
            ("javascript:alert(1)", "javascript"),
            ("data:text/html,hi", "data"),
            ("file:///etc/passwd", "file"),
            ("blob:https://a.com/x", "blob"),
            ("VBScript:msgbox", "vbscript"),
            ("intent://x#Intent;end", "intent"),
            ("ftp://a.com/", "ftp"),
        ] {
            assert_eq!(
                parse_link(s),
                Link::Rejected(RejectReason::Scheme(want.into()), String::new())
            );
        }
        for s in ["hello world", "just text", "1.5", "e.g.", "", "   "] {
            assert!(matches!(parse_link(s), Link::Rejected(..)), "{s}");
        }
    }

    #[test]
    fn mini_program_forms() {
        assert_eq!(
            parse_link("weixin://dl/business/?t=abc123"),
            Link::MpScheme(MpScheme::Ticket("abc123".into()))
        );
        assert!(matches!(
            parse_link("weixin://dl/business/?appid=wx0123456789abcdef&path=pages/index&query=a%3D1&env_version=trial"),
            Link::MpScheme(MpScheme::Plain { env: EnvVersion::Trial, .. })
        ));
        assert!(matches!(
            parse_link("#小程序://京东购物/J9S2Wu7HbKmzZ3o"),
            Link::ShortLink { .. }
        ));
        assert!(matches!(
            parse_link("#小程序://x"),
            Link::Rejected(RejectReason::MalformedShortLink, _)
        ));
        assert!(matches!(
            parse_link("https://wxaurl.cn/abc?created=2021-01-01"),
            Link::UrlLink {
                created: Some(_),
                ..
            }
        ));
        assert!(matches!(
            parse_link("weixin://dl/moments"),
            Link::Rejected(RejectReason::UnsupportedWeixin, _)
        ));
        assert_eq!(
            parse_link("￥AbC123dEf￥"),
            Link::TaobaoPassword("AbC123dEf".into())
        );
    }
}
