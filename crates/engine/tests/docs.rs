//! docs/parameters.md is the parameter table as generated from `PARAMS`:
//! the docs read the table, they never restate it. Regenerate with
//! `UPDATE_DOCS=1 cargo test -p wlz-engine --test docs`.
#![cfg(not(target_arch = "wasm32"))]

use wlz_engine::params::markdown_table;

const HEADER: &str = "# Scenario keys (versions 1 and 2)\n\nGenerated from `crates/scenario/src/params.rs` (`PARAMS`), the single source of every key, range, default and source. Shares are in percent, months are `YYYY-MM`; only keys that differ from their default are written in a link, after `v=2` (new links) or `v=1` (model 1's links, which keep their numbers), in this order. The defaults are version 2's; where version 1's differ they are given too, and keys that version 2 added cannot appear in a `v=1` link. Under version 2 the observed series (`obs`) follows the keys. Page-only keys: `lang` (the page's languages), `title`, `note`, `pin` and the `a.` keys of a pinned scenario.\n\n";

#[test]
fn parameter_doc_is_generated_from_the_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/parameters.md");
    let expected = format!("{HEADER}{}", markdown_table());
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/parameters.md is out of date: run UPDATE_DOCS=1 cargo test -p wlz-engine --test docs"
    );
}
