//! Mini-program URL Schemes (`weixin://dl/business/`, record §3): the
//! ticket and plaintext forms, and every rule a plaintext one breaks.

use super::query::{percent_decode, query_pairs};
use super::{Link, RejectReason, WebUrl};

/// The `env_version` of a plaintext mini-program URL Scheme (record §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnvVersion {
    /// The published version: opens for everyone.
    Release,
    /// The trial version: opens for the mini program's testers only.
    Trial,
    /// The development version: opens for the mini program's testers only.
    Develop,
}

impl EnvVersion {
    /// The value used in links.
    pub const fn as_str(self) -> &'static str {
        match self {
            EnvVersion::Release => "release",
            EnvVersion::Trial => "trial",
            EnvVersion::Develop => "develop",
        }
    }
}

/// A rule of record §3 that a plaintext URL Scheme breaks. Each is reported
/// separately so a developer sees every problem at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MpViolation {
    /// Neither a ticket `t` nor an `appid` was given.
    MissingAppid,
    /// `appid` is not `wx` followed by 16 hexadecimal characters.
    MalformedAppid(String),
    /// `path` starts with `/`, which the scheme forbids.
    PathLeadingSlash(String),
    /// `query` is longer than 512 characters (the length given).
    QueryTooLong(usize),
    /// `env_version` is not `release`, `trial` or `develop`.
    UnknownEnvVersion(String),
}

impl MpViolation {
    /// A stable id for tests and data attributes.
    pub fn id(&self) -> &'static str {
        match self {
            MpViolation::MissingAppid => "missing_appid",
            MpViolation::MalformedAppid(_) => "malformed_appid",
            MpViolation::PathLeadingSlash(_) => "path_leading_slash",
            MpViolation::QueryTooLong(_) => "query_too_long",
            MpViolation::UnknownEnvVersion(_) => "unknown_env_version",
        }
    }
}

/// A mini-program URL Scheme that passed validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MpScheme {
    /// `weixin://dl/business/?t=TICKET`: the encrypted form.
    Ticket(String),
    /// The plaintext form.
    Plain {
        /// `wx` + 16 hex characters.
        appid: String,
        /// The page, without a leading `/` (percent-decoded).
        path: String,
        /// The page's query, as written (url-encoded).
        query: String,
        /// Which version of the mini program to open.
        env: EnvVersion,
    },
}

pub(super) fn weixin(url: &WebUrl<'_>) -> Link<'static> {
    let path = url.path();
    if url.host() != "dl" || !(path == "/business/" || path == "/business") {
        return Link::Rejected(RejectReason::UnsupportedWeixin, String::new());
    }
    let q = url.query().unwrap_or("");
    let (mut t, mut appid, mut mp_path, mut query, mut env) = (None, None, None, None, None);
    for (k, v) in query_pairs(q) {
        match k {
            "t" => t = Some(v),
            "appid" => appid = Some(v),
            "path" => mp_path = Some(v),
            "query" => query = Some(v),
            "env_version" => env = Some(v),
            _ => {}
        }
    }
    if let Some(t) = t.filter(|t| !t.is_empty()) {
        return Link::MpScheme(MpScheme::Ticket(t.to_string()));
    }
    let mut violations = Vec::new();
    let appid = appid.unwrap_or("");
    if appid.is_empty() {
        violations.push(MpViolation::MissingAppid);
    } else if !(appid.len() == 18
        && appid.starts_with("wx")
        && appid[2..].bytes().all(|c| c.is_ascii_hexdigit()))
    {
        violations.push(MpViolation::MalformedAppid(appid.to_string()));
    }
    let mp_path = percent_decode(mp_path.unwrap_or(""));
    if mp_path.starts_with('/') {
        violations.push(MpViolation::PathLeadingSlash(mp_path.clone()));
    }
    let query = query.unwrap_or("");
    let qlen = query.chars().count();
    if qlen > 512 {
        violations.push(MpViolation::QueryTooLong(qlen));
    }
    let env = match env.unwrap_or("release") {
        "release" => Some(EnvVersion::Release),
        "trial" => Some(EnvVersion::Trial),
        "develop" => Some(EnvVersion::Develop),
        other => {
            violations.push(MpViolation::UnknownEnvVersion(other.to_string()));
            None
        }
    };
    match env {
        Some(env) if violations.is_empty() => Link::MpScheme(MpScheme::Plain {
            appid: appid.to_string(),
            path: mp_path,
            query: query.to_string(),
            env,
        }),
        _ => Link::MpInvalid(violations),
    }
}
