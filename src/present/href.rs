//! The addresses that present's markup links to. They are the same as
//! `ui::router::href` makes for the same routes (a test in
//! `ui::components::markup` keeps them so); present builds them itself
//! because it sits below `ui` and never imports it.

use crate::state::params::encode;

/// The timeline, scrolled to the record entry `id` (`#/timeline?id=…`).
pub fn timeline_entry(id: &str) -> String {
    String::from("#/timeline?id=") + &encode(id)
}

/// The rules screen, opened at the rule `id` (`#/rules?id=…`).
pub fn rule(id: &str) -> String {
    String::from("#/rules?id=") + &encode(id)
}

/// One platform's history (`#/history?platform=…`).
pub fn history(platform_id: &str) -> String {
    String::from("#/history?platform=") + &encode(platform_id)
}

/// The Moments feed.
pub const MOMENTS: &str = "#/moments";
/// The sign-up flow.
pub const REGISTER: &str = "#/register";
/// Douyin's Connection.
pub const CONNECTION: &str = "#/connection";
/// The link opener; its query comes from `state::opener::scenario_query`.
pub const OPEN: &str = "#/open";

/// Compare (`#/compare?url=…&in=…&a.date=…`) with every field of both
/// sides spelled out (`state::compare::Compare::query`).
pub fn compare(c: &crate::state::compare::Compare) -> String {
    String::from("#/compare?") + &c.query_string()
}
