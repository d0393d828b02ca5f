//! The interoperability rules as pure Rust: no yew, no web-sys, so that the
//! same code is tested natively, benchmarked, and run in the browser.
//!
//! The UI calls [`engine::decide`] with [`rules::Rules::builtin`] (or rules
//! the user loaded), [`extract::find_links`] on message texts,
//! [`sync::sync_status`] and [`registration::registration`]. See
//! `docs/policy.md`.

pub mod connection;
pub mod engine;
pub mod extract;
pub mod fingerprint;
pub mod history;
pub mod link;
pub mod matrix;
pub mod moments;
pub mod record;
pub mod registration;
pub mod rules;
pub mod scenario;
pub mod sha256;
pub mod stories;
pub mod sync;

pub use engine::{decide, decide_as, Decision, TraceStep, Viewer, Why};
pub use rules::{CardDisplay, Context, Outcome, Rules};
