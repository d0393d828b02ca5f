//! Errors and reasons in the user's language: every error value that can
//! reach a screen is rendered here, in English and Chinese, and its
//! `Display` (for the `decide` tool and logs) is the English text.

use super::Lang;
use crate::json::{Error as JsonError, ErrorKind};
use crate::policy::engine::{Decision, FormNote, FormReason};
use crate::policy::link::{LinkError, MpViolation, RejectReason};
use crate::policy::rules::{Problem, RuleError};
use crate::state::persist::PersistError;
use std::borrow::Cow;
use std::fmt;

/// A value the user may read about: an error, or why a link is refused.
pub trait Explain {
    /// The explanation in `lang`.
    fn explain(&self, lang: Lang) -> String;
}

/// The reason the user reads for `d` in `lang`: the deciding rule's, then
/// what the link's form says ([`FormNote`]), which the engine leaves typed.
pub fn reason(d: &Decision, lang: Lang) -> Cow<'_, str> {
    let rule = d.texts.get(lang).reason.as_str();
    let note = match &d.note {
        None => return Cow::Borrowed(rule),
        Some(FormNote::Form(f)) => f.explain(lang),
        Some(FormNote::Rejected(r)) => r.explain(lang),
        Some(FormNote::Invalid) => {
            let texts: Vec<String> = d.violations.iter().map(|v| v.explain(lang)).collect();
            texts.join(lang.pick("; ", "；"))
        }
    };
    if rule.is_empty() {
        Cow::Owned(note)
    } else {
        Cow::Owned(format!("{rule} {note}"))
    }
}

/// `"a", "b" or "c"` in English, `「a」、「b」或「c」` in Chinese.
fn one_of(values: &[&str], lang: Lang) -> String {
    let (open, close, comma, or) = match lang {
        Lang::En => ("\"", "\"", ", ", " or "),
        Lang::Zh => ("「", "」", "、", "或"),
    };
    let mut s = String::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            s.push_str(if i + 1 == values.len() { or } else { comma });
        }
        s.push_str(open);
        s.push_str(v);
        s.push_str(close);
    }
    s
}

/// `line 3, column 5: ` / `第 3 行第 5 列：`
pub(super) fn at(line: usize, column: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("line {line}, column {column}: "),
        Lang::Zh => format!("第 {line} 行第 {column} 列："),
    }
}

impl Explain for ErrorKind {
    fn explain(&self, lang: Lang) -> String {
        use ErrorKind as K;
        let (en, zh) = match self {
            K::UnexpectedEnd => ("unexpected end of text", "文本意外结束"),
            K::TrailingText => ("unexpected text after the end", "结尾之后还有多余的文字"),
            K::ExpectedValue => ("expected a value", "此处应为一个值"),
            K::ExpectedCommaOrBracket => ("expected `,` or `]`", "此处应为 , 或 ]"),
            K::ExpectedCommaOrBrace => ("expected `,` or `}`", "此处应为 , 或 }"),
            K::ExpectedKey => ("expected a field name in quotes", "此处应为带引号的字段名"),
            K::ExpectedColon => ("expected `:`", "此处应为 :"),
            K::TooDeep => ("nested too deeply", "嵌套层级过深"),
            K::TooLarge => ("number too large", "数字过大"),
            K::TooSmall => ("number too small", "数字过小"),
            K::MalformedNumber => ("malformed number", "数字格式有误"),
            K::NotWhole => ("only whole numbers are allowed", "只允许整数"),
            K::BadUnicodeEscape => ("bad \\u escape", "\\u 转义有误"),
            K::Unterminated => ("unterminated string", "字符串缺少结尾的引号"),
            K::BadEscape => ("bad escape", "转义字符有误"),
            K::ControlCharacter => ("control character in string", "字符串中含有控制字符"),
            K::InvalidUtf8 => ("invalid UTF-8", "编码无效"),
            K::ExpectedObject => ("expected an object", "此处应为对象"),
            K::ExpectedString => ("expected a string", "此处应为字符串"),
            K::ExpectedBool => ("expected true or false", "此处应为布尔值"),
            K::ExpectedWholeNumber => ("expected a whole number", "此处应为整数"),
            K::OutOfRange => ("number out of range", "数字超出范围"),
            K::ExpectedList => ("expected a list", "此处应为列表"),
            K::MissingField => ("missing field", "缺少字段"),
            K::ExpectedDate => ("expected a date (YYYY-MM-DD)", "此处应为日期（年-月-日）"),
            K::ExpectedOneOf(v) => {
                return match lang {
                    Lang::En => format!("expected {}", one_of(v, lang)),
                    Lang::Zh => format!("此处应为{}", one_of(v, lang)),
                }
            }
            K::ExpectedObjectWith(v) => {
                return match lang {
                    Lang::En => format!("expected an object with a field {}", one_of(v, lang)),
                    Lang::Zh => format!("此处应为含有{}字段的对象", one_of(v, lang)),
                }
            }
        };
        lang.pick(en, zh).to_string()
    }
}

