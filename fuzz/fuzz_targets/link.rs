//! Arbitrary text through link parsing, text extraction and the engine with
//! the built-in rules, checking invariants that hold by construction.
#![no_main]

mod common;

use common::{check_decision, is_slice_of, scenario_for};
use libfuzzer_sys::fuzz_target;
use walled_garden::policy::engine::decide;
use walled_garden::policy::extract::{find_links, taobao_password, FoundKind, PASSWORD_DELIMITERS};
use walled_garden::policy::link::{
    from_parts, parse_link, parse_web_url, percent_decode, query_pairs, HostKind, Link, MpScheme,
    RejectReason, UrlParts, WebUrl, SHORT_LINK_PREFIX, URL_LINK_HOSTS,
};
use walled_garden::policy::rules::{Context, LinkForm, Outcome, Rules};
use walled_garden::policy::scenario::Scenario;

/// `parse_web_url` is the WHATWG parse: the same answer as the `url` crate
/// (its fast path must agree with the full parser), and the browser's parts
/// rebuild the same URL.
fn check_web_url(s: &str) {
    let ours = parse_web_url(s);
    let theirs = url::Url::parse(s);
    match (&ours, &theirs) {
        (Ok(w), Ok(u)) => {
            assert_eq!(w.scheme(), u.scheme(), "scheme of {s:?}");
            assert_eq!(w.host(), u.host_str().unwrap_or(""), "host of {s:?}");
            let kind = match u.host() {
                Some(url::Host::Domain(_)) => HostKind::Domain,
                Some(url::Host::Ipv4(_)) => HostKind::Ipv4,
                Some(url::Host::Ipv6(_)) => HostKind::Ipv6,
                None => HostKind::None,
            };
            assert_eq!(w.host_kind(), kind, "host kind of {s:?}");
            if u.path().is_empty() && u.query().is_none() && kind != HostKind::None {
                assert_eq!(w.path(), "/", "path of {s:?}");
            } else {
                assert_eq!(w.path(), u.path(), "path of {s:?}");
            }
            assert_eq!(w.query(), u.query(), "query of {s:?}");
            if matches!(u.scheme(), "http" | "https") {
                // What the browser's URL gives (`search` is empty for `?`).
                let parts = UrlParts {
                    protocol: String::from(u.scheme()) + ":",
                    hostname: u.host_str().unwrap_or("").to_string(),
                    pathname: u.path().to_string(),
                    search: match u.query() {
                        Some(q) if !q.is_empty() => String::from("?") + q,
                        _ => String::new(),
                    },
                };
                let b = from_parts(&parts);
                assert_eq!(
                    (b.scheme(), b.host(), b.host_kind(), b.path()),
                    (w.scheme(), w.host(), w.host_kind(), w.path()),
                    "browser parts of {s:?}"
                );
                assert_eq!(b.query().unwrap_or(""), w.query().unwrap_or(""));
            }
        }
        (Err(_), Err(_)) => {}
        _ => panic!(
            "parse_web_url and url disagree on {s:?}: {:?} / {:?}",
            ours.as_ref().map(WebUrl::host),
            theirs.as_ref().map(|u| u.as_str())
        ),
    }
}

fn check_web_link(u: &WebUrl<'_>, s: &str) {
    assert!(matches!(u.scheme(), "http" | "https"), "{s:?}");
    assert_ne!(u.host_kind(), HostKind::None, "{s:?}");
    assert!(!u.host().is_empty(), "{s:?}");
    assert!(u.path().starts_with('/'), "{s:?}");
}

fn check_link(s: &str) -> Link<'_> {
    let link = parse_link(s);
    match &link {
        Link::Web(u) => {
            check_web_link(u, s);
            let bare = u.host().strip_suffix('.').unwrap_or(u.host());
            assert!(!URL_LINK_HOSTS.contains(&bare), "{s:?}");
        }
        Link::UrlLink { url, .. } => {
            check_web_link(url, s);
            let bare = url.host().strip_suffix('.').unwrap_or(url.host());
            assert!(URL_LINK_HOSTS.contains(&bare), "{s:?}");
        }
        Link::MpScheme(MpScheme::Ticket(t)) => assert!(!t.is_empty()),
        Link::MpScheme(MpScheme::Plain {
            appid, path, query, ..
        }) => {
            assert!(appid.len() == 18 && appid.starts_with("wx"), "{appid:?}");
            assert!(appid[2..].bytes().all(|c| c.is_ascii_hexdigit()));
            assert!(!path.starts_with('/'));
            assert!(query.chars().count() <= 512);
        }
        Link::MpInvalid(v) => assert!(!v.is_empty(), "{s:?}"),
        Link::ShortLink { name, code } => {
            for p in [name, code] {
                assert!(!p.is_empty() && !p.contains('/'), "{s:?}");
                assert!(!p.contains(char::is_whitespace), "{s:?}");
            }
        }
        Link::TaobaoPassword(code) => {
            assert!((8..=14).contains(&code.len()), "{s:?}");
            assert!(code.bytes().all(|c| c.is_ascii_alphanumeric()));
            assert!(code.bytes().any(|c| c.is_ascii_alphabetic()));
        }
        Link::Rejected(RejectReason::Scheme(scheme), _) => {
            assert_eq!(*scheme, scheme.to_ascii_lowercase());
            assert!(!matches!(scheme.as_str(), "http" | "https" | "weixin"));
        }
        Link::Rejected(..) => {}
    }
    link
}

