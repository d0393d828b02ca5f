//! The browser UI: Yew function components over the pure state and policy.

pub mod app;
pub mod browser_url;
pub mod clipboard;
pub mod components;
pub mod group;
pub mod hooks;
mod js;
pub mod link_card;
pub mod link_settings;
pub mod outcome;
mod panic;
pub mod route;
pub mod router;
pub mod scenario;
pub mod screens;
pub mod shell;
pub mod storage;
pub mod store;
pub mod why;

pub use app::App;

/// Mounts the app into `<body>`, after installing the crash screen.
pub fn start() {
    panic::install();
    yew::Renderer::<App>::new().render();
}
