//! Content that is rendered only while it is shown: a hidden tab panel, the
//! closed scenario menu. Hidden content that was never shown is first mounted
//! once the page has its first result (or its failure), after that result is
//! painted: the first screen appears without it. From then on it stays
//! mounted (a form keeps what was typed, a link to a field finds it), but
//! while hidden Yew leaves it as it was instead of rendering it again on every
//! slider move and every result.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

/// Properties of [`Dormant`].
#[derive(Properties)]
pub struct DormantProps {
    /// True while the content is shown.
    pub shown: bool,
    /// True once the page has its first result or failure: hidden content is
    /// then mounted, after the next paint.
    pub wake: bool,
    /// The content.
    pub children: Html,
}

impl PartialEq for DormantProps {
    /// Unchanged while the content is hidden and stays hidden, whatever it
    /// holds (but for `wake`): Yew then keeps it as it is. When it is shown it
    /// is rendered with the newest properties; shown content renders on every
    /// change, as it would without this wrapper.
    fn eq(&self, other: &Self) -> bool {
        !self.shown && !other.shown && self.wake == other.wake
    }
}

/// Runs `then` in a task after the next frame is painted (a timeout started
/// from an animation-frame callback, which runs just before that paint).
fn after_next_paint(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return then() };
    let frame = Closure::once_into_js(move || {
        let later = Closure::once_into_js(then);
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// The content: nothing until it is first shown or woken, then rendered
/// when mounted and afterwards only while it is shown.
#[function_component(Dormant)]
pub fn dormant(props: &DormantProps) -> Html {
    let mounted = use_state_eq(|| props.shown);
    {
        let mounted = mounted.clone();
        use_effect_with((props.shown, props.wake), move |&(shown, wake)| {
            if shown {
                mounted.set(true);
            } else if wake && !*mounted {
                after_next_paint(move || mounted.set(true));
            }
        });
    }
    if props.shown || *mounted { props.children.clone() } else { Html::default() }
}
