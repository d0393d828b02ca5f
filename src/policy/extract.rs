//! Finding links inside a chat message or a Moments post.
//!
//! Users paste links in the middle of Chinese sentences, often without a
//! scheme, and when links were blocked they pasted Taobao password texts
//! (淘口令) instead; the app must find all of them to decide each one. No
//! regex crate: a hand-written scanner keeps the wasm bundle small.

/// What was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoundKind {
    /// An http(s) link, or a text that looks like a host (`m.tb.cn/h.abc`).
    Web,
    /// A mini-program link: `weixin://…` or `#小程序://…`.
    MiniProgram,
    /// A Taobao password text such as `￥AbC123dEf￥`.
    TaobaoPassword,
    /// A link with another scheme (`javascript:`, `data:`…), found so the
    /// app can show it as rejected rather than as plain text.
    OtherScheme,
}

/// One link found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The link as written (`&text[start..end]`), ready for `decide`.
    pub text: &'a str,
    /// The kind of link.
    pub kind: FoundKind,
}

/// Characters that open and close a Taobao password text. Real ones use the
/// yuan sign; variants with other currency signs appeared when WeChat began
/// to filter the yuan sign.
pub const PASSWORD_DELIMITERS: [char; 5] = ['￥', '¥', '€', '$', '¢'];

/// Recognises a Taobao password text at the start of `s`: a delimiter, 8 to
/// 14 ASCII letters or digits (at least one letter, so prices such as
/// `$12345678$` don't count), and a closing delimiter. Returns the code and
/// the whole match.
pub fn taobao_password(s: &str) -> Option<(&str, &str)> {
    let open = s.chars().next()?;
    if !PASSWORD_DELIMITERS.contains(&open) {
        return None;
    }
    let body_start = open.len_utf8();
    let body_len = s[body_start..]
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if !(8..=14).contains(&body_len) {
        return None;
    }
    let body = &s[body_start..body_start + body_len];
    if !body.bytes().any(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let close = s[body_start + body_len..].chars().next()?;
    if !PASSWORD_DELIMITERS.contains(&close) {
        return None;
    }
    Some((body, &s[..body_start + body_len + close.len_utf8()]))
}

/// Schemes worth flagging even without `//`, because they run code or read
/// local data.
const DANGEROUS: [&str; 7] = [
    "javascript",
    "data",
    "vbscript",
    "file",
    "blob",
    "intent",
    "ftp",
];

/// Top-level domains accepted for links written without a scheme. A fixed
/// list keeps ordinary words with a dot (`e.g.`, `Mr.Li`) from being taken
/// for links.
const TLDS: [&str; 44] = [
    "com", "cn", "net", "org", "hk", "tw", "mo", "io", "co", "me", "tv", "cc", "info", "app",
    "top", "xyz", "link", "ly", "gl", "be", "uk", "jp", "de", "us", "edu", "gov", "ai", "so", "im",
    "la", "to", "site", "online", "shop", "vip", "club", "fun", "ink", "wang", "ltd", "store",
    "tech", "live", "kr",
];

/// Where a link stops: white space and the punctuation of both languages that
/// cannot be part of an address written in running text.
fn is_terminator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '，' | '。'
                | '！'
                | '？'
                | '；'
                | '：'
                | '、'
                | '（'
                | '）'
                | '「'
                | '」'
                | '『'
                | '』'
                | '【'
                | '】'
                | '《'
                | '》'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '<'
                | '>'
                | '"'
                | '\''
                | '￥'
        )
}

/// The end of a link starting at `start`: up to a terminator, minus trailing
/// ASCII punctuation that belongs to the sentence (keeping a `)` that closes
/// a `(` inside the link).
fn link_end(text: &str, start: usize) -> usize {
    let mut end = text[start..]
        .char_indices()
        .find(|&(_, c)| is_terminator(c))
        .map_or(text.len(), |(i, _)| start + i);
    while let Some(last) = text[start..end].chars().last() {
        let trim = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | ']' | '}' => true,
            ')' => text[start..end].matches('(').count() < text[start..end].matches(')').count(),
            _ => false,
        };
        if !trim {
            break;
        }
        end -= 1;
    }
    end
}

fn boundary_before(text: &str, i: usize) -> bool {
    match text[..i].chars().last() {
        None => true,
        Some(c) => {
            !(c.is_ascii_alphanumeric()
                || matches!(c, '.' | '-' | '_' | '@' | '/' | ':' | '%' | '+'))
        }
    }
}

/// A scheme at `i` (letters, then `:`), and the index after the colon.
fn scheme_at(text: &str, i: usize) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    if !b[i].is_ascii_alphabetic() {
        return None;
    }
    let mut j = i;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'+' | b'-' | b'.')) {
        j += 1;
    }
    if j < b.len() && b[j] == b':' {
        Some((&text[i..j], j + 1))
    } else {
        None
    }
}

