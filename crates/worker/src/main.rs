//! # wlz-worker
//!
//! The Web Worker's wasm binary: receives requests from the page, runs the
//! engine and posts the results ([`serve`]). It is its own crate so that only
//! it (and the command line) depend on the Monte Carlo engine; the page
//! depends on the scenario language alone.

mod serve;

fn main() {
    #[cfg(target_arch = "wasm32")]
    serve::serve();
}

/// Panics on purpose: lets the end-to-end test check that a panic in the
/// worker reaches the page as a message with a way to reset. Nothing in the
/// page calls it; the test calls it through the worker's `wasm_bindgen` global.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn panic_for_test() {
    panic!("deliberate panic (test of the panic report)");
}
