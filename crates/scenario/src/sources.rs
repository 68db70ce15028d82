//! The published sources behind the defaults: one row per document, with its
//! address. The parameter table's provenance ([`crate::params::Provenance`])
//! and the observed figures refer to these rows; the page shows each as a link
//! named from its catalogue (`label`), the docs as a Markdown link.

use serde::Serialize;

/// Which document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceId {
    /// Kamerstuk 25 424, nr. 651: letter of 14 April 2023 (intake 2022, >27,000 indications, ~40 a month from demography).
    Nr651,
    /// Kamerstuk 25 424, nr. 676: letter of 13 December 2023 (targets, 2023 intake, CBS and Significant figures, hulpmiddel).
    Nr676,
    /// Interview with the national "bestuurlijk aanjager", Bureau Lenz, 7 November 2024 (>32,000 indications).
    BureauLenz,
    /// GGZ Nieuws, 25 September 2024: the VNG leaves the agreements on the intake.
    GgzNieuws,
}

/// One source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Which document.
    pub id: SourceId,
    /// Its name in a few English words (docs, command line).
    pub name: &'static str,
    /// The document's own title, as published (Dutch); quoted, never translated.
    pub title: Option<&'static str>,
    /// Its public address; none when no public copy is known.
    pub url: Option<&'static str>,
    /// Catalogue key of its name on the page.
    pub label: &'static str,
}

impl SourceId {
    /// Every source, in [`SOURCES`] order.
    pub const ALL: [SourceId; 4] = [SourceId::Nr651, SourceId::Nr676, SourceId::BureauLenz, SourceId::GgzNieuws];

    /// The source's row of [`SOURCES`].
    pub const fn row(self) -> &'static Source {
        &SOURCES[self as usize]
    }
}

/// The sources, in [`SourceId`] order.
pub const SOURCES: [Source; 4] = [
    Source {
        id: SourceId::Nr651,
        name: "Kamerstuk 25 424, nr. 651 (letter of 14 April 2023)",
        title: None,
        url: Some("https://zoek.officielebekendmakingen.nl/kst-25424-651.html"),
        label: "source.nr651",
    },
    Source {
        id: SourceId::Nr676,
        name: "Kamerstuk 25 424, nr. 676 (letter of 13 December 2023)",
        title: Some("Voortgang uitvoering bestuurlijke afspraken langdurige ggz"),
        url: Some("https://zoek.officielebekendmakingen.nl/kst-25424-676.html"),
        label: "source.nr676",
    },
    Source {
        id: SourceId::BureauLenz,
        name: "interview with the national bestuurlijk aanjager, Bureau Lenz (7 November 2024)",
        title: None,
        url: None,
        label: "source.lenz",
    },
    Source {
        id: SourceId::GgzNieuws,
        name: "GGZ Nieuws (25 September 2024)",
        title: Some("VNG trekt zich terug uit bestuurlijke afspraken Wlz Ggz"),
        url: Some("https://ggznieuws.nl/vng-trekt-zich-terug-uit-bestuurlijke-afspraken-wlz-ggz/"),
        label: "source.ggznieuws",
    },
];

/// The source as a Markdown link (its name, linked when it has an address).
pub fn markdown(id: SourceId) -> String {
    let row = id.row();
    match row.url {
        Some(url) => format!("[{}]({url})", row.name),
        None => format!("{} (no public copy known)", row.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_in_id_order_with_public_addresses() {
        for (i, id) in SourceId::ALL.into_iter().enumerate() {
            assert_eq!(id.row().id, id);
            assert_eq!(id as usize, i);
            if let Some(url) = id.row().url {
                assert!(url.starts_with("https://"), "{url}");
            }
        }
        assert_eq!(
            markdown(SourceId::Nr676),
            "[Kamerstuk 25 424, nr. 676 (letter of 13 December 2023)](https://zoek.officielebekendmakingen.nl/kst-25424-676.html)"
        );
    }
}
