//! The Web Worker side: receives [`Request`]s, runs the engine and posts
//! [`Response`]s. A quick result from the first runs comes first, then the
//! full count; a request overtaken by a newer one is dropped between stages.
//! Questions (what would it take, what matters most) are answered in order.

use crate::protocol::{Compared, FIRST_RUNS, Request, Response, ToWorker};
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use wlz_engine::compare::{CompareError, compare};
use wlz_engine::{codec, output::Report, simulate};

thread_local! {
    static LATEST: Cell<u64> = const { Cell::new(0) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(response: &Response) {
    if let Ok(text) = serde_json::to_string(response) {
        let _ = scope().post_message(&JsValue::from_str(&text));
    }
}

fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Runs one stage of `request`: the quick partial one, or the full one.
fn run(request: &Request, partial: bool) -> Response {
    let decoded = codec::decode(&request.query);
    let params = decoded.scenario.model_params();
    let runs = if partial { params.runs.min(FIRST_RUNS) } else { params.runs };
    let query = codec::encode(&decoded.scenario);
    let started = now_ms();
    let (projection, compared) = match &request.pinned {
        None => (simulate::project_runs(&params, runs), None),
        Some(pinned) => {
            let a = codec::decode(pinned).scenario.model_params();
            match compare(&a, &params, runs) {
                Ok(comparison) => (comparison.b.clone(), Some(Compared::Done(Box::new(comparison)))),
                Err(mismatch) => (simulate::project_runs(&params, runs), Some(mismatch_of(&mismatch))),
            }
        }
    };
    let elapsed = now_ms() - started;
    let report = Report::new(&query, &params, &projection, elapsed);
    Response::Result { id: request.id, report: Box::new(report), partial, compared }
}

fn mismatch_of(error: &CompareError) -> Compared {
    let (key, a, b) = match error {
        CompareError::Seed(a, b) => ("seed", a.to_string(), b.to_string()),
        CompareError::Start(a, b) => ("start", a.to_string(), b.to_string()),
        CompareError::Horizon(a, b) => ("horizon", a.to_string(), b.to_string()),
    };
    Compared::Mismatch { key: key.into(), a, b }
}

fn later(work: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(work);
    let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}

fn stage(request: Request, partial: bool) {
    if LATEST.with(Cell::get) != request.id {
        return;
    }
    let full_needed = partial && request_runs(&request) > FIRST_RUNS;
    post(&run(&request, partial && full_needed));
    if full_needed {
        later(move || stage(request, false));
    }
}

fn request_runs(request: &Request) -> u32 {
    codec::decode(&request.query).scenario.model_params().runs
}

/// Starts serving requests in this worker (called by the worker binary's `main`).
pub fn serve() {
    std::panic::set_hook(Box::new(|info| {
        let id = LATEST.with(Cell::get);
        post(&Response::Failed { id, message: info.to_string() });
    }));
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let Some(text) = event.data().as_string() else { return };
        match serde_json::from_str::<ToWorker>(&text) {
            Ok(ToWorker::Project(request)) => {
                LATEST.with(|latest| latest.set(request.id));
                later(move || stage(request, true));
            }
            Ok(ToWorker::Ask { id, query, question }) => later(move || {
                let started = now_ms();
                let params = codec::decode(&query).scenario.model_params();
                let answer = question.answer(&params).map_err(|e| e.to_string());
                post(&Response::Answer { id, answer, elapsed_ms: now_ms() - started });
            }),
            Err(error) => post(&Response::Failed { id: LATEST.with(Cell::get), message: error.to_string() }),
        }
    });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post(&Response::Ready);
}
