//! `wlz-sim batch` and `wlz-sim design` through the built binary: the same
//! bytes for any thread count, shard split and resumption.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn wlz_sim() -> Command {
    Command::new(env!("CARGO_BIN_EXE_wlz-sim"))
}

fn run_with(args: &[&str], stdin: &str, env: &[(&str, String)]) -> Output {
    let mut command = wlz_sim();
    command.args(args).envs(env.iter().map(|(k, v)| (*k, v.as_str())));
    let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn run(args: &[&str]) -> Output {
    run_with(args, "", &[])
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A 13-row Latin hypercube over a lever and two assumptions, at 200 runs.
fn design(dir: &Path) -> String {
    let path = dir.join("design.txt");
    let path_text = path.to_str().unwrap();
    let out = run(&[
        "design",
        "--vary",
        "aid=0..100",
        "--vary",
        "level=200..300",
        "--vary",
        "trend=-20..5",
        "-n",
        "13",
        "--seed",
        "3",
        "--query",
        "runs=200",
        "-o",
        path_text,
    ]);
    ok(&out);
    assert!(dir.join("design.txt.design.json").exists(), "sidecar written");
    path_text.to_string()
}

#[test]
fn one_two_and_three_threads_give_the_same_bytes_as_single_runs() {
    let dir = tempfile::tempdir().unwrap();
    let design = design(dir.path());
    let one = ok(&run(&["batch", &design, "--threads", "1", "--months"]));
    for threads in ["2", "3"] {
        assert_eq!(ok(&run(&["batch", &design, "--threads", threads, "--months"])), one, "{threads} threads");
    }
    let lines: Vec<serde_json::Value> = one.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 13);
    let fingerprint = lines[0]["design"].as_str().expect("the design's fingerprint in every record");
    for (i, record) in lines.iter().enumerate() {
        assert_eq!(record["id"], i + 1);
        assert_eq!(record["design"], fingerprint);
        assert_eq!(record["months"].as_array().map(Vec::len), Some(84));
    }
    // Each record carries exactly the numbers of `wlz-sim QUERY` for its scenario.
    for record in [&lines[0], &lines[12]] {
        let query = record["query"].as_str().unwrap();
        let report: serde_json::Value = serde_json::from_str(&ok(&run(&[query]))).unwrap();
        assert_eq!(report["scenario"], record["query"]);
        assert_eq!(report["targets"][1]["probability"], record["targets"]["t2"]["probability"]);
        assert_eq!(report["targets"][0]["std_error"], record["targets"]["t1"]["std_error"]);
        assert_eq!(report["cumulative"], record["cumulative"]);
        assert_eq!(report["averted"], record["averted"]);
        assert_eq!(report["months"][40]["p90"], record["months"][40]["p90"]);
    }
}

/// Calls `check` with a temporary folder, a design in it, each output format
/// and the design's one-process batch output in that format.
fn for_each_format(check: impl Fn(&Path, &str, &str, &str)) {
    let dir = tempfile::tempdir().unwrap();
    let design = design(dir.path());
    for format in ["ndjson", "csv"] {
        check(dir.path(), &design, format, &ok(&run(&["batch", &design, "--format", format])));
    }
}

#[test]
fn four_slurm_array_tasks_concatenate_to_the_one_process_output() {
    for_each_format(|dir, design, format, whole| {
        let mut merged = String::new();
        for task in 0..4 {
            let out = dir.join(format!("part-{task}.{format}"));
            let env = [
                ("SLURM_ARRAY_TASK_ID", (task + 10).to_string()),
                ("SLURM_ARRAY_TASK_MIN", "10".to_string()),
                ("SLURM_ARRAY_TASK_COUNT", "4".to_string()),
            ];
            let args = ["batch", design, "--format", format, "--shard", "slurm", "-o", out.to_str().unwrap()];
            ok(&run_with(&args, "", &env));
            merged.push_str(&std::fs::read_to_string(&out).unwrap());
        }
        assert_eq!(merged, whole, "{format}");
        assert_eq!(whole.lines().count(), 13 + usize::from(format == "csv"));
    });
}

#[test]
fn resume_drops_a_torn_line_and_skips_what_was_written() {
    for_each_format(|dir, design, format, whole| {
        let out = dir.join(format!("resumed.{format}"));
        // A run killed in its seventh line, with one kept line altered to show it is not recomputed.
        let cut = whole.match_indices('\n').nth(5).unwrap().0 + 1;
        let version = format!(",{},", wlz_engine::MODEL_VERSION);
        let kept = whole[..cut].replacen(",\"seed\":1,", ",\"seed\":1 ,", 1).replacen(&version, ", ,", 1);
        assert_ne!(kept, whole[..cut]);
        std::fs::write(&out, format!("{kept}{}", &whole[cut..cut + 40])).unwrap();
        // The first resume finishes the output; a second one adds nothing.
        for _ in 0..2 {
            ok(&run(&["batch", design, "--format", format, "--resume", "-o", out.to_str().unwrap()]));
            assert_eq!(std::fs::read_to_string(&out).unwrap(), format!("{kept}{}", &whole[cut..]), "{format}");
        }
    });
}

#[test]
fn resume_refuses_the_results_of_another_design() {
    let dir = tempfile::tempdir().unwrap();
    let design = design(dir.path());
    let out = dir.path().join("out.ndjson");
    ok(&run(&["batch", &design, "-o", out.to_str().unwrap()]));
    let other = run(&["design", "--vary", "aid=0..50", "-n", "13", "--query", "runs=200"]);
    let result = run_with(&["batch", "--resume", "-o", out.to_str().unwrap()], &ok(&other), &[]);
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.starts_with("wlz-sim: --resume: the output holds results of design "), "{stderr}");
}

