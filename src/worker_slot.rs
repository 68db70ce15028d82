//! One Web Worker of the pool: started, waited for until it says
//! [`Response::Ready`], and started once more when it fails before that (a
//! worker whose wasm could not be instantiated, e.g. out of memory), after a
//! short wait and once there is room; only a second failure reaches the page.
//!
//! Why a worker runs out of memory, and what the retry does about it: every
//! wasm memory reserves about 10 GiB of address space for its guard regions,
//! and V8 caps what one renderer process reserves (about 1 TiB, about 120
//! memories in Chromium 156) across all its threads. A memory that is no longer used (an
//! earlier page's, after reloads in one tab) is given back only when the
//! garbage collector of the thread that made it runs; a failed reservation
//! collects only the failing thread's garbage. A worker is a fresh thread with
//! nothing to collect, so it fails while the page's own thread still holds
//! earlier pages' dead memories, and waiting alone does not help. Before the
//! retry the page therefore makes room on its own thread ([`room_or_wait`]:
//! the start-up script's `whenRoom`, which the page's own retry uses too; it
//! also waits longer when a page just left still holds its memories).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use wlz_scenario::protocol::{Response, ToWorker, decode, encode};
use yew::Callback;

/// Path of the worker script, relative to the page (so any sub-path works).
pub const WORKER_URL: &str = "./worker_loader.js";

/// What a worker loader (`static/worker_loader.js`, `static/standalone_boot.js`)
/// puts before the browser's reason when the engine could not be loaded; the
/// page words that failure in its own language and shows the reason as detail.
pub const LOAD_FAILED: &str = "wlz-engine-load-failed: ";

/// Wait before a worker that failed to start is started again (ms) when the
/// start-up script's `whenRoom` is missing (the development server).
pub const RETRY_MS: i32 = 300;

/// The worker script to start: the standalone file's start-up script puts a
/// blob: URL in `window.wlzWorkerUrl` (everything is inside the page there);
/// otherwise [`WORKER_URL`].
pub fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("wlzWorkerUrl")).ok())
        .and_then(|url| url.as_string())
        .unwrap_or_else(|| WORKER_URL.to_string())
}

/// A running worker and its handlers.
struct Running {
    worker: Worker,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// What a slot shares with its handlers.
struct Inner {
    running: RefCell<Option<Running>>,
    ready: Cell<bool>,
    /// Until the worker is ready, messages wait here (only the newest projection).
    pending: RefCell<Vec<ToWorker>>,
    /// True once the worker has been started a second time.
    retried: Cell<bool>,
    /// True while a restart waits for room (false: stopped meanwhile).
    waiting: Cell<bool>,
    on_response: Callback<Response>,
    /// The newest request sent (a failure is reported against it).
    last_sent: Rc<Cell<u64>>,
}

/// One worker of the pool.
pub struct Slot(Rc<Inner>);

impl Slot {
    /// Starts a worker, or takes over `early` (one of `window.wlzEarlyWorkers`,
    /// started by `static/early_workers.js` before the page's wasm loaded, with
    /// what it said meanwhile); its messages and its failure (after one retry
    /// when it fails before it is ready) go to `on_response`; `last_sent` is the newest request.
    pub fn spawn(
        on_response: Callback<Response>,
        last_sent: Rc<Cell<u64>>,
        early: Option<JsValue>,
    ) -> Result<Slot, String> {
        let inner = Rc::new(Inner {
            running: RefCell::default(),
            ready: Cell::new(false),
            pending: RefCell::default(),
            retried: Cell::new(false),
            waiting: Cell::new(false),
            on_response,
            last_sent,
        });
        let field = |name: &str| early.as_ref().and_then(|e| js_sys::Reflect::get(e, &JsValue::from_str(name)).ok());
        match field("worker").and_then(|w| w.dyn_into::<Worker>().ok()) {
            Some(worker) => {
                attach(&inner, worker);
                let said = |name: &str| field(name).map(|list| js_sys::Array::from(&list).to_vec()).unwrap_or_default();
                for data in said("messages") {
                    on_message(&inner, &data);
                }
                if let Some(message) = said("errors").first() {
                    failed(&inner, message.as_string().unwrap_or_default());
                }
            }
            None => start(&inner)?,
        }
        Ok(Slot(inner))
    }

    /// Posts `message`, or keeps it until the worker is ready; a waiting
    /// projection (or merge) is replaced by a newer projection, questions all wait.
    pub fn deliver(&self, message: ToWorker) {
        let inner = &self.0;
        if inner.ready.get()
            && let Some(running) = inner.running.borrow().as_ref()
        {
            post(&running.worker, &message);
            return;
        }
        let mut pending = inner.pending.borrow_mut();
        if matches!(message, ToWorker::Project(_)) {
            // A newer request overtakes the older one and its merge.
            pending.retain(|m| matches!(m, ToWorker::Ask { .. }));
        }
        pending.push(message);
    }

