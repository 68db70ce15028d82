//! The catalogue as the page carries it, packed at compile time from the
//! tables (`nl.rs`, `en.rs`): the keys joined into one string, each
//! language's texts joined into one string ([`super::join`]), and where each
//! ends (`u16`). The build fails when the languages' keys differ or a string
//! is too long.
//!
//! Every build carries the texts but the page's release build (wasm32
//! without debug assertions): it carries the keys, the ends and a
//! fingerprint per language, and takes a language's texts when it first
//! shows that language ([`load`], from `texts-<code>.txt`, which `cargo xtask
//! build` writes from the same tables). So a reader downloads one language
//! (about 8.4 KiB gzip), not both inside the wasm.

use super::join::{fingerprint, texts_file};
use super::{Lang, en, nl};

/// Number of entries (every language has the same keys in the same order).
const ENTRIES: usize = nl::TABLE.len();

/// The key (`texts` false) or the text of `entry`.
const fn part<'a>(entry: &(&'a str, &'a str), texts: bool) -> &'a str {
    if texts { entry.1 } else { entry.0 }
}

/// Total length (bytes) of the keys (`texts` false) or of the texts of `table`.
const fn joined_len(table: &[(&str, &str)], texts: bool) -> usize {
    let (mut i, mut len) = (0, 0);
    while i < table.len() {
        len += part(&table[i], texts).len();
        i += 1;
    }
    len
}

