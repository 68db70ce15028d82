//! The page side of the worker protocol: a pool of Web Workers
//! ([`crate::worker_slot::Slot`]), one per core (at least two, at most
//! [`MAX_WORKERS`]). A model 2 projection is split by run index
//! ([`Request::plan`]): each worker computes the sums of one block of runs,
//! the first also the quick result from its first runs. That worker starts
//! alone and the others once the quick result is out ([`Held`]): while the
//! page re-renders for the moved lever, the quick result has the other core
//! to itself instead of sharing it with every block. The page gathers the
//! parts (bytes it does not read) and hands them to the first worker, which
//! merges them and finishes the full result, to the bit the numbers of one
//! worker. A model 1 projection (sums in run order) and a comparison are
//! whole: the quick result in the first worker and the full one in the second
//! at the same time. Questions go to the last worker. The workers are stopped
//! when the page is left (`pagehide`).

use crate::worker_slot::Slot;
use gloo_events::EventListener;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::{JsCast, JsValue};
use wlz_scenario::protocol::{Bytes, Request, Response, Stages, ToWorker};
use yew::Callback;

thread_local! {
    /// The page's running pool, for [`send_early`] (set by [`EngineWorker::spawn`]).
    static POOL: RefCell<Weak<EngineWorker>> = const { RefCell::new(Weak::new()) };
}

/// Sends `request` to the running pool now, if there is one (the reducer's
/// shortcut: the request leaves before the page re-renders).
pub fn send_early(request: &Request) {
    if let Some(pool) = POOL.with(|pool| pool.borrow().upgrade()) {
        pool.send(request);
    }
}

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

/// The parts of the newest split request, gathered until every block has come.
#[derive(Default)]
pub struct Gather {
    /// The split request (sent back with the parts to merge).
    request: Option<Request>,
    /// How many parts the request was split into.
    expected: usize,
    /// The parts received (the engine's bytes, unread).
    parts: Vec<Bytes>,
    /// The longest time a worker took for its part (ms).
    elapsed_ms: f64,
}

impl Gather {
    /// Starts gathering for `request`, split into `expected` parts (none when it is not split).
    pub fn start(&mut self, request: Option<Request>, expected: usize) {
        *self = Gather { request, expected, ..Gather::default() };
    }

    /// Takes in a part; returns the merge to send once the last part of the newest split request has come.
    pub fn add(&mut self, id: u64, part: Bytes, elapsed_ms: f64) -> Option<ToWorker> {
        if self.request.as_ref().is_none_or(|r| r.id != id) {
            return None;
        }
        self.parts.push(part);
        self.elapsed_ms = self.elapsed_ms.max(elapsed_ms);
        if self.parts.len() < self.expected {
            return None;
        }
        let request = self.request.take()?;
        Some(ToWorker::Merge { request, parts: std::mem::take(&mut self.parts), elapsed_ms: self.elapsed_ms })
    }
}

/// The blocks of the newest split request that wait for its quick result.
#[derive(Default)]
pub struct Held {
    /// The request they belong to.
    id: u64,
    /// Per worker (its index in the pool), what it is to be sent.
    messages: Vec<(usize, ToWorker)>,
}

impl Held {
    /// Keeps `messages` of request `id`, dropping any held for an earlier one.
    pub fn hold(&mut self, id: u64, messages: Vec<(usize, ToWorker)>) {
        *self = Held { id, messages };
    }

    /// The messages to send now that request `id`'s quick result (or its failure) has come.
    pub fn release(&mut self, id: u64) -> Vec<(usize, ToWorker)> {
        if self.id == id { std::mem::take(&mut self.messages) } else { Vec::new() }
    }
}

/// The running workers.
pub struct EngineWorker {
    slots: Rc<Vec<Slot>>,
    last_sent: Rc<Cell<u64>>,
    gather: Rc<RefCell<Gather>>,
    held: Rc<RefCell<Held>>,
    _pagehide: Option<EventListener>,
}

