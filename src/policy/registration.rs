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

/// The country calling codes of the sign-up form: the code, the names in
/// English and Chinese, the digits a mobile number has after the code, and
/// the digits it may start with.
pub const COUNTRIES: &[(&str, &str, &str, u8, &str)] = &[
    ("+86", "Chinese mainland", "中国大陆", 11, "1"),
    ("+852", "Hong Kong", "中国香港", 8, "4569"),
    ("+853", "Macao", "中国澳门", 8, "6"),
    ("+886", "Taiwan", "中国台湾", 9, "9"),
    (
        "+1",
        "United States / Canada",
        "美国 / 加拿大",
        10,
        "23456789",
    ),
    ("+44", "United Kingdom", "英国", 10, "7"),
    ("+65", "Singapore", "新加坡", 8, "89"),
    ("+81", "Japan", "日本", 10, "789"),
    ("+61", "Australia", "澳大利亚", 9, "4"),
];

/// Where an account registered with `country` is: +86 is the mainland,
/// every other code overseas (Hong Kong, Macao and Taiwan included).
///
/// An assumption, shown as one beside Country code on the sign-up screen:
/// the record says the 2021 suspension "applies to mainland users only"
/// ([`REG_2021_07_27`]) and that mainland- and overseas-registered accounts
/// synced differently (record §4), but not how WeChat told them apart.
pub fn region_of(country: &str) -> Region {
    if country == "+86" {
        Region::Mainland
    } else {
        Region::Overseas
    }
}

/// Why a phone number is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhoneError {
    /// Nothing typed.
    Empty,
    /// A character other than digits, spaces and dashes.
    NotDigits,
    /// A country code not in [`COUNTRIES`].
    UnknownCountry,
    /// The number starts with another country's code than the one chosen
    /// (`+1 …` typed with +44 selected).
    OtherCode {
        /// The code chosen in the list.
        chosen: &'static str,
    },
    /// The wrong number of digits.
    Length {
        /// How many the country's mobile numbers have.
        expected: u8,
        /// How many were typed.
        got: usize,
    },
    /// A first digit mobile numbers of the country don't have.
    Start {
        /// The digits they may start with.
        allowed: &'static str,
    },
}

/// The digits of `phone` when it is a mobile number of `country`, written
/// as people write them: spaces, dashes, dots and brackets are dropped, the
/// chosen country's code in front (`+44 7700 900123`, `0044 …`) is taken
/// off, and so is the trunk `0` of a national number (`07700 900123`).
pub fn phone_digits(country: &str, phone: &str) -> Result<String, PhoneError> {
    let &(code, _, _, len, starts) = COUNTRIES
        .iter()
        .find(|c| c.0 == country)
        .ok_or(PhoneError::UnknownCountry)?;
    let written: String = phone
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}'))
        .collect();
    if written.is_empty() {
        return Err(PhoneError::Empty);
    }
    let international = written
        .strip_prefix('+')
        .or_else(|| written.strip_prefix("00"));
    let digits = match international {
        Some(rest) => match rest.strip_prefix(&code[1..]) {
            Some(national) if rest.bytes().all(|b| b.is_ascii_digit()) => national.to_string(),
            _ if rest.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(PhoneError::OtherCode { chosen: code })
            }
            _ => return Err(PhoneError::NotDigits),
        },
        None => written,
    };
    let digits = match digits.strip_prefix('0') {
        Some(national) if digits.len() == usize::from(len) + 1 => national.to_string(),
        _ => digits,
    };
    if digits.is_empty() {
        return Err(PhoneError::Empty);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PhoneError::NotDigits);
    }
    if digits.len() != usize::from(len) {
        return Err(PhoneError::Length {
            expected: len,
            got: digits.chars().count(),
        });
    }
    if !starts.as_bytes().contains(&digits.as_bytes()[0]) {
        return Err(PhoneError::Start { allowed: starts });
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_taken_as_people_write_them() {
        let uk = "7700900123".to_string();
        for typed in [
            "7700 900123",
            "+44 7700 900123",
            "0044 7700 900123",
            "07700 900123",
            "+44 (0)7700 900123",
            "7700-900-123",
        ] {
            assert_eq!(phone_digits("+44", typed), Ok(uk.clone()), "{typed}");
        }
        assert_eq!(
            phone_digits("+86", "+86 138 0013 8000"),
            Ok("13800138000".into())
        );
        assert_eq!(
            phone_digits("+44", "+1 202 555 0143"),
            Err(PhoneError::OtherCode { chosen: "+44" })
        );
        assert_eq!(
            phone_digits("+44", "+44 7700 9OO123"),
            Err(PhoneError::NotDigits)
        );
        assert_eq!(
            phone_digits("+44", "+"),
            Err(PhoneError::OtherCode { chosen: "+44" })
        );
        assert_eq!(phone_digits("+44", "+44"), Err(PhoneError::Empty));
        assert!(matches!(
            phone_digits("+86", "0138001380001"),
            Err(PhoneError::Length { .. })
        ));
    }

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

    #[test]
    fn phone_numbers_are_checked_per_country() {
        assert_eq!(
            phone_digits("+86", "138 0013-8000").as_deref(),
            Ok("13800138000")
        );
        assert_eq!(phone_digits("+852", "9123 4567").as_deref(), Ok("91234567"));
        assert_eq!(
            phone_digits("+44", "7700900123").as_deref(),
            Ok("7700900123")
        );
        assert_eq!(phone_digits("+86", "  "), Err(PhoneError::Empty));
        assert_eq!(
            phone_digits("+86", "1380013800a"),
            Err(PhoneError::NotDigits)
        );
        assert_eq!(
            phone_digits("+86", "１３８００１３８０００"),
            Err(PhoneError::NotDigits)
        );
        assert_eq!(
            phone_digits("+86", "1380013800"),
            Err(PhoneError::Length {
                expected: 11,
                got: 10
            })
        );
        assert_eq!(
            phone_digits("+86", "23800138000"),
            Err(PhoneError::Start { allowed: "1" })
        );
        assert_eq!(
            phone_digits("+999", "12345678"),
            Err(PhoneError::UnknownCountry)
        );
        for &(code, _, _, len, starts) in COUNTRIES {
            let n: String = std::iter::once(starts.as_bytes()[0] as char)
                .chain(std::iter::repeat_n('5', usize::from(len) - 1))
                .collect();
            assert!(phone_digits(code, &n).is_ok(), "{code} {n}");
            assert_eq!(region_of(code) == Region::Mainland, code == "+86");
        }
    }
}