fn check_decisions(rules: &Rules, s: &str, link: &Link<'_>, scenarios: &[Scenario]) {
    for sc in scenarios {
        for ctx in Context::ALL {
            let d = decide(rules, s, ctx, sc);
            check_decision(rules, s, &d);
            match link {
                Link::Web(u) => {
                    assert_eq!(d.form, LinkForm::Web);
                    assert_eq!(d.host, u.host());
                }
                Link::UrlLink { url, .. } => {
                    assert!(matches!(
                        d.form,
                        LinkForm::UrlLink | LinkForm::UrlLinkExpired
                    ));
                    assert_eq!(d.host, url.host());
                }
                Link::MpInvalid(v) => {
                    assert_eq!(d.form, LinkForm::MpSchemeInvalid);
                    assert_eq!(&d.violations, v);
                }
                Link::TaobaoPassword(_) => assert_eq!(d.form, LinkForm::TaobaoPassword),
                Link::ShortLink { .. } => assert_eq!(d.form, LinkForm::MpShortLink),
                Link::Rejected(..) => {
                    assert_eq!(d.form, LinkForm::NotALink);
                    // Safety: what is not a link never opens.
                    assert_eq!(d.outcome, Outcome::Rejected, "{s:?}");
                }
                Link::MpScheme(_) => {}
            }
        }
    }
}

fn check_password(s: &str) {
    if let Some((code, whole)) = taobao_password(s) {
        assert!(s.starts_with(whole));
        assert!(is_slice_of(code, whole));
        assert!((8..=14).contains(&code.len()));
        assert!(code.bytes().all(|c| c.is_ascii_alphanumeric()));
        let first = whole.chars().next().unwrap_or(' ');
        let last = whole.chars().next_back().unwrap_or(' ');
        assert!(PASSWORD_DELIMITERS.contains(&first) && PASSWORD_DELIMITERS.contains(&last));
        assert_eq!(whole.len(), first.len_utf8() + code.len() + last.len_utf8());
    }
}

fn check_decoding(s: &str) {
    let d = percent_decode(s);
    assert!(d.len() <= s.len(), "{s:?} -> {d:?}");
    if !s.contains('%') {
        assert_eq!(d, s);
    }
    let mut n = 0;
    for (k, v) in query_pairs(s) {
        n += 1;
        assert!(is_slice_of(k, s) && (v.is_empty() || is_slice_of(v, s)));
        assert!(!k.contains(['&', '=']) && !v.contains('&'));
    }
    assert!(n <= s.matches('&').count() + 1);
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let s: &str = &text;
    let rules = Rules::builtin();
    let scenarios = [Scenario::default(), scenario_for(data)];

    check_web_url(s);
    check_password(s);
    check_decoding(s);
    let link = check_link(s);
    check_decisions(rules, s, &link, &scenarios);
    if let Link::Web(u) | Link::UrlLink { url: u, .. } = &link {
        if let Some(q) = u.query() {
            check_decoding(q);
        }
    }

    // Text extraction: in order, without overlaps, each a slice of the text
    // that contains no white space.
    let found = find_links(s);
    let mut prev_end = 0;
    for f in &found {
        assert!(f.start < f.end && f.start >= prev_end, "{s:?}: {found:?}");
        assert_eq!(f.text, &s[f.start..f.end]);
        assert!(is_slice_of(f.text, s));
        assert!(!f
            .text
            .contains(|c: char| c.is_whitespace() || c.is_control()));
        prev_end = f.end;
        match f.kind {
            FoundKind::TaobaoPassword => {
                assert_eq!(taobao_password(f.text).map(|(_, w)| w), Some(f.text));
            }
            FoundKind::MiniProgram => {
                let lower = f.text.to_ascii_lowercase();
                assert!(f.text.starts_with(SHORT_LINK_PREFIX) || lower.starts_with("weixin:"));
            }
            FoundKind::Web | FoundKind::OtherScheme => {
                assert!(f.text.starts_with(|c: char| c.is_ascii_alphanumeric()));
            }
        }
        // The app decides every link it finds.
        check_password(f.text);
        let link = check_link(f.text);
        check_decisions(rules, f.text, &link, &scenarios[..1]);
    }
});
