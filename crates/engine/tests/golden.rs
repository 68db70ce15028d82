//! Golden checksum: the default scenario's 10,000-run projection must keep
//! the checksum stored in `tests/golden/default.checksum`. The same check
//! runs in wasm32 against the same file, which proves bit-identical results
//! across platforms. A change of this number needs a new MODEL_VERSION.

mod common;

use wlz_engine::simulate::project;

const GOLDEN: &str = include_str!("golden/default.checksum");

#[test]
fn default_projection_matches_the_golden_checksum() {
    let projection = project(&common::default_params());
    let expected: u64 = GOLDEN.trim().parse().expect("a decimal u64 in default.checksum");
    assert_eq!(projection.checksum(), expected, "default projection changed (update the model version?)");
}

/// Prints the checksum, for regenerating the golden file after a deliberate
/// model change: `cargo test -p wlz-engine --test golden -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_default_checksum() {
    println!("{}", project(&common::default_params()).checksum());
}

const DECISION: &str = include_str!("golden/decision.json");

/// What it would take and what matters most keep their numbers, to the bit
/// (the same file is checked as wasm). Regenerate after a deliberate model
/// change with `UPDATE_GOLDEN=1 cargo test -p wlz-engine --test golden`.
#[test]
fn decision_support_matches_its_golden_file() {
    let actual = common::decision_outputs();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/decision.json");
        std::fs::write(path, &actual).unwrap();
        return;
    }
    assert!(actual == DECISION, "decision support changed (update the model version?):\n{actual}");
}
