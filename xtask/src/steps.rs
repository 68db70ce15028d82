//! The build, test and benchmark steps.

use crate::tools::{cmd, ensure_test_tools, root, run, step, trunk};

/// `trunk build --release` into dist/, then prints the wasm sizes (raw and gzip).
pub fn build_release() -> Result<(), String> {
    step("release build (trunk) into dist/", || run(trunk().args(["build", "--release"])))?;
    let dist = root().join("dist");
    let mut entries: Vec<_> =
        std::fs::read_dir(&dist).map_err(|e| e.to_string())?.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "wasm")) {
        let raw = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
        let gz = cmd("sh")
            .arg("-c")
            .arg(format!("gzip -9 -c '{}' | wc -c", path.display()))
            .output()
            .map_err(|e| e.to_string())?;
        let gz = String::from_utf8_lossy(&gz.stdout).trim().to_string();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        eprintln!(
            "    {name}: {:.0} KiB raw, {:.0} KiB gzip",
            raw as f64 / 1024.0,
            gz.parse::<f64>().unwrap_or(0.0) / 1024.0
        );
    }
    Ok(())
}

const WASM: &str = "wasm32-unknown-unknown";

/// Every test level: formatting, clippy (native and wasm32), native tests,
/// wasm-bindgen-test in headless Chromium, the release build and the
/// end-to-end tests in Chromium.
pub fn test_all() -> Result<(), String> {
    ensure_test_tools()?;
    step("cargo fmt --check", || run(cmd("cargo").args(["fmt", "--all", "--check"])))?;
    step("clippy (native)", || {
        run(cmd("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))
    })?;
    step("clippy (wasm32)", || {
        let tests = "--test components --test impact --test wasm_golden --test golden_links";
        run(cmd("cargo").args(
            format!("clippy --target {WASM} -p wlz-app -p wlz-engine --lib --bins {tests} -- -D warnings").split(' '),
        ))
    })?;
    step("native tests (cargo test)", || run(cmd("cargo").args(["test", "--workspace"])))?;
    step("browser tests (wasm-bindgen-test in headless Chromium)", || {
        run(cmd("cargo").args([
            "test",
            "--target",
            WASM,
            "-p",
            "wlz-engine",
            "--test",
            "wasm_golden",
            "--test",
            "golden_links",
        ]))?;
        run(cmd("cargo").args(["test", "--target", WASM, "-p", "wlz-app", "--test", "components", "--test", "impact"]))
    })?;
    build_release()?;
    step("end-to-end tests (playwright-core + Debian's Chromium)", || {
        run(cmd("node").args(["--test", "--test-concurrency=1", "tests/e2e/"]).env("DIST_DIR", root().join("dist")))
    })
}

/// The criterion benchmark (native), the page's responsiveness in Chromium and
/// the engine as wasm in headless Chromium; figures go in the README.
pub fn bench() -> Result<(), String> {
    ensure_test_tools()?;
    step("criterion (native, one core)", || {
        run(cmd("cargo").args(["bench", "-p", "wlz-engine", "--bench", "engine"]))
    })?;
    build_release()?;
    step("page responsiveness benchmark (playwright-core + Debian's Chromium)", || {
        run(cmd("node").arg("tests/e2e/bench.mjs").env("DIST_DIR", root().join("dist")))
    })?;
    step("browser benchmark (wasm in headless Chromium)", || {
        run(cmd("cargo").args([
            "test",
            "--release",
            "--target",
            WASM,
            "-p",
            "wlz-engine",
            "--test",
            "wasm_bench",
            "--",
            "--nocapture",
        ]))
    })
}