impl Explain for JsonError {
    fn explain(&self, lang: Lang) -> String {
        let what = self.kind.explain(lang);
        if self.path.is_empty() {
            what
        } else {
            self.path.clone() + lang.pick(": ", "：") + &what
        }
    }
}

impl Explain for PersistError {
    fn explain(&self, lang: Lang) -> String {
        use PersistError as P;
        let (en, zh) = match self {
            P::Unreadable {
                line,
                column,
                error,
            } => return at(*line, *column, lang) + &error.explain(lang),
            P::NewerVersion => (
                "saved by a newer version of the app",
                "由更新版本的应用保存",
            ),
            P::MissingScenario => ("missing field `scenario`", "缺少情景字段"),
            P::UnexpectedVersion => ("unexpected version", "版本不符"),
            P::BadContactId => ("bad or duplicate contact id", "联系人编号无效或重复"),
            P::BadChatId => ("bad or duplicate chat id", "聊天编号无效或重复"),
            P::UnknownContact => ("chat with an unknown contact", "聊天对象不是已知联系人"),
            P::BadGroupMembers => (
                "group with unknown or too few members",
                "群成员未知或少于两人",
            ),
            P::DuplicateMessageId => ("message with a duplicate id", "消息编号重复"),
            P::UnknownSender => ("message with an unknown sender", "消息发送者未知"),
            P::MessageTooLong => ("message too long", "消息过长"),
            P::BadAccount => (
                "two accounts with the same id or phone number, or a bad account name",
                "两个帐号的编号或手机号相同，或帐号名称无效",
            ),
            P::BadPost => (
                "a Moments post with unknown people or over the limits",
                "朋友圈动态含未知联系人或超出限制",
            ),
        };
        lang.pick(en, zh).to_string()
    }
}

impl Explain for LinkError {
    fn explain(&self, lang: Lang) -> String {
        match (self, lang) {
            (LinkError::Refused(why), Lang::En) if !why.is_empty() => why.clone(),
            (LinkError::Refused(_), _) => lang.pick("not a valid URL", "网址无效").into(),
            (LinkError::NoHost, _) => lang
                .pick("no scheme and no host", "没有协议，也没有域名")
                .into(),
            (LinkError::NoParser, _) => lang
                .pick("no URL parser installed", "未安装网址解析器")
                .into(),
        }
    }
}

impl Explain for RejectReason {
    fn explain(&self, lang: Lang) -> String {
        use RejectReason as R;
        match (self, lang) {
            (R::Empty, _) => lang.pick("The link is empty.", "链接为空。").into(),
            (R::NotAUrl(e), Lang::En) => {
                format!("This text is not a web address ({}).", e.explain(lang))
            }
            (R::NotAUrl(_), Lang::Zh) => "这段文字不是网址。".into(),
            (R::Scheme(s), Lang::En) => {
                format!("\"{s}:\" links are never opened: only http(s) and mini-program links are.")
            }
            (R::Scheme(s), Lang::Zh) => {
                format!("「{s}:」链接不会被打开：只打开网页链接和小程序链接。")
            }
            (R::UnsupportedWeixin, _) => lang
                .pick(
                    "This weixin:// link is not a mini-program URL Scheme.",
                    "这个 weixin:// 链接不是小程序 URL Scheme。",
                )
                .into(),
            (R::MalformedShortLink, _) => lang
                .pick(
                    "This is not a valid mini-program short link (#小程序://NAME/CODE).",
                    "这不是有效的小程序短链（#小程序://名称/短链码）。",
                )
                .into(),
        }
    }
}

