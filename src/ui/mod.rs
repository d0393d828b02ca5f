//! The browser UI: Yew function components over the pure state and policy.
//!
//! `pages/` has one module per route, `components/` the widgets several
//! pages share; the rest is infrastructure: the root component and its
//! store, hooks, the router, storage and the JS bindings.

pub mod app;
pub mod browser_url;
pub mod components;
pub mod hooks;
mod js;
pub mod pages;
mod panic;
pub mod provider;
pub mod route;
pub mod router;
pub mod storage;
pub mod store;

pub use app::App;

/// Mounts the app into `<body>`, after installing the crash screen.
pub fn start() {
    panic::install();
    yew::Renderer::<App>::new().render();
}
