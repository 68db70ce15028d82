//! The one string catalogue of the page, and number formatting per language.
//!
//! One table per language (`i18n/nl.rs`, `i18n/en.rs`), each mapping a
//! catalogue key to its text, in the same order. A literal key is looked up
//! at compile time ([`crate::t`]`!(lang, "key")`: a missing key fails the
//! build, and the key's string is not in the page); a key held in a table row
//! at run time ([`tr`]). The page does not carry the tables themselves: at
//! compile time they are packed into one string of the keys and one string of
//! each language's texts, with `u16` ends ([`packed`]), and the release page
//! loads the texts of a language when it first shows it ([`when_loaded`]).
//! Tests check that every language has exactly the same keys, that every key
//! built from a table row (parameters, presets) or given to [`tr`] as a
//! literal exists, and that no language leaves a text empty. Adding a
//! language: see ARCHITECTURE.md.

use wlz_scenario::params::{Group, Key, Kind, ParamSpec, spec};

mod en;
mod join;
mod load;
mod nl;
mod packed;

pub use load::when_loaded;
pub use packed::{loaded, shown, switch_texts};

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
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The BCP 47 tag used for `<html lang>` and in the URL (`lang`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language for a URL `lang` code, if it is one of [`Lang::ALL`].
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's table as written: (catalogue key, text) (the tests read it; the page reads [`packed`]).
    #[cfg(test)]
    pub fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::Nl => nl::TABLE,
            Lang::En => en::TABLE,
        }
    }
}

/// The string for `key` in `lang`; "?" if it is missing (a test keeps that from happening).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    packed::index(key).map_or("?", |i| packed::text_of(lang, i))
}

/// The text of catalogue entry `index` (from [`key_index`]) in `lang`.
pub fn text(lang: Lang, index: usize) -> &'static str {
    packed::text_of(lang, index)
}

/// The entry number of `key`, at compile time: the build fails when the catalogue lacks it.
pub const fn key_index(key: &str) -> usize {
    packed::const_index(key)
}

/// `t!(lang, "key")`: [`tr`] for a literal key, looked up at compile time
/// (no key string in the page, no search at run time, and a missing key
/// fails the build).
#[macro_export]
macro_rules! t {
    ($lang:expr, $key:literal) => {
        $crate::i18n::text($lang, const { $crate::i18n::key_index($key) })
    };
}

/// True when `key` is in the catalogue (every language has the same keys: the build checks).
pub fn has(key: &str) -> bool {
    packed::index(key).is_some()
}

/// Which text of a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamText {
    /// Its label in the panels (`param.<name>`; levers have their rows' labels instead).
    Label,
    /// What it means, in the explanation (`explain.param.<name>`).
    Meaning,
}

impl ParamText {
    /// Both texts.
    pub const ALL: [ParamText; 2] = [ParamText::Label, ParamText::Meaning];

    /// The catalogue key of this text for `key`.
    pub fn key(self, key: Key) -> String {
        let name = spec(key).name;
        match self {
            ParamText::Label => format!("param.{name}"),
            ParamText::Meaning => format!("explain.param.{name}"),
        }
    }
}

/// A parameter's label or meaning in `lang`.
pub fn param_text(lang: Lang, text: ParamText, key: Key) -> &'static str {
    tr(lang, &text.key(key))
}

/// What the scenario key named `name` means, in words: a lever's label (its
/// start month and ramp with the lever's short name), a parameter's label, or
/// the observed series; none for a name that is not a key of the scenario.
pub fn key_name(lang: Lang, name: &str) -> Option<String> {
    if name == "obs" {
        return Some(t!(lang, "obs").to_string());
    }
    let spec = wlz_scenario::params::by_name(name)?;
    Some(match spec.group {
        Group::Lever(id) => {
            let row = id.row();
            match spec.key {
                k if k == row.value => tr(lang, row.label).to_string(),
                k if k == row.from => format!("{}: {}", tr(lang, row.short), t!(lang, "key.from")),
                _ => format!("{}: {}", tr(lang, row.short), t!(lang, "key.ramp")),
            }
        }
        _ => param_text(lang, ParamText::Label, spec.key).to_string(),
    })
}

/// The catalogue key of a parameter's note (`note.<name>`): what its default
/// takes from its sources, or why it is an assumption; none when the parameter
/// table gives it no note.
pub fn note_key(spec: &ParamSpec) -> Option<String> {
    spec.note.map(|_| format!("note.{}", spec.name))
}

/// The terms of the explanation's glossary, in order: each has `glossary.<id>`
/// (the term) and `glossary.<id>.text` (what it means) in the catalogue.
pub const GLOSSARY: [&str; 15] = [
    "monte_carlo",
    "run",
    "median",
    "band",
    "sd",
    "beta",
    "poisson",
    "fluct",
    "beschikking",
    "ramp",
    "averted",
    "shapley",
    "crn",
    "seed",
    "stock",
];

/// The catalogue keys of a glossary term and of its meaning.
pub fn glossary_keys(id: &str) -> (String, String) {
    (format!("glossary.{id}"), format!("glossary.{id}.text"))
}

/// Which text of a fixed assumption (`wlz_scenario::params::FIXED_ASSUMPTIONS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixedText {
    /// What it is (`fixed.<id>`).
    Label,
    /// Its value in words (`fixed.<id>.value`).
    Value,
    /// Why it is an assumption (`fixed.<id>.note`).
    Note,
}

/// The catalogue key of a fixed assumption's text.
pub fn fixed_key(id: &str, text: FixedText) -> String {
    match text {
        FixedText::Label => format!("fixed.{id}"),
        FixedText::Value => format!("fixed.{id}.value"),
        FixedText::Note => format!("fixed.{id}.note"),
    }
}

