//! Narrow screens (phones): charts switch to a frame drawn at about their
//! displayed size, so that their text stays legible (at least 12 px).

use crate::window_event::use_window_event;
use yew::prelude::*;

/// Widest viewport (CSS px) counted as narrow; matches the stylesheet's `40rem`.
pub const NARROW_PX: f64 = 640.0;

fn is_narrow() -> bool {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).is_some_and(|w| w <= NARROW_PX)
}

/// True while the viewport is at most [`NARROW_PX`] wide; follows resizes.
#[hook]
pub fn use_narrow() -> bool {
    let narrow = use_state_eq(is_narrow);
    {
        let narrow = narrow.clone();
        use_window_event("resize", move |_| narrow.set(is_narrow()));
    }
    *narrow
}
