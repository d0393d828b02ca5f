//! The loader's and the index's tests.

use super::*;
// The tests edit rule files as serde_json trees, then load the text.
use serde_json::Value;

#[test]
fn builtin_file_is_valid() {
    let r = Rules::from_json(BUILTIN_JSON);
    assert!(r.is_ok(), "{:#?}", r.err());
    let b = Rules::builtin();
    assert!(b.is_builtin());
    assert!(b.rules().len() > 20);
    assert!(b.rules().iter().all(|r| !r.sources.is_empty()));
}

#[test]
fn every_extra_source_is_documented_and_known() {
    let b = Rules::builtin();
    for id in [
        super::super::sync::S_BEFORE_2017_05,
        super::super::sync::S_2017_05_19,
        super::super::sync::S_ANDROID_SOON,
        super::super::sync::S_VPN,
        super::super::registration::REG_2021_07_27,
    ] {
        assert!(b.knows_source(id), "{id}");
    }
}

#[test]
fn every_form_and_context_has_a_rule() {
    let b = Rules::builtin();
    for f in LinkForm::ALL {
        for c in Context::ALL {
            assert!(
                !b.candidates(f, c, None).is_empty(),
                "{} {}",
                f.as_str(),
                c.as_str()
            );
        }
    }
}

#[test]
fn longest_domain_wins() {
    let b = Rules::builtin();
    let id = |h: &str| b.platform_for_host(h).map(|p| p.id.to_string());
    assert_eq!(id("y.qq.com").as_deref(), Some("qqmusic"));
    assert_eq!(id("a.y.qq.com").as_deref(), Some("qqmusic"));
    assert_eq!(id("mail.qq.com").as_deref(), Some("wechat"));
    assert_eq!(id("mp.weixin.qq.com").as_deref(), Some("wechat"));
    assert_eq!(id("taobao.com.").as_deref(), Some("taobao"));
    assert_eq!(id("xtaobao.com"), None);
    assert_eq!(id("com"), None);
}

fn with_rule(rule: &str) -> Result<Rules, Vec<RuleError>> {
    let mut v: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    let r: Value = serde_json::from_str(rule).unwrap();
    v["rules"].as_array_mut().unwrap().push(r);
    Rules::from_json(&v.to_string())
}

fn one_error(rule: &str) -> RuleError {
    let e = with_rule(rule).expect_err(rule);
    assert_eq!(e.len(), 1, "{e:?}");
    e.into_iter().next().unwrap()
}

const GOOD: &str = r#"{"id":"x","valid_from":"2020-01-01","platforms":["jd"],"contexts":["chat"],"outcome":"open","display":"card","share":true,"texts":{"en":{"title":"t"},"zh":{"title":"t"}},"sources":["R-2021-09-17"],"confidence":"high"}"#;

fn edit(field: &str, value: &str) -> String {
    let mut v: Value = serde_json::from_str(GOOD).unwrap();
    if value.is_empty() {
        v.as_object_mut().unwrap().remove(field);
    } else {
        v[field] = serde_json::from_str(value).unwrap();
    }
    v.to_string()
}

#[test]
fn good_rule_loads() {
    assert!(with_rule(GOOD).is_ok());
}

