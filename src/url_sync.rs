//! Keeps the URL in step with the state (the URL is a projection of it):
//! while the scenario changes, `history.replaceState` at most twice a second;
//! once it has been still for [`SETTLE_MS`], the entry is kept and the next
//! change starts a new one, so back and forward step through scenarios; a
//! `popstate` (back/forward) is sent to the reducer as the new query.

use crate::window_event::use_window_event;
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// Least time between two URL rewrites while a slider moves (ms).
pub const REPLACE_MS: f64 = 500.0;
/// Time without change after which a scenario gets its own history entry (ms).
pub const SETTLE_MS: u32 = 1000;

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The query string of the address bar, without `?`.
pub fn location_query() -> String {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    search.strip_prefix('?').unwrap_or(&search).to_string()
}

/// The query the page starts from: the address bar's, or when that is empty
/// the scenario embedded in the page (`<meta name="wlz-scenario">`, set in a
/// downloaded standalone file).
pub fn initial_query() -> String {
    let query = location_query();
    if !query.is_empty() {
        return query;
    }
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=wlz-scenario]").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default()
}

fn write(query: &str, push: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let url = format!("?{query}");
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

#[derive(Default)]
struct Sync {
    last_write: Cell<f64>,
    latest: RefCell<String>,
    settled: Cell<bool>,
    trailing: RefCell<Option<Timeout>>,
    settle: RefCell<Option<Timeout>>,
}

/// Mirrors `query` into the address bar and history; back/forward call `on_navigate`.
#[hook]
pub fn use_url_sync(query: String, on_navigate: Callback<String>) {
    let sync = use_mut_ref(|| Rc::new(Sync::default())).borrow().clone();
    {
        let sync = sync.clone();
        use_window_event("popstate", move |_| {
            sync.trailing.borrow_mut().take();
            sync.settle.borrow_mut().take();
            sync.settled.set(true);
            *sync.latest.borrow_mut() = location_query();
            on_navigate.emit(location_query());
        });
    }
    use_effect_with(query, move |query| {
        *sync.latest.borrow_mut() = query.clone();
        if *query != location_query() {
            let elapsed = now() - sync.last_write.get();
            if sync.settled.replace(false) {
                write(query, true);
                sync.last_write.set(now());
            } else if elapsed >= REPLACE_MS {
                write(query, false);
                sync.last_write.set(now());
            } else {
                let later = sync.clone();
                *sync.trailing.borrow_mut() = Some(Timeout::new((REPLACE_MS - elapsed).ceil() as u32, move || {
                    write(&later.latest.borrow(), false);
                    later.last_write.set(now());
                }));
            }
        }
        let later = sync.clone();
        *sync.settle.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || {
            later.trailing.borrow_mut().take();
            let latest = later.latest.borrow().clone();
            if latest != location_query() {
                write(&latest, false);
            }
            later.settled.set(true);
        }));
    });
}
