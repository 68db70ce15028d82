//! The build, test and benchmark steps.

use crate::tools::{cmd, ensure_test_tools, root, run, step, trunk};

/// The Content-Security-Policy of the page: nothing but its own origin
/// (wasm needs 'wasm-unsafe-eval'; exports draw the chart from blob: URLs).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; \
style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'none'; object-src 'none'; \
base-uri 'self'; form-action 'none'";

/// Moves Trunk's inline start-up script into `start.js` (so the policy needs
/// no inline script), puts the Content-Security-Policy in index.html,
/// writes its title, description and no-script notice from the catalogue,
/// and writes each language's texts (`texts-<code>.txt`), which the release page loads.
pub fn harden(dist: &std::path::Path) -> Result<(), String> {
    for (code, texts) in crate::catalogue::texts() {
        let name = crate::catalogue::texts_file(code);
        std::fs::write(dist.join(&name), texts).map_err(|e| format!("{name}: {e}"))?;
    }
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let open = "<script type=\"module\">";
    let start = html.find(open).ok_or("index.html: Trunk's start-up script not found")?;
    let end = html[start..].find("</script>").map(|i| start + i).ok_or("index.html: unclosed script")?;
    let script = &html[start + open.len()..end];
    std::fs::write(dist.join("start.js"), start_script(script)?).map_err(|e| e.to_string())?;
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">");
    let html = format!(
        "{}<script type=\"module\" src=\"./start.js\"></script>{}",
        &html[..start],
        &html[end + "</script>".len()..]
    )
    .replacen("<meta charset=\"utf-8\">", &format!("<meta charset=\"utf-8\">\n  {meta}"), 1);
    let html = crate::catalogue::fill(&html, "meta.description")?;
    std::fs::write(&index, html).map_err(|e| e.to_string())?;
    let manifest = dist.join("manifest.webmanifest");
    let json = std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    std::fs::write(&manifest, crate::catalogue::fill_manifest(&json)?).map_err(|e| e.to_string())
}

/// `boot_page.js` (starting the page's wasm: one retry, then a message in both
/// languages instead of a blank page) with that message from the catalogue.
pub(crate) fn boot_page() -> Result<String, String> {
    let failed = format!("{} / {}", crate::catalogue::nl("boot.failed")?, crate::catalogue::en("boot.failed")?);
    // Inside a template literal: no backquote may pass.
    Ok(include_str!("boot_page.js").replace("__BOOT_FAILED__", &failed.replace('`', "'")))
}

/// Trunk's start-up script with the page's wasm started by [`boot_page`]'s `startPage`.
fn start_script(trunk: &str) -> Result<String, String> {
    let init = "await init({ module_or_path: './wlz-app_bg.wasm' })";
    if trunk.matches(init).count() != 1 {
        return Err(format!("start.js: Trunk's start-up script no longer holds `{init}` once"));
    }
    let started = "await startPage(() => init({ module_or_path: './wlz-app_bg.wasm' }))";
    let codes: Vec<String> = crate::catalogue::texts().iter().map(|(code, _)| format!("'{code}'")).collect();
    let texts = include_str!("texts_fetch.js").trim().replace("__TEXTS_CODES__", &format!("[{}]", codes.join(", ")));
    Ok(format!("{}\n{}\n{}", boot_page()?, texts, trunk.trim().replacen(init, started, 1)))
}

/// Every file below `dir`, as paths relative to it with `/`, sorted.
pub(crate) fn files_below(dir: &std::path::Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())?.flatten() {
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            files_below(&entry.path(), &format!("{name}/"), out)?;
        } else {
            out.push(name);
        }
    }
    out.sort();
    Ok(())
}

/// Writes `sw.js` (the service worker) listing every file of this release,
/// with a version that is a hash of their contents, and registers it from
/// `start.js` (so `trunk serve`, the development server, never registers it).
pub fn write_service_worker(dist: &std::path::Path) -> Result<(), String> {
    let mut files = Vec::new();
    files_below(dist, "", &mut files)?;
    files.retain(|f| f != "sw.js");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let bytes = std::fs::read(dist.join(file)).map_err(|e| e.to_string())?;
        for b in file.bytes().chain(bytes) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    // The standalone file is cached when first fetched (a download), not on every first visit.
    let lazy = crate::standalone::STANDALONE;
    let list = files.iter().filter(|f| *f != lazy).map(|f| format!("'./{f}'")).collect::<Vec<_>>().join(", ");
    let sw = include_str!("sw.js")
        .replace("__VERSION__", &format!("{hash:016x}"))
        .replace("__FILES__", &format!("[{list}]"))
        .replace("__LAZY__", &format!("['./{lazy}']"));
    std::fs::write(dist.join("sw.js"), sw).map_err(|e| e.to_string())?;
    let start = dist.join("start.js");
    let mut script = std::fs::read_to_string(&start).map_err(|e| e.to_string())?;
    script.push_str(include_str!("sw_register.js"));
    std::fs::write(start, script).map_err(|e| e.to_string())
}

