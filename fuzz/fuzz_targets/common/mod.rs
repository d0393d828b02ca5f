//! Shared by the targets: a scenario chosen by the input, and the
//! invariants every decision satisfies whatever the rules.
#![allow(dead_code)]

use walled_garden::policy::engine::{Decision, Why, FALLBACK_ID};
use walled_garden::policy::rules::Rules;
use walled_garden::policy::scenario::{Cohort, Os, Region, Scenario, DEFAULT_DATE};

/// A scenario picked by the input (FNV-1a of its bytes), so that the rules'
/// dates and conditions get exercised: a day from about 2013 to 2030, either
/// region and phone, VPN on or off.
pub fn scenario_for(data: &[u8]) -> Scenario {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    Scenario {
        date: DEFAULT_DATE.add_days((h % 6000) as i32 - 3000),
        region: if h & (1 << 20) == 0 {
            Region::Mainland
        } else {
            Region::Overseas
        },
        os: if h & (1 << 21) == 0 {
            Os::Ios
        } else {
            Os::Android
        },
        vpn: h & (1 << 22) != 0,
        cohort: if h & (1 << 23) == 0 {
            Cohort::Late
        } else {
            Cohort::Early
        },
    }
}

/// `sub` is a slice of `whole` (not merely equal to a part of it).
pub fn is_slice_of(sub: &str, whole: &str) -> bool {
    let (s, w) = (sub.as_ptr() as usize, whole.as_ptr() as usize);
    s >= w && s + sub.len() <= w + whole.len()
}

/// What holds for every decision by construction of the engine: exactly
/// one rule (or the fallback) decides and comes first, the applied trace
/// steps are the decision's rules in order, every id and platform exists.
pub fn check_decision(rules: &Rules, link: &str, d: &Decision) {
    assert!(!d.rules.is_empty() && !d.trace.is_empty(), "{link:?}");
    let applied: Vec<_> = d.trace.iter().filter(|t| t.applied).collect();
    assert_eq!(applied.len(), d.rules.len(), "{link:?}");
    for (t, id) in applied.iter().zip(&d.rules) {
        assert_eq!(&t.rule_id, id, "{link:?}");
    }
    assert!(matches!(applied[0].why, Why::Decided | Why::Fallback));
    let deciders = d
        .trace
        .iter()
        .filter(|t| matches!(t.why, Why::Decided | Why::Fallback))
        .count();
    assert_eq!(deciders, 1, "{link:?}");
    for t in &d.trace {
        assert!(&*t.rule_id == FALLBACK_ID || rules.rule(&t.rule_id).is_some());
        let _ = t.why_text();
    }
    // Each rule is considered once (the trace lists "every rule considered").
    let mut ids: Vec<&str> = d.trace.iter().map(|t| &*t.rule_id).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(
        ids.len(),
        n,
        "a rule appears twice in the trace of {link:?}"
    );
    if let Some(p) = &d.platform {
        assert!(rules.platform(p).is_some(), "{link:?}");
    }
    assert_eq!(d.custom, !rules.is_builtin());
    let _ = (d.rules_attr(), d.share_str(), d.platform_id());
}
