//! Entry point of the Web Worker's wasm binary.

fn main() {
    #[cfg(target_arch = "wasm32")]
    wlz_app::worker::serve();
}
