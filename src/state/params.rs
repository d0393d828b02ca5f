//! Scenario parameters in addresses (`#/me?date=2021-10-01&region=overseas`).
//!
//! Parsing never fails: a bad value (malformed, or a date outside the
//! record's [`FIRST_DAY`]..=[`LAST_DAY`]) is reported and ignored, so that a
//! mistyped link still opens the app. What an address changes in the state,
//! on the first load and on every change of the address, is
//! [`address::changes`].

pub mod address;

pub use address::changes;

use crate::lang::Lang;
use crate::policy::connection::TestGroup;
use crate::policy::link::query_pairs;
use crate::policy::scenario::{parse_vpn, vpn_str, Cohort, Date, Os, Region, Scenario};

/// The first day the app simulates: the record starts in 2013 (the
/// timeline's axis).
pub const FIRST_DAY: Date = crate::policy::matrix::START;
/// The last day the app simulates: the record ends in 2023.
pub const LAST_DAY: Date = crate::policy::matrix::END;

/// `text` as a date the app simulates: well formed and within
/// [`FIRST_DAY`]..=[`LAST_DAY`]. A day outside is refused rather than
/// clamped, so that the address never silently shows another day.
pub fn simulated_day(text: &str) -> Option<Date> {
    Date::parse(text)
        .ok()
        .filter(|d| (FIRST_DAY..=LAST_DAY).contains(d))
}

/// Why an address parameter's value was refused, so the notice can say
/// what to change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a value the parameter takes (`date=garbage`, `os=windows`).
    Malformed,
    /// A well-formed day outside [`FIRST_DAY`]..=[`LAST_DAY`].
    OutsideRecord,
}

/// Why `value` was refused for the parameter `name` (one of
/// [`Params::rejected`]).
pub fn refusal(name: &str, value: &str) -> Refusal {
    let is_date = name == "date" || name.ends_with(".date");
    if is_date && Date::parse(value).is_ok() {
        Refusal::OutsideRecord
    } else {
        Refusal::Malformed
    }
}

/// Percent-decodes a query component (`+` is a space). Invalid escapes are
/// kept as typed and invalid UTF-8 is replaced, so decoding never fails.
pub use crate::policy::link::form_decode as decode;

/// What an address asked for. `None` means "not given or not valid".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params {
    /// `date=YYYY-MM-DD`, within [`FIRST_DAY`]..=[`LAST_DAY`]
    pub date: Option<Date>,
    /// `region=mainland|overseas`
    pub region: Option<Region>,
    /// `os=ios|android`
    pub os: Option<Os>,
    /// `vpn=on|off`
    pub vpn: Option<bool>,
    /// `cohort=early|late`
    pub cohort: Option<Cohort>,
    /// `lang=en|zh`
    pub lang: Option<Lang>,
    /// `connection=in|out`: Douyin Connection's test group (not a WeChat
    /// scenario field: the account's, `state::connection`).
    pub connection: Option<TestGroup>,
    /// `url=` for the link opener, percent-decoded.
    pub url: Option<String>,
    /// `in=chat|group|moments` for the link opener.
    pub share_in: Option<String>,
    /// Parameters with a value that was not understood: `(name, value)`.
    pub rejected: Vec<(String, String)>,
}

impl Params {
    /// Parses a query string (with or without the leading `?`).
    pub fn parse(query: &str) -> Params {
        let mut p = Params::default();
        for (name, value) in split_pairs(query) {
            let ok = match name.as_str() {
                "date" => set(&mut p.date, simulated_day(&value)),
                "region" => set(&mut p.region, Region::parse(&value)),
                "os" => set(&mut p.os, Os::parse(&value)),
                "vpn" => set(&mut p.vpn, parse_vpn(&value)),
                "cohort" => set(&mut p.cohort, Cohort::parse(&value)),
                "lang" => set(&mut p.lang, Lang::parse(&value)),
                "connection" => set(&mut p.connection, TestGroup::parse(&value)),
                "url" => set(&mut p.url, Some(value.clone())),
                "in" => set(
                    &mut p.share_in,
                    matches!(value.as_str(), "chat" | "group" | "moments").then(|| value.clone()),
                ),
                // Unknown parameters belong to someone else (e.g. trackers
                // that messaging apps append): leave them alone.
                _ => true,
            };
            if !ok {
                p.rejected.push((name, value));
            }
        }
        p
    }

