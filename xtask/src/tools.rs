//! Installing the tools the build and the tests need, each skipped when the
//! right version is already there. Versions are pinned here and nowhere else
//! (Trunk.toml's [tools] must name the same wasm-bindgen and wasm-opt).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// wasm-bindgen: must equal the `=` pin of the crate in Cargo.toml.
pub const WASM_BINDGEN: &str = "0.2.130";
/// Trunk: 0.22 needs a newer rustc than this machine's.
pub const TRUNK: &str = "0.21.14";
/// wasm-opt from the npm package `binaryen` (Debian's binaryen 108 fails on this output).
pub const BINARYEN: &str = "132.0.0";

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Cargo's target directory (`CARGO_TARGET_DIR`, else target/ in the root).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), Into::into)
}

/// Where project-local tools live (ignored by git).
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

/// PATH with the project's tools first.
pub fn path_env() -> String {
    let home = std::env::var("HOME").unwrap_or_default();
    let cargo_bin = std::env::var("CARGO_HOME").map_or_else(|_| format!("{home}/.cargo/bin"), |c| format!("{c}/bin"));
    let binaryen = tools_dir().join("node_modules/.bin");
    format!("{}:{cargo_bin}:{}", binaryen.display(), std::env::var("PATH").unwrap_or_default())
}

/// A command run from the repository root with the project's PATH.
pub fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", path_env());
    c
}

/// `trunk` with the project's PATH.
pub fn trunk() -> Command {
    cmd("trunk")
}

/// Runs `command`, failing with its name when it fails.
pub fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command.status().map_err(|e| format!("{shown}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{shown} failed ({status})")) }
}

/// The first line a command prints, if it runs.
fn version_of(program: &str, arg: &str) -> Option<String> {
    let out = cmd(program).arg(arg).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or("").to_string())
}

/// Runs a named step and prints how long it took.
pub fn step<T>(name: &str, work: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    eprintln!("==> {name}");
    let started = Instant::now();
    let result = work();
    eprintln!(
        "<== {name}: {} in {:.1} s",
        if result.is_ok() { "ok" } else { "FAILED" },
        started.elapsed().as_secs_f64()
    );
    result
}

fn cargo_install(krate: &str, version: &str, locked: bool) -> Result<(), String> {
    let mut c = cmd("cargo");
    c.args(["install", krate, "--version", &format!("={version}")]);
    if locked {
        c.arg("--locked");
    }
    run(&mut c)
}

/// The wasm32 target, wasm-bindgen-cli, Trunk and wasm-opt, and the crates fetched.
pub fn ensure_build_tools() -> Result<(), String> {
    step("tools for the build", || {
        let targets =
            cmd("rustup").args(["target", "list", "--installed"]).output().map_err(|e| format!("rustup: {e}"))?;
        if !String::from_utf8_lossy(&targets.stdout).contains("wasm32-unknown-unknown") {
            run(cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
        }
        if version_of("wasm-bindgen", "--version").is_none_or(|v| !v.ends_with(WASM_BINDGEN)) {
            // Not --locked: its lock file names a crate version that was yanked.
            cargo_install("wasm-bindgen-cli", WASM_BINDGEN, false)?;
        }
        if version_of("trunk", "--version").is_none_or(|v| !v.ends_with(TRUNK)) {
            cargo_install("trunk", TRUNK, true)?;
        }
        let binaryen = tools_dir().join("node_modules/binaryen/package.json");
        let installed = std::fs::read_to_string(&binaryen).unwrap_or_default();
        if !installed.contains(&format!("\"version\": \"{BINARYEN}\"")) {
            std::fs::create_dir_all(tools_dir()).map_err(|e| e.to_string())?;
            run(cmd("npm")
                .args(["install", "--no-audit", "--no-fund", "--prefix"])
                .arg(tools_dir())
                .arg(format!("binaryen@{BINARYEN}")))?;
        }
        run(cmd("cargo").args(["fetch", "--quiet"]))
    })
}

/// Debian's chromium and chromium-driver, and the npm packages of the browser tests.
pub fn ensure_test_tools() -> Result<(), String> {
    ensure_build_tools()?;
    step("tools for the tests", || {
        if !Path::new("/usr/bin/chromium").exists() || !Path::new("/usr/bin/chromedriver").exists() {
            run(Command::new("apt-get").args(["update", "-q"]))?;
            run(Command::new("apt-get")
                .args(["install", "-y", "-q", "--no-install-recommends", "chromium", "chromium-driver"])
                .env("DEBIAN_FRONTEND", "noninteractive"))?;
        }
        let e2e = root().join("tests/e2e");
        if !e2e.join("node_modules/playwright-core").exists() || !e2e.join("node_modules/@axe-core/playwright").exists()
        {
            run(cmd("npm")
                .current_dir(&e2e)
                .args(["ci", "--no-audit", "--no-fund"])
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
        }
        Ok(())
    })
}
