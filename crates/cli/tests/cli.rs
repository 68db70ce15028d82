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
    assert_eq!(report["scenario"], "v=2&runs=500");
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
        format!("# scenario: v=2&runs=300&horizon=24&aid=30; model_version: {}", wlz_engine::MODEL_VERSION)
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
    let bare = run(&["?v=1&aid=50&runs=200", "--format=csv"]);
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

#[test]
fn solve_prints_the_least_level_as_json() {
    let out =
        run(&["cut=10&region_ramp=0", "--solve", "region", "--target", "t1", "--confidence", "90", "--runs", "1000"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!((json["lever"].as_str(), json["target"].as_str()), (Some("region"), Some("t1")));
    assert_eq!(json["confidence"], 90.0);
    assert_eq!(json["scenario"], "v=2&runs=1000&region_ramp=0&cut=10");
    let level = json["level"].as_f64().expect("reachable");
    let p = json["probability"].as_f64().unwrap();
    assert!(p >= 0.9 && json["below"]["probability"].as_f64().unwrap() < 0.9);
    // The same level in the query gives that probability in the projection report.
    let query = format!("cut=10&region_ramp=0&region={level}");
    let report: serde_json::Value = serde_json::from_str(&stdout(&run(&[&query, "--runs", "1000"]))).unwrap();
    assert_eq!(report["targets"][0]["probability"].as_f64(), Some(p));
}

#[test]
fn solve_says_null_when_out_of_reach_and_defaults_to_80_percent() {
    let out = run(&["--solve=youth", "--target=t2", "--runs=500"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["confidence"], 80.0);
    assert!(json["level"].is_null() && json["probability"].is_null());
    assert_eq!(json["strongest"]["level"], 0.0);
}

#[test]
fn sensitivity_prints_the_tornado_and_rank_correlations() {
    let out = run(&["aid=50", "--sensitivity", "--target", "t1", "--runs", "500"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["target"], "t1");
    assert_eq!(json["status"], "inside");
    let bars = json["tornado"].as_array().unwrap();
    let keys: Vec<&str> = bars.iter().map(|b| b["key"].as_str().unwrap()).collect();
    assert_eq!(keys.len(), 4);
    for key in ["level", "trend", "eps", "theta"] {
        assert!(keys.contains(&key), "{keys:?}");
    }
    assert_eq!(json["correlations"].as_array().unwrap().len(), 5);
}

#[test]
fn bad_solve_options_name_the_flag_and_its_range() {
    for (args, needle) in [
        (vec!["--solve", "more"], "--solve=more: allowed longer, aid, youth, region or all"),
        (vec!["--solve", "aid", "--target", "t3"], "--target=t3: allowed t1 or t2"),
        (vec!["--solve", "aid", "--target", "t1", "--confidence", "100"], "allowed 50 to 99.9"),
        (vec!["--target", "t1"], "--target: only with --solve or --sensitivity"),
        (vec!["--solve", "aid"], "--solve: needs --target"),
        (vec!["start=2025-01", "--solve", "aid", "--target", "t1"], "--target=t1: its window lies outside"),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: one line: {stderr}");
    }
}

/// A 36-month series (2024-01 to 2026-12) in the page's paste format.
const SERIES: &str = "maand;aantal\n2024-01;262\n2024-02;251\n2024-03;270\n2024-04;244\n2024-05;239\n2024-06;266\n\
2024-07;248\n2024-08;231\n2024-09;259\n2024-10;247\n2024-11;252\n2024-12;238\n2025-01;240\n2025-02;236\n\
2025-03;255\n2025-04;229\n2025-05;246\n2025-06;233\n2025-07;241\n2025-08;224\n2025-09;230\n2025-10;238\n\
2025-11;219\n2025-12;231\n2026-01;228\n2026-02;236\n2026-03;222\n2026-04;215\n2026-05;231\n2026-06;226\n\
2026-07;219\n2026-08;212\n2026-09;227\n2026-10;208\n2026-11;221\n2026-12;214\n";

fn file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("wlz-sim-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn observed_file_calibrates_and_projects_from_the_month_after_it() {
    let path = file("series.csv", SERIES);
    let out = run(&["v=2", "--observed", path.to_str().unwrap(), "--runs", "2000"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(report["months"][0]["month"], "2027-01", "the month after the file's last month");
    let c = &report["calibration"];
    assert_eq!((c["observed_from"].as_str(), c["observed_to"].as_str()), (Some("2024-01"), Some("2026-12")));
    assert_eq!(c["months_used"], 36);
    assert_eq!(c["method"], "is-laplace-kalman");
    assert!(c["diagnostic"]["ess"].as_f64().unwrap() > 500.0, "{c}");
    for field in ["level_anchor", "trend", "level_last"] {
        for stat in ["mean", "p5", "p50", "p95"] {
            assert!(c[field][stat].is_number(), "{field}.{stat}");
        }
    }
    // Observed about 225 a month at the end: the underlying level of the last month lies near it.
    let last = c["level_last"]["p50"].as_f64().unwrap();
    assert!((200.0..250.0).contains(&last), "{last}");
    // Target 1 (2024-01 to 2024-03) is wholly observed: a fact with the observed mean, not a probability.
    let t1 = &report["targets"][0];
    assert_eq!(t1["status"], "observed");
    assert_eq!(t1["observed_mean"].as_f64(), Some((262.0 + 251.0 + 270.0) / 3.0));
    assert!(t1["probability"].is_null());
    assert_eq!(report["last_observed"], "2026-12");
}

#[test]
fn a_back_test_counts_the_later_observations_in_the_bands() {
    let path = file("backtest.csv", SERIES);
    let out = run(&["v=2&start=2026-01&horizon=12", "--observed", path.to_str().unwrap(), "--runs", "2000"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(report["calibration"]["observed_to"], "2025-12", "only the months before the start are fitted");
    let b = &report["backtest"];
    assert_eq!(b["projected"], 12, "the twelve later months are compared");
    let (w50, w90) = (b["within_50"].as_u64().unwrap(), b["within_90"].as_u64().unwrap());
    assert!(w50 <= w90 && w90 <= 12);
    // Each count checked by hand against its month's bands.
    let months = report["months"].as_array().unwrap();
    let mut counted = (0, 0);
    for check in b["checks"].as_array().unwrap() {
        let Some(m) = months.iter().find(|m| m["month"] == check["month"]) else { continue };
        let c = check["count"].as_f64().unwrap();
        let inside = |lo: &str, hi: &str| m[lo].as_f64().unwrap() <= c && c <= m[hi].as_f64().unwrap();
        counted.0 += u64::from(inside("p25", "p75"));
        counted.1 += u64::from(inside("p5", "p95"));
    }
    assert_eq!(counted, (w50, w90));
}

#[test]
fn a_bad_observed_file_names_each_bad_line_and_computes_nothing() {
    let path = file("bad.csv", "maand;aantal\n2024-01;250\n2024-02;2x0\n2024-13;240\n2024-04;250\n");
    let out = run(&["v=2", "--observed", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing computed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].contains("line 3") && lines[1].contains("line 4"), "{stderr}");
    let big = file("big.csv", &"2024-01;250\n".repeat(7000));
    let out = run(&["--observed", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("64 KiB"));
    let out = run(&["--observed", "/nonexistent/series.csv"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn csv_locale_nl_is_what_dutch_excel_opens_and_intl_the_international_form() {
    let out = run(&["v=2&runs=300&horizon=12&aid=30", "--format", "csv", "--csv-locale", "nl"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(&out.stdout[..3], b"\xEF\xBB\xBF", "UTF-8 with a byte order mark");
    let text = String::from_utf8(out.stdout[3..].to_vec()).unwrap();
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'), "CRLF line ends");
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        format!("# scenario: v=2&runs=300&horizon=12&aid=30; model_version: {}", wlz_engine::MODEL_VERSION)
    );
    assert_eq!(
        lines[1],
        format!(
            "# model {}; last observed month: none after 2023 (what was known in December 2023); sources up to 2026-03-17",
            wlz_engine::MODEL_VERSION
        )
    );
    assert_eq!(lines[2], "month;mean;p5;p10;p25;p50;p75;p90;p95");
    assert_eq!(lines.len(), 3 + 12);
    for row in &lines[3..] {
        let cells: Vec<&str> = row.split(';').collect();
        assert_eq!(cells.len(), 9, "{row}");
        assert!(cells[1].contains(',') && !cells[1].contains('.'), "the mean with a decimal comma: {row}");
        assert!(cells[2..].iter().all(|c| c.bytes().all(|b| b.is_ascii_digit())), "whole clients: {row}");
    }

    let intl = stdout(&run(&["v=2&runs=300&horizon=12&aid=30", "--format=csv", "--csv-locale=intl"]));
    let intl: Vec<&str> = intl.lines().collect();
    assert_eq!(intl[2], "month,mean,p5,p10,p25,p50,p75,p90,p95");
    assert_eq!(intl[3].replace(',', ";").replace('.', ","), lines[3], "the same numbers in the other form");

    for args in [vec!["--csv-locale", "nl"], vec!["--format", "json", "--csv-locale", "nl"]] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--csv-locale: only with --format csv"), "{args:?}");
    }
    let out = run(&["--format", "csv", "--csv-locale", "de"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--csv-locale=de: allowed nl or intl"));
}

#[test]
fn csv_locale_names_the_last_observed_month() {
    let path = file("fresh.csv", SERIES);
    let out = run(&[
        "v=2&horizon=12",
        "--observed",
        path.to_str().unwrap(),
        "--runs",
        "500",
        "--format=csv",
        "--csv-locale=intl",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].contains("; last observed month: 2026-12;"), "{}", lines[1]);
    assert!(lines[3].starts_with("2027-01,"), "the month after the observations: {}", lines[3]);
}