#[test]
fn errors_name_rule_and_field() {
    let cases = [
        (
            "platforms",
            r#"["myspace"]"#,
            "platforms[0]",
            "unknown platform",
        ),
        (
            "categories",
            r#"["gambling"]"#,
            "categories[0]",
            "unknown category",
        ),
        ("valid_until", r#""2019-01-01""#, "valid_until", "not after"),
        ("valid_until", r#""2020-01-01""#, "valid_until", "not after"),
        ("outcome", r#""explode""#, "outcome", "unknown outcome"),
        ("display", r#""huge""#, "display", "unknown display"),
        (
            "contexts",
            r#"["chat","email"]"#,
            "contexts[1]",
            "unknown context",
        ),
        ("sources", "", "sources", "missing"),
        ("sources", "[]", "sources", "missing"),
        (
            "sources",
            r#"["R-1999-01"]"#,
            "sources[0]",
            "not a record id",
        ),
        ("forms", r#"["carrier_pigeon"]"#, "forms[0]", "unknown form"),
        ("share", "", "share", "missing"),
        ("share", r#""yes""#, "share", "true or false"),
        ("valid_from", r#""2021-02-30""#, "valid_from", "not a date"),
        ("priority", r#""high""#, "priority", "integer"),
        ("colour", r#""red""#, "colour", "unknown field"),
        (
            "conditions",
            r#"{"region":"moon"}"#,
            "conditions.region",
            "mainland",
        ),
        (
            "confidence",
            r#""certain""#,
            "confidence",
            "unknown confidence",
        ),
    ];
    for (field, value, want_field, want) in cases {
        let e = one_error(&edit(field, value));
        assert_eq!(e.rule.as_deref(), Some("x"), "{field}");
        assert_eq!(e.field, want_field, "{field}={value}: {e}");
        assert!(e.to_string().contains(want), "{field}={value}: {e}");
    }
}

#[test]
fn forms_and_contexts_listed_twice_are_errors() {
    // Found with the `rules` fuzz target: a repeated form or context put
    // the rule twice in every decision it took part in (trace and
    // `data-rules`), and its index entries multiplied (forms × contexts).
    for (field, value, want) in [
        ("forms", r#"["web","mp_scheme","web"]"#, "forms[2]"),
        ("contexts", r#"["chat","group","chat"]"#, "contexts[2]"),
    ] {
        let e = one_error(&edit(field, value));
        assert_eq!((e.rule.as_deref(), e.field.as_str()), (Some("x"), want));
        assert_eq!(e.problem, Problem::ListedTwice, "{e}");
    }
}

#[test]
fn duplicate_id_is_an_error() {
    let dup = GOOD.replace("\"x\"", "\"default-open\"");
    let e = one_error(&dup);
    assert_eq!(e.rule.as_deref(), Some("default-open"));
    assert_eq!(e.problem, Problem::DuplicateRule);
}

#[test]
fn errors_are_all_reported() {
    let bad = edit("outcome", r#""explode""#).replace("\"jd\"", "\"myspace\"");
    assert_eq!(with_rule(&bad).unwrap_err().len(), 2);
}

#[test]
fn json_syntax_errors_have_line_and_column() {
    let e = Rules::from_json("{\n  \"format\": 1,\n  \"rules\": [,]\n}").unwrap_err();
    assert_eq!(e[0].field, "json");
    assert_eq!(e[0].line, Some(3));
    assert!(e[0].column.is_some());
    assert!(e[0].to_string().starts_with("line 3"));
}

#[test]
fn platform_errors() {
    let mut v: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    v["platforms"].as_array_mut().unwrap().push(
        serde_json::from_str(r#"{"id":"evil","name_en":"E","name_zh":"E","owner":"E","domains":["Taobao.com","jd.com"],"categories":["nope"]}"#).unwrap(),
    );
    let e = Rules::from_json(&v.to_string()).unwrap_err();
    let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
    assert!(fields.contains(&"domains[0]"), "{e:?}");
    assert!(fields.contains(&"categories[0]"), "{e:?}");
    assert!(fields.contains(&"domains"), "{e:?}"); // jd.com claimed twice
}

#[test]
fn precedence_priority_then_specificity_then_date_then_id() {
    // Two rules for JD in chat with equal priority: the platform rule
    // beats the category rule; among equals the later valid_from wins.
    let mk = |id: &str, from: &str, target: &str, prio: i32| {
        format!(
            r#"{{"id":"{id}","valid_from":"{from}",{target},"contexts":["chat"],"outcome":"warn","display":"card","share":true,"texts":{{"en":{{"title":"t"}},"zh":{{"title":"t"}}}},"sources":["R-2021-09-17"],"confidence":"high","priority":{prio}}}"#
        )
    };
    let mut v: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    let rules = v["rules"].as_array_mut().unwrap();
    for r in [
        mk("z-cat", "2030-01-01", r#""categories":["ecommerce"]"#, 500),
        mk("b-plat", "2030-01-01", r#""platforms":["jd"]"#, 500),
        mk("a-plat", "2030-01-01", r#""platforms":["jd"]"#, 500),
        mk("c-plat-later", "2030-06-01", r#""platforms":["jd"]"#, 500),
    ] {
        rules.push(serde_json::from_str(&r).unwrap());
    }
    let r = Rules::from_json(&v.to_string()).unwrap();
    let jd = r.platforms().iter().position(|p| &*p.id == "jd").unwrap() as u32;
    let order: Vec<&str> = r
        .candidates(LinkForm::Web, Context::Chat, Some(jd))
        .iter()
        .map(|&i| &*r.rule_at(i).id)
        .take(4)
        .collect();
    assert_eq!(order, ["c-plat-later", "a-plat", "b-plat", "z-cat"]);
}
