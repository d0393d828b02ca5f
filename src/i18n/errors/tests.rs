//! Every error renders in both languages, and the Chinese text holds no
//! English beyond the values it quotes and the technical names users type
//! (field names, `true`, `appid`…).

use super::*;
use crate::policy::scenario::Date;

/// Words a Chinese text may contain: names of link parts, JSON values and
/// formats, not English prose.
const TECHNICAL: &[&str] = &[
    "true",
    "false",
    "punycode",
    "valid_from",
    "none",
    "appid",
    "wx",
    "t",
    "path",
    "query",
    "env_version",
    "release",
    "trial",
    "develop",
    "weixin",
    "http",
    "s",
    "URL",
    "Scheme",
    "Link",
    "u",
];

/// The ASCII words of `s` (letters, digits and `_`; at least one letter).
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.bytes().any(|b| b.is_ascii_alphabetic()))
        .collect()
}

/// Checks one value, whose quoted values hold the words `payload`.
fn check(e: &dyn Explain, payload: &[&str]) {
    let (en, zh) = (e.explain(Lang::En), e.explain(Lang::Zh));
    assert!(!en.trim().is_empty() && !zh.trim().is_empty());
    assert_ne!(en, zh);
    assert!(
        zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "no Chinese in {zh:?}"
    );
    let allowed: Vec<&str> = payload.iter().flat_map(|p| words(p)).collect();
    for w in words(&zh) {
        assert!(
            TECHNICAL.contains(&w) || allowed.contains(&w),
            "English {w:?} in {zh:?} (English: {en:?})"
        );
    }
}

fn kinds() -> Vec<ErrorKind> {
    use ErrorKind as K;
    vec![
        K::UnexpectedEnd,
        K::TrailingText,
        K::ExpectedValue,
        K::ExpectedCommaOrBracket,
        K::ExpectedCommaOrBrace,
        K::ExpectedKey,
        K::ExpectedColon,
        K::TooDeep,
        K::TooLarge,
        K::TooSmall,
        K::MalformedNumber,
        K::NotWhole,
        K::BadUnicodeEscape,
        K::Unterminated,
        K::BadEscape,
        K::ControlCharacter,
        K::InvalidUtf8,
        K::ExpectedObject,
        K::ExpectedString,
        K::ExpectedBool,
        K::ExpectedWholeNumber,
        K::OutOfRange,
        K::ExpectedList,
        K::MissingField,
        K::ExpectedOneOf(&["mainland", "overseas"]),
        K::ExpectedObjectWith(&["direct", "group"]),
        K::ExpectedDate,
    ]
}

#[test]
fn json_errors_in_both_languages() {
    for k in kinds() {
        check(&k, &["mainland", "overseas", "direct", "group"]);
        let e = JsonError::new(3, k)
            .within("id")
            .within("[2]")
            .within("chats");
        assert_eq!(e.path, "chats[2].id");
        check(
            &e,
            &["chats[2].id", "mainland", "overseas", "direct", "group"],
        );
    }
    let e = JsonError::new(0, ErrorKind::MissingField).within("name");
    assert_eq!(e.to_string(), "name: missing field");
    assert_eq!(e.explain(Lang::Zh), "name：缺少字段");
}

#[test]
fn persistence_errors_in_both_languages() {
    let e = crate::state::persist::decode("{\n  \"version\": 1,\n  \"chats\": [oops").unwrap_err();
    assert_eq!(e.to_string(), "line 3, column 13: expected a value");
    assert_eq!(e.explain(Lang::Zh), "第 3 行第 13 列：此处应为一个值");
    use PersistError as P;
    for p in [
        e,
        P::NewerVersion,
        P::MissingScenario,
        P::UnexpectedVersion,
        P::BadContactId,
        P::BadChatId,
        P::UnknownContact,
        P::BadGroupMembers,
        P::DuplicateMessageId,
        P::UnknownSender,
        P::MessageTooLong,
    ] {
        check(&p, &[]);
        let _: &dyn std::error::Error = &p;
    }
}

