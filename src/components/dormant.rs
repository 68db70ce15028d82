//! Content that is rendered only while it is shown: a hidden tab panel, the
//! closed scenario menu. It stays mounted (a form keeps what was typed, a link
//! to a field finds it), but while hidden Yew leaves it as it was instead of
//! rendering it again on every slider move and every result.

use yew::prelude::*;

/// Properties of [`Dormant`].
#[derive(Properties)]
pub struct DormantProps {
    /// True while the content is shown.
    pub shown: bool,
    /// The content.
    pub children: Html,
}

impl PartialEq for DormantProps {
    /// Unchanged while the content is hidden and stays hidden, whatever it
    /// holds: Yew then keeps it as it is. When it is shown it is rendered with
    /// the newest properties; shown content renders on every change, as it
    /// would without this wrapper.
    fn eq(&self, other: &Self) -> bool {
        !self.shown && !other.shown
    }
}

/// The content, rendered when mounted and then only while it is shown.
#[function_component(Dormant)]
pub fn dormant(props: &DormantProps) -> Html {
    props.children.clone()
}