/// Issue 13's size budgets of the release wasm files (bytes after gzip -9): the page 220 KiB, the worker 110 KiB.
const SIZE_BUDGETS: [(&str, usize); 2] = [("wlz-app_bg.wasm", 220 * 1024), ("worker_bg.wasm", 110 * 1024)];

/// `trunk build --release` into dist/, hardens index.html, then prints the
/// wasm sizes (raw and gzip) against [`SIZE_BUDGETS`]; returns what is over
/// its budget (empty when every budget is met; a missing file is over).
pub fn build_release() -> Result<Vec<String>, String> {
    step("release build (trunk) into dist/", || run(trunk().args(["build", "--release"])))?;
    let dist = root().join("dist");
    harden(&dist)?;
    crate::standalone::write_standalone(&dist)?;
    write_service_worker(&dist)?;
    let mut over = Vec::new();
    for (name, budget) in SIZE_BUDGETS {
        let Ok(bytes) = std::fs::read(dist.join(name)) else {
            over.push(format!("{name}: not in dist/"));
            continue;
        };
        let gz = crate::standalone::gzip(&bytes)?.len();
        let excess = over_budget(name, gz, budget);
        let verdict = if excess.is_none() { "met" } else { "OVER" };
        let (raw_kib, gz_kib) = (bytes.len() as f64 / 1024.0, gz as f64 / 1024.0);
        eprintln!(
            "    {name}: {raw_kib:.0} KiB raw, {gz_kib:.1} KiB gzip ({gz} bytes; budget {} KiB: {verdict})",
            budget / 1024
        );
        over.extend(excess);
    }
    Ok(over)
}

/// What to say when `name`'s `gz` bytes (gzip) are over its `budget` (bytes); none when within it.
fn over_budget(name: &str, gz: usize, budget: usize) -> Option<String> {
    (gz > budget).then(|| format!("{name}: {gz} bytes gzip, {} over its budget of {} KiB", gz - budget, budget / 1024))
}

/// [`build_release`], failing when a wasm file is over its size budget.
fn build_release_in_budget() -> Result<(), String> {
    let over = build_release()?;
    if over.is_empty() { Ok(()) } else { Err(format!("over the size budget: {}", over.join("; "))) }
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
            format!(
                "clippy --target {WASM} -p wlz-app -p wlz-worker -p wlz-scenario -p wlz-engine --lib --bins {tests} \
                 -- -D warnings"
            )
            .split_whitespace(),
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
    build_release_in_budget()?;
    step("command-line tool for the end-to-end cross-checks", || run(cmd("cargo").args(["build", "-p", "wlz-sim"])))?;
    let target_dir = crate::tools::target_dir();
    step("interop examples (SALib, EMA Workbench, DuckDB) in .tools/venv", || {
        crate::python::run_examples(&target_dir.join("debug").join("wlz-sim"))
    })?;
    step("end-to-end tests (playwright-core + Debian's Chromium)", || {
        run(cmd("node")
            .args(["--test", "--test-concurrency=1", "tests/e2e/"])
            .env("DIST_DIR", root().join("dist"))
            .env("WLZ_SIM", target_dir.join("debug").join("wlz-sim")))
    })
}

/// The criterion benchmark (native), the command line's batch benchmark, the
/// page's responsiveness in Chromium and the engine as wasm in headless
/// Chromium; figures go in the README.
pub fn bench() -> Result<(), String> {
    ensure_test_tools()?;
    step("criterion (native, one core)", || {
        run(cmd("cargo").args(["bench", "-p", "wlz-engine", "--features", "parallel", "--bench", "engine"]))
    })?;
    crate::batch_bench::bench_batch()?;
    build_release_in_budget()?;
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

#[cfg(test)]
mod size_tests {
    use super::*;

    #[test]
    fn a_wasm_over_its_budget_is_named_and_one_within_it_is_not() {
        assert_eq!(over_budget("wlz-app_bg.wasm", 220 * 1024, 220 * 1024), None, "at the budget: met");
        assert_eq!(
            over_budget("wlz-app_bg.wasm", 220 * 1024 + 1, 220 * 1024).as_deref(),
            Some("wlz-app_bg.wasm: 225281 bytes gzip, 1 over its budget of 220 KiB")
        );
        assert_eq!(SIZE_BUDGETS.map(|(_, b)| b / 1024), [220, 110], "issue 13's budgets");
    }
}