    /// Applies the scenario fields that were given to `scenario`.
    pub fn apply(&self, scenario: &mut Scenario) {
        if let Some(d) = self.date {
            scenario.date = d;
        }
        if let Some(r) = self.region {
            scenario.region = r;
        }
        if let Some(o) = self.os {
            scenario.os = o;
        }
        if let Some(v) = self.vpn {
            scenario.vpn = v;
        }
        if let Some(c) = self.cohort {
            scenario.cohort = c;
        }
    }
}

fn set<V>(slot: &mut Option<V>, value: Option<V>) -> bool {
    match value {
        Some(v) => {
            *slot = Some(v);
            true
        }
        None => false,
    }
}

/// Every scenario parameter, for a link that reproduces the scenario exactly
/// (the link opener's; "Copy link to this scenario" is [`full_query_data`],
/// which adds Connection's test group).
pub fn full_query(s: &Scenario, lang: Lang) -> String {
    let mut q = String::with_capacity(64);
    q.push_str("?date=");
    q.push_str(&s.date.to_string());
    q.push_str("&region=");
    q.push_str(s.region.as_str());
    q.push_str("&os=");
    q.push_str(s.os.as_str());
    q.push_str("&vpn=");
    q.push_str(vpn_str(s.vpn));
    q.push_str("&cohort=");
    q.push_str(s.cohort.as_str());
    q.push_str("&lang=");
    q.push_str(lang.as_str());
    q
}

/// The scenario parameters that differ from the defaults, as pairs: carried
/// along when moving between screens, so the address always reproduces what
/// is shown while default scenarios keep short addresses.
pub fn carried(s: &Scenario, lang: Lang) -> Vec<(&'static str, String)> {
    let d = Scenario::default();
    let mut v = Vec::new();
    if s.date != d.date {
        v.push(("date", s.date.to_string()));
    }
    if s.region != d.region {
        v.push(("region", s.region.as_str().to_string()));
    }
    if s.os != d.os {
        v.push(("os", s.os.as_str().to_string()));
    }
    if s.vpn != d.vpn {
        v.push(("vpn", vpn_str(s.vpn).to_string()));
    }
    if s.cohort != d.cohort {
        v.push(("cohort", s.cohort.as_str().to_string()));
    }
    if lang != Lang::default() {
        v.push(("lang", lang.as_str().to_string()));
    }
    v
}

/// [`full_query`] and Connection's test group (`connection=in|out`), always:
/// "Copy link to this scenario" reproduces everything an address can set,
/// as [`carried_data`] carries it between screens.
pub fn full_query_data(data: &crate::state::model::Data) -> String {
    let mut q = full_query(&data.scenario, data.lang);
    q.push_str("&connection=");
    q.push_str(data.douyin.group.as_str());
    q
}

/// [`carried`] and Connection's test group (`state::connection::carried`):
/// what moving between screens keeps in the address.
pub fn carried_data(data: &crate::state::model::Data) -> Vec<(&'static str, String)> {
    let mut v = carried(&data.scenario, data.lang);
    v.extend(crate::state::connection::carried(&data.douyin));
    v
}

/// The decoded `(name, value)` pairs of a query string.
/// The value of parameter `name` in `query` (percent-decoded), for the
/// parameters of one screen (`#/timeline?id=…`, `#/rules?id=…`).
pub fn get(query: &str, name: &str) -> Option<String> {
    split_pairs(query).find(|(n, _)| n == name).map(|(_, v)| v)
}

/// The parameter naming the link whose dialog is open over a chat or
/// Moments (`#/chats/lihua?open=<link>`, issue 25): not a scenario
/// parameter, so it is kept as it is ([`merge`]) and never refused
/// ([`Params::parse`] leaves it alone). Going back to such an address
/// opens the dialog again.
pub const OPEN: &str = "open";

/// The query pairs of `query` with parameter `name` set to `value`, or
/// removed when `value` is `None`; the other pairs stay in their order.
pub fn with_param(query: &str, name: &str, value: Option<&str>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = split_pairs(query).filter(|(n, _)| n != name).collect();
    if let Some(v) = value {
        out.push((name.to_string(), v.to_string()));
    }
    out
}

