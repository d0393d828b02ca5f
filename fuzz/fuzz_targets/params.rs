//! Arbitrary text through the scenario parameters of an address
//! (`Params::parse`) and `Date::parse`, with the round trips that must hold:
//! the addresses the app writes (`full_query`, `carried`, `merge`, the
//! opener's `scenario_query`) read back as what they were made from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use walled_garden::policy::scenario::{Date, Scenario};
use walled_garden::state::opener::{scenario_query, CONTEXTS};
use walled_garden::state::params::{carried, decode, differs, encode, full_query, merge, Params};

/// The query the router writes for `pairs` (`ui::router::href`).
fn query_of<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    let mut s = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        s.push(if i == 0 { '?' } else { '&' });
        s.push_str(&encode(k.as_ref()));
        s.push('=');
        s.push_str(&encode(v.as_ref()));
    }
    s
}

fn scenario_of(p: &Params) -> Scenario {
    let mut s = Scenario::default();
    p.apply(&mut s);
    s
}

/// Dates made from raw bytes: valid ones print and parse back, and adding
/// days moves the ordinal by exactly that much, clamped to 0001..9999.
fn check_dates(data: &[u8]) {
    if data.len() < 8 {
        return;
    }
    let year = u16::from_le_bytes([data[0], data[1]]);
    let Some(d) = Date::new(year, data[2], data[3]) else {
        return;
    };
    assert_eq!(Date::parse(&d.to_string()), Ok(d));
    assert_eq!(d.add_days(0), d);
    let n = i32::from_le_bytes([data[4], data[5], data[6], data[7]]);
    let e = d.add_days(n);
    assert_eq!(Date::new(e.year, e.month, e.day), Some(e), "{d} + {n}");
    let (first, last) = (
        Date::new(1, 1, 1).unwrap(),
        Date::new(9999, 12, 31).unwrap(),
    );
    let want = i64::from(d.ordinal()) + i64::from(n);
    if want < 0 {
        assert_eq!(e, first);
    } else if want > i64::from(last.ordinal()) {
        assert_eq!(e, last);
    } else {
        assert_eq!(i64::from(e.ordinal()), want, "{d} + {n}");
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let q: &str = &text;
    check_dates(data);
    if let Ok(d) = Date::parse(q) {
        assert_eq!(d.to_string(), q);
    }
    assert_eq!(decode(&encode(q)), q);

    let p = Params::parse(q);
    for (name, _) in &p.rejected {
        let known = ["date", "region", "os", "vpn", "lang", "in"];
        assert!(known.contains(&name.as_str()), "{name:?} rejected");
    }
    if let Some(s) = &p.share_in {
        assert!(matches!(s.as_str(), "chat" | "group" | "moments"));
    }
    if let Some(d) = p.date {
        assert_eq!(Date::parse(&d.to_string()), Ok(d));
    }
    let lang = p.lang.unwrap_or_default();
    let s = scenario_of(&p);

    // Every scenario parameter: reads back exactly, nothing rejected.
    let full = Params::parse(&full_query(&s, lang));
    assert!(full.rejected.is_empty(), "{:?}", full.rejected);
    assert_eq!((scenario_of(&full), full.lang), (s, Some(lang)));

    // Only what differs from the defaults: the same scenario.
    let short = Params::parse(&query_of(&carried(&s, lang)));
    assert!(short.rejected.is_empty());
    assert_eq!(
        (scenario_of(&short), short.lang.unwrap_or_default()),
        (s, lang)
    );

    // The address after a scenario change keeps the other parameters, and
    // is not "different" from the pairs it was written from.
    let merged = merge(q, carried(&s, lang));
    let written = query_of(&merged);
    assert!(!differs(&written, &merged), "{written:?}");
    let again = Params::parse(&written);
    assert_eq!(scenario_of(&again), s);
    assert_eq!((&again.url, &again.share_in), (&p.url, &p.share_in));

    // The opener's reproducible address brings back link and context.
    if let Some(url) = &p.url {
        for ctx in CONTEXTS {
            let back = Params::parse(&scenario_query(url, ctx, &s, lang));
            assert!(back.rejected.is_empty());
            assert_eq!(back.url.as_deref(), Some(url.as_str()));
            assert_eq!(back.share_in.as_deref(), Some(ctx.as_str()));
            assert_eq!((scenario_of(&back), back.lang), (s, Some(lang)));
        }
    }
});
