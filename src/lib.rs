//! Walled Garden: a mock WeChat that runs the interoperability rules of
//! China's super-apps entirely client-side.
//!
//! `policy` and `state` are pure Rust, tested natively; `ui` wires them to
//! the browser with Yew.

#![warn(missing_docs)]

pub mod i18n;
pub mod json;
pub mod lang;
pub mod policy;
pub mod present;
pub mod sort;
pub mod state;
pub mod ui;

pub use ui::start;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
