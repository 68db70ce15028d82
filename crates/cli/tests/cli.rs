//! Runs the built `wlz-sim` binary.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wlz-sim")).args(args).output().expect("wlz-sim runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn default_json_report_has_every_field() {
    let out = run(&["--runs", "500"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let fields = [
        "model_version",
        "scenario",
        "runs",
        "seed",
        "months",
        "targets",
        "cumulative",
        "averted",
        "contributions",
        "stock_end",
        "elapsed_ms",
    ];
    let object = report.as_object().expect("an object");
    for field in fields {
        assert!(object.contains_key(field), "missing {field}");
    }
    assert_eq!(object.len(), fields.len(), "unexpected extra fields: {:?}", object.keys());
    assert_eq!(report["model_version"], wlz_engine::MODEL_VERSION);
    assert_eq!(report["scenario"], "v=1&runs=500");
    assert_eq!(report["runs"], 500);
    assert_eq!(report["seed"], 1);
    let months = report["months"].as_array().expect("months");
    assert_eq!(months.len(), 84);
    assert_eq!(months[0]["month"], "2024-01");
    assert_eq!(months[83]["month"], "2030-12");
    for key in ["mean", "p5", "p10", "p25", "p50", "p75", "p90", "p95"] {
        assert!(months[0][key].is_number(), "month field {key}");
    }
    let t = &report["targets"];
    assert_eq!(t[0]["id"], "t1");
    assert_eq!(t[1]["id"], "t2");
    for key in ["threshold", "window_from", "window_to", "probability", "std_error", "first_reached"] {
        assert!(!t[0][key].is_null(), "target field {key}");
    }
    assert_eq!(t[0]["window_from"], "2024-01");
    for key in ["p10", "p50", "p90", "never"] {
        assert!(t[0]["first_reached"].get(key).is_some(), "first_reached.{key}");
    }
    for block in ["cumulative", "averted", "stock_end"] {
        for key in ["mean", "p5", "p50", "p95"] {
            assert!(report[block][key].is_number(), "{block}.{key}");
        }
    }
    for key in ["longer", "aid", "youth", "region"] {
        assert_eq!(report["contributions"][key], 0.0, "idle lever {key}");
    }
    assert!(report["elapsed_ms"].as_f64().is_some_and(|ms| ms >= 0.0));
}

#[test]
fn csv_has_a_comment_a_header_and_one_row_per_month() {
    let out = run(&["horizon=24&aid=30", "--format", "csv", "--runs", "300"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        format!("# scenario: v=1&runs=300&horizon=24&aid=30; model_version: {}", wlz_engine::MODEL_VERSION)
    );
    assert_eq!(lines[1], "month,mean,p5,p10,p25,p50,p75,p90,p95");
    assert_eq!(lines.len(), 2 + 24);
    assert!(lines[2].starts_with("2024-01,"));
    for line in &lines[2..] {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), 9, "{line}");
        for cell in &cells[1..] {
            cell.parse::<f64>().expect("a number");
        }
    }
}

#[test]
fn accepts_a_full_url_and_matches_the_bare_query() {
    let url = run(&["https://example.org/wlz/?v=1&aid=50&runs=200#chart", "--format", "csv"]);
    let bare = run(&["?aid=50&runs=200", "--format=csv"]);
    assert!(url.status.success(), "{}", String::from_utf8_lossy(&url.stderr));
    assert_eq!(stdout(&url), stdout(&bare));
    assert!(stdout(&url).starts_with("# scenario: v=1&runs=200&aid=50;"));
}

#[test]
fn bad_input_exits_2_and_names_the_key() {
    for (args, needle) in [
        (vec!["aid=120"], "aid"),
        (vec!["nonsense=1"], "nonsense"),
        (vec!["--runs", "5"], "runs"),
        (vec!["--seed", "x"], "seed"),
        (vec!["--format", "xml"], "format"),
        (vec!["--colour"], "colour"),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    }
    let out = run(&["aid=120"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 to 100"), "range named");
}
