//! Syncing Moments to other networks (record §4).
//!
//! What is available when is rules data: the `sync` section of
//! `rules/rules.json` (`rules::sync`), so that a user's rules can change it.
//! Record §4 has no ids, so the answers cite the extra sources documented in
//! that file (`S-…`); a test checks they are there.

use super::rules::sync::SyncRule;
use super::rules::Rules;
use super::scenario::{Date, Region, Scenario};

/// Source: before May 2017 mainland accounts synced to QQ only; overseas
/// accounts already to Facebook and Twitter.
pub const S_BEFORE_2017_05: &str = "S-SYNC-BEFORE-2017-05";
/// Source (assumption): overseas accounts syncing to QQ, on which the
/// record is silent.
pub const S_OVERSEAS_QQ: &str = "S-SYNC-BEFORE-2017-05#overseas-qq";
/// Source: from 2017-05-19 (approximate) mainland iOS accounts sync to
/// Facebook and Twitter.
pub const S_2017_05_19: &str = "S-2017-05-19";
/// Source: Android "soon" (stated), no date known; keeping it unavailable
/// is the assumed part of the entry.
pub const S_ANDROID_SOON: &str = "S-ANDROID-SOON#unavailable";
/// Source: linking Facebook/Twitter from inside the mainland needs a VPN.
pub const S_VPN: &str = "S-VPN";

/// The day mainland iOS accounts gained Facebook and Twitter sync (record
/// §4 says "May 2017, use 2017-05-19, approximate").
pub const IOS_SYNC_FROM: Date = Date {
    year: 2017,
    month: 5,
    day: 19,
};

/// A network Moments can be synced to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyncTarget {
    /// Tencent's QQ (QQ Zone).
    Qq,
    /// Facebook.
    Facebook,
    /// Twitter.
    Twitter,
}

impl SyncTarget {
    /// All targets, in display order.
    pub const ALL: [SyncTarget; 3] = [SyncTarget::Qq, SyncTarget::Facebook, SyncTarget::Twitter];
    /// The data value.
    pub const fn as_str(self) -> &'static str {
        match self {
            SyncTarget::Qq => "qq",
            SyncTarget::Facebook => "facebook",
            SyncTarget::Twitter => "twitter",
        }
    }
    /// Parses the data value.
    pub fn parse(s: &str) -> Option<SyncTarget> {
        SyncTarget::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// Whether a target can be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyncStatus {
    /// Can be linked and used.
    Available,
    /// Allowed, but unreachable from the mainland without a VPN.
    NeedsVpn,
    /// Not offered to this account.
    Unavailable,
}

impl SyncStatus {
    /// The data value.
    pub const fn as_str(self) -> &'static str {
        match self {
            SyncStatus::Available => "available",
            SyncStatus::NeedsVpn => "needs_vpn",
            SyncStatus::Unavailable => "unavailable",
        }
    }
    /// Parses the data value.
    pub fn parse(s: &str) -> Option<SyncStatus> {
        [
            SyncStatus::Available,
            SyncStatus::NeedsVpn,
            SyncStatus::Unavailable,
        ]
        .into_iter()
        .find(|t| t.as_str() == s)
    }
}

/// The answer for one target, with its reason and source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyncAnswer<'r> {
    /// Which target.
    pub target: SyncTarget,
    /// Available, needs a VPN, or unavailable.
    pub status: SyncStatus,
    /// Why, in English.
    pub reason_en: &'r str,
    /// Why, in Chinese.
    pub reason_zh: &'r str,
    /// The source id (see the module documentation).
    pub source: &'r str,
    /// Whether the answer rests on an assumption.
    pub assumption: bool,
}

impl SyncAnswer<'_> {
    /// The reason in `lang`.
    pub fn reason(&self, lang: crate::lang::Lang) -> &str {
        lang.pick(self.reason_en, self.reason_zh)
    }
}

/// The sync status for a scenario whose region is both where the account is
/// registered and where the user is (the app's single region switch).
pub fn sync_status(scenario: &Scenario, target: SyncTarget) -> SyncAnswer<'static> {
    sync_status_for(scenario, target, scenario.region)
}

/// The sync status for an account registered in `registered` used in
/// `scenario.region` (a mainland account abroad needs no VPN), by the
/// built-in rules.
pub fn sync_status_for(
    scenario: &Scenario,
    target: SyncTarget,
    registered: Region,
) -> SyncAnswer<'static> {
    sync_status_in(Rules::builtin(), scenario, target, registered)
}

