//! Entry point of the page's wasm binary.

fn main() {
    wlz_app::start();
}
