//! Walled Garden: a mock WeChat that runs the interoperability rules of
//! China's super-apps entirely client-side.
//!
//! `policy` and `state` are pure Rust, tested natively; `ui` wires them to
//! the browser with Yew.

pub mod i18n;
pub mod json;
pub mod policy;
pub mod sort;
pub mod state;
pub mod ui;

pub use ui::start;
