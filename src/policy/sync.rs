//! Syncing Moments to other networks (record §4).
//!
//! Record §4 has no ids, so the answers cite the extra sources documented in
//! `rules/rules.json` (`S-…`); a test checks they are there.

use super::scenario::{Date, Os, Region, Scenario};

/// Source: before May 2017 mainland accounts synced to QQ only; overseas
/// accounts already to Facebook and Twitter.
pub const S_BEFORE_2017_05: &str = "S-SYNC-BEFORE-2017-05";
/// Source (assumption): overseas accounts syncing to QQ, on which the
/// record is silent.
pub const S_OVERSEAS_QQ: &str = "S-SYNC-BEFORE-2017-05#overseas-qq";
/// Source: from 2017-05-19 (approximate) mainland iOS accounts sync to
/// Facebook and Twitter.
pub const S_2017_05_19: &str = "S-2017-05-19";
/// Source (assumption): Android "soon", no date known.
pub const S_ANDROID_SOON: &str = "S-ANDROID-SOON";
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
}

/// The answer for one target, with its reason and source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyncAnswer {
    /// Which target.
    pub target: SyncTarget,
    /// Available, needs a VPN, or unavailable.
    pub status: SyncStatus,
    /// Why, in English.
    pub reason_en: &'static str,
    /// Why, in Chinese.
    pub reason_zh: &'static str,
    /// The source id (see the module documentation).
    pub source: &'static str,
    /// Whether the answer rests on an assumption.
    pub assumption: bool,
}

/// The sync status for a scenario whose region is both where the account is
/// registered and where the user is (the app's single region switch).
pub fn sync_status(scenario: &Scenario, target: SyncTarget) -> SyncAnswer {
    sync_status_for(scenario, target, scenario.region)
}

/// The sync status for an account registered in `registered` used in
/// `scenario.region` (a mainland account abroad needs no VPN).
pub fn sync_status_for(scenario: &Scenario, target: SyncTarget, registered: Region) -> SyncAnswer {
    let answer = |status, reason_en, reason_zh, source, assumption| SyncAnswer {
        target,
        status,
        reason_en,
        reason_zh,
        source,
        assumption,
    };
    if target == SyncTarget::Qq && registered == Region::Mainland {
        return answer(
            SyncStatus::Available,
            "Mainland accounts can always sync Moments to QQ.",
            "大陆注册的帐号一直可以将朋友圈同步到 QQ。",
            S_BEFORE_2017_05,
            false,
        );
    }
    if target == SyncTarget::Qq {
        // The record says QQ for mainland accounts and is silent on
        // overseas ones.
        return answer(
            SyncStatus::Available,
            "Overseas accounts are assumed to sync Moments to QQ too: the record does not say (assumption).",
            "假设海外注册的帐号也可以将朋友圈同步到 QQ：记录未说明（假设）。",
            S_OVERSEAS_QQ,
            true,
        );
    }
    if registered == Region::Mainland {
        if scenario.date < IOS_SYNC_FROM {
            return answer(
                SyncStatus::Unavailable,
                "Before May 2017, mainland accounts could sync Moments to QQ only.",
                "2017 年 5 月前，大陆注册的帐号只能将朋友圈同步到 QQ。",
                S_BEFORE_2017_05,
                false,
            );
        }
        if scenario.os == Os::Android {
            return answer(
                SyncStatus::Unavailable,
                "Sync to Facebook and Twitter came to mainland iOS accounts in May 2017; Android was promised \"soon\", with no date known (assumption).",
                "2017 年 5 月起大陆 iOS 帐号可同步到 Facebook 和 Twitter；Android 版“即将推出”，日期不详（假设）。",
                S_ANDROID_SOON,
                true,
            );
        }
    }
    if scenario.region == Region::Mainland && !scenario.vpn {
        return answer(
            SyncStatus::NeedsVpn,
            "Linking a Facebook or Twitter account from inside mainland China needs a VPN.",
            "在中国大陆境内绑定 Facebook 或 Twitter 帐号需要使用 VPN。",
            S_VPN,
            false,
        );
    }
    if registered == Region::Mainland {
        answer(
            SyncStatus::Available,
            "Since May 2017, mainland accounts on iOS can sync Moments to Facebook and Twitter.",
            "自 2017 年 5 月起，大陆 iOS 帐号可将朋友圈同步到 Facebook 和 Twitter。",
            S_2017_05_19,
            false,
        )
    } else {
        answer(
            SyncStatus::Available,
            "Overseas-registered accounts can sync Moments to Facebook and Twitter.",
            "海外注册的帐号可将朋友圈同步到 Facebook 和 Twitter。",
            S_BEFORE_2017_05,
            false,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
