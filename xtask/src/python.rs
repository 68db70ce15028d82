//! The interop examples (examples/*.py: SALib, the EMA Workbench, DuckDB) and
//! the project-local virtual environment they run in, `.tools/venv`, with the
//! pinned versions of examples/requirements.txt. The environment is made
//! again only when the requirements or the interpreter change (a stamp file).

use crate::tools::{cmd, root, run, tools_dir};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The examples, each a script that exits non-zero when one of its checks fails.
pub const EXAMPLES: [&str; 3] = ["examples/sobol_salib.py", "examples/ema_prim.py", "examples/duckdb_query.py"];

/// ema_workbench 3 needs Python 3.12 or newer.
const MIN_MINOR: u32 = 12;

fn venv() -> PathBuf {
    tools_dir().join("venv")
}

/// `python`'s version as "3.M.P" when it is 3.12 or newer.
fn suitable(python: &Path) -> Option<String> {
    let out =
        Command::new(python).args(["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"]).output().ok()?;
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let minor: u32 = version.strip_prefix("3.")?.split('.').next()?.parse().ok()?;
    (out.status.success() && minor >= MIN_MINOR).then_some(version)
}

/// A Python 3.12 or newer: `WLZ_PYTHON`, python3.13, python3.12 or python3 on
/// the PATH, else the newest suitable one under pyenv's versions.
fn interpreter() -> Result<(PathBuf, String), String> {
    let mut candidates: Vec<PathBuf> = std::env::var_os("WLZ_PYTHON").map(PathBuf::from).into_iter().collect();
    candidates.extend(["python3.13", "python3.12", "python3"].map(PathBuf::from));
    let pyenv = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(&std::env::var("HOME").unwrap_or_default()).join(".pyenv"));
    let mut versions: Vec<PathBuf> = std::fs::read_dir(pyenv.join("versions"))
        .map(|dir| dir.flatten().map(|e| e.path().join("bin/python3")).collect())
        .unwrap_or_default();
    versions.sort_by_key(|p| std::cmp::Reverse(p.to_string_lossy().into_owned()));
    candidates.extend(versions);
    candidates.into_iter().find_map(|p| suitable(&p).map(|v| (p, v))).ok_or_else(|| {
        format!(
            "the interop examples need Python 3.{MIN_MINOR} or newer (ema_workbench 3): none found \
             (set WLZ_PYTHON to one)"
        )
    })
}

/// Makes `.tools/venv` with the pinned requirements unless its stamp says it has them.
pub fn ensure_venv() -> Result<PathBuf, String> {
    let requirements = root().join("examples/requirements.txt");
    let pinned = std::fs::read_to_string(&requirements).map_err(|e| format!("{}: {e}", requirements.display()))?;
    let (python, version) = interpreter()?;
    let stamp = venv().join("wlz-stamp.txt");
    let wanted = format!("python {version}\n{pinned}");
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) {
        return Ok(venv());
    }
    if venv().exists() {
        std::fs::remove_dir_all(venv()).map_err(|e| format!("{}: {e}", venv().display()))?;
    }
    run(Command::new(&python).arg("-m").arg("venv").arg(venv()))?;
    run(cmd(venv().join("bin/pip").to_str().unwrap_or("pip"))
        .args(["install", "--disable-pip-version-check", "--no-input", "--quiet", "-r"])
        .arg(&requirements))?;
    std::fs::write(&stamp, wanted).map_err(|e| format!("{}: {e}", stamp.display()))?;
    Ok(venv())
}

/// Runs every example with the venv's Python against the `wlz_sim` binary.
pub fn run_examples(wlz_sim: &Path) -> Result<(), String> {
    let venv = ensure_venv()?;
    let python = venv.join("bin/python");
    for example in EXAMPLES {
        eprintln!("--> {example}");
        run(cmd(python.to_str().unwrap_or("python3")).arg(example).env("WLZ_SIM", wlz_sim))?;
    }
    Ok(())
}