#[test]
fn bad_lines_get_error_records_and_the_good_ones_are_all_written() {
    let input = "aid=50\naid=120\n{\"id\":\"b\",\"query\":\"region=10\"}\n{broken\nregion=5\n";
    let out = run_with(&["batch", "--query", "runs=100"], input, &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("2 scenario(s) could not be read"), "{stderr}");
    let records: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<String> = records.iter().map(|r| r["id"].to_string()).collect();
    assert_eq!(ids, ["1", "2", "\"b\"", "4", "5"]);
    assert_eq!(records[1]["error"], "aid=120: out of range, allowed 0 to 100");
    assert_eq!(records[1]["line"], 2);
    assert!(records[3]["error"].as_str().unwrap().starts_with("not a JSON record"));
    for good in [0, 2, 4] {
        assert!(records[good]["targets"]["t1"]["probability"].is_number(), "{}", records[good]);
    }
}

#[test]
fn a_salib_matrix_on_stdin_gives_csv_rows_without_a_header() {
    let matrix = "2.500000000e+02 0.000000000e+00\n2.200000000e+02 5.000000000e+01\n";
    let args = ["batch", "--columns", "level,aid", "--query", "runs=100", "--format", "csv", "--no-header"];
    let csv = ok(&run_with(&args, matrix, &[]));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 2);
    let v = wlz_engine::params::KeySet::default().code();
    assert!(rows[0].starts_with(&format!("1,v={v}&runs=100,")), "{}", rows[0]);
    assert!(rows[1].starts_with(&format!("2,v={v}&runs=100&aid=50&level=220,")), "{}", rows[1]);
    let cells: Vec<&str> = rows[1].split(',').collect();
    assert_eq!(cells.len(), 19);
    let p_t1: f64 = cells[5].parse().unwrap();
    assert!((0.0..=1.0).contains(&p_t1));
}

#[test]
fn batch_options_are_checked_before_anything_runs() {
    for (args, message) in [
        (vec!["batch", "--columns", "aid,zz"], "--columns=zz: unknown key"),
        (vec!["batch", "--shard", "3/2", "x"], "--shard=3/2: shard 3 of 2, allowed i/n"),
        (vec!["batch", "--shard", "1/2"], "--shard: needs an input FILE"),
        (vec!["batch", "--query", "aid=200"], "--query aid=200: out of range, allowed 0 to 100"),
        (vec!["batch", "--resume"], "--resume: needs --output FILE"),
        (vec!["batch", "--format", "xml"], "--format=xml: allowed ndjson or csv"),
        (vec!["batch", "--threads", "0"], "--threads=0: allowed a whole number from 1 to 1024"),
        (vec!["batch", "--runs", "7"], "--query --runs=7: out of range, allowed 100 to 100000"),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn help_lists_the_keys_and_version_names_the_model() {
    let help = ok(&run(&["--help"]));
    assert!(help.contains("Scenario keys (QUERY)") && help.contains("| `aid` |"), "{help}");
    assert!(ok(&run(&["batch", "--help"])).contains("--shard"));
    let version = ok(&run(&["--version"]));
    assert_eq!(version.trim(), format!("wlz-sim {} (model {})", env!("CARGO_PKG_VERSION"), wlz_engine::MODEL_VERSION));
}

#[test]
fn csv_months_are_the_base_query_s_and_every_row_has_every_column() {
    let out = run_with(
        &["batch", "--format", "csv", "--months", "--query", "runs=100&horizon=12"],
        "aid=5\nhorizon=24\n",
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "the second scenario has other months");
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 3);
    let header: Vec<&str> = rows[0].split(',').collect();
    assert_eq!(header.len(), 17 + 12 * 8 + 2);
    assert_eq!((header[17], header[17 + 12 * 8 - 1]), ("2024-01_mean", "2024-12_p95"));
    assert_eq!(rows[1].split(',').count(), header.len(), "{}", rows[1]);
    assert_eq!(rows[2].split(',').count(), header.len(), "{}", rows[2]);
    assert!(
        rows[2].ends_with("line 2: --months with --format csv: its months differ from the base query's (use NDJSON)")
    );
}
