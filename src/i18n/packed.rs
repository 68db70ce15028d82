//! The catalogue as the page carries it, packed at compile time from the
//! tables (`nl.rs`, `en.rs`): the keys joined into one string, each
//! language's texts joined into one string, and where each ends (`u16`).
//! The build fails when the languages' keys differ or a string is too long.

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

/// True when both tables have the same keys in the same order.
const fn same_keys(a: &[(&str, &str)], b: &[(&str, &str)]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        let (x, y) = (a[i].0.as_bytes(), b[i].0.as_bytes());
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
        i += 1;
    }
    true
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
static NL_BYTES: [u8; joined_len(nl::TABLE, true)] = joined(nl::TABLE, true);
static EN_BYTES: [u8; joined_len(en::TABLE, true)] = joined(en::TABLE, true);

/// Every key, joined, and where each ends.
static KEYS: (&str, [u16; ENTRIES]) = (text(&KEY_BYTES), ends(nl::TABLE, false));
/// Every Dutch text, joined, and where each ends.
static NL: (&str, [u16; ENTRIES]) = (text(&NL_BYTES), ends(nl::TABLE, true));
/// Every English text, joined, and where each ends.
static EN: (&str, [u16; ENTRIES]) = (text(&EN_BYTES), ends(en::TABLE, true));

/// Entry `i` of a joined string.
fn entry(joined: &'static (&'static str, [u16; ENTRIES]), i: usize) -> &'static str {
    let (text, ends) = joined;
    let start = if i == 0 { 0 } else { usize::from(ends[i - 1]) };
    text.get(start..usize::from(ends[i])).unwrap_or("?")
}

/// The entry number of catalogue key `key`, if it is one.
pub fn index(key: &str) -> Option<usize> {
    (0..ENTRIES).find(|&i| entry(&KEYS, i) == key)
}

/// The text of entry `i` in `lang`.
pub fn text_of(lang: Lang, i: usize) -> &'static str {
    entry(
        match lang {
            Lang::Nl => &NL,
            Lang::En => &EN,
        },
        i,
    )
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
        assert!(!same_keys(nl::TABLE, &nl::TABLE[1..]) && !same_keys(nl::TABLE, &[("x", "y")]));
        let mut swapped = nl::TABLE.to_vec();
        swapped.swap(0, 1);
        assert!(!same_keys(nl::TABLE, &swapped), "the order counts");
    }
}
