//! The `sync` section of a rules file: when Moments can be synced to QQ,
//! Facebook and Twitter (record §4), as data, so that a user's rules can
//! change it (e.g. make Android available). Read by `policy::sync`.

use super::error::Problem;
use super::model::BiText;
use super::scenario::{Date, Os, Region};
use super::validate::Validator;
use super::Rules;
use crate::json::{Kind, Node as Value};
use crate::policy::sync::{SyncStatus, SyncTarget};

/// One entry of the `sync` section. Entries are tried in file order and the
/// first whose conditions all hold decides; an absent condition always
/// holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncRule {
    /// The network.
    pub target: SyncTarget,
    /// Where the account is registered.
    pub registered: Option<Region>,
    /// The phone's system.
    pub os: Option<Os>,
    /// Where the user is (`where` in the file).
    pub region: Option<Region>,
    /// Whether a VPN is on.
    pub vpn: Option<bool>,
    /// First day (inclusive).
    pub valid_from: Option<Date>,
    /// Last day (exclusive).
    pub valid_until: Option<Date>,
    /// The answer.
    pub status: SyncStatus,
    /// Why, in both languages.
    pub reason: BiText,
    /// The source id (record §4 ids have no `R-` form).
    pub source: String,
    /// Whether the answer rests on an assumption.
    pub assumption: bool,
}

fn region(s: &str) -> Option<Region> {
    Region::parse(s)
}

impl Validator<'_> {
    /// Reads the optional `sync` section into `rules.sync`.
    pub(super) fn sync_section(&mut self, v: Option<&Value>, rules: &mut Rules) {
        let Some(v) = v else { return };
        let Some(a) = v.as_array() else {
            self.err(None, "sync", Problem::NotArray);
            return;
        };
        for (i, e) in a.iter().enumerate() {
            let who = format!("sync[{i}]");
            let who = Some(who.as_str());
            let Some(o) = self.obj(e, who, "sync") else {
                continue;
            };
            self.check_fields(
                o,
                who,
                &[
                    "target",
                    "registered",
                    "os",
                    "where",
                    "vpn",
                    "valid_from",
                    "valid_until",
                    "status",
                    "reason",
                    "source",
                    "assumption",
                    "note",
                ],
            );
            let target = self.enum_field(o, who, "target", SyncTarget::parse);
            let opt = |me: &mut Self, field: &str| {
                o.get(field)
                    .and_then(|_| me.enum_field(o, who, field, region))
            };
            let registered = opt(self, "registered");
            let region = opt(self, "where");
            let os = o
                .get("os")
                .and_then(|_| self.enum_field(o, who, "os", Os::parse));
            let vpn = match o.get("vpn") {
                None => None,
                Some(Value {
                    kind: Kind::Bool(b),
                    ..
                }) => Some(*b),
                Some(_) => {
                    self.err(who, "vpn", Problem::NotBool);
                    None
                }
            };
            let valid_from = self.date(o, who, "valid_from", false);
            let valid_until = self.date(o, who, "valid_until", false);
            if let (Some(f), Some(u)) = (valid_from, valid_until) {
                if u <= f {
                    self.err(who, "valid_until", Problem::NotAfter { until: u, from: f });
                }
            }
            let status = self.enum_field(o, who, "status", SyncStatus::parse);
            let reason = match o.get("reason") {
                Some(_) => self.bitext(o, who, "reason"),
                None => {
                    self.err(who, "reason", Problem::Missing);
                    None
                }
            };
            let source = self.string(o, who, "source", true);
            if !source.is_empty() && !rules.knows_source(&source) {
                self.err(who, "source", Problem::UnknownSource(source.clone()));
            }
            let assumption = self.boolean(o, who, "assumption", Some(false));
            if let (Some(target), Some(status), Some(reason)) = (target, status, reason) {
                rules.sync.push(SyncRule {
                    target,
                    registered,
                    os,
                    region,
                    vpn,
                    valid_from,
                    valid_until,
                    status,
                    reason,
                    source,
                    assumption,
                });
            }
        }
    }
}