/// The sync status by the `sync` section of `rules`: the first entry whose
/// conditions hold. No entry matching means unavailable, citing nothing.
pub fn sync_status_in<'r>(
    rules: &'r Rules,
    scenario: &Scenario,
    target: SyncTarget,
    registered: Region,
) -> SyncAnswer<'r> {
    let holds = |r: &SyncRule| {
        r.target == target
            && r.registered.is_none_or(|x| x == registered)
            && r.os.is_none_or(|x| x == scenario.os)
            && r.region.is_none_or(|x| x == scenario.region)
            && r.vpn.is_none_or(|x| x == scenario.vpn)
            && r.valid_from.is_none_or(|d| scenario.date >= d)
            && r.valid_until.is_none_or(|d| scenario.date < d)
    };
    match rules.sync_rules().iter().find(|r| holds(r)) {
        Some(r) => SyncAnswer {
            target,
            status: r.status,
            reason_en: &r.reason.en,
            reason_zh: &r.reason.zh,
            source: &r.source,
            assumption: r.assumption,
        },
        None => SyncAnswer {
            target,
            status: SyncStatus::Unavailable,
            reason_en: "The rules say nothing about this case.",
            reason_zh: "规则未涉及这种情况。",
            source: "",
            assumption: true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::scenario::Os;

    fn sc(date: &str, region: Region, os: Os, vpn: bool) -> Scenario {
        Scenario {
            date: Date::parse(date).unwrap(),
            region,
            os,
            vpn,
            ..Scenario::default()
        }
    }

    #[test]
    fn boundaries_of_2017_05_19() {
        use Region::*;
        let st = |s: &Scenario, t| sync_status(s, t).status;
        let before = sc("2017-05-18", Mainland, Os::Ios, true);
        let after = sc("2017-05-19", Mainland, Os::Ios, true);
        assert_eq!(st(&before, SyncTarget::Qq), SyncStatus::Available);
        assert_eq!(st(&before, SyncTarget::Facebook), SyncStatus::Unavailable);
        assert_eq!(st(&after, SyncTarget::Facebook), SyncStatus::Available);
        assert_eq!(st(&after, SyncTarget::Twitter), SyncStatus::Available);
        let no_vpn = sc("2017-05-19", Mainland, Os::Ios, false);
        assert_eq!(st(&no_vpn, SyncTarget::Twitter), SyncStatus::NeedsVpn);
        let android = sc("2020-01-01", Mainland, Os::Android, true);
        let a = sync_status(&android, SyncTarget::Facebook);
        assert_eq!(a.status, SyncStatus::Unavailable);
        assert!(a.assumption && a.reason_en.contains("assumption"));
        let overseas = sc("2015-01-01", Overseas, Os::Android, false);
        assert_eq!(st(&overseas, SyncTarget::Facebook), SyncStatus::Available);
        // A mainland account abroad needs no VPN.
        let abroad = sc("2018-01-01", Overseas, Os::Ios, false);
        assert_eq!(
            sync_status_for(&abroad, SyncTarget::Facebook, Mainland).status,
            SyncStatus::Available
        );
        // An overseas account inside the mainland does.
        let inside = sc("2015-01-01", Mainland, Os::Ios, false);
        assert_eq!(
            sync_status_for(&inside, SyncTarget::Twitter, Overseas).status,
            SyncStatus::NeedsVpn
        );
    }

    #[test]
    fn every_answer_comes_from_the_rules_data_with_its_source() {
        use Region::*;
        let rules = Rules::builtin();
        assert!(rules.sync_rules().len() >= 7);
        for date in ["2016-01-01", "2017-05-18", "2017-05-19", "2022-06-01"] {
            for region in [Mainland, Overseas] {
                for os in [Os::Ios, Os::Android] {
                    for vpn in [false, true] {
                        for t in SyncTarget::ALL {
                            let a = sync_status(&sc(date, region, os, vpn), t);
                            assert!(rules.knows_source(a.source), "{date} {t:?}: {a:?}");
                            assert!(!a.reason_zh.is_empty() && !a.reason_en.is_empty());
                        }
                    }
                }
            }
        }
        let qq = sync_status(&sc("2016-01-01", Overseas, Os::Ios, false), SyncTarget::Qq);
        assert_eq!((qq.source, qq.assumption), (S_OVERSEAS_QQ, true));
        let android = sync_status(
            &sc("2021-01-01", Mainland, Os::Android, true),
            SyncTarget::Twitter,
        );
        assert_eq!((android.source, android.assumption), (S_ANDROID_SOON, true));
    }

    /// A user's rules file with `sync` replaced by `entries`.
    fn with_sync(entries: &str) -> Result<Rules, Vec<crate::policy::rules::RuleError>> {
        let text = crate::policy::rules::BUILTIN_JSON;
        let at = text.rfind("\"sync\"").unwrap();
        Rules::from_json(&(text[..at].to_string() + "\"sync\": " + entries + "}"))
    }

    #[test]
    fn a_users_rules_can_make_android_available() {
        let rules = with_sync(
            r#"[{"target":"facebook","os":"android","status":"available",
                "reason":{"en":"My rules.","zh":"我的规则。"},"source":"S-ANDROID-SOON","assumption":true}]"#,
        )
        .unwrap();
        let s = sc("2020-01-01", Region::Mainland, Os::Android, true);
        let a = sync_status_in(&rules, &s, SyncTarget::Facebook, Region::Mainland);
        assert_eq!(
            (a.status, a.reason_en),
            (SyncStatus::Available, "My rules.")
        );
        // Nothing about Twitter there: unavailable, and said to be a gap.
        let t = sync_status_in(&rules, &s, SyncTarget::Twitter, Region::Mainland);
        assert_eq!((t.status, t.source), (SyncStatus::Unavailable, ""));
    }

    #[test]
    fn bad_sync_entries_are_reported_by_field() {
        let errs = with_sync(
            r#"[{"target":"myspace","status":"maybe","reason":{"en":"x"},"source":"S-NOPE","colour":1}]"#,
        )
        .unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        for f in ["target", "status", "reason.zh", "source", "colour"] {
            assert!(fields.contains(&f), "{f} not in {fields:?}");
        }
        assert!(errs.iter().all(|e| e.rule.as_deref() == Some("sync[0]")));
        assert!(with_sync("{}").is_err());
    }
}
