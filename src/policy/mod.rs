//! The interoperability rules as pure Rust: no yew, no web-sys, so that the
//! same code is tested natively, benchmarked, and run in the browser.

pub mod scenario;
