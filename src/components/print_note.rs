//! What only the printed page (A4) adds: the link to the scenario (or, in a
//! standalone file without a public address, its query and a word to send the
//! file), the note and the date. The print stylesheet shows it; the screen
//! does not.

use crate::i18n::Lang;
use crate::share::{share_link, today_in_words};
use crate::t;
use yew::prelude::*;

/// What [`print_note`] shows.
#[derive(PartialEq)]
pub struct PrintNoteProps {
    /// Page language.
    pub lang: Lang,
    /// The page's query (scenario and page keys).
    pub query: String,
    /// The scenario's note (may be empty).
    pub note: String,
}

/// The print-only lines.
pub fn print_note(props: &PrintNoteProps) -> Html {
    let lang = props.lang;
    let link = match share_link(&props.query) {
        Some(link) => html! { <p>{t!(lang, "memo.link")}{" "}<span class="print-link">{link}</span></p> },
        None => html! { <p>{t!(lang, "memo.no_link")}{" "}<span class="print-link">{props.query.clone()}</span></p> },
    };
    html! {
        <div class="print-only" data-testid="print-note">
            {link}
            if !props.note.trim().is_empty() {
                <p>{t!(lang, "memo.note")}{" "}{props.note.clone()}</p>
            }
            <p>{t!(lang, "memo.date")}{" "}{today_in_words(lang)}</p>
        </div>
    }
}
