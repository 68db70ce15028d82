//! Bindings to the page's small JavaScript helpers (`src/js/export.js`):
//! downloads, the chart as SVG and PNG, the clipboard, the standalone file
//! and the switch to a new release.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/export.js")]
extern "C" {
    /// Offers `text` as a file download named `name` with MIME type `mime`.
    pub fn download_text(name: &str, mime: &str, text: &str);
    /// The SVG element matched by `selector` as a standalone SVG document (styles inlined).
    pub fn svg_markup(selector: &str) -> String;
    /// Renders SVG markup to PNG at `scale` times its size and offers it as a download.
    pub fn svg_to_png(markup: &str, name: &str, scale: f64) -> js_sys::Promise;
    /// Copies `text` to the clipboard; the promise resolves to true when it worked.
    pub fn copy_text(text: &str) -> js_sys::Promise;
    /// Offers the standalone file (found at `standalone`, relative to the page,
    /// unless this page is one) as a download named `name`, with `query` as its
    /// embedded scenario; the promise resolves to true when it was offered.
    pub fn download_standalone(name: &str, standalone: &str, query: &str) -> js_sys::Promise;
}

#[wasm_bindgen(module = "/src/js/update.js")]
extern "C" {
    /// True when the service worker has installed a new release that waits to take over.
    pub fn update_waiting() -> bool;
    /// Lets the waiting release take over; every open page of the old one then reloads.
    pub fn apply_update();
}
