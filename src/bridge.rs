//! The page side of the worker protocol: a pool of Web Workers
//! ([`crate::worker_slot::Slot`]), one per core (at least two, at most
//! [`MAX_WORKERS`]). Each projection's quick result is asked of the first
//! worker and its full result of the second at the same time, so the full
//! result never waits for the quick one; questions go to the last worker.
//! Every worker computes whole projections (the same numbers, to the bit, as
//! one worker); the workers are stopped when the page is left (`pagehide`).

use crate::worker_slot::Slot;
use gloo_events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wlz_scenario::protocol::{Request, Response, Stages, ToWorker};
use yew::Callback;

/// Most workers started, whatever the number of cores (each holds its own memory).
pub const MAX_WORKERS: usize = 4;

/// The workers `static/early_workers.js` started before the page's wasm
/// loaded (`window.wlzEarlyWorkers`), taken over once: later pools start their own.
fn early_workers() -> Vec<JsValue> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let key = JsValue::from_str("wlzEarlyWorkers");
    let list = js_sys::Reflect::get(&window, &key).ok().filter(js_sys::Array::is_array);
    let _ = js_sys::Reflect::set(&window, &key, &JsValue::UNDEFINED);
    list.map(|list| js_sys::Array::from(&list).to_vec()).unwrap_or_default()
}

/// The number of workers: `navigator.hardwareConcurrency` clamped to 2 ..=
/// [`MAX_WORKERS`]; a number in `window.wlzPoolSize` (set by the end-to-end
/// tests before the page starts) replaces it, 1 included.
pub fn pool_size() -> usize {
    let Some(window) = web_sys::window() else { return 1 };
    let forced = js_sys::Reflect::get(&window, &JsValue::from_str("wlzPoolSize")).ok().and_then(|v| v.as_f64());
    match forced {
        Some(n) if n >= 1.0 => (n as usize).min(MAX_WORKERS),
        _ => (window.navigator().hardware_concurrency() as usize).clamp(2, MAX_WORKERS),
    }
}

/// Which stages each worker computes for a request, by pool size: one worker
/// does both; otherwise the first the quick result and the second the full one.
pub fn stage_plan(workers: usize) -> &'static [Stages] {
    if workers <= 1 { &[Stages::Both] } else { &[Stages::Quick, Stages::Full] }
}

/// The running workers.
pub struct EngineWorker {
    slots: Rc<Vec<Slot>>,
    last_sent: Rc<Cell<u64>>,
    _pagehide: Option<EventListener>,
}

impl EngineWorker {
    /// Starts the pool; every message or failure goes to `on_response`.
    pub fn spawn(on_response: Callback<Response>) -> Result<EngineWorker, String> {
        let last_sent = Rc::new(Cell::new(0));
        let mut early = early_workers().into_iter();
        let slots = (0..pool_size())
            .map(|_| Slot::spawn(on_response.clone(), last_sent.clone(), early.next()))
            .collect::<Result<Vec<_>, _>>()?;
        // Early workers beyond the pool (none unless the rules differ) are stopped.
        for extra in early {
            if let Ok(worker) = js_sys::Reflect::get(&extra, &JsValue::from_str("worker"))
                && let Ok(worker) = worker.dyn_into::<web_sys::Worker>()
            {
                worker.terminate();
            }
        }
        let slots = Rc::new(slots);
        let stopping = slots.clone();
        let pagehide = web_sys::window()
            .map(|window| EventListener::new(&window, "pagehide", move |_| stopping.iter().for_each(Slot::terminate)));
        Ok(EngineWorker { slots, last_sent, _pagehide: pagehide })
    }

    /// The number of workers.
    pub fn size(&self) -> usize {
        self.slots.len()
    }