#[test]
fn link_errors_and_rejections_in_both_languages() {
    for e in [
        LinkError::Refused("invalid port number".into()),
        LinkError::Refused(String::new()),
        LinkError::NoHost,
        LinkError::NoParser,
    ] {
        check(&e, &[]);
        check(&RejectReason::NotAUrl(e), &[]);
    }
    assert_eq!(
        RejectReason::NotAUrl(LinkError::Refused("invalid port number".into())).to_string(),
        "This text is not a web address (invalid port number)."
    );
    for r in [
        RejectReason::Empty,
        RejectReason::Scheme("javascript".into()),
        RejectReason::UnsupportedWeixin,
        RejectReason::MalformedShortLink,
    ] {
        check(&r, &["javascript"]);
    }
    for v in [
        MpViolation::MissingAppid,
        MpViolation::MalformedAppid("wx1".into()),
        MpViolation::PathLeadingSlash("/pages/index".into()),
        MpViolation::QueryTooLong(600),
        MpViolation::UnknownEnvVersion("beta".into()),
    ] {
        check(&v, &["wx1", "pages/index", "beta"]);
    }
}

#[test]
fn form_reasons_in_both_languages() {
    use crate::policy::engine::FormReason;
    use crate::policy::link::EnvVersion;
    let created = Date::parse("2021-01-01").unwrap();
    for r in [
        FormReason::Expired { created, age: 273 },
        FormReason::Future { created },
        FormReason::TestersOnly(EnvVersion::Trial),
    ] {
        check(&r, &[]);
    }
    assert_eq!(
        FormReason::Expired { created, age: 273 }.explain(Lang::Zh),
        "创建于 2021-01-01，已过 273 天：URL Link 最长有效 30 天。"
    );
}

#[test]
fn rule_errors_in_both_languages() {
    use Problem as P;
    let d = |s| Date::parse(s).unwrap();
    let problems = [
        P::Syntax(ErrorKind::ExpectedValue),
        P::Missing,
        P::UnknownField,
        P::NotObject,
        P::NotString,
        P::NotStrings,
        P::NotArray,
        P::MissingArray,
        P::NotBool,
        P::NotInteger,
        P::NotDateString,
        P::NotADate("2021-02-30".into()),
        P::FormatNot1,
        P::MissingId,
        P::BadPlatformId,
        P::ReservedNone,
        P::DuplicatePlatform,
        P::DuplicateRule,
        P::DuplicateSource,
        P::NoDomain,
        P::NotCanonicalDomain("Taobao.com".into()),
        P::DomainTwice("jd.com".into()),
        P::UnknownCategory("gambling".into()),
        P::UnknownPlatform("myspace".into()),
        P::UnknownForm("carrier_pigeon".into()),
        P::UnknownContext("email".into()),
        P::UnknownValue("explode".into()),
        P::UnknownSource("R-1999-01".into()),
        P::ListedTwice,
        P::NoForm,
        P::NoContext,
        P::NoSources,
        P::NotAfter {
            until: d("2019-01-01"),
            from: d("2020-01-01"),
        },
        P::OneOf(&["mainland", "overseas"]),
        P::AssumedButHigh,
    ];
    let payload = [
        "x",
        "outcome",
        "Taobao.com",
        "jd.com",
        "gambling",
        "myspace",
        "carrier_pigeon",
        "email",
        "explode",
        "R-1999-01",
        "mainland",
        "overseas",
    ];
    for problem in problems {
        let e = RuleError {
            rule: Some("x".into()),
            field: "outcome".into(),
            problem,
            line: Some(4),
            column: Some(7),
        };
        check(&e, &payload);
        assert!(
            e.to_string().starts_with("line 4, column 7: x: outcome: "),
            "{e}"
        );
        assert!(e
            .explain(Lang::Zh)
            .starts_with("第 4 行第 7 列：x：outcome："));
    }
}

#[test]
fn sign_up_errors_in_both_languages() {
    use crate::policy::registration::PhoneError as Ph;
    use crate::state::accounts::SignUpError as S;
    let d = |s| Date::parse(s).unwrap();
    for e in [
        S::Phone(Ph::Empty),
        S::Phone(Ph::NotDigits),
        S::Phone(Ph::UnknownCountry),
        S::Phone(Ph::Length {
            expected: 11,
            got: 7,
        }),
        S::Phone(Ph::Start { allowed: "4569" }),
        S::Taken,
        S::Suspended {
            since: d("2021-07-27"),
            until: d("2021-08-05"),
            source: "REG-2021-07-27",
        },
        S::NoCode,
        S::WrongCode,
        S::Name,
    ] {
        check(&e, &["REG-2021-07-27"]);
        assert_eq!(e.to_string(), e.reason());
    }
    let s = S::Suspended {
        since: d("2021-07-27"),
        until: d("2021-08-05"),
        source: "REG-2021-07-27",
    };
    for lang in [Lang::En, Lang::Zh] {
        let text = s.explain(lang);
        assert!(
            text.contains("2021-07-27") && text.contains("2021-08-05"),
            "{text}"
        );
    }
}