/// The catalogue key of a preset's name (`preset.<id>`).
pub fn preset_key(id: &str) -> String {
    format!("preset.{id}")
}

const MONTH_KEYS: [&str; 12] = [
    "month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8", "month.9", "month.10",
    "month.11", "month.12",
];

/// A calendar month in words: "mei 2026" / "May 2026".
pub fn month_name(lang: Lang, month: wlz_scenario::Month) -> String {
    format!("{} {}", tr(lang, MONTH_KEYS[(month.month() as usize - 1) % 12]), month.year())
}

/// `value` with `decimals` decimals, grouped per language: 1.234,5 in Dutch, 1,234.5 in English.
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let (group, point) = (t!(lang, "number.group"), t!(lang, "number.decimal"));
    let mut out = String::new();
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('−');
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push_str(point);
        out.push_str(fraction);
    }
    out
}

/// A key's value as shown in its entry field: the URL's shortest exact form
/// (no grouping, so that it reads back exactly) with the language's decimal
/// mark, `0,3` in Dutch; months as `YYYY-MM`.
pub fn entry_text(lang: Lang, spec: &ParamSpec, value: f64) -> String {
    let text = wlz_scenario::scenario::format_value(spec, value);
    match spec.kind {
        Kind::Month => text,
        Kind::Int | Kind::Real => text.replace('.', t!(lang, "number.decimal")),
    }
}

/// A share 0..1 as a percentage with `decimals` decimals, e.g. "36,5%".
pub fn percent(lang: Lang, share: f64, decimals: usize) -> String {
    format!("{}%", number(lang, share * 100.0, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_the_same_keys_each_once_and_every_text() {
        let keys = |lang: Lang| lang.table().iter().map(|(k, _)| *k).collect::<Vec<_>>();
        let nl = keys(Lang::Nl);
        for (i, key) in nl.iter().enumerate() {
            assert!(!nl[..i].contains(key), "duplicate key {key}");
        }
        for lang in Lang::ALL {
            let mut missing: Vec<_> = nl.iter().filter(|k| !keys(lang).contains(k)).collect();
            let mut extra: Vec<_> = keys(lang).into_iter().filter(|k| !nl.contains(k)).collect();
            missing.sort();
            extra.sort();
            assert!(missing.is_empty() && extra.is_empty(), "{lang:?}: missing {missing:?}, extra {extra:?}");
            assert_eq!(keys(lang), nl, "{lang:?}: same keys in the same order");
            for (key, text) in lang.table() {
                assert!(!text.trim().is_empty(), "{lang:?}: empty text for {key}");
            }
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse("de"), None);
    }

    #[test]
    fn every_key_built_from_a_table_row_exists() {
        for spec in wlz_scenario::params::PARAMS.iter() {
            for text in ParamText::ALL {
                // Levers are labelled by their rows (`lever.<name>`), not per key.
                let lever_label = text == ParamText::Label && matches!(spec.group, Group::Lever(_));
                assert!(lever_label || has(&text.key(spec.key)), "{}", text.key(spec.key));
            }
        }
        for fixed in wlz_scenario::params::FIXED_ASSUMPTIONS {
            for text in [FixedText::Label, FixedText::Value, FixedText::Note] {
                assert!(has(&fixed_key(fixed.id, text)), "{}", fixed_key(fixed.id, text));
            }
        }
        for preset in wlz_scenario::presets::PRESETS {
            assert!(has(&preset_key(preset.id)), "{}", preset.id);
        }
        for spec in wlz_scenario::params::PARAMS.iter() {
            if let Some(key) = note_key(spec) {
                assert!(has(&key), "{key}");
            }
        }
        for id in GLOSSARY {
            let (term, text) = glossary_keys(id);
            assert!(has(&term) && has(&text), "{id}");
        }
        for source in wlz_scenario::sources::SOURCES {
            assert!(has(source.label), "{}", source.label);
        }
        for lever in wlz_scenario::lever::LEVERS {
            for key in [lever.label, lever.today_text, lever.short] {
                assert!(has(key), "{key}");
            }
        }
        for target in wlz_scenario::target::TARGETS {
            assert!(has(target.label) && has(target.chart_label), "{}", target.name);
        }
    }

    #[test]
    fn every_key_used_in_the_source_exists() {
        let mut missing = Vec::new();
        for path in source_files(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))) {
            let text = std::fs::read_to_string(&path).unwrap();
            // Keys given to t! are checked by the compiler; these are literals given to tr.
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
        assert_eq!(month_name(Lang::Nl, wlz_scenario::Month::new(2026, 5)), "mei 2026");
        assert_eq!(month_name(Lang::En, wlz_scenario::Month::new(2030, 12)), "December 2030");
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
        let (outflow, stock) = (spec(Key::Outflow), spec(Key::Stock));
        assert_eq!(entry_text(Lang::Nl, outflow, 0.3), "0,3");
        assert_eq!(entry_text(Lang::En, outflow, 0.3), "0.3");
        assert_eq!(entry_text(Lang::Nl, stock, 29_500.0), "29500", "no grouping: it reads back exactly");
        assert_eq!(entry_text(Lang::Nl, spec(Key::Start), 24_288.0), "2024-01");
        for value in [0.05, 12.5, -0.99, 29_500.0] {
            let back =
                wlz_scenario::scenario::parse_typed(spec(Key::Phi), &entry_text(Lang::Nl, spec(Key::Phi), value));
            assert_eq!(back, Ok(value), "what a field shows reads back");
        }
    }
}