fn split_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query_pairs(query.strip_prefix('?').unwrap_or(query)).map(|(n, v)| (decode(n), decode(v)))
}

/// The names of the scenario parameters, which the app owns in every address.
pub const SCENARIO_KEYS: [&str; 7] = [
    "date",
    "region",
    "os",
    "vpn",
    "cohort",
    "lang",
    "connection",
];

/// The query pairs of an address after the scenario changed: the pairs that
/// are not scenario parameters stay as they were (e.g. the link opener's
/// `url=`), then the `carried` scenario pairs follow.
pub fn merge(current: &str, carried: Vec<(&'static str, String)>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = split_pairs(current)
        .filter(|(n, _)| !SCENARIO_KEYS.contains(&n.as_str()))
        .collect();
    out.extend(carried.into_iter().map(|(n, v)| (n.to_string(), v)));
    out
}

/// Whether replacing the address's query `current` by `wanted` would change
/// its meaning (order and spelling of escapes don't count).
pub fn differs(current: &str, wanted: &[(String, String)]) -> bool {
    let a: Vec<(String, String)> = split_pairs(current).collect();
    // Same pairs with the same counts, in any order (lists are tiny).
    let count = |v: &[(String, String)], x: &(String, String)| v.iter().filter(|y| *y == x).count();
    a.len() != wanted.len() || a.iter().any(|x| count(&a, x) != count(wanted, x))
}

/// Percent-encodes a query component (RFC 3986 unreserved kept).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(c));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(c >> 4)]));
            out.push(char::from(HEX[usize::from(c & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_says_whether_the_day_was_outside_the_record() {
        let p = Params::parse("?date=2030-01-01&os=windows&vpn=maybe");
        let why: Vec<Refusal> = p.rejected.iter().map(|(n, v)| refusal(n, v)).collect();
        assert_eq!(
            why,
            [
                Refusal::OutsideRecord,
                Refusal::Malformed,
                Refusal::Malformed
            ]
        );
        assert_eq!(refusal("date", "2010-01-01"), Refusal::OutsideRecord);
        assert_eq!(refusal("b.date", "2030-01-01"), Refusal::OutsideRecord);
        assert_eq!(refusal("date", "garbage"), Refusal::Malformed);
        assert_eq!(refusal("date", "2021-02-30"), Refusal::Malformed);
    }

    #[test]
    fn good_values_are_taken() {
        let p = Params::parse(
            "?date=2020-02-28&region=overseas&os=android&vpn=on&cohort=early&lang=zh",
        );
        let mut s = Scenario::default();
        p.apply(&mut s);
        assert_eq!(s.cohort, Cohort::Early);
        assert_eq!(s.date.to_string(), "2020-02-28");
        assert_eq!(s.region, Region::Overseas);
        assert_eq!(s.os, Os::Android);
        assert!(s.vpn);
        assert_eq!(p.lang, Some(Lang::Zh));
        assert!(p.rejected.is_empty());
    }

    #[test]
    fn bad_values_are_ignored_and_reported() {
        let p = Params::parse(
            "date=2021-13-45&region=mars&os=symbian&vpn=yes&cohort=middle&lang=fr&in=email&connection=early",
        );
        let mut s = Scenario::default();
        p.apply(&mut s);
        assert_eq!(s, Scenario::default());
        let names: Vec<_> = p.rejected.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "date",
                "region",
                "os",
                "vpn",
                "cohort",
                "lang",
                "in",
                "connection"
            ]
        );
        assert_eq!(p.rejected[0].1, "2021-13-45");
        assert_eq!(p.connection, None);
        let p = Params::parse("connection=out&cohort=early");
        assert_eq!(p.connection, Some(TestGroup::Out));
        assert_eq!(p.cohort, Some(Cohort::Early), "independent of the cohort");
    }

    #[test]
    fn a_bad_value_does_not_spoil_the_good_ones() {
        let p = Params::parse("date=nope&region=overseas");
        assert_eq!(p.region, Some(Region::Overseas));
        assert_eq!(p.date, None);
        assert_eq!(p.rejected.len(), 1);
    }

    #[test]
    fn unknown_and_empty_parameters_are_left_alone() {
        let p = Params::parse("utm_source=x&&from=singlemessage&date");
        assert_eq!(p.rejected, vec![("date".to_string(), String::new())]);
    }

    #[test]
    fn an_open_dialog_in_the_address_is_kept_and_never_refused() {
        let link = "https://v.douyin.com/abc/?x=1&y=2";
        let pairs = with_param("date=2021-10-01", OPEN, Some(link));
        let query = pairs
            .iter()
            .map(|(n, v)| encode(n) + "=" + &encode(v))
            .collect::<Vec<_>>()
            .join("&");
        assert_eq!(get(&query, OPEN).as_deref(), Some(link));
        assert!(Params::parse(&query).rejected.is_empty(), "{query}");
        // The scenario moves on; the dialog stays.
        let merged = merge(&query, vec![("date", "2020-01-01".to_string())]);
        assert!(merged.contains(&(OPEN.to_string(), link.to_string())));
        // Closing it removes it, and only it.
        assert_eq!(
            with_param(&query, OPEN, None),
            [("date".to_string(), "2021-10-01".to_string())]
        );
        assert!(with_param("", OPEN, None).is_empty());
    }

    #[test]
    fn link_opener_parameters() {
        let p = Params::parse("url=https%3A%2F%2Fm.tb.cn%2Fh.abc%3Fx%3D1&in=group");
        assert_eq!(p.url.as_deref(), Some("https://m.tb.cn/h.abc?x=1"));
        assert_eq!(p.share_in.as_deref(), Some("group"));
    }

    #[test]
    fn decoding_never_fails() {
        assert_eq!(decode("%E5%BE%AE%E4%BF%A1"), "微信");
        assert_eq!(decode("a+b"), "a b");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn encode_decode_round_trip() {
        for s in ["https://a.b/c?d=e&f=g#h", "微信 ￥AbC123dEf￥", "100% +"] {
            assert_eq!(decode(&encode(s)), s);
        }
    }

    #[test]
    fn merge_keeps_other_parameters_and_replaces_the_scenario() {
        let carried = vec![("date", "2020-02-28".to_string())];
        let merged = merge(
            "?url=https%3A%2F%2Fx.cn&date=2021-13-45&lang=zh&in=group",
            carried,
        );
        let expected: Vec<(String, String)> = [
            ("url", "https://x.cn"),
            ("in", "group"),
            ("date", "2020-02-28"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        assert_eq!(merged, expected);
        assert!(!differs(
            "in=group&url=https%3A%2F%2Fx.cn&date=2020-02-28",
            &expected
        ));
        assert!(differs(
            "url=https%3A%2F%2Fx.cn&date=2021-13-45&in=group",
            &expected
        ));
        assert!(merge("", Vec::new()).is_empty());
    }

    #[test]
    fn the_connection_test_group_is_carried_and_replaced() {
        let mut d = crate::state::seed::seed();
        assert_eq!(carried_data(&d), carried(&d.scenario, d.lang));
        d.douyin.group = TestGroup::Out;
        let c = carried_data(&d);
        assert!(c.contains(&("connection", "out".to_string())), "{c:?}");
        let merged = merge("?connection=in&url=x", c);
        let groups: Vec<_> = merged.iter().filter(|(n, _)| n == "connection").collect();
        assert_eq!(groups, [&("connection".to_string(), "out".to_string())]);
    }

    #[test]
    fn queries_reproduce_the_scenario() {
        let s = Scenario {
            vpn: true,
            date: Date::parse("2022-01-27").unwrap(),
            cohort: Cohort::Early,
            ..Scenario::default()
        };
        let p = Params::parse(&full_query(&s, Lang::Zh));
        let mut back = Scenario::default();
        p.apply(&mut back);
        assert_eq!(back, s);
        assert_eq!(p.lang, Some(Lang::Zh));
        assert!(carried(&Scenario::default(), Lang::En).is_empty());
        assert_eq!(
            carried(&s, Lang::En),
            vec![
                ("date", "2022-01-27".to_string()),
                ("vpn", "on".to_string()),
                ("cohort", "early".to_string())
            ]
        );
    }
}
