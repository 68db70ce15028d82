//! The one NL/EN string catalogue of the page, and number formatting per language.
//!
//! Every visible string comes from the catalogue ([`entries`], one file per
//! part in `i18n/`); [`tr`] looks one up. A test
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

/// A catalogue entry: (key, Dutch, English).
pub type Entry = (&'static str, &'static str, &'static str);

mod decision;
mod page;

/// The catalogue, in parts (one file each).
const PARTS: [&[Entry]; 2] = [page::ENTRIES, decision::ENTRIES];

/// Every entry of the catalogue.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    PARTS.into_iter().flatten()
}

/// The string for `key` in `lang`; the key itself if it is missing (a test keeps that from happening).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    entries().find(|(k, _, _)| *k == key).map(|(_, nl, en)| if lang == Lang::Nl { *nl } else { *en }).unwrap_or("?")
}

/// True when `key` is in the catalogue.
pub fn has(key: &str) -> bool {
    entries().any(|(k, _, _)| *k == key)
}

const MONTH_KEYS: [&str; 12] = [
    "month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8", "month.9", "month.10",
    "month.11", "month.12",
];

/// A calendar month in words: "mei 2026" / "May 2026".
pub fn month_name(lang: Lang, month: wlz_engine::Month) -> String {
    format!("{} {}", tr(lang, MONTH_KEYS[(month.month() as usize - 1) % 12]), month.year())
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
        let all: Vec<_> = entries().collect();
        for (i, (key, nl, en)) in all.iter().enumerate() {
            assert!(!nl.trim().is_empty(), "Dutch missing for {key}");
            assert!(!en.trim().is_empty(), "English missing for {key}");
            assert!(all[..i].iter().all(|(k, _, _)| k != key), "duplicate key {key}");
        }
    }

    #[test]
    fn every_key_used_in_the_source_exists() {
        let mut missing = Vec::new();
        for path in source_files(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))) {
            let text = std::fs::read_to_string(&path).unwrap();
            for marker in ["tr(lang, \"", "tr(props.lang, \""] {
                for piece in text.split(marker).skip(1) {
                    let key = piece.split('"').next().unwrap_or_default();
                    if !has(key) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
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
    fn months_in_words() {
        for key in MONTH_KEYS {
            assert!(has(key), "{key}");
        }
        assert_eq!(month_name(Lang::Nl, wlz_engine::Month::new(2026, 5)), "mei 2026");
        assert_eq!(month_name(Lang::En, wlz_engine::Month::new(2030, 12)), "December 2030");
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
