//! Link parsing: what kind of link a text is, and the host a browser would
//! use for it.
//!
//! Spoofing defences rest entirely on computing the host exactly as a browser
//! does (WHATWG URL), so all URL parsing goes through [`parse_web_url`].
//! Natively that uses the `url` crate; in the browser it uses the page's own
//! `URL` (installed by the UI with [`set_full_parser`]), which is both the
//! parser that matters and free in bundle size. The shared spoofing table
//! runs against both (`tests/policy_spoofing.rs`, `tests/policy_wasm.rs`).

use super::extract::taobao_password;
use super::scenario::Date;
use std::borrow::Cow;
use std::ops::Range;

/// Why a text could not be parsed as a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError {
    /// The parser's explanation, in English.
    pub message: String,
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
    text: Cow<'a, str>,
    scheme: Range<usize>,
    host: Range<usize>,
    path_query: Range<usize>,
    kind: HostKind,
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
    let url = url::Url::parse(input).map_err(|e| LinkError {
        message: e.to_string(),
    })?;
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
    let parse = FULL_PARSER.get().ok_or_else(|| LinkError {
        message: "no URL parser installed".to_string(),
    })?;
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
fn host_kind(h: &str) -> HostKind {
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

/// The `env_version` of a plaintext mini-program URL Scheme (record §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnvVersion {
    /// The published version: opens for everyone.
    Release,
    /// The trial version: opens for the mini program's testers only.
    Trial,
    /// The development version: opens for the mini program's testers only.
    Develop,
}

impl EnvVersion {
    /// The value used in links.
    pub const fn as_str(self) -> &'static str {
        match self {
            EnvVersion::Release => "release",
            EnvVersion::Trial => "trial",
            EnvVersion::Develop => "develop",
        }
    }
}

/// A rule of record §3 that a plaintext URL Scheme breaks. Each is reported
/// separately so a developer sees every problem at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MpViolation {
    /// Neither a ticket `t` nor an `appid` was given.
    MissingAppid,
    /// `appid` is not `wx` followed by 16 hexadecimal characters.
    MalformedAppid(String),
    /// `path` starts with `/`, which the scheme forbids.
    PathLeadingSlash(String),
    /// `query` is longer than 512 characters (the length given).
    QueryTooLong(usize),
    /// `env_version` is not `release`, `trial` or `develop`.
    UnknownEnvVersion(String),
}

impl MpViolation {
    /// A stable id for tests and data attributes.
    pub fn id(&self) -> &'static str {
        match self {
            MpViolation::MissingAppid => "missing_appid",
            MpViolation::MalformedAppid(_) => "malformed_appid",
            MpViolation::PathLeadingSlash(_) => "path_leading_slash",
            MpViolation::QueryTooLong(_) => "query_too_long",
            MpViolation::UnknownEnvVersion(_) => "unknown_env_version",
        }
    }
    /// The explanation in English.
    pub fn en(&self) -> String {
        match self {
            MpViolation::MissingAppid => "the link has neither a ticket (t) nor an appid".into(),
            MpViolation::MalformedAppid(a) => {
                format!("appid \"{a}\" is not \"wx\" followed by 16 hexadecimal characters")
            }
            MpViolation::PathLeadingSlash(p) => {
                format!("path \"{p}\" must not start with \"/\"")
            }
            MpViolation::QueryTooLong(n) => {
                format!("query is {n} characters long; at most 512 are allowed")
            }
            MpViolation::UnknownEnvVersion(v) => {
                format!("env_version \"{v}\" is not release, trial or develop")
            }
        }
    }
    /// The explanation in Chinese.
    pub fn zh(&self) -> String {
        match self {
            MpViolation::MissingAppid => "链接既没有 t 参数，也没有 appid".into(),
            MpViolation::MalformedAppid(a) => format!("appid「{a}」不是 wx 加 16 位十六进制字符"),
            MpViolation::PathLeadingSlash(p) => format!("path「{p}」不能以 / 开头"),
            MpViolation::QueryTooLong(n) => format!("query 长 {n} 个字符，最多 512 个"),
            MpViolation::UnknownEnvVersion(v) => {
                format!("env_version「{v}」不是 release、trial 或 develop")
            }
        }
    }
}

/// A mini-program URL Scheme that passed validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MpScheme {
    /// `weixin://dl/business/?t=TICKET`: the encrypted form.
    Ticket(String),
    /// The plaintext form.
    Plain {
        /// `wx` + 16 hex characters.
        appid: String,
        /// The page, without a leading `/` (percent-decoded).
        path: String,
        /// The page's query, as written (url-encoded).
        query: String,
        /// Which version of the mini program to open.
        env: EnvVersion,
    },
}

