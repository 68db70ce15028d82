//! `cargo xtask`: every chore of the project, so no shell script drifts.
//!
//! - `cargo xtask serve [--port N]`: install what is missing, build the release
//!   site into dist/ and serve it on http://127.0.0.1:8080 (or N).
//! - `cargo xtask test`: install what the tests need and run every test level.
//! - `cargo xtask build`: the release build into dist/ only.
//! - `cargo xtask examples`: the interop examples alone (SALib, EMA Workbench, DuckDB).
//! - `cargo xtask bench`: the criterion benchmark, the batch benchmark and the browser benchmarks;
//!   `cargo xtask bench batch`: the batch benchmark alone.

mod batch_bench;
mod catalogue;
mod python;
mod serve;
mod standalone;
mod steps;
mod tools;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve_command(&args[1..]),
        Some("build") => tools::ensure_build_tools().and_then(|_| steps::build_release().map(drop)),
        Some("test") => steps::test_all(),
        Some("bench") if args.get(1).is_some_and(|a| a == "batch") => batch_bench::bench_batch(),
        Some("bench") => steps::bench(),
        Some("examples") => tools::run(tools::cmd("cargo").args(["build", "-p", "wlz-sim"]))
            .and_then(|()| python::run_examples(&tools::target_dir().join("debug/wlz-sim"))),
        Some("dev") => tools::ensure_build_tools().and_then(|_| tools::run(tools::trunk().arg("serve"))),
        _ => {
            eprintln!("usage: cargo xtask serve [--port N] | test | build | bench [batch] | examples | dev");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve_command(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, value] if flag == "--port" => {
            value.parse().map_err(|_| format!("--port: not a port number: {value} (allowed 0 to 65535)"))?
        }
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    tools::ensure_build_tools()?;
    steps::build_release()?;
    serve::serve(&tools::root().join("dist"), port)
}
