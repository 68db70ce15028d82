//! Entry point of the Web Worker's wasm binary.

fn main() {
    #[cfg(target_arch = "wasm32")]
    wlz_app::worker::serve();
}

/// Panics on purpose: lets the end-to-end test check that a panic in the
/// worker reaches the page as a message with a way to reset. Nothing in the
/// page calls it; the test calls it through the worker's `wasm_bindgen` global.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn panic_for_test() {
    panic!("deliberate panic (test of the panic report)");
}
