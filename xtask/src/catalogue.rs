//! The page's string catalogue, compiled into xtask from the page's own
//! tables, so that the static HTML around the page (title, description, the
//! no-script notice) comes from the one catalogue too.

#[path = "../../src/i18n/en.rs"]
mod en;
#[path = "../../src/i18n/join.rs"]
#[allow(dead_code)]
mod join;
#[path = "../../src/i18n/nl.rs"]
mod nl;

/// The release page's texts per language, the default first: (language
/// code, its texts joined as the page's own build joins them, src/i18n/join.rs).
pub fn texts() -> [(&'static str, String); 2] {
    [("nl", join::joined_texts(nl::TABLE)), ("en", join::joined_texts(en::TABLE))]
}

/// The file of a language's texts beside the page (the page's own rule, src/i18n/join.rs).
pub use join::texts_file;

/// The Dutch text of `key` (the page's first language); an error names a missing key.
pub fn nl(key: &str) -> Result<&'static str, String> {
    lookup(nl::TABLE, key)
}

/// The English text of `key`.
pub fn en(key: &str) -> Result<&'static str, String> {
    lookup(en::TABLE, key)
}

fn lookup(table: &'static [(&'static str, &'static str)], key: &str) -> Result<&'static str, String> {
    table.iter().find(|(k, _)| *k == key).map(|(_, text)| *text).ok_or_else(|| format!("catalogue: no key {key}"))
}

/// `text` with `&`, `<`, `>` and `"` escaped for HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The HTML's texts: `__TITLE__`, `__DESCRIPTION__` (from `description`) and
/// `__NOSCRIPT__` (both languages) replaced from the catalogue.
pub fn fill(html: &str, description: &str) -> Result<String, String> {
    let noscript = format!("{} / {}", nl("noscript")?, en("noscript")?);
    Ok(html
        .replace("__TITLE__", &escape(nl("title")?))
        .replace("__DESCRIPTION__", &escape(nl(description)?))
        .replace("__NOSCRIPT__", &escape(&noscript)))
}

/// The web app manifest's texts (`__TITLE__`, `__SHORT_NAME__`, `__DESCRIPTION__`) from the catalogue, as JSON strings' contents.
pub fn fill_manifest(json: &str) -> Result<String, String> {
    let text = |key| nl(key).map(|t| t.replace('\\', "\\\\").replace('"', "\\\""));
    Ok(json
        .replace("__TITLE__", &text("title")?)
        .replace("__SHORT_NAME__", &text("meta.short_name")?)
        .replace("__DESCRIPTION__", &text("meta.description")?))
}