impl EngineWorker {
    /// Starts the pool and makes it the one [`send_early`] reaches; every
    /// result, answer or failure goes to `on_response` (the parts of a split
    /// request stay in the pool).
    pub fn spawn(on_response: Callback<Response>) -> Result<Rc<EngineWorker>, String> {
        let last_sent = Rc::new(Cell::new(0));
        let gather = Rc::new(RefCell::new(Gather::default()));
        let held = Rc::new(RefCell::new(Held::default()));
        // The handler reaches the workers (the first merges, the held blocks go to the others) through this cell, filled once the pool runs.
        let workers: Rc<RefCell<Weak<Vec<Slot>>>> = Rc::default();
        let routed = {
            let (gather, held, workers) = (gather.clone(), held.clone(), workers.clone());
            Callback::from(move |response: Response| {
                let slots = workers.borrow().upgrade();
                let deliver = |index: usize, message: ToWorker| {
                    if let Some(slot) = slots.as_ref().and_then(|slots| slots.get(index)) {
                        slot.deliver(message);
                    }
                };
                match response {
                    Response::Part { id, part, elapsed_ms } => {
                        if let Some(merge) = gather.borrow_mut().add(id, part, elapsed_ms) {
                            deliver(0, merge);
                        }
                    }
                    other => {
                        // The quick result is out (or failed): the held blocks start, before the page renders it.
                        if let Response::Result { id, partial: true, .. } | Response::Failed { id, .. } = &other {
                            for (index, message) in held.borrow_mut().release(*id) {
                                deliver(index, message);
                            }
                        }
                        on_response.emit(other);
                    }
                }
            })
        };
        let mut early = early_workers().into_iter();
        let slots = (0..pool_size())
            .map(|_| Slot::spawn(routed.clone(), last_sent.clone(), early.next()))
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
        *workers.borrow_mut() = Rc::downgrade(&slots);
        let stopping = slots.clone();
        let pagehide = web_sys::window()
            .map(|window| EventListener::new(&window, "pagehide", move |_| stopping.iter().for_each(Slot::terminate)));
        let pool = Rc::new(EngineWorker { slots, last_sent, gather, held, _pagehide: pagehide });
        POOL.with(|current| *current.borrow_mut() = Rc::downgrade(&pool));
        Ok(pool)
    }

    /// The number of workers.
    pub fn size(&self) -> usize {
        self.slots.len()
    }