impl Explain for MpViolation {
    fn explain(&self, lang: Lang) -> String {
        use MpViolation as V;
        match (self, lang) {
            (V::MissingAppid, _) => lang
                .pick(
                    "the link has neither a ticket (t) nor an appid",
                    "链接既没有「t」参数，也没有「appid」参数",
                )
                .into(),
            (V::MalformedAppid(a), Lang::En) => {
                format!("appid \"{a}\" is not \"wx\" followed by 16 hexadecimal characters")
            }
            (V::MalformedAppid(a), Lang::Zh) => {
                format!("「appid」参数「{a}」不是「wx」加 16 位十六进制字符")
            }
            (V::PathLeadingSlash(p), Lang::En) => format!("path \"{p}\" must not start with \"/\""),
            (V::PathLeadingSlash(p), Lang::Zh) => format!("「path」参数「{p}」不能以 / 开头"),
            (V::QueryTooLong(n), Lang::En) => {
                format!("query is {n} characters long; at most 512 are allowed")
            }
            (V::QueryTooLong(n), Lang::Zh) => format!("「query」参数长 {n} 个字符，最多 512 个"),
            (V::UnknownEnvVersion(v), Lang::En) => {
                format!("env_version \"{v}\" is not release, trial or develop")
            }
            (V::UnknownEnvVersion(v), Lang::Zh) => {
                format!("「env_version」参数「{v}」不是「release」「trial」或「develop」")
            }
        }
    }
}

impl Explain for FormReason {
    fn explain(&self, lang: Lang) -> String {
        use FormReason as F;
        match (self, lang) {
            (F::Expired { created, age }, Lang::En) => {
                format!(
                    "Created on {created}, {age} days before: URL Links are valid at most 30 days."
                )
            }
            (F::Expired { created, age }, Lang::Zh) => {
                format!("创建于 {created}，已过 {age} 天：URL Link 最长有效 30 天。")
            }
            (F::Future { created }, Lang::En) => {
                format!("Created on {created}, after the simulated day.")
            }
            (F::Future { created }, Lang::Zh) => format!("创建于 {created}，晚于模拟的日期。"),
            (F::TestersOnly(env), Lang::En) => format!(
                "env_version={} opens only for the mini program's testers.",
                env.as_str()
            ),
            (F::TestersOnly(env), Lang::Zh) => {
                format!("env_version={} 仅对小程序的体验成员开放。", env.as_str())
            }
        }
    }
}

