//! # wlz-app
//!
//! The browser front end: renders [`state::State`] and sends every
//! computation to a Web Worker ([`worker`]); it computes nothing itself.
//! The numbers come from `wlz-engine`.

pub mod bridge;
pub mod components;
pub mod i18n;
pub mod js_bindings;
pub mod memo;
pub mod messages;
pub mod narrow;
pub mod panel;
pub mod share;
pub mod state;
pub mod url_sync;
pub mod window_event;
pub mod worker_slot;

/// Mounts the page on `<body>`.
pub fn start() {
    yew::Renderer::<components::app::App>::new().render();
}