/// Why a text is never opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RejectReason {
    /// Nothing but white space.
    Empty,
    /// Not a URL, nor anything that looks like a host.
    NotAUrl(String),
    /// A scheme other than http(s) and the mini-program forms (e.g.
    /// `javascript`), lower-case.
    Scheme(String),
    /// A `weixin://` link that is not a mini-program URL Scheme.
    UnsupportedWeixin,
    /// Starts like a short link but is not `#小程序://NAME/…/CODE`.
    MalformedShortLink,
}

impl RejectReason {
    /// The explanation in English.
    pub fn en(&self) -> String {
        match self {
            RejectReason::Empty => "The link is empty.".into(),
            RejectReason::NotAUrl(m) => format!("This text is not a web address ({m})."),
            RejectReason::Scheme(s) => {
                format!("\"{s}:\" links are never opened: only http(s) and mini-program links are.")
            }
            RejectReason::UnsupportedWeixin => {
                "This weixin:// link is not a mini-program URL Scheme.".into()
            }
            RejectReason::MalformedShortLink => {
                "This is not a valid mini-program short link (#小程序://NAME/CODE).".into()
            }
        }
    }
    /// The explanation in Chinese.
    pub fn zh(&self) -> String {
        match self {
            RejectReason::Empty => "链接为空。".into(),
            RejectReason::NotAUrl(_) => "这段文字不是网址。".into(),
            RejectReason::Scheme(s) => {
                format!("「{s}:」链接不会被打开：只打开 http(s) 和小程序链接。")
            }
            RejectReason::UnsupportedWeixin => "这个 weixin:// 链接不是小程序 URL Scheme。".into(),
            RejectReason::MalformedShortLink => {
                "这不是有效的小程序短链（#小程序://名称/短链码）。".into()
            }
        }
    }
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
            Err(e) => Link::Rejected(RejectReason::NotAUrl(e.message), String::new()),
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
    let not_url = || {
        Link::Rejected(
            RejectReason::NotAUrl("no scheme and no host".into()),
            String::new(),
        )
    };
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

fn weixin(url: &WebUrl<'_>) -> Link<'static> {
    let path = url.path();
    if url.host() != "dl" || !(path == "/business/" || path == "/business") {
        return Link::Rejected(RejectReason::UnsupportedWeixin, String::new());
    }
    let q = url.query().unwrap_or("");
    let (mut t, mut appid, mut mp_path, mut query, mut env) = (None, None, None, None, None);
    for (k, v) in query_pairs(q) {
        match k {
            "t" => t = Some(v),
            "appid" => appid = Some(v),
            "path" => mp_path = Some(v),
            "query" => query = Some(v),
            "env_version" => env = Some(v),
            _ => {}
        }
    }
    if let Some(t) = t.filter(|t| !t.is_empty()) {
        return Link::MpScheme(MpScheme::Ticket(t.to_string()));
    }
    let mut violations = Vec::new();
    let appid = appid.unwrap_or("");
    if appid.is_empty() {
        violations.push(MpViolation::MissingAppid);
    } else if !(appid.len() == 18
        && appid.starts_with("wx")
        && appid[2..].bytes().all(|c| c.is_ascii_hexdigit()))
    {
        violations.push(MpViolation::MalformedAppid(appid.to_string()));
    }
    let mp_path = percent_decode(mp_path.unwrap_or(""));
    if mp_path.starts_with('/') {
        violations.push(MpViolation::PathLeadingSlash(mp_path.clone()));
    }
    let query = query.unwrap_or("");
    let qlen = query.chars().count();
    if qlen > 512 {
        violations.push(MpViolation::QueryTooLong(qlen));
    }
    let env = match env.unwrap_or("release") {
        "release" => Some(EnvVersion::Release),
        "trial" => Some(EnvVersion::Trial),
        "develop" => Some(EnvVersion::Develop),
        other => {
            violations.push(MpViolation::UnknownEnvVersion(other.to_string()));
            None
        }
    };
    match env {
        Some(env) if violations.is_empty() => Link::MpScheme(MpScheme::Plain {
            appid: appid.to_string(),
            path: mp_path,
            query: query.to_string(),
            env,
        }),
        _ => Link::MpInvalid(violations),
    }
}

/// Splits `a=b&c=d` into pairs, without decoding.
pub fn query_pairs(q: &str) -> impl Iterator<Item = (&str, &str)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
}

/// Decodes `%XX` escapes (and leaves malformed ones as they are), replacing
/// invalid UTF-8 rather than failing.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("%2Fpages%2fa"), "/pages/a");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%E4%BD%A0"), "你");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }
}