/// What is wrong with `field` (named for `unknown …` values).
fn problem(p: &Problem, field: &str, lang: Lang) -> String {
    use Problem as P;
    let fixed = |en: &str, zh: &str| lang.pick(en, zh).to_string();
    let zh = lang == Lang::Zh;
    match p {
        P::Syntax(k) => k.explain(lang),
        P::Missing => fixed("missing", "缺少此字段"),
        P::UnknownField => fixed("unknown field", "未知字段"),
        P::NotObject => fixed("must be an object", "必须是对象"),
        P::NotString => fixed("must be a string", "必须是字符串"),
        P::NotStrings => fixed("must be an array of strings", "必须是字符串数组"),
        P::NotArray => fixed("must be an array", "必须是数组"),
        P::MissingArray => fixed("missing or not an array", "缺少此字段或不是数组"),
        P::NotBool => fixed("must be true or false", "必须是 true 或 false"),
        P::NotInteger => fixed("must be an integer", "必须是整数"),
        P::NotDateString => fixed(
            "must be a date string YYYY-MM-DD",
            "必须是日期字符串（年-月-日）",
        ),
        P::FormatNot1 => fixed("must be 1", "必须为 1"),
        P::MissingId => fixed(
            "missing or not a non-empty string",
            "缺少此字段或不是非空字符串",
        ),
        P::BadPlatformId => fixed(
            "must be lower-case letters, digits or _",
            "只能包含小写字母、数字或 _",
        ),
        P::ReservedNone => fixed("\"none\" means no platform", "「none」表示没有平台"),
        P::DuplicatePlatform => fixed("duplicate platform id", "平台编号重复"),
        P::DuplicateRule => fixed("duplicate rule id", "规则编号重复"),
        P::DuplicateSource => fixed("duplicate source id", "来源编号重复"),
        P::NoDomain => fixed("at least one domain", "至少需要一个域名"),
        P::ListedTwice => fixed("listed twice", "重复列出"),
        P::NoForm => fixed("at least one form", "至少需要一种链接形式"),
        P::NoContext => fixed("missing or empty", "缺少此字段或为空"),
        P::NoSources => fixed(
            "missing: every rule cites the record",
            "缺少来源：每条规则都须引用记录",
        ),
        P::NotADate(s) if zh => format!("「{s}」不是日期（年-月-日）"),
        P::NotADate(s) => format!("\"{s}\" is not a date YYYY-MM-DD"),
        P::NotCanonicalDomain(d) if zh => format!("{d} 不是小写（punycode）域名"),
        P::NotCanonicalDomain(d) => format!("{d} is not a lower-case (punycode) domain"),
        P::DomainTwice(d) if zh => format!("域名 {d} 属于两个平台"),
        P::DomainTwice(d) => format!("domain {d} belongs to two platforms"),
        P::UnknownCategory(c) if zh => format!("未知类别 {c}"),
        P::UnknownCategory(c) => format!("unknown category {c}"),
        P::UnknownPlatform(p) if zh => format!("未知平台 {p}"),
        P::UnknownPlatform(p) => format!("unknown platform {p}"),
        P::UnknownForm(f) if zh => format!("未知链接形式 {f}"),
        P::UnknownForm(f) => format!("unknown form {f}"),
        P::UnknownContext(c) if zh => format!("未知分享场景 {c}"),
        P::UnknownContext(c) => format!("unknown context {c}"),
        P::UnknownValue(v) if zh => format!("{field} 的值 {v} 未知"),
        P::UnknownValue(v) => format!("unknown {field} {v}"),
        P::UnknownSource(s) if zh => format!("{s} 既不是记录编号，也不是文件说明的来源"),
        P::UnknownSource(s) => format!("{s} is not a record id nor a documented source"),
        P::NotAfter { until, from } if zh => format!("{until} 不晚于 valid_from {from}"),
        P::NotAfter { until, from } => format!("{until} is not after valid_from {from}"),
        P::OneOf(v) if zh => format!("必须是{}", one_of(v, lang)),
        P::OneOf(v) => format!("must be {}", one_of(v, lang)),
        P::AssumedButHigh => fixed(
            "cannot be high for an assumption: an assumption is at most medium",
            "假设的可信度不能为“高”：假设最多为“中”",
        ),
    }
}

impl Explain for RuleError {
    fn explain(&self, lang: Lang) -> String {
        let sep = lang.pick(": ", "：");
        let mut s = match (self.line, self.column) {
            (Some(l), Some(c)) => at(l, c, lang),
            _ => String::new(),
        };
        if let Some(r) = &self.rule {
            s.push_str(r);
            s.push_str(sep);
        }
        s.push_str(&self.field);
        s.push_str(sep);
        s.push_str(&problem(&self.problem, &self.field, lang));
        s
    }
}

/// `Display` in English and `std::error::Error` for each explained type.
macro_rules! in_english {
    ($($ty:ty),*) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.explain(Lang::En))
            }
        }
        impl std::error::Error for $ty {}
    )*};
}

in_english!(
    JsonError,
    PersistError,
    LinkError,
    RejectReason,
    MpViolation,
    RuleError,
    FormReason
);

#[cfg(test)]
mod tests;
