"""Sobol indices of P(target 2) with SALib's command line, as a researcher would.

salib sample sobol -> wlz-sim batch --columns (the matrix as it is) --format csv
--no-header -> salib analyze sobol -Y (column 7: t2_probability). Checks that
the first-order indices sum to at most 1 within their confidence, that every
total index is at least its first-order index within their confidence, and
that the autonomous trend g drives target 2 most (the model's structure: over
six years g compounds, the levers scale the level once).
"""

import os
import subprocess
import sys
import tempfile

import numpy as np
from SALib.analyze import sobol
from SALib.util import read_param_file

from wlz import binary, check

# Uncertain assumptions (level, trend, eps, theta) and the four levers' ranges (URL units).
PARAMS = """level 200 300
trend -15 5
eps 20 80
theta 5 30
longer 25 100
aid 0 100
region 0 50
youth 2 20
"""
N = 128  # base sample: N (D + 2) = 1,280 scenarios
RUNS = 300
T2_COLUMN = 7  # id, query, model_version, seed, runs, t1_probability, t1_std_error, t2_probability


def main() -> None:
    work = tempfile.mkdtemp(prefix="wlz-sobol-")
    params, x, y = (os.path.join(work, f) for f in ("params.txt", "X.txt", "Y.csv"))
    with open(params, "w") as f:
        f.write(PARAMS)
    salib = os.path.join(os.path.dirname(sys.executable), "salib")
    subprocess.run(
        # Unscrambled: SALib 1.6's command line does not pass --seed to the Sobol sampler,
        # so a scrambled sample would differ on every run.
        [salib, "sample", "sobol", "-p", params, "-o", x, "-n", str(N), "--max-order", "1", "--scramble", "0"],
        check=True,
    )
    names = read_param_file(params)["names"]
    subprocess.run(
        [binary(), "batch", x, "--columns", ",".join(names), "--query", f"runs={RUNS}", "--format", "csv",
         "--no-header", "-o", y],
        check=True,
    )
    cli = subprocess.run(
        [salib, "analyze", "sobol", "-p", params, "-Y", y, "--delimiter", ",", "-c", str(T2_COLUMN),
         "--max-order", "1", "--seed", "3"],
        check=True, capture_output=True, text=True,
    )
    print(cli.stdout)
    check(all(n in cli.stdout for n in names), "salib analyze read wlz-sim's CSV and names every input")

    # The same analysis through SALib's Python API, reading Y as its command line does.
    problem = read_param_file(params)
    values = np.loadtxt(y, delimiter=",", usecols=(T2_COLUMN,))
    check(len(values) == N * (len(names) + 2), f"one result per sample row ({len(values)})")
    s = sobol.analyze(problem, values, calc_second_order=False, seed=3)
    s1, s1c, st, stc = (np.asarray(s[k]) for k in ("S1", "S1_conf", "ST", "ST_conf"))
    check(s1.sum() <= 1 + s1c.sum(), f"first-order indices sum to {s1.sum():.3f} <= 1 within {s1c.sum():.3f}")
    check(bool(np.all(st + stc >= s1 - s1c)), "each total index >= its first-order index within confidence")
    top = names[int(np.argmax(st))]
    check(top == "trend" and st.max() > 0.5, f"the trend drives P(target 2) most (ST {st.max():.2f}, top: {top})")


if __name__ == "__main__":
    main()
