"""Shared by the examples: where the wlz-sim binary is and how to call it.

The test command (`cargo xtask test`) sets WLZ_SIM to the binary it built;
by hand, `cargo build --release -p wlz-sim` and
`WLZ_SIM=target/release/wlz-sim .tools/venv/bin/python examples/...`.
"""

import os
import subprocess
import sys


def binary() -> str:
    """Path of the wlz-sim binary (WLZ_SIM, else target/release, else target/debug)."""
    if os.environ.get("WLZ_SIM"):
        return os.environ["WLZ_SIM"]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for profile in ("release", "debug"):
        path = os.path.join(root, "target", profile, "wlz-sim")
        if os.path.exists(path):
            return path
    sys.exit("wlz-sim not found: set WLZ_SIM or run `cargo build --release -p wlz-sim`")


def run(args, stdin=None) -> str:
    """Runs wlz-sim with `args`; returns its stdout, failing loudly on a non-zero exit."""
    done = subprocess.run([binary(), *args], input=stdin, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"wlz-sim {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def check(condition: bool, message: str) -> None:
    """Fails the example with `message` unless `condition` holds."""
    if not condition:
        sys.exit(f"FAILED: {message}")
    print(f"ok: {message}")