    /// Sends `request` (each worker keeps it until it is ready); earlier
    /// requests still running are dropped by the workers.
    pub fn send(&self, request: &Request) {
        self.last_sent.set(request.id);
        for (slot, &stages) in self.slots.iter().zip(stage_plan(self.slots.len())) {
            slot.deliver(ToWorker::Project(Request { stages, ..request.clone() }));
        }
    }

    /// Sends a question to the last worker (kept until it is ready); every question is answered.
    pub fn ask(&self, message: ToWorker) {
        if let Some(slot) = self.slots.last() {
            slot.deliver(message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_worker_does_both_stages_and_two_split_them() {
        assert_eq!(stage_plan(1), &[Stages::Both]);
        assert_eq!(stage_plan(2), &[Stages::Quick, Stages::Full]);
        assert_eq!(stage_plan(3).len(), 2, "a third worker takes the questions");
    }

    #[test]
    fn results_answers_and_comparisons_cross_as_bytes_bit_for_bit() {
        use wlz_scenario::protocol::{Compared, Question, decode, encode};
        use wlz_scenario::solve::SolveLever;
        use wlz_scenario::target::TargetId;
        let params = wlz_scenario::codec::decode("v=1&runs=300&aid=40").scenario.model_params();
        let a = wlz_scenario::codec::decode("v=1&runs=300").scenario.model_params();
        let compared = wlz_engine::compare::compare(&a, &params, 300).expect("comparable");
        let projection = wlz_engine::simulate::project_runs(&params, 300);
        let result = Response::Result {
            id: 1,
            query: "v=1&runs=300&aid=40".into(),
            observed: None,
            projection: Box::new(projection.clone()),
            elapsed_ms: 2.5,
            json: Some("{\"runs\": 300}".into()),
            partial: false,
            compared: Some(Compared::Done { a: Box::new(compared.a), paired: Box::new(compared.paired) }),
        };
        let back: Response = decode(&encode(&result)).expect("a result");
        assert_eq!(back, result);
        let Response::Result { projection: back, .. } = back else { unreachable!() };
        assert_eq!(back.checksum(), projection.checksum(), "every number to the bit");
        // Model 2 with observations: the calibration and the observed targets cross too.
        let mut scenario = wlz_scenario::codec::decode("v=2&runs=300&fit=1").scenario;
        let text: String = (0..30).map(|i| format!("{}-{:02},{}\n", 2022 + i / 12, i % 12 + 1, 250 - i)).collect();
        scenario.set_observed(wlz_scenario::observed::ObservedSeries::parse(&text).ok());
        let request = Request::new(4, &scenario, None);
        let calibrated = wlz_engine::simulate::project_runs(&scenario.model_params(), 300);
        assert!(calibrated.calibration.is_some());
        let result = Response::Result {
            id: 4,
            query: request.query.clone(),
            observed: request.observed.clone(),
            projection: Box::new(calibrated.clone()),
            elapsed_ms: 1.0,
            json: None,
            partial: true,
            compared: None,
        };
        assert_eq!(decode::<Response>(&encode(&result)).expect("a model 2 result"), result);
        let back = wlz_scenario::protocol::scenario_of(&request.query, request.observed.as_deref());
        assert_eq!(back, scenario, "the page has the result's scenario, observations included");
        let questions = [
            Question::Solve { lever: SolveLever::All, target: TargetId::T1, confidence: 0.8 },
            Question::Solve {
                lever: SolveLever::One(wlz_scenario::lever::LeverId::Aid),
                target: TargetId::T1,
                confidence: 2.0,
            },
            Question::Sensitivity { target: TargetId::T1 },
        ];
        for question in questions {
            let asked = ToWorker::Ask { id: 2, query: "v=1&runs=300".into(), question };
            assert_eq!(decode::<ToWorker>(&encode(&asked)).expect("a question"), asked);
            let answer =
                Response::Answer { id: 2, answer: wlz_engine::question::answer(question, &params), elapsed_ms: 1.0 };
            assert_eq!(decode::<Response>(&encode(&answer)).expect("an answer"), answer);
        }
    }
}