    /// Stops the worker now (the page is being left).
    pub fn terminate(&self) {
        self.0.waiting.set(false);
        self.0.running.borrow_mut().take();
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.terminate();
    }
}

/// A failure of the worker: before it was ready and the first time, start it
/// again once [`room_or_wait`] resolves; otherwise report it.
fn failed(inner: &Rc<Inner>, message: String) {
    if !inner.ready.get() && !inner.retried.replace(true) {
        // Stopped now, dropped later: this may run inside one of its own handlers.
        let old = inner.running.borrow_mut().take();
        if let Some(old) = &old {
            old.worker.terminate();
        }
        inner.waiting.set(true);
        let weak = Rc::downgrade(inner);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(room_or_wait()).await;
            drop(old);
            if let Some(inner) = weak.upgrade()
                && inner.waiting.replace(false)
                && let Err(message) = start(&inner)
            {
                inner.on_response.emit(Response::Failed { id: inner.last_sent.get(), message });
            }
        });
        return;
    }
    inner.on_response.emit(Response::Failed { id: inner.last_sent.get(), message });
}

/// Resolves when a retry may start: the start-up script's
/// `window.wlzWhenRoom()` (`whenRoom` in xtask/src/boot_page.js: a short
/// wait, then room made on the page's thread, waiting longer while there is
/// none; see the module's comment), or [`RETRY_MS`] without it.
fn room_or_wait() -> js_sys::Promise {
    let window = web_sys::window();
    let when = window
        .as_ref()
        .and_then(|w| js_sys::Reflect::get(w, &JsValue::from_str("wlzWhenRoom")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&JsValue::UNDEFINED).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    when.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            let waits = window
                .as_ref()
                .and_then(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, RETRY_MS).ok());
            if waits.is_none() {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        })
    })
}

fn start(inner: &Rc<Inner>) -> Result<(), String> {
    let worker = Worker::new(&worker_url()).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map_or_else(|| "the worker could not be started".to_string(), |e| e.message().into())
    })?;
    attach(inner, worker);
    Ok(())
}

/// A message from the worker: the bytes of a [`Response`], or a text when
/// its loader could not start the engine (`static/worker_loader.js`).
fn on_message(inner: &Rc<Inner>, data: &JsValue) {
    let decoded = match data.as_string() {
        Some(text) => Ok(Response::Failed { id: 0, message: text }),
        None => decode::<Response>(&bytes_of(data)),
    };
    match decoded {
        Ok(Response::Ready) => {
            inner.ready.set(true);
            if let Some(running) = inner.running.borrow().as_ref() {
                for message in inner.pending.borrow_mut().drain(..) {
                    post(&running.worker, &message);
                }
            }
        }
        Ok(Response::Failed { message, .. }) if !inner.ready.get() => failed(inner, message),
        Ok(response) => inner.on_response.emit(response),
        Err(message) => inner.on_response.emit(Response::Failed { id: inner.last_sent.get(), message }),
    }
}

/// Puts the slot's handlers on `worker` and keeps it as the slot's running worker.
fn attach(inner: &Rc<Inner>, worker: Worker) {
    let weak = Rc::downgrade(inner);
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(inner) = weak.upgrade() {
            on_message(&inner, &event.data());
        }
    });
    let weak = Rc::downgrade(inner);
    let onerror = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
        event.prevent_default();
        if let Some(inner) = weak.upgrade() {
            failed(&inner, event.message());
        }
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    *inner.running.borrow_mut() = Some(Running { worker, _onmessage: onmessage, _onerror: onerror });
}

/// The bytes of a message: read where they are when they are a `Uint8Array`
/// (`new Uint8Array(data)` would copy them once more first).
fn bytes_of(data: &JsValue) -> Vec<u8> {
    match data.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => bytes.to_vec(),
        None => js_sys::Uint8Array::new(data).to_vec(),
    }
}

/// Posts `message` as bytes whose buffer is handed over (transferred), not
/// copied again by the browser: a merge carries every part (about 900 KB).
fn post(worker: &Worker, message: &ToWorker) {
    let bytes = js_sys::Uint8Array::from(encode(message).as_slice());
    let _ = worker.post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer()));
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_loaders_mark_a_load_failure_with_the_prefix_the_page_reads() {
        for (file, text) in [
            ("worker_loader.js", include_str!("../static/worker_loader.js")),
            ("standalone_boot.js", include_str!("../static/standalone_boot.js")),
        ] {
            assert!(text.contains(&format!("postMessage(`{}${{error}}`)", super::LOAD_FAILED)), "{file}");
            assert!(!text.contains("could not be loaded"), "{file}: no sentence of its own, in one language");
        }
    }
}
