//! The browser UI: Yew function components over the pure state and policy.

pub mod app;
pub mod components;
mod panic;
pub mod route;
pub mod scenario;
pub mod screens;
pub mod shell;
pub mod storage;
pub mod store;

pub use app::App;

/// Mounts the app into `<body>`, after installing the crash screen and the
/// address guard.
pub fn start() {
    panic::install();
    guard_hash();
    yew::Renderer::<App>::new().render();
}

/// The router throws on an address like `#foo` (no leading slash), which a
/// person can type at any time. This listener runs before the router's (it
/// is added first) and rewrites such an address to `#/foo`, which the router
/// then shows as "not found".
fn guard_hash() {
    fn fix() {
        let Some(w) = web_sys::window() else { return };
        let hash = w.location().hash().unwrap_or_default();
        if !hash.is_empty() && !hash.starts_with("#/") {
            let fixed = String::from("#/") + hash.trim_start_matches('#');
            if let Ok(h) = w.history() {
                let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fixed));
            }
        }
    }
    fix();
    if let Some(w) = web_sys::window() {
        gloo::events::EventListener::new(&w, "popstate", |_| fix()).forget();
    }
}
