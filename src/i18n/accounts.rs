//! Why a sign-up is refused, in the user's language.

use super::{Explain, Lang};
use crate::policy::registration::PhoneError;
use crate::state::accounts::{SignUpError, MAX_NAME_CHARS};

impl Explain for PhoneError {
    fn explain(&self, lang: Lang) -> String {
        match self {
            PhoneError::Empty => lang.pick("Enter a phone number.", "请输入手机号。").into(),
            PhoneError::NotDigits => lang
                .pick(
                    "A phone number has digits only (spaces, dashes and the country code in front are fine).",
                    "手机号只能包含数字（可以有空格、短横线和前面的国家和地区代码）。",
                )
                .into(),
            PhoneError::UnknownCountry => lang
                .pick(
                    "Choose a country code from the list.",
                    "请从列表中选择国家和地区。",
                )
                .into(),
            PhoneError::OtherCode { chosen } => match lang {
                Lang::En => format!(
                    "This number starts with another country code than {chosen}: choose its code in the list, or type the number without it."
                ),
                Lang::Zh => {
                    format!("这个号码的国家和地区代码不是 {chosen}：请在列表中选择它的代码，或输入不带代码的号码。")
                }
            },
            PhoneError::Length { expected, got } => match lang {
                Lang::En => format!(
                    "Mobile numbers with this code have {expected} digits; this one has {got}."
                ),
                Lang::Zh => format!("该地区的手机号为 {expected} 位，这个号码有 {got} 位。"),
            },
            PhoneError::Start { allowed } => {
                let sep = lang.pick(", ", "、");
                let list: Vec<String> = allowed.chars().map(String::from).collect();
                match lang {
                    Lang::En => format!(
                        "Mobile numbers with this code start with {}.",
                        list.join(sep)
                    ),
                    Lang::Zh => format!("该地区的手机号以 {} 开头。", list.join(sep)),
                }
            }
        }
    }
}

impl Explain for SignUpError {
    fn explain(&self, lang: Lang) -> String {
        let (en, zh) = match self {
            SignUpError::Phone(e) => return e.explain(lang),
            SignUpError::Suspended {
                since,
                until,
                source,
            } => {
                return match lang {
                    Lang::En => format!("WeChat has suspended registration of new personal and official accounts in the Chinese mainland since {since}, for \"security upgrades\" to comply with laws; it is expected back around {until} (inferred). [{source}]"),
                    Lang::Zh => format!("自 {since} 起，微信以“安全升级”、依法合规为由暂停中国大陆新的个人帐号和公众号注册，预计约 {until} 恢复（推断）。[{source}]"),
                }
            }
            SignUpError::Taken => (
                "An account with this phone number exists already: switch to it on Me.",
                "已有使用此手机号的帐号，可在“我”中切换。",
            ),
            SignUpError::NoCode => (
                "Press Get code first (a changed number needs a new code).",
                "请先获取验证码（更换号码需要重新获取）。",
            ),
            SignUpError::WrongCode => (
                "That is not the code shown: check it and try again.",
                "验证码不正确，请核对后重试。",
            ),
            SignUpError::Name => {
                return match lang {
                    Lang::En => format!("Enter a name of 1 to {MAX_NAME_CHARS} characters."),
                    Lang::Zh => format!("请输入 1 到 {MAX_NAME_CHARS} 个字符的名字。"),
                }
            }
        };
        lang.pick(en, zh).into()
    }
}
