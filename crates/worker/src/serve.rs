//! Serving the page: receives [`ToWorker`] messages, runs the engine and posts
//! [`Response`]s (as bytes; a full result also carries its JSON export). Each
//! request's scenario is decoded once; a quick result from the first runs
//! comes first, then the full count, or, when the pool splits a model 2
//! projection, the sums of this worker's block of runs, which the page hands
//! to one worker to merge and finish. A request overtaken by a newer one is
//! dropped between stages. Questions (what would it take, what matters most)
//! are answered in order.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use wlz_engine::accumulate::FixedSum;
use wlz_engine::calibrate::Kept;
use wlz_engine::compare::compare;
use wlz_engine::model_params::ModelParams;
use wlz_engine::output::Projection;
use wlz_engine::protocol::{Bytes, Compared, FIRST_RUNS, Request, Response, Stages, ToWorker};
use wlz_engine::protocol::{decode, encode, scenario_of};
use wlz_engine::simulate::{Context, Part, PartError, PartOf};
use wlz_engine::{Scenario, codec, output::Report, question, simulate};

thread_local! {
    static LATEST: Cell<u64> = const { Cell::new(0) };
    /// The engine's context (with its calibration) of the newest request, kept for its next stage or merge.
    static CONTEXT: RefCell<Option<(u64, Rc<Context>)>> = const { RefCell::new(None) };
    /// The newest calibration, reused by a request whose calibration inputs are the same (a slider
    /// moved after the observed months): the same posterior, to the bit, without computing it again.
    static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
}

/// A request with its scenarios decoded (once).
struct Job {
    /// The request number.
    id: u64,
    /// Scenario B (the one shown), with its observations.
    scenario: Scenario,
    /// The canonical query of scenario B.
    query: String,
    /// Scenario B in model units.
    params: ModelParams,
    /// Scenario A in model units, when comparing.
    pinned: Option<ModelParams>,
    /// Which results this worker computes.
    stages: Stages,
    /// The request's observed series (text) when the query does not carry it; returned with each result.
    observed: Option<String>,
}

impl Job {
    fn new(request: Request) -> Job {
        let (scenario, pinned) = request.scenarios();
        Job {
            id: request.id,
            query: codec::encode(&scenario),
            params: scenario.model_params(),
            pinned: pinned.map(|a| a.model_params()),
            stages: request.stages,
            observed: request.observed,
            scenario,
        }
    }

    /// Runs one stage: the first [`FIRST_RUNS`] runs (`partial`) or all of them.
    fn run(&self, partial: bool) -> Response {
        let runs = if partial { self.params.runs.min(FIRST_RUNS) } else { self.params.runs };
        let started = now_ms();
        let (projection, compared) = match &self.pinned {
            None => {
                let context = self.context();
                (context.finish(&context.part(0..runs.max(1))), None)
            }
            Some(a) => match compare(a, &self.params, runs) {
                Ok(c) => (c.b, Some(Compared::Done { a: Box::new(c.a), paired: Box::new(c.paired) })),
                Err(mismatch) => (simulate::project_runs(&self.params, runs), Some(Compared::mismatch(&mismatch))),
            },
        };
        self.result(projection, partial, compared, now_ms() - started)
    }

    /// The result message of `projection`.
    fn result(&self, projection: Projection, partial: bool, compared: Option<Compared>, elapsed_ms: f64) -> Response {
        // The JSON export is written here (export::report_json: the CLI's report without its
        // wall-clock time, so the same link gives the same bytes), so that the page needs no JSON writer.
        let json = (!partial).then(|| {
            let report =
                Report::new(&self.query, &self.params, &projection, elapsed_ms).with_observed(self.scenario.observed());
            wlz_engine::export::report_json(&report)
        });
        let (query, observed, projection) = (self.query.clone(), self.observed.clone(), Box::new(projection));
        Response::Result { id: self.id, query, observed, projection, elapsed_ms, json, partial, compared }
    }

    /// The engine's context of this request: the one kept for it, or a new one
    /// (with the kept posterior when the calibration's inputs are the same, else
    /// calibrated again, to the same bits), then kept.
    fn context(&self) -> Rc<Context> {
        CONTEXT.with(|kept| {
            if let Some((id, context)) = kept.borrow().as_ref()
                && *id == self.id
            {
                return context.clone();
            }
            let context = Rc::new(KEPT.with(|calibration| {
                Context::for_runs_kept(&self.params, self.params.runs, &mut calibration.borrow_mut())
            }));
            *kept.borrow_mut() = Some((self.id, context.clone()));
            context
        })
    }
}

