//! Registration of new accounts (record §5).
//!
//! The suspension window is 2021-07-27 inclusive to 2021-08-05 exclusive:
//! the record dates the suspension to 2021-07-27 and infers that sign-ups
//! resumed "around 2021-08-05" ("the Thursday of the following week"), so on
//! 2021-08-05 registration is open again. Mainland users only.

use super::scenario::{Date, Region};

/// Source id of the suspension (documented in `rules/rules.json`).
pub const REG_2021_07_27: &str = "REG-2021-07-27";

/// First day of the suspension.
pub const SUSPENDED_FROM: Date = Date {
    year: 2021,
    month: 7,
    day: 27,
};

/// First day registration was open again (inferred).
pub const SUSPENDED_UNTIL: Date = Date {
    year: 2021,
    month: 8,
    day: 5,
};

/// Which kind of account is being registered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccountType {
    /// A personal WeChat account.
    Personal,
    /// An official (public) account.
    Official,
}

impl AccountType {
    /// The data value.
    pub const fn as_str(self) -> &'static str {
        match self {
            AccountType::Personal => "personal",
            AccountType::Official => "official",
        }
    }
    /// Parses the data value.
    pub fn parse(s: &str) -> Option<AccountType> {
        match s {
            "personal" => Some(AccountType::Personal),
            "official" => Some(AccountType::Official),
            _ => None,
        }
    }
}

/// Whether new accounts can be registered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Registration {
    /// Sign-ups are open.
    Open,
    /// Sign-ups are suspended.
    Suspended {
        /// First day of the suspension.
        since: Date,
        /// First day sign-ups are open again (exclusive end; inferred).
        until: Date,
        /// Why, in English.
        reason_en: &'static str,
        /// Why, in Chinese.
        reason_zh: &'static str,
        /// Source id.
        source: &'static str,
    },
}

/// Whether an account of `account` type can be registered from `region` on
/// `date`. Both kinds were suspended in the same window.
pub fn registration(account: AccountType, region: Region, date: Date) -> Registration {
    let _ = account;
    if region == Region::Mainland && date >= SUSPENDED_FROM && date < SUSPENDED_UNTIL {
        Registration::Suspended {
            since: SUSPENDED_FROM,
            until: SUSPENDED_UNTIL,
            reason_en: "WeChat has suspended registration of new personal and official accounts for \"security upgrades\" to comply with laws; registration is expected to resume in early August (around 2021-08-05, inferred).",
            reason_zh: "微信正在进行安全升级以符合相关法律法规，暂停新个人帐号和公众号的注册；预计 8 月初恢复（约 2021-08-05，推断）。",
            source: REG_2021_07_27,
        }
    } else {
        Registration::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_is_inclusive_exclusive_and_mainland_only() {
        let d = |s| Date::parse(s).unwrap();
        for a in [AccountType::Personal, AccountType::Official] {
            assert_eq!(
                registration(a, Region::Mainland, d("2021-07-26")),
                Registration::Open
            );
            assert!(matches!(
                registration(a, Region::Mainland, d("2021-07-27")),
                Registration::Suspended { .. }
            ));
            assert!(matches!(
                registration(a, Region::Mainland, d("2021-08-04")),
                Registration::Suspended { .. }
            ));
            assert_eq!(
                registration(a, Region::Mainland, d("2021-08-05")),
                Registration::Open
            );
            assert_eq!(
                registration(a, Region::Overseas, d("2021-07-30")),
                Registration::Open
            );
            assert_eq!(AccountType::parse(a.as_str()), Some(a));
        }
    }
}
