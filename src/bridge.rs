//! The page side of the worker protocol: spawns the Web Worker and turns its
//! messages (and failures) into [`Response`]s.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use wlz_scenario::protocol::{Request, Response, ToWorker};
use yew::Callback;

/// Path of the worker script, relative to the page (so any sub-path works).
pub const WORKER_URL: &str = "./worker_loader.js";

/// The worker script to start: the standalone file's start-up script puts a
/// blob: URL in `window.wlzWorkerUrl` (everything is inside the page there);
/// otherwise [`WORKER_URL`].
pub fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("wlzWorkerUrl")).ok())
        .and_then(|url| url.as_string())
        .unwrap_or_else(|| WORKER_URL.to_string())
}

/// A running worker and the handlers that keep it talking to the page.
pub struct EngineWorker {
    worker: Worker,
    last_sent: Rc<Cell<u64>>,
    /// Until the worker says [`Response::Ready`], messages wait here (only the newest projection).
    pending: Rc<RefCell<Vec<ToWorker>>>,
    ready: Rc<Cell<bool>>,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(ErrorEvent)>,
}

impl EngineWorker {
    /// Starts the worker; every message or failure goes to `on_response`.
    pub fn spawn(on_response: Callback<Response>) -> Result<EngineWorker, String> {
        let worker = Worker::new(&worker_url()).map_err(|e| format!("{e:?}"))?;
        let last_sent = Rc::new(Cell::new(0));
        let pending: Rc<RefCell<Vec<ToWorker>>> = Rc::default();
        let ready = Rc::new(Cell::new(false));
        let respond = on_response.clone();
        let (sent, waiting, is_ready, target) = (last_sent.clone(), pending.clone(), ready.clone(), worker.clone());
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            match serde_json::from_str::<Response>(&text) {
                Ok(Response::Ready) => {
                    is_ready.set(true);
                    for message in waiting.borrow_mut().drain(..) {
                        post(&target, &message);
                    }
                }
                Ok(response) => respond.emit(response),
                Err(e) => respond.emit(Response::Failed { id: sent.get(), message: e.to_string() }),
            }
        });
        let sent = last_sent.clone();
        let onerror = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            on_response.emit(Response::Failed { id: sent.get(), message: event.message() });
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Ok(EngineWorker { worker, last_sent, pending, ready, _onmessage: onmessage, _onerror: onerror })
    }

    /// Sends `request` (or keeps it until the worker is ready); earlier
    /// requests still running are dropped by the worker.
    pub fn send(&self, request: &Request) {
        self.last_sent.set(request.id);
        self.deliver(ToWorker::Project(request.clone()));
    }

    /// Sends a question (kept until the worker is ready); every question is answered.
    pub fn ask(&self, message: ToWorker) {
        self.deliver(message);
    }

    /// Posts `message`, or keeps it until the worker is ready; a waiting
    /// projection is replaced by a newer one, questions all wait.
    fn deliver(&self, message: ToWorker) {
        if self.ready.get() {
            post(&self.worker, &message);
            return;
        }
        let mut pending = self.pending.borrow_mut();
        if matches!(message, ToWorker::Project(_)) {
            pending.retain(|m| !matches!(m, ToWorker::Project(_)));
        }
        pending.push(message);
    }
}

fn post(worker: &Worker, message: &ToWorker) {
    if let Ok(text) = serde_json::to_string(message) {
        let _ = worker.post_message(&JsValue::from_str(&text));
    }
}

impl Drop for EngineWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