/// Posts the part of a split request. Only model 2 is split, so only its
/// sums cross as bytes (half the serde code of [`Part`]).
fn post_part(id: u64, part: &Part, started: f64) {
    match part {
        Part::Model2(sums) => post(&Response::Part { id, part: Bytes::of_part(sums), elapsed_ms: now_ms() - started }),
        Part::Model1(_) => post(&Response::Failed { id, message: PartError::NotSplittable.to_string() }),
    }
}

/// The block `from..to` of a split request: with `quick` first the quick
/// result of runs 0..[`FIRST_RUNS`], whose sums begin the block's part.
fn split_stage(job: Job, from: u32, to: u32, quick: bool) {
    let started = now_ms();
    let context = job.context();
    if !(quick && from == 0 && to > FIRST_RUNS) {
        post_part(job.id, &context.part(from..to), started);
        return;
    }
    let first = context.part(0..FIRST_RUNS);
    post(&job.result(context.finish(&first), true, None, now_ms() - started));
    later(move || {
        if LATEST.with(Cell::get) != job.id {
            return;
        }
        match Part::merge(vec![first, context.part(FIRST_RUNS..to)]) {
            Ok(part) => post_part(job.id, &part, started),
            Err(error) => post(&Response::Failed { id: job.id, message: error.to_string() }),
        }
    });
}

/// Merges the parts of a split request and posts its full result.
fn merge(request: Request, parts: Vec<Bytes>, parts_ms: f64) {
    if LATEST.with(Cell::get) != request.id {
        return;
    }
    let started = now_ms();
    let job = Job::new(request);
    let parts: Result<Vec<Part>, String> =
        parts.iter().map(|bytes| bytes.part::<PartOf<FixedSum>>().map(Part::Model2)).collect();
    match parts.and_then(|parts| Part::merge(parts).map_err(|e| e.to_string())) {
        Ok(whole) => {
            let projection = job.context().finish(&whole);
            post(&job.result(projection, false, None, parts_ms + now_ms() - started));
        }
        Err(message) => post(&Response::Failed { id: job.id, message }),
    }
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts `response` as bytes whose buffer is handed over (transferred), not
/// copied again by the browser: a part is about 450 KB.
fn post(response: &Response) {
    let bytes = js_sys::Uint8Array::from(encode(response).as_slice());
    let _ = scope().post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer()));
}

fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

fn later(work: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(work);
    let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}

/// Runs `job`'s quick stage (when the full count is larger) and then its full
/// stage, as far as its [`Stages`] ask, each only while no newer request has come.
fn stage(job: Job, partial: bool) {
    if LATEST.with(Cell::get) != job.id {
        return;
    }
    let quick_first = partial && job.params.runs > FIRST_RUNS;
    match job.stages {
        Stages::Part { from, to, quick } => split_stage(job, from, to, quick),
        Stages::Quick if !quick_first => {}
        Stages::Quick => post(&job.run(true)),
        Stages::Full => post(&job.run(false)),
        Stages::Both => {
            post(&job.run(quick_first));
            if quick_first {
                later(move || stage(job, false));
            }
        }
    }
}

/// Starts serving requests in this worker (called by the worker binary's `main`).
pub fn serve() {
    std::panic::set_hook(Box::new(|info| {
        let id = LATEST.with(Cell::get);
        post(&Response::Failed { id, message: info.to_string() });
    }));
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        // Read where they are when they are a Uint8Array (the page's messages); `new Uint8Array` would copy first.
        let data = event.data();
        let bytes = match data.dyn_ref::<js_sys::Uint8Array>() {
            Some(bytes) => bytes.to_vec(),
            None => js_sys::Uint8Array::new(&data).to_vec(),
        };
        match decode::<ToWorker>(&bytes) {
            Ok(ToWorker::Project(request)) => {
                LATEST.with(|latest| latest.set(request.id));
                later(move || stage(Job::new(request), true));
            }
            Ok(ToWorker::Ask { id, query, observed, question }) => later(move || {
                let started = now_ms();
                let params = scenario_of(&query, observed.as_deref()).model_params();
                let answer = question::answer(question, &params);
                post(&Response::Answer { id, answer, elapsed_ms: now_ms() - started });
            }),
            Ok(ToWorker::Merge { request, parts, elapsed_ms }) => later(move || merge(request, parts, elapsed_ms)),
            Err(error) => post(&Response::Failed { id: LATEST.with(Cell::get), message: error }),
        }
    });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post(&Response::Ready);
}
