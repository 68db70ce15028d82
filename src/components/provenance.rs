//! Where a value comes from, as the page shows it: "Bron:" with a link to each
//! document (its name from the catalogue, its address from
//! `wlz_scenario::sources`), or "aanname"; with what the value takes from the
//! sources, or why it is an assumption, when the parameter table has a note.

use crate::i18n::{Lang, note_key, tr};
use crate::t;
use wlz_scenario::params::{ParamSpec, Provenance};
use wlz_scenario::sources::SourceId;
use yew::prelude::*;

/// A source as a link to its document (its name alone when no public copy is known).
pub fn source_link(lang: Lang, id: SourceId) -> Html {
    let row = id.row();
    let name = tr(lang, row.label);
    match row.url {
        Some(url) => html! {
            <a class="source-link" href={url} target="_blank" rel="noopener noreferrer" title={row.title}>{name}</a>
        },
        None => html! { <span class="source-link">{name}</span> },
    }
}

/// The sources of `sources`, each a link, joined with "en" / "and".
pub fn source_links(lang: Lang, sources: &[SourceId]) -> Html {
    html! {
        {for sources.iter().enumerate().map(|(i, &id)| html! {
            <>
                if i > 0 { {" "}{t!(lang, "source.and")}{" "} }
                {source_link(lang, id)}
            </>
        })}
    }
}

/// The badge of a parameter: "Bron: …" with links, "aanname" or "instelling", and its note.
pub fn badge(lang: Lang, spec: &ParamSpec) -> Html {
    provenance_badge(lang, spec.provenance, note_key(spec))
}

/// "Bron: …" with links, "aanname" or "instelling", and the note with catalogue key `note` when there is one.
pub fn provenance_badge(lang: Lang, provenance: Provenance, note: Option<String>) -> Html {
    let note = note.map(|key| html! { <span class="note">{" — "}{tr(lang, &key)}</span> });
    let badge = match provenance {
        Provenance::Source(sources) => html! {
            <span class="badge source"><span class="badge-kind">{t!(lang, "badge.source")}</span>{" "}{source_links(lang, sources)}</span>
        },
        Provenance::Assumption => html! { <span class="badge assumption">{t!(lang, "badge.assumption")}</span> },
        Provenance::Setting => html! { <span class="badge setting">{t!(lang, "badge.setting")}</span> },
    };
    html! { <>{badge}{for note}</> }
}