    /// Sends `request` as the pool's plan says (each worker keeps it until it
    /// is ready); earlier requests still running are dropped by the workers.
    /// The blocks of a split request after a quick one are held until the
    /// quick result comes. A request already sent to this pool is not sent again.
    pub fn send(&self, request: &Request) {
        if self.last_sent.replace(request.id) == request.id {
            return;
        }
        let plan = request.plan(self.slots.len());
        let parts = plan.iter().filter(|s| matches!(s, Stages::Part { .. })).count();
        self.gather.borrow_mut().start((parts > 0).then(|| request.clone()), parts);
        let quick_first = matches!(plan.first(), Some(Stages::Part { quick: true, .. }));
        let mut later = Vec::new();
        for (index, (slot, stages)) in self.slots.iter().zip(plan).enumerate() {
            let message = ToWorker::Project(Request { stages, ..request.clone() });
            if quick_first && index > 0 { later.push((index, message)) } else { slot.deliver(message) }
        }
        self.held.borrow_mut().hold(request.id, later);
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

    /// A model 2 scenario with observations, calibrated (fit=1).
    fn calibrated(runs: u32) -> Request {
        let mut scenario = wlz_scenario::codec::decode(&format!("v=2&runs={runs}&aid=30&fit=1")).scenario;
        let text: String = (0..24).map(|i| format!("{}-{:02},{}\n", 2022 + i / 12, i % 12 + 1, 250 - i)).collect();
        scenario.set_observed(wlz_scenario::observed::ObservedSeries::parse(&text).ok());
        Request::new(5, &scenario, None)
    }

    #[test]
    fn held_blocks_go_out_once_for_their_own_request() {
        let message = |id| ToWorker::Project(Request { id, ..calibrated(3000) });
        let mut held = Held::default();
        held.hold(7, vec![(1, message(7)), (2, message(7))]);
        assert!(held.release(6).is_empty(), "an older request's quick result releases nothing");
        assert_eq!(held.release(7).iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![1, 2]);
        assert!(held.release(7).is_empty(), "released once");
        held.hold(8, vec![(1, message(8))]);
        held.hold(9, vec![(1, message(9))]);
        assert!(held.release(8).is_empty(), "a newer request drops what an older one held");
        assert_eq!(held.release(9).len(), 1);
    }

    #[test]
    fn split_parts_gathered_as_bytes_merge_to_one_workers_numbers() {
        use wlz_engine::simulate::{Context, Part};
        let request = calibrated(3000);
        let (scenario, _) = request.scenarios();
        let params = scenario.model_params();
        let whole = wlz_engine::simulate::project_runs(&params, params.runs);
        assert!(whole.calibration.is_some(), "the observations calibrate the runs");
        for workers in [2, 3, 4] {
            let plan = request.plan(workers);
            assert_eq!(plan.len(), workers, "{plan:?}");
            let mut gather = Gather::default();
            gather.start(Some(request.clone()), plan.len());
            let mut merge = None;
            // Each worker's context is its own (calibrated again); the parts come back in any order.
            for stages in plan.into_iter().rev() {
                let Stages::Part { from, to, quick } = stages else { panic!("{stages:?}") };
                let context = Context::for_runs(&params, params.runs);
                let part = if quick {
                    let first = context.part(0..wlz_scenario::protocol::FIRST_RUNS);
                    let quick = context.finish(&first);
                    let alone = wlz_engine::simulate::project_runs(&params, wlz_scenario::protocol::FIRST_RUNS);
                    assert_eq!(quick.checksum(), alone.checksum(), "the quick result of one worker");
                    Part::merge(vec![first, context.part(wlz_scenario::protocol::FIRST_RUNS..to)]).unwrap()
                } else {
                    context.part(from..to)
                };
                // As the worker does: only model 2's sums cross.
                let Part::Model2(sums) = part else { panic!("model 2 is split") };
                assert!(merge.is_none(), "no merge before the last part");
                merge = gather.add(request.id, Bytes::of_part(&sums), 1.0);
                assert!(
                    gather.add(request.id + 1, Bytes::of_part(&sums), 1.0).is_none(),
                    "another request's part is ignored"
                );
            }
            let Some(ToWorker::Merge { request: back, parts, .. }) = merge else { panic!("a merge") };
            assert_eq!(back, request);
            let parts: Vec<Part> = parts.iter().map(|bytes| Part::Model2(bytes.part().unwrap())).collect();
            let merged = Context::for_runs(&params, params.runs).finish(&Part::merge(parts).unwrap());
            assert_eq!(merged.checksum(), whole.checksum(), "{workers} workers: every number to the bit");
        }
    }

    #[test]
    fn model_one_and_comparisons_are_not_split() {
        let v1 = Request::new(1, &wlz_scenario::codec::decode("v=1&runs=3000").scenario, None);
        assert_eq!(v1.plan(3), vec![Stages::Quick, Stages::Full]);
        assert_eq!(calibrated(3000).plan(1), vec![Stages::Both]);
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
            let asked = ToWorker::Ask { id: 2, query: "v=1&runs=300".into(), observed: None, question };
            assert_eq!(decode::<ToWorker>(&encode(&asked)).expect("a question"), asked);
            let answer =
                Response::Answer { id: 2, answer: wlz_engine::question::answer(question, &params), elapsed_ms: 1.0 };
            assert_eq!(decode::<Response>(&encode(&answer)).expect("an answer"), answer);
        }
    }
}
