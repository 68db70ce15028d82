//! The one NL/EN string catalogue of the page, and number formatting per language.
//!
//! Every visible string comes from [`CATALOGUE`]; [`tr`] looks one up. A test
//! checks that both languages are filled in for every entry and that every
//! key used in the source exists here.

/// A page language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag used for `<html lang>` and in the URL.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language for a URL/`lang` code; anything else is Dutch.
    pub fn from_code(code: &str) -> Lang {
        if code == "en" { Lang::En } else { Lang::Nl }
    }
}

/// (key, Dutch, English).
pub const CATALOGUE: &[(&str, &str, &str)] = &[
    ("title", "Instroom Wlz ggz-wonen: verkenner", "Wlz ggz-wonen intake: explorer"),
    (
        "lead",
        "Hoe waarschijnlijk worden de doelen voor de maandelijkse instroom gehaald, en wanneer? Verschuif de knoppen; elke berekening is een Monte-Carlosimulatie in uw browser.",
        "How likely are the targets for the monthly intake to be reached, and when? Move the levers; every result is a Monte Carlo simulation in your browser.",
    ),
    ("levers", "Maatregelen", "Measures"),
    (
        "lever.longer",
        "Langere Wmo-beschikkingen (aandeel langer dan 1 jaar)",
        "Longer Wmo decisions (share longer than 1 year)",
    ),
    ("lever.aid", "Gebruik van het hulpmiddel (adoptie)", "Use of the assessment aid (adoption)"),
    (
        "lever.youth",
        "Aandeel jongeren (26 jaar of jonger) in de instroom",
        "Share of young people (26 or younger) in the intake",
    ),
    (
        "lever.region",
        "Regioaanpak en overige maatregelen (reductie)",
        "Regional approach and other measures (reduction)",
    ),
    (
        "lever.longer.today",
        "Nu ongeveer 25% langer dan een jaar (onderzoek Significant, Kamerbrief 13 dec. 2023)",
        "Today about 25% longer than a year (Significant study, letter of 13 Dec 2023)",
    ),
    (
        "lever.aid.today",
        "Nu 0%: het hulpmiddel is in december 2023 gepubliceerd (Kamerbrief 13 dec. 2023)",
        "Today 0%: the aid was published in December 2023 (letter of 13 Dec 2023)",
    ),
    (
        "lever.youth.today",
        "Nu ongeveer 10% (CBS, via Kamerbrief 13 dec. 2023)",
        "Today about 10% (CBS, via letter of 13 Dec 2023)",
    ),
    (
        "lever.region.today",
        "Nu 0%: de omvang van het effect is een aanname",
        "Today 0%: the size of the effect is an assumption",
    ),
    ("number", "getal", "number"),
    ("chart.title", "Maandelijkse instroom: verwachting en onzekerheid", "Monthly intake: projection and uncertainty"),
    (
        "chart.desc",
        "Mediaan met 50%- en 90%-band van de gesimuleerde instroom per maand, met de referentie van 300 per maand.",
        "Median with 50% and 90% bands of the simulated intake per month, with the 300 a month reference.",
    ),
    ("chart.median", "mediaan", "median"),
    ("chart.band50", "50%-band", "50% band"),
    ("chart.band90", "90%-band", "90% band"),
    ("chart.baseline", "referentie 300/maand", "reference 300/month"),
    ("chart.y", "nieuwe cliënten per maand", "new clients per month"),
    ("targets", "Doelen", "Targets"),
    (
        "target.t1",
        "Doel 1: 20% onder 300 per maand (eerste kwartaal 2024)",
        "Target 1: 20% below 300 a month (first quarter 2024)",
    ),
    (
        "target.t2",
        "Doel 2: ongeveer 100 per maand op lange termijn (laatste 12 maanden)",
        "Target 2: about 100 a month in the long run (last 12 months)",
    ),
    ("target.chance", "kans", "probability"),
    (
        "target.outside",
        "Het venster valt (deels) buiten de projectie",
        "The window lies (partly) outside the projection",
    ),
    ("status.running", "Bezig met rekenen…", "Computing…"),
    (
        "status.partial",
        "Eerste resultaat uit een deel van de runs; wordt verfijnd",
        "First result from part of the runs; being refined",
    ),
    ("status.done", "runs in", "runs in"),
    ("status.error", "De berekening is mislukt", "The computation failed"),
    ("lang.switch", "English", "Nederlands"),
    ("lang.switch.label", "Switch to English", "Schakel naar Nederlands"),
    (
        "problems",
        "Niet alles in de link kon worden gelezen; deze delen staan op hun standaardwaarde:",
        "Not everything in the link could be read; these parts are at their defaults:",
    ),
    ("model.version", "modelversie", "model version"),
];

/// The string for `key` in `lang`; the key itself if it is missing (a test keeps that from happening).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    CATALOGUE
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, nl, en)| if lang == Lang::Nl { *nl } else { *en })
        .unwrap_or("?")
}

/// `value` with `decimals` decimals, grouped per language: 1.234,5 in Dutch, 1,234.5 in English.
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let (group, point) = if lang == Lang::Nl { ('.', ',') } else { (',', '.') };
    let mut out = String::new();
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('−');
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

/// A share 0..1 as a percentage with `decimals` decimals, e.g. "36,5%".
pub fn percent(lang: Lang, share: f64, decimals: usize) -> String {
    format!("{}%", number(lang, share * 100.0, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages_and_a_unique_key() {
        for (i, (key, nl, en)) in CATALOGUE.iter().enumerate() {
            assert!(!nl.trim().is_empty(), "Dutch missing for {key}");
            assert!(!en.trim().is_empty(), "English missing for {key}");
            assert!(CATALOGUE[..i].iter().all(|(k, _, _)| k != key), "duplicate key {key}");
        }
    }

    #[test]
    fn every_key_used_in_the_source_exists() {
        let mut missing = Vec::new();
        for path in source_files(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))) {
            let text = std::fs::read_to_string(&path).unwrap();
            for piece in text.split("tr(lang, \"").skip(1) {
                let key = piece.split('"').next().unwrap_or_default();
                if !CATALOGUE.iter().any(|(k, _, _)| *k == key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
        assert!(missing.is_empty(), "keys missing from the catalogue: {missing:?}");
    }

    fn source_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(source_files(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
        out
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(Lang::Nl, 1234.5, 1), "1.234,5");
        assert_eq!(number(Lang::En, 1234.5, 1), "1,234.5");
        assert_eq!(number(Lang::Nl, 1_234_567.0, 0), "1.234.567");
        assert_eq!(number(Lang::En, -0.04, 1), "0.0");
        assert_eq!(number(Lang::En, -12.0, 0), "−12");
        assert_eq!(number(Lang::Nl, f64::NAN, 0), "–");
        assert_eq!(percent(Lang::Nl, 0.365, 1), "36,5%");
    }
}
