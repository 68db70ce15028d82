//! How a language's texts are joined into one string: every text of its
//! table, in table order, with nothing between them. The page's compile-time
//! packing (`packed.rs`) joins them so, and so does `cargo xtask build` when
//! it writes `texts-<code>.txt` for the release page (it includes this file).

/// The texts of `table` ((key, text) pairs), joined in table order (the
/// page's tests and `cargo xtask build` use it; the page joins at compile time).
#[allow(dead_code)]
pub fn joined_texts(table: &[(&str, &str)]) -> String {
    table.iter().map(|(_, text)| *text).collect()
}

/// The file of the language `code`'s texts beside the release page (the
/// start-up script fetches it, xtask/src/texts_fetch.js; the page names it
/// when it refuses or cannot load it).
pub fn texts_file(code: &str) -> String {
    format!("texts-{code}.txt")
}

/// FNV-1a (64 bit) of `bytes`: the fingerprint by which the page knows that a
/// texts file belongs to its own build.
pub const fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}