/// The keys (`texts` false) or the texts of `table`, joined.
const fn joined<const LEN: usize>(table: &[(&str, &str)], texts: bool) -> [u8; LEN] {
    let mut out = [0u8; LEN];
    let (mut i, mut at) = (0, 0);
    while i < table.len() {
        let bytes = part(&table[i], texts).as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            out[at] = bytes[j];
            at += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

/// Where each key (`texts` false) or text of `table` ends in the joined string.
const fn ends(table: &[(&str, &str)], texts: bool) -> [u16; ENTRIES] {
    assert!(table.len() == ENTRIES, "every language has the same number of entries");
    assert!(joined_len(table, texts) <= u16::MAX as usize, "a joined catalogue string fits u16 ends");
    let mut out = [0u16; ENTRIES];
    let (mut i, mut at) = (0, 0);
    while i < ENTRIES {
        at += part(&table[i], texts).len();
        out[i] = at as u16;
        i += 1;
    }
    out
}

/// True when `a` and `b` are the same string (at compile time).
const fn same(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if x.len() != y.len() {
        return false;
    }
    let mut j = 0;
    while j < x.len() {
        if x[j] != y[j] {
            return false;
        }
        j += 1;
    }
    true
}

/// True when both tables have the same keys in the same order.
const fn same_keys(a: &[(&str, &str)], b: &[(&str, &str)]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !same(a[i].0, b[i].0) {
            return false;
        }
        i += 1;
    }
    true
}

/// The text of `key` in `table`, at compile time (the build fails when it is missing).
const fn lookup(table: &[(&str, &'static str)], key: &str) -> &'static str {
    let mut i = 0;
    while i < table.len() {
        if same(table[i].0, key) {
            return table[i].1;
        }
        i += 1;
    }
    panic!("a switch text is missing from the catalogue")
}

/// What the button that switches to `lang` shows, in `lang` whatever the
/// page's language: its name (`lang.name`) and its label (`lang.switch.label`).
/// Copies made at compile time, so that the page needs no other text of a
/// language it does not show.
pub fn switch_texts(lang: Lang) -> (&'static str, &'static str) {
    const SWITCH: [(&str, &str); 2] = [
        (lookup(nl::TABLE, "lang.name"), lookup(nl::TABLE, "lang.switch.label")),
        (lookup(en::TABLE, "lang.name"), lookup(en::TABLE, "lang.switch.label")),
    ];
    SWITCH[slot(lang)]
}

const _: () = assert!(same_keys(nl::TABLE, en::TABLE), "nl.rs and en.rs: the same keys in the same order");

/// A joined string of whole UTF-8 strings (so every end is a character boundary).
const fn text(bytes: &'static [u8]) -> &'static str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => panic!("the catalogue is UTF-8"),
    }
}

static KEY_BYTES: [u8; joined_len(nl::TABLE, false)] = joined(nl::TABLE, false);

/// Length (bytes) of each language's joined texts, in [`Lang::ALL`] order.
const LENS: [usize; 2] = [joined_len(nl::TABLE, true), joined_len(en::TABLE, true)];

/// The fingerprint ([`fingerprint`]) of each language's joined texts, in
/// [`Lang::ALL`] order: computed at compile time, so that the release page
/// carries 8 bytes per language instead of its texts.
const FINGERPRINTS: [u64; 2] =
    [fingerprint(&joined::<{ LENS[0] }>(nl::TABLE, true)), fingerprint(&joined::<{ LENS[1] }>(en::TABLE, true))];

/// Every key, joined, and where each ends.
static KEYS: (&str, [u16; ENTRIES]) = (text(&KEY_BYTES), ends(nl::TABLE, false));

/// Where each text ends in its language's joined texts, in [`Lang::ALL`] order.
static ENDS: [[u16; ENTRIES]; 2] = [ends(nl::TABLE, true), ends(en::TABLE, true)];

#[cfg(any(debug_assertions, not(target_arch = "wasm32")))]
static NL_BYTES: [u8; LENS[0]] = joined(nl::TABLE, true);
#[cfg(any(debug_assertions, not(target_arch = "wasm32")))]
static EN_BYTES: [u8; LENS[1]] = joined(en::TABLE, true);

/// The joined texts of the language at `slot` (its place in [`Lang::ALL`]), when this build has them.
#[cfg(any(debug_assertions, not(target_arch = "wasm32")))]
fn texts(slot: usize) -> Option<&'static str> {
    Some(if slot == 0 { text(&NL_BYTES) } else { text(&EN_BYTES) })
}

#[cfg(not(any(debug_assertions, not(target_arch = "wasm32"))))]
thread_local! {
    /// The joined texts loaded so far, in [`Lang::ALL`] order.
    static LOADED: std::cell::Cell<[Option<&'static str>; 2]> = const { std::cell::Cell::new([None, None]) };
}

/// The joined texts of the language at `slot` (its place in [`Lang::ALL`]), when loaded.
#[cfg(not(any(debug_assertions, not(target_arch = "wasm32"))))]
fn texts(slot: usize) -> Option<&'static str> {
    LOADED.with(|loaded| loaded.get()[slot])
}

/// The place of `lang` in [`Lang::ALL`].
fn slot(lang: Lang) -> usize {
    Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)
}

/// Entry `i` of a joined string, whose entries end at `ends`.
fn entry(joined: &'static str, ends: &[u16; ENTRIES], i: usize) -> &'static str {
    let start = if i == 0 { 0 } else { usize::from(ends[i - 1]) };
    joined.get(start..usize::from(ends[i])).unwrap_or("?")
}

/// The entry number of catalogue key `key`, at compile time (see [`crate::t`]):
/// the build fails when the catalogue lacks it.
pub const fn const_index(key: &str) -> usize {
    let mut i = 0;
    while i < ENTRIES {
        if same(nl::TABLE[i].0, key) {
            return i;
        }
        i += 1;
    }
    panic!("a key given to t! is missing from the catalogue (src/i18n/nl.rs)")
}

/// The entry number of catalogue key `key`, if it is one.
pub fn index(key: &str) -> Option<usize> {
    (0..ENTRIES).find(|&i| entry(KEYS.0, &KEYS.1, i) == key)
}

/// True when the texts of `lang` are here (always, but in the release page before `load`).
pub fn loaded(lang: Lang) -> bool {
    texts(slot(lang)).is_some()
}

/// The language in which the page shows itself when it asks for `lang`:
/// `lang` once its texts are loaded, until then one that is.
pub fn shown(lang: Lang) -> Lang {
    if loaded(lang) { lang } else { Lang::ALL.into_iter().find(|&l| loaded(l)).unwrap_or(lang) }
}

/// The text of entry `i` in `lang`; while `lang`'s texts are not loaded yet,
/// in a language that is ("?" when none is: the page is not mounted before one is).
pub fn text_of(lang: Lang, i: usize) -> &'static str {
    let here = |l: Lang| texts(slot(l)).map(|joined| entry(joined, &ENDS[slot(l)], i));
    here(lang).or_else(|| Lang::ALL.into_iter().find_map(here)).unwrap_or("?")
}

/// Whether `joined` is exactly the joined texts of `lang` of this build
/// (its length and fingerprint); else why not, naming the file.
pub fn check(lang: Lang, joined: &str) -> Result<(), String> {
    let s = slot(lang);
    if joined.len() == LENS[s] && fingerprint(joined.as_bytes()) == FINGERPRINTS[s] {
        Ok(())
    } else {
        Err(format!("{} does not belong to this version of the page", texts_file(lang.code())))
    }
}

/// Takes `joined` as the texts of `lang`, after [`check`] (a build that
/// carries its texts only checks).
pub fn load(lang: Lang, joined: String) -> Result<(), String> {
    check(lang, &joined)?;
    #[cfg(not(any(debug_assertions, not(target_arch = "wasm32"))))]
    {
        let joined: &'static str = Box::leak(joined.into_boxed_str());
        LOADED.with(|loaded| {
            let mut all = loaded.get();
            all[slot(lang)] = Some(joined);
            loaded.set(all);
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_catalogue_gives_every_tables_text() {
        for lang in Lang::ALL {
            for (i, (key, text)) in lang.table().iter().enumerate() {
                assert_eq!(index(key), Some(i), "{key}");
                assert_eq!(text_of(lang, i), *text, "{lang:?} {key}");
            }
        }
        assert_eq!(index("no.such.key"), None);
        assert!(Lang::ALL.into_iter().all(loaded), "builds for tests carry every language's texts");
        assert!(!same_keys(nl::TABLE, &nl::TABLE[1..]) && !same_keys(nl::TABLE, &[("x", "y")]));
        let mut swapped = nl::TABLE.to_vec();
        swapped.swap(0, 1);
        assert!(!same_keys(nl::TABLE, &swapped), "the order counts");
    }

    #[test]
    fn a_texts_file_is_taken_only_when_it_is_this_builds() {
        for lang in Lang::ALL {
            let joined = super::super::join::joined_texts(lang.table());
            assert_eq!(check(lang, &joined), Ok(()), "{lang:?}");
            assert_eq!(load(lang, joined.clone()), Ok(()));
            // Negative controls: one changed letter (same length), one more, the other language.
            let changed = joined.replacen('e', "a", 1);
            assert_eq!(changed.len(), joined.len());
            for wrong in [changed, format!("{joined} "), joined[1..].to_string()] {
                let error = check(lang, &wrong).unwrap_err();
                assert!(error.contains(&format!("texts-{}.txt", lang.code())), "{error}");
            }
        }
        let en = super::super::join::joined_texts(Lang::En.table());
        assert!(check(Lang::Nl, &en).is_err());
        for lang in Lang::ALL {
            let (name, label) = switch_texts(lang);
            assert_eq!(
                (name, label),
                (super::super::tr(lang, "lang.name"), super::super::tr(lang, "lang.switch.label"))
            );
        }
        assert_ne!(switch_texts(Lang::Nl), switch_texts(Lang::En));
    }
}