/// A host without scheme at `i` (`m.tb.cn`), with its end.
fn bare_host_at(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = i;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b'.') {
        j += 1;
    }
    let host = text[i..j].trim_end_matches('.');
    let mut labels = host.split('.');
    let tld = labels.next_back()?;
    if host.split('.').count() < 2 || host.split('.').any(str::is_empty) {
        return None;
    }
    if !TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld)) {
        return None;
    }
    Some(i + host.len())
}

/// Every link and Taobao password text in `text`, in order, without overlaps.
pub fn find_links(text: &str) -> Vec<Found<'_>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        let mut hit: Option<(usize, FoundKind)> = None;
        if rest.starts_with(super::link::SHORT_LINK_PREFIX) {
            hit = Some((link_end(text, i), FoundKind::MiniProgram));
        } else if PASSWORD_DELIMITERS.contains(&c) {
            if let Some((_, whole)) = taobao_password(rest) {
                hit = Some((i + whole.len(), FoundKind::TaobaoPassword));
            }
        } else if c.is_ascii_alphanumeric() && boundary_before(text, i) {
            if let Some((scheme, after)) = scheme_at(text, i) {
                let lower = scheme.to_ascii_lowercase();
                let slashes = text[after..].starts_with("//") || text[after..].starts_with("\\\\");
                let kind = match lower.as_str() {
                    "http" | "https" if slashes => Some(FoundKind::Web),
                    "weixin" if slashes => Some(FoundKind::MiniProgram),
                    s if DANGEROUS.contains(&s) => Some(FoundKind::OtherScheme),
                    _ if slashes => Some(FoundKind::OtherScheme),
                    _ => None,
                };
                if let Some(kind) = kind {
                    hit = Some((link_end(text, i), kind));
                }
            }
            if hit.is_none() {
                if let Some(host_end) = bare_host_at(text, i) {
                    let next = text[host_end..].chars().next();
                    let end = match next {
                        Some('/' | '?' | '#' | ':') => link_end(text, i),
                        _ => host_end,
                    };
                    hit = Some((end, FoundKind::Web));
                }
            }
        }
        match hit {
            Some((end, kind)) if end > i => {
                found.push(Found {
                    start: i,
                    end,
                    text: &text[i..end],
                    kind,
                });
                i = end;
            }
            _ => i += c.len_utf8(),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(&str, FoundKind)> {
        find_links(s)
            .into_iter()
            .map(|f| (f.text, f.kind))
            .collect()
    }

    #[test]
    fn finds_links_in_chinese_sentences() {
        assert_eq!(
            texts("快看这个，https://v.douyin.com/abc/。好玩！"),
            vec![("https://v.douyin.com/abc/", FoundKind::Web)]
        );
        assert_eq!(
            texts("（m.tb.cn/h.abc）和「jd.com」"),
            vec![
                ("m.tb.cn/h.abc", FoundKind::Web),
                ("jd.com", FoundKind::Web)
            ]
        );
        assert_eq!(
            texts("see https://a.com/x(1), and http://b.cn."),
            vec![
                ("https://a.com/x(1)", FoundKind::Web),
                ("http://b.cn", FoundKind::Web)
            ]
        );
        assert_eq!(texts("e.g. Mr.Li wrote 1.5 to me@taobao.com"), vec![]);
    }

    #[test]
    fn finds_passwords_and_mini_programs() {
        assert_eq!(
            texts("复制这条信息￥AbC123dEf￥打开手机淘宝"),
            vec![("￥AbC123dEf￥", FoundKind::TaobaoPassword)]
        );
        assert_eq!(
            texts("€Zq4Xc2AbG€ $12345678$"),
            vec![("€Zq4Xc2AbG€", FoundKind::TaobaoPassword)]
        );
        assert_eq!(
            texts("¢abcdefg1¢"),
            vec![("¢abcdefg1¢", FoundKind::TaobaoPassword)]
        );
        assert_eq!(texts("￥abc￥"), vec![]);
        assert_eq!(
            texts("打开#小程序://京东购物/J9S2Wu7 看看"),
            vec![("#小程序://京东购物/J9S2Wu7", FoundKind::MiniProgram)]
        );
        assert_eq!(
            texts("weixin://dl/business/?t=abc，javascript:alert(1)"),
            vec![
                ("weixin://dl/business/?t=abc", FoundKind::MiniProgram),
                ("javascript:alert(1)", FoundKind::OtherScheme)
            ]
        );
    }

    #[test]
    fn spans_are_byte_offsets() {
        let s = "你好 https://jd.com 再见";
        let f = &find_links(s)[0];
        assert_eq!(&s[f.start..f.end], "https://jd.com");
    }
}
