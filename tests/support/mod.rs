//! Helpers shared by the component tests in headless Chromium.

use std::rc::Rc;
use web_sys::Element;
use wlz_engine::output::Report;
use wlz_engine::{codec, simulate};

/// A fresh element appended to `<body>` to mount a component on.
pub fn root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Waits 20 ms so that Yew renders what was scheduled.
pub async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A real engine result for `query` over `runs` runs.
pub fn report(query: &str, runs: u32) -> Rc<Report> {
    let scenario = codec::decode(query).scenario;
    let params = scenario.model_params();
    let projection = simulate::project_runs(&params, runs);
    Rc::new(Report::new(&codec::encode(&scenario), &params, &projection, 0.0))
}
