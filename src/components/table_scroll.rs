//! A table in its own horizontal scroll box, so a wide table scrolls by
//! itself on a phone instead of widening the page. The box is a labelled,
//! focusable region, so keyboard users can scroll it too.

use yew::prelude::*;

/// `table` inside a scroll box named `label` (usually the table's caption).
pub fn scroll_box(label: &str, table: Html) -> Html {
    html! {
        <div class="table-scroll" role="region" aria-label={label.to_string()} tabindex="0">{table}</div>
    }
}
